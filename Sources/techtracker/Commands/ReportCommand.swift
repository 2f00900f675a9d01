import ArgumentParser
import Foundation
import TechTrackerCore
import TechTrackerPresent
import TechTrackerStore

/// `techtracker report`: the stored figures as terminal tables.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the headline, the per-technology table and the per-country summary of the last analysis."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(
        help: ArgumentHelp(
            "The window to show, e.g. 2020-2024 (years \(OptionRange.text(OptionRange.years)); default: the latest).",
            valueName: "from-to"))
    var window: String?

    @Option(help: "Only this technology (id).")
    var technology: String?

    @Option(help: "Only this country (ISO alpha-2) in the country section.")
    var country: String?

    @Option(help: "The counting of the tables.")
    var counting = AnalysisReport.Selection().counting

    func validate() throws {
        try OptionRange.checkYears(window, option: "--window")
    }

    func run() throws {
        var selection = AnalysisReport.Selection()
        if let window {
            guard let parsed = PublicationWindow(parsing: window) else {
                throw UsageFailure("--window: expected FROM-TO, e.g. 2020-2024")
            }
            selection.window = parsed
        }
        selection.counting = counting
        selection.technology = technology
        selection.country = country?.uppercased()
        try Self.report(store: try storeOptions.openForReading(), selection: selection)
    }

    /// Prints the tables of `selection` from the figures stored in `store`: the run of `report`,
    /// and the demo's report step.
    static func report(store: WorkStore, selection: AnalysisReport.Selection) throws {
        let results = try storedResults(store)
        do {
            try AnalysisReport.check(selection, in: results)
        } catch let error as ReportSelectionError {
            // Empty tables would read as "no results"; the selection is what needs fixing.
            throw UsageFailure(error.description)
        }
        Console.out(AnalysisReport.render(results, selection: selection))
    }

    /// The headline sentence of the figures stored in `store` (the default selection's counting,
    /// latest window), with the SYNTHETIC DATA label when it applies: the demo's last line.
    static func headline(store: WorkStore) throws -> String {
        guard let results = try store.storedResults() else { return "No figures." }
        return (results.synthetic ? "SYNTHETIC DATA: " : "")
            + AnalysisReport.headlineSentence(results, counting: AnalysisReport.Selection().counting)
    }

    /// The figures of the last analysis, or a failure saying to run `analyze` first.
    static func storedResults(_ store: WorkStore) throws -> AnalysisResults {
        guard let results = try store.storedResults() else {
            throw CommandFailure("the store has no figures yet: run `techtracker analyze` first")
        }
        return results
    }
}
