import ArgumentParser
import Foundation
import TechTrackerCore
import TechTrackerPresent

/// `techtracker export`: the stored figures as documented CSV or JSON files.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write country_shares, technology_summary, institutions, mobility, headline (with patent data also "
            + "patent_linkage, patent_summary, patent_headline; and settings.json) as CSV or JSON.",
        discussion:
            "Columns are listed in the README; rows are in a fixed order and numbers in full precision, "
            + "so the same figures give byte-identical files."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The file format.")
    var format = ResultsExporter.Format.csv

    @Option(help: ArgumentHelp("Folder to write.", valueName: "dir"))
    var out: String

    func run() throws {
        let store = try storeOptions.openForReading()
        let results = try ReportCommand.storedResults(store)
        var files: [(path: String, data: Data)]
        do {
            try ResultsExporter.createFolder(out)
            files = try ResultsExporter.files(results, format: format, in: out)
            files.append(try MembershipExport.file(store: store, format: format, in: out))
            try ResultsExporter.writeAll(files)
        } catch let error as ResultsExporter.WriteError {
            // Already in words ("cannot write OUT/x.csv: permission denied"): a failure, exit 1.
            throw CommandFailure(error.description)
        }
        if results.synthetic {
            Console.out("SYNTHETIC DATA: these files describe a generated corpus.")
        } else if results.needsSyntheticLabel {
            Console.out("SYNTHETIC DATA: these files rest on generated patent citations.")
        }
        Console.out(files.map { "wrote \($0.path)" }.joined(separator: "\n"))
    }
}
