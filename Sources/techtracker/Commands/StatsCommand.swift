import ArgumentParser
import TechTrackerMeasure
import TechTrackerPresent

/// `techtracker stats`: what the store holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Works by year, type and country (fractional and whole counting), top institutions, works with no known country."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "How many countries to list.")
    var countries = 25

    @Option(help: "How many institutions to list.")
    var institutions = 20

    func run() throws {
        let store = try storeOptions.openForReading()
        let statistics = try CorpusStatistics.compute(from: store, topInstitutions: institutions)
        Console.out(StatisticsReport.render(statistics, institutions: try store.institutions(), countryLimit: countries))
    }
}
