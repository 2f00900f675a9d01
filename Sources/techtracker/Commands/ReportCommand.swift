import ArgumentParser
import Foundation
import TechTrackerCore
import TechTrackerPresent
import TechTrackerStore

/// `techtracker report`: the stored figures as terminal tables, or as one HTML file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the headline, the per-technology table and the per-country summary of the last analysis.",
        discussion: """
            With --html FILE, writes instead the dashboard's overview, every technology's and every country's \
            view and the method as one self-contained HTML file (inline CSS and SVG charts, no external \
            requests) for the latest window and fractional counting, laid out to print on A4.
            """
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

    @Option(
        help: ArgumentHelp(
            "Write the overview, technology and country views as one self-contained HTML file.", valueName: "file"))
    var html: String?

    func validate() throws {
        try OptionRange.checkYears(window, option: "--window")
    }

    func run() throws {
        if let html {
            try Self.writeHTML(store: try storeOptions.openForReading(), to: html)
            return
        }
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

    /// Writes the single-file HTML report of `store`'s figures to `path` and says so: the run of
    /// `report --html`, and the demo's last step.
    static func writeHTML(store: WorkStore, to path: String) throws {
        let model = try DashboardLoading.model(store)
        do {
            try Data(HTMLReport.render(model).utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
        Console.out(
            "Wrote \(path): the overview, \(model.technologies.count) technologies and the country views "
                + "(open it in a browser; it needs no network)")
    }

    /// The headline sentence of the figures stored in `store` (the default selection's counting,
    /// latest window), and the headline by patent-cited share on a line of its own when the
    /// analysis read patent citations (METHOD §10), each with the SYNTHETIC DATA label when it
    /// applies: the demo's last lines.
    static func headline(store: WorkStore) throws -> String {
        guard let results = try store.storedResults() else { return "No figures." }
        let label = results.needsSyntheticLabel ? "SYNTHETIC DATA: " : ""
        let counting = AnalysisReport.Selection().counting
        var lines = [label + AnalysisReport.headlineSentence(results, counting: counting)]
        if let patents = AnalysisReport.patentHeadlineSentence(results, counting: counting) {
            lines.append(label + patents)
        }
        return lines.joined(separator: "\n")
    }

    /// The figures of the last analysis, or a failure saying to run `analyze` first.
    static func storedResults(_ store: WorkStore) throws -> AnalysisResults {
        guard let results = try store.storedResults() else {
            throw CommandFailure("the store has no figures yet: run `techtracker analyze` first")
        }
        return results
    }
}
