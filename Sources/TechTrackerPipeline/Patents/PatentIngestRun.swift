import Foundation
public import TechTrackerCore
public import TechTrackerIngest
public import TechTrackerStore

/// How `ingest-patents` runs.
public struct PatentIngestOptions: Sendable {
    /// The layout every file is read as (`--layout`); `nil` recognises each file's from its header.
    public var layout: PatentFileLayout?
    /// The patent data's cut-off (`--cutoff-year`): recorded for every file instead of the
    /// latest year its rows give, and required for a file without a year column.
    public var cutoffYear: Int?
    /// Where progress goes (the command line draws it).
    public var progress = IngestOptions.ProgressStyle.quiet
    /// Citations to stored works per batch: sorted, then written in one transaction. A batch
    /// touches most of the table's pages once its citations spread over all works, so fewer,
    /// larger batches write less; 1,000,000 take about 60 MB, and at most three are held.
    public var batchRows = 1_000_000
    /// Bad rows printed (with file and line) before they are only counted.
    public var printedProblemLimit = 20
    /// Bad rows kept per file for the summary.
    public var keptProblemsPerFile = 5

    /// Defaults: the layout recognised, no cut-off given.
    public init(layout: PatentFileLayout? = nil, cutoffYear: Int? = nil) {
        self.layout = layout
        self.cutoffYear = cutoffYear
    }
}

/// Why `ingest-patents` cannot start (nothing has been written): input the user must correct.
public enum PatentIngestError: Error, Sendable, CustomStringConvertible {
    /// Files without a year column, and no `--cutoff-year`.
    case cutoffYearNeeded(files: [String])

    /// The message for the user.
    public var description: String {
        switch self {
        case .cutoffYearNeeded(let files):
            "\(files.joined(separator: ", ")): no year column, so the patent data's cut-off is not known: give "
                + "--cutoff-year YEAR (the edition's date; Reliance on Science files carry no dates)"
        }
    }
}

/// Reads patent-citation files into the store (METHOD §10), one file after another: each on
/// three threads (read and inflate, parse and match, write), the citations to stored works
/// upserted in sorted batches (`PatentFileSession`), the rest counted.
///
/// Every file is opened and its header checked before anything is written, and the cut-off
/// settled (a year column, or `--cutoff-year`): a bad header or a missing cut-off changes
/// nothing. The works a citation can name are indexed once, from the store as it is: works
/// ingested later need the files read again.
public struct PatentIngestRun {
    /// The files, as given.
    public let paths: [String]
    /// Settings.
    public let options: PatentIngestOptions
    /// Where messages go (bad rows, notes); the summary is the caller's to print.
    public let log: (String) -> Void

    /// Prepares a run.
    public init(paths: [String], options: PatentIngestOptions, log: @escaping (String) -> Void) {
        self.paths = paths
        self.options = options
        self.log = log
    }

    /// Opens every file and checks its header and cut-off, without writing anything. Throws
    /// `IngestError` (a missing file, the store given as input), `PatentFileError` (a header
    /// without the columns needed) or `PatentIngestError` (no cut-off).
    public func openFiles(storePath: String) throws -> [PatentCitationFile] {
        var files: [PatentCitationFile] = []
        let storeIdentity = FileIdentity(path: storePath)
        for path in paths {
            let file = try PatentCitationFile(path: path, layout: options.layout)
            if file.identity == storeIdentity { throw IngestError.inputIsOutput(path: path, role: "the store") }
            if let first = files.first(where: { $0.identity == file.identity }) {
                log("note: skipped \(path): the same file as \(first.path), read once")
                continue
            }
            files.append(file)
        }
        if options.cutoffYear == nil {
            let undated = files.filter { $0.columns.year == nil }.map(\.path)
            if !undated.isEmpty { throw PatentIngestError.cutoffYearNeeded(files: undated) }
        }
        return files
    }

