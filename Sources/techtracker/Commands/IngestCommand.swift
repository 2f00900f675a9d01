import ArgumentParser
import TechTrackerCore
import TechTrackerIngest
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerTaxonomy

/// `techtracker ingest`: reads OpenAlex, Web of Science and Scopus files and folders into the store.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read OpenAlex works, Web of Science and Scopus exports into the store.",
        discussion: """
            Formats are recognised by content, whatever the file is called: OpenAlex JSON (JSON Lines, .gz \
            snapshot parts, API pages, single works), Web of Science plain text and tab-delimited exports, \
            Scopus CSV exports (2016, 2022 and 2024+ layouts); --format reads every input as one format. \
            INPUT is files or folders; folders are searched recursively for .jsonl, .ndjson, .json and \
            .gz files (an OpenAlex snapshot's data/works folder works as it is) and for .txt, .isi, .ciw, \
            .tsv and .csv files that hold an export. Works are upserted by id: \
            a record with a newer updated_date replaces the stored one; of two with the same updated_date \
            and different content the one with the larger content hash is kept (counted as conflicting), so \
            the store does not depend on the order of files or records; re-ingesting the same files changes \
            nothing. A bad record (malformed, or a value out of range) is reported (file, line, reason), skipped \
            and counted; good records are kept. Only regular files are read: FIFOs, sockets and devices are \
            skipped with a warning, each real file is read once, and the store and the --rejects file are never \
            read back. Addresses whose country cannot be read are warned about, never guessed. The same \
            paper read from several sources is one work (matched by DOI, else by title, year and first \
            author; the OpenAlex record, else the Web of Science one, stands for it). Ends with: read N, new \
            N, updated N, unchanged N, conflicting N, rejected N.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(
        help: ArgumentHelp("Write rejected records with their reasons to this tab-separated file.", valueName: "file"))
    var rejects: String?

    @Option(help: "Read every input as this format instead of recognising each file's by content.")
    var format: InputFormat?

    @Flag(
        help: """
            Store only works that match at least one technology of the taxonomy (the rest are read, counted \
            and dropped), then classify the store: a huge snapshot reduces to the tracker's corpus as it is read.
            """)
    var onlyMatching = false

    @Option(
        help: ArgumentHelp(
            "With --only-matching: the taxonomy YAML file (default: the shipped technologies.yaml).", valueName: "file")
    )
    var taxonomy: String?

    @Flag(help: "Commit nothing and exit with code 2 if any record is rejected.")
    var strict = false

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    @Option(
        parsing: .unconditional,
        help: "Reader threads, \(OptionRange.text(OptionRange.readers)) (default: one per core).")
    var readers: Int?

    @Option(
        name: .customLong("max-line-mb"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Longest line, and largest pretty-printed document, read (MiB, 1…65536; default 64); "
                + "longer ones are rejected.", valueName: "n"))
    var maxLineMB: Int?

    @Argument(help: ArgumentHelp("Files or folders to read.", valueName: "input"))
    var inputs: [String]

    func validate() throws {
        if taxonomy != nil && !onlyMatching {
            throw ValidationError("--taxonomy is for --only-matching (classify takes its own --taxonomy)")
        }
        try OptionRange.check(readers, OptionRange.readers, option: "--readers")
        try OptionRange.check(maxLineMB, OptionRange.maxLineMB, option: "--max-line-mb")
    }

    func run() throws {
        let kept = onlyMatching ? try TaxonomyOptions.load(path: taxonomy) : nil
        let store = try storeOptions.openForWriting()
        var options = readers.map { IngestOptions(readers: $0) } ?? IngestOptions()
        options.onlyMatching = kept?.makeMatcher()
        options.strict = strict
        options.format = format
        options.rejectsPath = rejects
        options.progress = IngestProgressPrinter.style(quiet: quiet)
        if let maxLineMB { options.maximumLineBytes = maxLineMB << 20 }
        let summary: IngestSummary
        do {
            summary = try IngestRun(inputs: inputs, options: options, log: Console.error).run(into: store)
        } catch {
            throw CommandFailure("ingest failed: \(error)")
        }
        Console.out(IngestReport.render(summary, strict: strict))
        if strict && summary.rejected > 0 { throw ExitCode(2) }
        if let kept, summary.committed {
            // The memberships of what was kept, with the same taxonomy: the store is ready for
            // `analyze`.
            try ClassifyCommand.classify(store: store, taxonomy: kept, threads: nil, quiet: quiet)
        }
    }
}
