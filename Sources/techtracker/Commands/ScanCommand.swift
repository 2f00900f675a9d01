import ArgumentParser
import TechTrackerPipeline
import TechTrackerTaxonomy

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `techtracker scan`: a filter from standard input to standard output that keeps the OpenAlex
/// works matching a technology, for reducing a snapshot anywhere (a pipe, a cluster's tasks).
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Write the OpenAlex works of standard input that match a technology to standard output.",
        discussion: """
            Reads OpenAlex works as JSON Lines on standard input (plain, or gzip recognised by its magic \
            bytes) and writes to standard output exactly the lines, byte for byte and in input order, of the \
            works that match at least one technology of the taxonomy: the decision of ingest --only-matching, \
            without a store. A line that is not one valid work is reported on standard error (stdin:LINE: \
            reason, as ingest reports it), skipped and counted; blank lines are ignored. Ends with one line on \
            standard error: scan: read N, matching M (written), not matching K, rejected R. The shipped \
            taxonomy is built into the binary, so a copy of it alone runs anywhere. Exit codes: 0 success, \
            2 bad usage or a taxonomy that cannot be used, 1 a read or write failure (a closed standard \
            output included).
            """
    )

    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Flag(name: .shortAndLong, help: "No summary line (rejections and errors are still reported).")
    var quiet = false

    @Option(
        parsing: .unconditional,
        help: "Matching threads (\(OptionRange.text(OptionRange.threads)); default: one per core).")
    var threads: Int?

    func validate() throws {
        try OptionRange.check(threads, OptionRange.threads, option: "--threads")
    }

    func run() throws {
        // A reader that closes a pipe early (`| head`) makes writes fail with EPIPE, reported in
        // words (or, on standard error, let go), instead of killing the process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let taxonomy = try taxonomyOptions.load()
        guard isatty(STDIN_FILENO) == 0 else {
            throw UsageFailure(
                "scan reads OpenAlex works from standard input; pipe them in: "
                    + "zcat part_000.gz | techtracker scan > kept.jsonl")
        }
        let options = threads.map { ScanOptions(threads: $0) } ?? ScanOptions()
        let summary = ScanRun(matcher: taxonomy.makeMatcher(), options: options) { Console.error($0) }
            .run(input: STDIN_FILENO, output: STDOUT_FILENO)
        if !quiet { Console.error(summary.countsLine) }
        if let failure = summary.failure { throw CommandFailure(failure.description) }
    }
}
