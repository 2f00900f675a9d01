import ArgumentParser
import Foundation
import TechTrackerCore
import TechTrackerPresent

/// `techtracker report`: the stored figures as terminal tables.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the headline, the per-technology table and the per-country summary of the last analysis."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("The window to show, e.g. 2020-2024 (years \(OptionRange.text(OptionRange.years)); default: the latest).",
                               valueName: "from-to"))
    var window: String?

    @Option(help: "Only this technology (id).")
    var technology: String?

    @Option(help: "Only this country (ISO alpha-2) in the country section.")
    var country: String?

    @Option(help: "fractional or whole.")
    var counting = "fractional"

    func validate() throws {
        try OptionRange.checkYears(window, option: "--window")
        guard Counting(rawValue: counting) != nil else { throw ValidationError("--counting: fractional or whole") }
    }

    func run() throws {
        let store = try storeOptions.openForReading()
        guard let results = try store.storedResults() else {
            throw CommandFailure("the store has no figures yet: run `techtracker analyze` first")
        }
        var selection = AnalysisReport.Selection()
        if let window {
            guard let parsed = PublicationWindow(parsing: window) else { throw UsageFailure("--window: expected FROM-TO, e.g. 2020-2024") }
            selection.window = parsed
        }
        selection.counting = Counting(rawValue: counting) ?? .fractional
        selection.technology = technology
        selection.country = country?.uppercased()
        do {
            try AnalysisReport.check(selection, in: results)
        } catch let error as ReportSelectionError {
            // Empty tables would read as "no results"; the selection is what needs fixing.
            throw UsageFailure(error.description)
        }
        Console.out(AnalysisReport.render(results, selection: selection))
    }
}

extension ReportCommand {
    /// The headline sentence of the stored figures (fractional counting, latest window), with
    /// the SYNTHETIC DATA label when it applies: the demo's last line.
    static func headline(storePath: String) throws -> String {
        let store = try StoreOptions(storePath: storePath).openForReading()
        guard let results = try store.storedResults() else { return "No figures." }
        return (results.synthetic ? "SYNTHETIC DATA: " : "") + AnalysisReport.headlineSentence(results, counting: .fractional)
    }
}

/// `techtracker export`: the stored figures as documented CSV or JSON files.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write country_shares, technology_summary, institutions, mobility, headline (and settings.json) as CSV or JSON.",
        discussion: "Columns are listed in the README; rows are in a fixed order and numbers in full precision, so the same figures give byte-identical files."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "csv or json.")
    var format = "csv"

    @Option(help: ArgumentHelp("Folder to write.", valueName: "dir"))
    var out: String

    func run() throws {
        guard let chosen = ResultsExporter.Format(rawValue: format) else { throw UsageFailure("--format: csv or json") }
        let store = try storeOptions.openForReading()
        guard let results = try store.storedResults() else {
            throw CommandFailure("the store has no figures yet: run `techtracker analyze` first")
        }
        var files: [(path: String, data: Data)]
        do {
            try ResultsExporter.createFolder(out)
            files = try ResultsExporter.files(results, format: chosen, in: out)
            files.append(try MembershipExport.file(store: store, format: chosen, in: out))
            try ResultsExporter.writeAll(files)
        } catch let error as ResultsExporter.WriteError {
            // Already in words ("cannot write OUT/x.csv: permission denied"): a failure, exit 1.
            throw CommandFailure(error.description)
        }
        if results.synthetic { Console.out("SYNTHETIC DATA: these files describe a generated corpus.") }
        Console.out(files.map { "wrote \($0.path)" }.joined(separator: "\n"))
    }
}