    /// Runs the reads into `store` and returns what each file gave.
    public func run(into store: WorkStore) throws -> PatentIngestSummary {
        try run(files: try openFiles(storePath: store.path), into: store)
    }

    /// Runs the reads of `files` (opened by `openFiles`) into `store`.
    public func run(files: [PatentCitationFile], into store: WorkStore) throws -> PatentIngestSummary {
        let started = Date()
        var summary = PatentIngestSummary()
        let index = try store.patentWorkIndex(includingDOIs: files.contains { $0.columns.doi != nil })
        summary.worksIndexed = index.openAlexWorks
        if index.openAlexWorks == 0 && index.dois == 0 {
            log(
                "warning: \(store.path) holds no works a citation can name: every row will be counted as not in the store"
            )
        }
        var progress = PatentProgress(style: options.progress, totalBytes: files.reduce(0) { $0 + Int($1.diskBytes) })
        var printed = 0
        for file in files {
            let fileStarted = Date()
            var entry = PatentFileIngest(
                path: file.path, name: file.name, diskBytes: file.diskBytes, layout: file.columns.layout.rawValue)
            let stages = PatentFileStages(
                file: file, index: index, batchRows: max(1, options.batchRows),
                keptProblems: max(options.keptProblemsPerFile, options.printedProblemLimit))
            stages.start()
            var ended = false
            do {
                try store.ingestPatentFile(
                    name: file.name, path: file.path, size: file.diskBytes, layout: file.columns.layout.rawValue,
                    startedAt: fileStarted, cutoffYear: options.cutoffYear
                ) { session in
                    while true {
                        guard case .batch(let batch) = stages.batches.pop() else {
                            ended = true
                            break
                        }
                        try session.write(batch.writes, rows: batch.rows, latestYear: batch.latestYear)
                        for problem in batch.problems {
                            if entry.firstProblems.count < options.keptProblemsPerFile {
                                entry.firstProblems.append(problem.description)
                            }
                            if printed < options.printedProblemLimit { log("rejected: \(problem)") }
                            printed += 1
                        }
                        entry.textBytes += Int64(batch.textBytes)
                        progress.add(diskBytes: batch.diskBytes, rows: batch.rows.rowsRead)
                    }
                    entry.counts = session.counts
                    entry.latestYearSeen = session.latestYearSeen
                    entry.cutoffYear = session.cutoffYear
                }
            } catch {
                // The threads stop at their next chunk; the parser's end is awaited.
                if !ended { stages.cancel() }
                progress.finish()
                throw error
            }
            entry.seconds = Date().timeIntervalSince(fileStarted)
            if file.columns.year != nil && entry.latestYearSeen == nil && options.cutoffYear == nil {
                log(
                    "warning: \(file.path): its year column gave no year, so its cut-off is unknown; give --cutoff-year"
                )
            }
            summary.files.append(entry)
        }
        progress.finish()
        let hidden = summary.totals.rejected - min(printed, options.printedProblemLimit)
        if hidden > 0 { log("… \(hidden) more bad row(s) not shown (counted as rejected)") }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}

/// Progress of a run across its files, for the command line's display.
private struct PatentProgress {
    let style: IngestOptions.ProgressStyle
    let totalBytes: Int
    let started = Date()
    var bytesDone = 0
    var rows = 0

    init(style: IngestOptions.ProgressStyle, totalBytes: Int) {
        self.style = style
        self.totalBytes = totalBytes
    }

    mutating func add(diskBytes: Int, rows: Int) {
        bytesDone += diskBytes
        self.rows += rows
        send(finished: false)
    }

    func finish() { send(finished: true) }

    private func send(finished: Bool) {
        guard case .report(let report) = style else { return }
        report(
            IngestProgress(
                bytesDone: bytesDone, bytesTotal: totalBytes, recordsRead: rows,
                elapsedSeconds: Date().timeIntervalSince(started), finished: finished))
    }
}
