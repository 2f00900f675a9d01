public import TechTrackerCore
import TechTrackerGzip

/// What a `RecordFileReader` reports while it reads a file.
public protocol RecordFileConsumer {
    /// A valid work.
    mutating func accept(_ work: Work)
    /// A rejected record, or a damaged file's lost remainder.
    mutating func reject(_ rejection: IngestRejection)
    /// A part of a record, or of a file, that was read but could not be attributed (an
    /// address with an unrecognised country, a damaged line inside a kept record).
    mutating func warn(_ warning: IngestWarning)
    /// Progress: bytes of the file on disk consumed, and bytes of (uncompressed) text read.
    mutating func consumed(diskBytes: Int, textBytes: Int)
    /// True when the run no longer needs this file (checked between chunks).
    var shouldStop: Bool { get }
}

extension RecordFileConsumer {
    /// By default a file is read to its end (public as the requirement it fulfils: a consumer
    /// in another module may rely on it).
    public var shouldStop: Bool { false }
}

/// Thrown inside a chunk loop to stop reading a file the run no longer needs.
private struct StopReading: Error {}

/// Reads one input file (plain or gzip) and hands each work or rejection to a consumer.
///
/// JSON Lines is the normal form (one work, API page or array per line). A file whose first
/// non-blank line is a lone `{` or starts with `[` is a pretty-printed single document
/// (an API page saved with indentation, a single work): it is read whole, up to
/// `maximumTextLength`. A damaged gzip file keeps every record before the damage and adds
/// one rejection for the lost remainder.
public struct RecordFileReader {
    /// The file.
    let file: InputFile
    /// The longest line, and the largest pretty-printed document, read (`ingest --max-line-mb`).
    /// A longer line is rejected and skipped in bounded memory; a larger document is rejected
    /// whole. Either way the reader never holds more than this many bytes of text.
    public var maximumTextLength = RecordFileReader.defaultMaximumTextLength
    /// Rejected lines longer than this are not copied into the rejection.
    var maximumKeptRejectText = 1 << 20

    /// 64 MiB: a real OpenAlex work is about 15 KB and the largest API page (200 works) a few
    /// MB, so this only stops gzip bombs and files that are not JSON at all.
    public static let defaultMaximumTextLength = 64 << 20

    /// Prepares to read `file`.
    public init(file: InputFile) {
        self.file = file
    }

    /// Reads the whole file. Never throws: every problem becomes a counted rejection.
    public func read(parser: inout OpenAlexRecordParser, into consumer: inout some RecordFileConsumer) {
        var state = ReadState(file: file, maximumTextLength: maximumTextLength, keptText: maximumKeptRejectText)
        do {
            switch file.encoding {
            case .plain:
                try PlainFileReader(path: file.path).forEachChunk { chunk in
                    if consumer.shouldStop { throw StopReading() }
                    consumer.consumed(diskBytes: chunk.count, textBytes: chunk.count)
                    state.feed(chunk, parser: &parser, consumer: &consumer)
                }
            case .gzip:
                // The gzip reader opens the file itself (blocking): make sure it is still a
                // regular file, not a FIFO put in its place since it was found.
                try PlainFileReader.checkRegularFile(file.path)
                var diskBytes = 0
                try GzipFileReader(path: file.path).forEachChunk(compressedBytesRead: { diskBytes += $0 }) { chunk in
                    if consumer.shouldStop { throw StopReading() }
                    consumer.consumed(diskBytes: diskBytes, textBytes: chunk.count)
                    diskBytes = 0
                    state.feed(chunk, parser: &parser, consumer: &consumer)
                }
                if diskBytes > 0 { consumer.consumed(diskBytes: diskBytes, textBytes: 0) }
            }
            state.finish(parser: &parser, consumer: &consumer)
        } catch is StopReading {
            return
        } catch {
            // The rest of the file is unreadable: whatever partial line was pending is lost
            // with it, and is reported as one rejection rather than parsed as garbage.
            consumer.reject(
                IngestRejection(
                    path: file.path, line: state.splitter.lineNumber + 1,
                    reason: "\(error); the rest of the file could not be read"))
        }
    }

    /// Reads `text` as if it were the file's content, split into `chunkSize` pieces (tests
    /// use it to cross chunk boundaries without writing files).
    func read(
        text: UnsafeRawBufferPointer, chunkSize: Int, parser: inout OpenAlexRecordParser,
        into consumer: inout some RecordFileConsumer
    ) {
        var state = ReadState(file: file, maximumTextLength: maximumTextLength, keptText: maximumKeptRejectText)
        var start = 0
        while start < text.count {
            let end = min(text.count, start + max(1, chunkSize))
            state.feed(UnsafeRawBufferPointer(rebasing: text[start..<end]), parser: &parser, consumer: &consumer)
            start = end
        }
        state.finish(parser: &parser, consumer: &consumer)
    }
}
