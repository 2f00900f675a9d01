import TechTrackerCore
import TechTrackerGzip

/// What a `RecordFileReader` reports while it reads a file.
public protocol RecordFileConsumer {
    /// A valid work.
    mutating func accept(_ work: Work)
    /// A rejected record, or a damaged file's lost remainder.
    mutating func reject(_ rejection: IngestRejection)
    /// Progress: bytes of the file on disk consumed, and bytes of (uncompressed) text read.
    mutating func consumed(diskBytes: Int, textBytes: Int)
    /// True when the run no longer needs this file (checked between chunks).
    var shouldStop: Bool { get }
}

extension RecordFileConsumer {
    /// By default a file is read to its end.
    public var shouldStop: Bool { false }
}

/// Thrown inside a chunk loop to stop reading a file the run no longer needs.
private struct StopReading: Error {}

/// Reads one input file (plain or gzip) and hands each work or rejection to a consumer.
///
/// JSON Lines is the normal form (one work, API page or array per line). A file whose first
/// non-blank line is a lone `{` or starts with `[` is a pretty-printed single document
/// (an API page saved with indentation, a single work): it is read whole, up to
/// `maximumDocumentSize`. A damaged gzip file keeps every record before the damage and adds
/// one rejection for the lost remainder.
public struct RecordFileReader {
    /// The file.
    public let file: InputFile
    /// The largest pretty-printed document read whole.
    public var maximumDocumentSize = 1 << 30
    /// Rejected lines longer than this are not copied into the rejection.
    public var maximumKeptRejectText = 1 << 20

    /// Prepares to read `file`.
    public init(file: InputFile) {
        self.file = file
    }

    /// Reads the whole file. Never throws: every problem becomes a counted rejection.
    public func read(parser: inout OpenAlexRecordParser, into consumer: inout some RecordFileConsumer) {
        var state = ReadState(file: file, maximumDocumentSize: maximumDocumentSize, keptText: maximumKeptRejectText)
        do {
            switch file.encoding {
            case .plain:
                try PlainFileReader(path: file.path).forEachChunk { chunk in
                    if consumer.shouldStop { throw StopReading() }
                    consumer.consumed(diskBytes: chunk.count, textBytes: chunk.count)
                    state.feed(chunk, parser: &parser, consumer: &consumer)
                }
            case .gzip:
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
            consumer.reject(IngestRejection(
                path: file.path, line: state.splitter.lineNumber + 1,
                reason: "\(error); the rest of the file could not be read"))
        }
    }
}

/// The per-file reading state: line splitting and the JSON Lines / document decision.
private struct ReadState {
    enum Mode { case undecided, lines, document }

    let file: InputFile
    let maximumDocumentSize: Int
    let keptText: Int
    var splitter = LineSplitter()
    var mode = Mode.undecided
    var document: [UInt8] = []
    var documentFirstLine = 1
    var documentTooLarge = false

    init(file: InputFile, maximumDocumentSize: Int, keptText: Int) {
        self.file = file
        self.maximumDocumentSize = maximumDocumentSize
        self.keptText = keptText
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer, parser: inout OpenAlexRecordParser, consumer: inout some RecordFileConsumer) {
        var splitter = self.splitter   // a local copy: `self` is mutated inside the closure
        splitter.feed(chunk) { line, number in handle(line, number, parser: &parser, consumer: &consumer) }
        self.splitter = splitter
    }

    mutating func finish(parser: inout OpenAlexRecordParser, consumer: inout some RecordFileConsumer) {
        var splitter = self.splitter
        splitter.finish { line, number in handle(line, number, parser: &parser, consumer: &consumer) }
        self.splitter = splitter
        if mode == .document { parseDocument(parser: &parser, consumer: &consumer) }
    }

    private mutating func handle(_ line: UnsafeRawBufferPointer?, _ number: Int,
                                 parser: inout OpenAlexRecordParser, consumer: inout some RecordFileConsumer) {
        guard let line else {
            consumer.reject(IngestRejection(path: file.path, line: number,
                                            reason: "line longer than \(splitter.maximumLineLength) bytes"))
            return
        }
        switch mode {
        case .undecided:
            guard let first = Self.trimmed(line) else { return }   // blank lines before any record
            if (first.count == 1 && first[0] == UInt8(ascii: "{")) || first[0] == UInt8(ascii: "[") {
                mode = .document
                documentFirstLine = number
                appendToDocument(line)
            } else {
                mode = .lines
                parseLine(line, number, parser: &parser, consumer: &consumer)
            }
        case .lines:
            parseLine(line, number, parser: &parser, consumer: &consumer)
        case .document:
            appendToDocument(line)
        }
    }

    private func parseLine(_ line: UnsafeRawBufferPointer, _ number: Int,
                           parser: inout OpenAlexRecordParser, consumer: inout some RecordFileConsumer) {
        parser.parse(line, onWork: { consumer.accept($0) }, onReject: { rejection in
            consumer.reject(IngestRejection(
                path: file.path, line: number, offset: rejection.offset, reason: rejection.reason,
                recordID: rejection.recordID, text: line.count <= keptText ? Array(line) : []))
        })
    }

    private mutating func appendToDocument(_ line: UnsafeRawBufferPointer) {
        guard !documentTooLarge else { return }
        if document.count + line.count + 1 > maximumDocumentSize {
            documentTooLarge = true
            document = []
            return
        }
        document.append(contentsOf: line)
        document.append(UInt8(ascii: "\n"))
    }

    private func parseDocument(parser: inout OpenAlexRecordParser, consumer: inout some RecordFileConsumer) {
        guard !documentTooLarge else {
            consumer.reject(IngestRejection(
                path: file.path, line: documentFirstLine,
                reason: "pretty-printed JSON document larger than \(maximumDocumentSize) bytes; convert it to JSON Lines"))
            return
        }
        document.withUnsafeBytes { bytes in
            parser.parse(bytes, onWork: { consumer.accept($0) }, onReject: { rejection in
                // Point at the line of the document where the problem is, and the column in it.
                let upto = bytes.prefix(min(rejection.offset, bytes.count))
                let lineOffset = upto.lastIndex(of: UInt8(ascii: "\n")).map { upto.distance(from: $0, to: upto.endIndex) - 1 } ?? upto.count
                let newlines = upto.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                consumer.reject(IngestRejection(
                    path: file.path, line: documentFirstLine + newlines, offset: lineOffset,
                    reason: rejection.reason, recordID: rejection.recordID))
            })
        }
    }

    private static func trimmed(_ line: UnsafeRawBufferPointer) -> ArraySlice<UInt8>? {
        let bytes = Array(line.prefix(64))
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }) else { return line.count > 64 ? ArraySlice(bytes) : nil }
        let end = bytes.lastIndex(where: { !isSpace($0) }) ?? start
        return line.count > 64 ? bytes[start...] : bytes[start...end]
    }
}
