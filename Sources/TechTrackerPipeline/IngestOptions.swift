public import Foundation
public import TechTrackerClassify
public import TechTrackerIngest

/// How an ingest runs.
public struct IngestOptions: Sendable {
    /// Where progress goes: nowhere, or to a callback after every batch (the command line
    /// draws it on standard error; the pipeline knows nothing of the terminal).
    public enum ProgressStyle: Sendable {
        /// No progress reports.
        case quiet
        /// Reported after every batch stored, and once more when the run ends.
        case report(@Sendable (IngestProgress) -> Void)
    }

    /// When set (`--only-matching`), only works that match at least one of the matcher's
    /// technologies are stored; the others are read, counted as not matching, and dropped on the
    /// reader threads, so that a huge snapshot reduces to the tracker's corpus as it is read.
    public var onlyMatching: CompiledMatcher?
    /// The format every input is read as (`--format`); `nil` recognises each file's by content.
    public var format: InputFormat?
    /// Any rejection makes the run commit nothing (and the command exit with code 2).
    public var strict = false
    /// Where to write rejected records with their reasons (tab-separated), if anywhere.
    public var rejectsPath: String?
    /// Reader threads (files are read in parallel, one reader per file).
    public var readers: Int
    /// Works per message from a reader to the writer, and per transaction.
    public var batchSize = 1000
    /// Progress reports.
    public var progress = ProgressStyle.quiet
    /// How many rejection messages are printed before only counting them.
    public var printedRejectionLimit = 20
    /// How many warnings of each kind are printed before only counting them.
    public var printedWarningLimit = 10
    /// The longest line (and largest pretty-printed document) read, in bytes
    /// (`--max-line-mb`); longer ones are rejected, so a reader never holds more text.
    public var maximumLineBytes = RecordFileReader.defaultMaximumTextLength

    /// Defaults: one reader per core.
    public init(readers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.readers = max(1, readers)
    }
}

/// How far an ingest has come.
public struct IngestProgress: Sendable {
    /// Bytes of input read (as stored on disk, compressed or not).
    public var bytesDone: Int
    /// Bytes of input in all.
    public var bytesTotal: Int
    /// Records read so far (works and rejections).
    public var recordsRead: Int
    /// Seconds since the run started.
    public var elapsedSeconds: Double
    /// Whether the run has ended (the last report).
    public var finished: Bool

    /// The fraction of the input read, 0…1.
    public var fraction: Double { bytesTotal > 0 ? min(1, Double(bytesDone) / Double(bytesTotal)) : 0 }
}
