import ArgumentParser
import Foundation
import TechTrackerCore
import TechTrackerIngest
import TechTrackerPipeline
import TechTrackerPresent

/// `techtracker ingest-patents`: reads patent-to-paper citation files into the store (METHOD §10).
struct IngestPatentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-patents",
        abstract: "Read patent-to-paper citations (Reliance on Science, or a Lens or PATSTAT extract) into the store.",
        discussion: """
            FILE is a Reliance on Science _pcs_oa.csv (or .tsv, plain or gzipped; columns reftype, confscore, \
            oaid, patent, wherefound, and uspto, self or self_cite in some editions) or a generic CSV with a work \
            id (work_id, openalex_id, oaid) or doi column, a patent column (patent, patent_id, \
            publication_number, lens_id) and optionally confidence, family, year or date, reftype, wherefound \
            and self. Columns are found by header name; comma- or tab-separated, quoted fields allowed. Only \
            citations to works in the store are kept (the rest are counted as not in store): works ingested \
            later need the files read again. Citations are upserted by (work, patent): reading a file again \
            changes nothing, a changed row replaces the stored one. A bad row is reported (file:line: what is \
            wrong), skipped and counted; the counts add up to the rows read. The patent cut-off is the latest \
            year of a year column; a file without one (Reliance on Science files carry no dates) needs \
            --cutoff-year, the edition's year.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(
        name: .customLong("cutoff-year"), parsing: .unconditional,
        help: ArgumentHelp(
            "The patent data's cut-off, \(OptionRange.text(OptionRange.years)): required for files without a year "
                + "column, and used instead of the latest year of those with one.", valueName: "year"))
    var cutoffYear: Int?

    @Option(help: "Read every file as this layout instead of recognising each one's from its header.")
    var layout: PatentLayoutChoice = .auto

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    @Argument(help: ArgumentHelp("Citation files to read (.csv, .tsv, plain or gzipped).", valueName: "file"))
    var files: [String]

    func validate() throws {
        try OptionRange.check(cutoffYear, OptionRange.years, option: "--cutoff-year")
    }

    func run() throws {
        var options = PatentIngestOptions(layout: layout.layout, cutoffYear: cutoffYear)
        options.progress = IngestProgressPrinter.style(quiet: quiet, unit: "rows")
        let run = PatentIngestRun(paths: files, options: options, log: Console.error)
        let opened: [PatentCitationFile]
        do {
            // Headers and the cut-off first: a file that cannot be read changes nothing.
            opened = try run.openFiles(storePath: storeOptions.store)
        } catch let error as PatentFileError {
            throw UsageFailure(error.description)
        } catch let error as PatentIngestError {
            throw UsageFailure(error.description)
        } catch let error as IngestError {
            throw UsageFailure(error.description)
        }
        // Citations are kept only for stored works: a store that does not exist yet (a mistyped
        // --store) would keep none, so it is not made here.
        guard FileManager.default.fileExists(atPath: storeOptions.store) else {
            throw CommandFailure(
                "no store at \(storeOptions.store): ingest works first (patent citations are kept only for stored works)"
            )
        }
        let store = try storeOptions.openForWriting()
        let summary: PatentIngestSummary
        do {
            summary = try run.run(files: opened, into: store)
        } catch {
            throw CommandFailure("ingest-patents failed: \(error)")
        }
        Console.out(PatentIngestReport.render(summary, cutoffGiven: cutoffYear != nil))
    }
}
