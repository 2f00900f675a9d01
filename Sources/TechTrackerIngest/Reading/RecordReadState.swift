/// The per-file reading state of `RecordFileReader`: line splitting and the JSON Lines /
/// pretty-printed document decision.
struct ReadState {
    enum Mode { case undecided, lines, document }

    let file: InputFile
    let maximumTextLength: Int
    let keptText: Int
    var splitter: LineSplitter
    var mode = Mode.undecided
    /// A pretty-printed document's lines (bounded by `maximumTextLength`).
    var document: BoundedBytes
    var documentFirstLine = 1

    init(file: InputFile, maximumTextLength: Int, keptText: Int) {
        self.file = file
        self.maximumTextLength = maximumTextLength
        self.keptText = keptText
        splitter = LineSplitter(maximumLineLength: maximumTextLength)
        document = BoundedBytes(limit: maximumTextLength)
    }

    mutating func feed(
        _ chunk: UnsafeRawBufferPointer, parser: inout OpenAlexRecordParser, consumer: inout some RecordFileConsumer
    ) {
        // `self` is mutated inside the closure, so the splitter is moved out meanwhile. Moved,
        // not copied: a copy would share its pending line, and the first append would then
        // duplicate it (up to the whole limit) on every chunk.
        var splitter = takeSplitter()
        splitter.feed(chunk) { line, number in handle(line, number, parser: &parser, consumer: &consumer) }
        swap(&splitter, &self.splitter)
    }

    mutating func finish(parser: inout OpenAlexRecordParser, consumer: inout some RecordFileConsumer) {
        var splitter = takeSplitter()
        splitter.finish { line, number in handle(line, number, parser: &parser, consumer: &consumer) }
        swap(&splitter, &self.splitter)
        if mode == .document { parseDocument(parser: &parser, consumer: &consumer) }
    }

    /// The splitter, with an empty one (which allocates nothing) left in its place.
    private mutating func takeSplitter() -> LineSplitter {
        var taken = LineSplitter(maximumLineLength: maximumTextLength)
        swap(&taken, &splitter)
        return taken
    }

    private mutating func handle(
        _ line: UnsafeRawBufferPointer?, _ number: Int,
        parser: inout OpenAlexRecordParser, consumer: inout some RecordFileConsumer
    ) {
        guard let line else {
            if mode == .document {
                // The document cannot be whole without this line: it is rejected at the end.
                document.markOverflowed()
            } else {
                consumer.reject(
                    IngestRejection(
                        path: file.path, line: number,
                        reason: "line longer than \(Self.describe(maximumTextLength)) (the --max-line-mb limit); "
                            + "skipped to the next line end"))
            }
            return
        }
        switch mode {
        case .undecided:
            guard let first = Self.firstBytes(line) else { return }  // blank lines before any record
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

    private func parseLine(
        _ line: UnsafeRawBufferPointer, _ number: Int,
        parser: inout OpenAlexRecordParser, consumer: inout some RecordFileConsumer
    ) {
        parser.parse(
            line, onWork: { consumer.accept($0) },
            onReject: { rejection in
                consumer.reject(
                    IngestRejection(
                        path: file.path, line: number, offset: rejection.offset, reason: rejection.reason,
                        recordID: rejection.recordID, text: line.count <= keptText ? Array(line) : []))
            })
    }

    private mutating func appendToDocument(_ line: UnsafeRawBufferPointer) {
        document.append(line, terminator: UInt8(ascii: "\n"))
    }

    private mutating func parseDocument(parser: inout OpenAlexRecordParser, consumer: inout some RecordFileConsumer) {
        guard !document.overflowed else {
            consumer.reject(
                IngestRejection(
                    path: file.path, line: documentFirstLine,
                    reason: "pretty-printed JSON document larger than \(Self.describe(maximumTextLength)) "
                        + "(the --max-line-mb limit); convert it to JSON Lines or raise --max-line-mb"))
            return
        }
        // Without the line feed added after the last line: in a file cut short inside a string
        // it would turn "unterminated string" into a misleading "control character".
        document.dropLast(ifItIs: UInt8(ascii: "\n"))
        document.bytes.withUnsafeBytes { bytes in
            parser.parse(
                bytes, onWork: { consumer.accept($0) },
                onReject: { rejection in
                    // Point at the line of the document where the problem is, and the column in it.
                    let upto = bytes.prefix(min(rejection.offset, bytes.count))
                    let lineOffset =
                        upto.lastIndex(of: UInt8(ascii: "\n")).map { upto.distance(from: $0, to: upto.endIndex) - 1 }
                        ?? upto.count
                    let newlines = upto.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                    consumer.reject(
                        IngestRejection(
                            path: file.path, line: documentFirstLine + newlines, offset: lineOffset,
                            reason: rejection.reason, recordID: rejection.recordID))
                })
        }
    }

    /// How many bytes of a line `firstBytes` looks at.
    static let firstBytesLimit = 64

    /// The line's first non-blank bytes (up to `firstBytesLimit` of them, trimmed when the line
    /// is short); `nil` for a blank line.
    private static func firstBytes(_ line: UnsafeRawBufferPointer) -> ArraySlice<UInt8>? {
        let bytes = Array(line.prefix(firstBytesLimit))
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        let isLong = line.count > firstBytesLimit
        guard let start = bytes.firstIndex(where: { !isSpace($0) }) else { return isLong ? ArraySlice(bytes) : nil }
        let end = bytes.lastIndex(where: { !isSpace($0) }) ?? start
        return isLong ? bytes[start...] : bytes[start...end]
    }

    /// `64 MiB` for whole mebibytes, else `N bytes`.
    static func describe(_ byteCount: Int) -> String {
        byteCount % (1 << 20) == 0 ? "\(byteCount >> 20) MiB" : "\(byteCount) bytes"
    }
}
