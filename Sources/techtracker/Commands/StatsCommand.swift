import ArgumentParser
import TechTrackerMeasure
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore

/// `techtracker stats`: what the store holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract:
            "Works by year, type and country (fractional and whole counting), top institutions, "
            + "works with no known country."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(parsing: .unconditional, help: "How many countries to list (\(OptionRange.text(OptionRange.countries))).")
    var countries = StatisticsReport.defaultCountryLimit

    @Option(
        parsing: .unconditional, help: "How many institutions to list (\(OptionRange.text(OptionRange.institutions))).")
    var institutions = CorpusStatistics.defaultTopInstitutions

    func validate() throws {
        try OptionRange.check(countries, OptionRange.countries, option: "--countries")
        try OptionRange.check(institutions, OptionRange.institutions, option: "--institutions")
    }

    func run() throws {
        let store = try storeOptions.openForReading()
        let statistics = try CorpusStatistics.compute(from: store, topInstitutions: institutions)
        Console.out(
            StatisticsReport.render(
                statistics, institutions: try store.institutions(), countryLimit: countries,
                crossSource: try store.crossSourceSummary()))
    }
}
