import Foundation
import TechTrackerIngest

/// How an ingest runs.
public struct IngestOptions: Sendable {
    /// How progress is shown on standard error.
    public enum ProgressStyle: Sendable {
        /// A bar on a terminal, periodic plain lines otherwise.
        case automatic
        /// Nothing but errors and the summary.
        case quiet
    }

    /// Any rejection makes the run commit nothing (and the command exit with code 2).
    public var strict = false
    /// Where to write rejected records with their reasons (tab-separated), if anywhere.
    public var rejectsPath: String?
    /// Reader threads (files are read in parallel, one reader per file).
    public var readers: Int
    /// Works per message from a reader to the writer, and per transaction.
    public var batchSize = 1000
    /// Progress display.
    public var progress = ProgressStyle.automatic
    /// How many rejection messages are printed before only counting them.
    public var printedRejectionLimit = 20
    /// The longest line (and largest pretty-printed document) read, in bytes
    /// (`--max-line-mb`); longer ones are rejected, so a reader never holds more text.
    public var maximumLineBytes = RecordFileReader.defaultMaximumTextLength

    /// Defaults: one reader per core.
    public init(readers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.readers = max(1, readers)
    }
}
