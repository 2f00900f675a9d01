#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One record cut from a patent-citation file's text.
public enum PatentRecord {
    /// A whole record (its line end and a CR before it removed), valid only during the call
    /// that hands it over, and the 1-based line it starts on.
    case row(UnsafeRawBufferPointer, line: Int)
    /// A record longer than the splitter's limit, dropped up to the next line end.
    case tooLong(line: Int)
    /// A quoted field opened on `line` and not closed before the end of the text.
    case unterminatedQuote(line: Int)
}

/// Cuts a stream of byte chunks into CSV or tab-separated records (RFC 4180): a record ends
/// at a line end (`\n` or `\r\n`) outside quotes; a field that starts with `"` (after
/// optional spaces) is quoted and may hold the delimiter, line ends and `""`.
///
/// A record inside a chunk is handed over without copying; only one that spans two chunks is
/// assembled in `pending`. Lines without a quote (all of a *Reliance on Science* file) cost
/// two `memchr` calls; only lines with a quote are read byte by byte. A record longer than
/// `maximumRecordBytes` is not buffered: it is reported as `tooLong` and its bytes are dropped
/// up to the next line end, so a file without line ends (or with a quote never closed) costs
/// at most that much memory.
public struct PatentRecordSplitter {
    /// The longest record accepted: far above any real row, far below a memory problem.
    public static let defaultMaximumRecordBytes = 1 << 20

    /// Where the scan is within the current record.
    enum QuoteState {
        /// At the start of a field (spaces before a quote allowed).
        case fieldStart
        /// Inside an unquoted field.
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: the field's end, or the first of `""`.
        case quoteSeen
    }

    /// The field separator (a quote opens a field only after it or at a record's start).
    let delimiter: UInt8
    /// The longest record accepted.
    let maximumRecordBytes: Int
    /// The unfinished record carried from the previous chunk.
    private var pending: [UInt8] = []
    /// The quote state at the end of `pending`.
    private var state = QuoteState.fieldStart
    /// Line ends inside the unfinished record (in quoted fields).
    private var newlinesInRecord = 0
    /// Dropping an over-long record's bytes up to the next line end.
    private var skipping = false
    /// Lines ended so far: the record that starts next starts on line `line + 1`.
    public private(set) var line = 0

    /// A splitter for fields separated by `delimiter`.
    public init(delimiter: UInt8, maximumRecordBytes: Int = defaultMaximumRecordBytes) {
        self.delimiter = delimiter
        self.maximumRecordBytes = max(1, maximumRecordBytes)
    }

    /// Feeds the next chunk of text, calling `body` with each record it completes.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (PatentRecord) throws -> Void) rethrows {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        let count = chunk.count
        var position = 0
        if skipping {
            guard let found = memchr(base, 0x0A, count) else { return }
            position = UnsafeRawPointer(found) - base + 1
            line += 1
            skipping = false
        }
        var recordStart = position
        // The next quote at or after `position` (or `count`): found once per quote, not once
        // per line, so a file without quotes costs one search per chunk.
        var nextQuote = -1
        while position < count {
            let lineEnd = memchr(base + position, 0x0A, count - position).map { UnsafeRawPointer($0) - base } ?? count
            let segment = UnsafeRawBufferPointer(start: base + position, count: lineEnd - position)
            if lineEnd == count {
                // The chunk ends inside the record: its exact state is needed for the next chunk.
                state = scan(segment, from: state)
                break
            }
            if nextQuote < position {
                nextQuote = memchr(base + position, 0x22, count - position).map { UnsafeRawPointer($0) - base } ?? count
            }
            if state == .quoted || state == .quoteSeen || nextQuote < lineEnd {
                state = scan(segment, from: state)
                if state == .quoted {
                    // A line end inside a quoted field: the record goes on.
                    newlinesInRecord += 1
                    position = lineEnd + 1
                    continue
                }
            }
            try emit(UnsafeRawBufferPointer(start: base + recordStart, count: lineEnd - recordStart), body)
            position = lineEnd + 1
            recordStart = position
        }
        if recordStart < count {
            try keep(UnsafeRawBufferPointer(start: base + recordStart, count: count - recordStart), body)
        }
    }

    /// Ends the text: the last record, if it has no line end, or the quoted field left open.
    public mutating func finish(_ body: (PatentRecord) throws -> Void) rethrows {
        defer {
            pending.removeAll()
            state = .fieldStart
            newlinesInRecord = 0
            skipping = false
        }
        guard !skipping, !pending.isEmpty else { return }
        if state == .quoted {
            try body(.unterminatedQuote(line: line + 1))
            line += newlinesInRecord
            return
        }
        try emit(UnsafeRawBufferPointer(start: nil, count: 0), body)
    }

    /// Hands over the record made of `pending` and `tail`, and counts its lines.
    private mutating func emit(_ tail: UnsafeRawBufferPointer, _ body: (PatentRecord) throws -> Void) rethrows {
        let startLine = line + 1
        line += newlinesInRecord + 1
        newlinesInRecord = 0
        state = .fieldStart
        if pending.isEmpty {
            if tail.count > maximumRecordBytes { return try body(.tooLong(line: startLine)) }
            try body(.row(Self.withoutCarriageReturn(tail), line: startLine))
            return
        }
        if pending.count + tail.count > maximumRecordBytes {
            pending.removeAll(keepingCapacity: true)
            return try body(.tooLong(line: startLine))
        }
        pending.append(contentsOf: tail)
        try pending.withUnsafeBytes { try body(.row(Self.withoutCarriageReturn($0), line: startLine)) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Keeps the start of a record that goes on in the next chunk, unless it is already too
    /// long: then it is reported and the rest of it dropped.
    private mutating func keep(_ part: UnsafeRawBufferPointer, _ body: (PatentRecord) throws -> Void) rethrows {
        guard pending.count + part.count > maximumRecordBytes else {
            pending.append(contentsOf: part)
            return
        }
        let startLine = line + 1
        line += newlinesInRecord
        newlinesInRecord = 0
        pending.removeAll(keepingCapacity: true)
        state = .fieldStart
        skipping = true
        try body(.tooLong(line: startLine))
    }

    /// The quote state after `segment` (a line, or the end of a chunk), from `state`.
    private func scan(_ segment: UnsafeRawBufferPointer, from start: QuoteState) -> QuoteState {
        var state = start
        for byte in segment {
            switch state {
            case .fieldStart:
                if byte == 0x22 {
                    state = .quoted
                } else if byte != delimiter && byte != 0x20 {
                    state = .unquoted
                }
            case .unquoted:
                if byte == delimiter { state = .fieldStart }
            case .quoted:
                if byte == 0x22 { state = .quoteSeen }
            case .quoteSeen:
                // `""` is a quote inside the field; anything else follows its closing quote.
                state = byte == 0x22 ? .quoted : byte == delimiter ? .fieldStart : .unquoted
            }
        }
        return state
    }

    /// A record without the CR of a CRLF line end.
    private static func withoutCarriageReturn(_ record: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let last = record.last, last == 0x0D else { return record }
        return UnsafeRawBufferPointer(rebasing: record.dropLast())
    }
}
