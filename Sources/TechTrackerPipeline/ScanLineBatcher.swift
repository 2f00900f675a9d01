#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of a `ScanBatch`: where its text and its line end are in the batch's bytes.
struct ScanLine: Sendable, Equatable {
    /// 1-based line number in the input.
    var number: Int
    /// The line's first byte.
    var start: Int
    /// Just past its text: its line end (LF, CRLF or CR), if any, is `contentEnd..<end`.
    var contentEnd: Int
    /// Just past its line end.
    var end: Int
    /// Longer than the line limit: its bytes were dropped as they came, so it has none here.
    var isOverlong = false
}

/// Consecutive whole lines of the input, with their line ends, for one worker to judge.
struct ScanBatch: Sendable {
    /// Batches are numbered from 0 in input order, so that output keeps that order.
    var sequence: Int
    /// The lines' bytes, line ends included.
    var bytes: [UInt8]
    /// The lines, in order.
    var lines: [ScanLine]
}

/// Cuts a stream of byte chunks into batches of whole lines of about `targetBytes` each.
///
/// Lines end where `ingest` ends them (`LineSplitter`): at LF, CRLF or a lone CR, so line
/// numbers agree with ingest's. Unlike ingest it keeps each line's own line end, because `scan`
/// writes kept lines back byte for byte. A line longer than `maximumLineLength` is not held:
/// its bytes are dropped as they arrive and it is handed on as an overlong line without text,
/// so memory stays at about one batch plus the limit.
struct ScanLineBatcher {
    /// About how many bytes of whole lines make a batch.
    let targetBytes: Int
    /// The longest line held; longer ones are dropped and reported.
    let maximumLineLength: Int

    private var bytes: [UInt8] = []
    private var lines: [ScanLine] = []
    /// The first byte of the line not yet complete.
    private var lineStart = 0
    /// Bytes before this (from `lineStart`) hold no line end.
    private var searched = 0
    private var lineNumber = 0
    private var sequence = 0
    /// Inside an overlong line: bytes are dropped up to its line end.
    private var skipping = false
    /// The previous chunk ended on the CR that ended a dropped line: an LF opening this chunk
    /// completes that CRLF.
    private var swallowLineFeed = false

    init(targetBytes: Int, maximumLineLength: Int) {
        self.targetBytes = max(1, targetBytes)
        self.maximumLineLength = max(1, maximumLineLength)
    }

    /// Takes the next chunk of input; `emit` gets each batch that is full.
    mutating func append(_ chunk: UnsafeRawBufferPointer, emit: (ScanBatch) throws -> Void) rethrows {
        var rest = chunk
        if swallowLineFeed, let first = rest.first {
            swallowLineFeed = false
            if first == UInt8(ascii: "\n") { rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst()) }
        }
        if skipping {
            guard let end = rest.firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
                return
            }
            skipping = false
            var next = end + 1
            if rest[end] == UInt8(ascii: "\r") {
                if next == rest.count {
                    swallowLineFeed = true
                } else if rest[next] == UInt8(ascii: "\n") {
                    next += 1
                }
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[next...])
        }
        guard !rest.isEmpty else { return }
        bytes.append(contentsOf: rest)
        cutLines(atEnd: false)
        if bytes.count - lineStart > maximumLineLength {
            // The unfinished line is over the limit already: report it now, drop its bytes. Its
            // text may be complete but for a CR held back as the first half of a CRLF.
            let endsOnCarriageReturn = bytes.last == UInt8(ascii: "\r")
            lineNumber += 1
            lines.append(
                ScanLine(number: lineNumber, start: lineStart, contentEnd: lineStart, end: lineStart, isOverlong: true))
            bytes.removeSubrange(lineStart...)
            searched = lineStart
            if endsOnCarriageReturn { swallowLineFeed = true } else { skipping = true }
        }
        if lineStart >= targetBytes { try emitBatch(emit) }
    }

    /// The input has ended: hands over its last line (which may have no line end) and the last
    /// batch. Without `keepingUnfinishedLine` (the input broke off) a last line without a line
    /// end is dropped rather than judged as if it were whole.
    mutating func finish(keepingUnfinishedLine: Bool = true, emit: (ScanBatch) throws -> Void) rethrows {
        if !skipping {
            cutLines(atEnd: keepingUnfinishedLine)
            if keepingUnfinishedLine && lineStart < bytes.count { record(contentEnd: bytes.count, end: bytes.count) }
        }
        skipping = false
        swallowLineFeed = false
        if !lines.isEmpty { try emitBatch(emit) }
    }

    /// Records every complete line from `lineStart`. A CR at the very end of the bytes may be
    /// the first half of a CRLF, so it waits for the next chunk unless the input has ended.
    private mutating func cutLines(atEnd: Bool) {
        // Read through a second reference (no copy: nothing writes the bytes meanwhile), since
        // recording a line changes `self` while the bytes are being read.
        let text = bytes
        text.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let count = raw.count
            // The next LF at or after `searched` (or `count`), kept between lines so that a
            // CR-only text is not searched for LF once per line.
            var lineFeed = -1
            while searched < count {
                if lineFeed < searched {
                    lineFeed =
                        memchr(base + searched, Int32(UInt8(ascii: "\n")), count - searched)
                        .map { UnsafeRawPointer($0) - base } ?? count
                }
                var end = lineFeed
                if lineFeed > searched,
                    let found = memchr(base + searched, Int32(UInt8(ascii: "\r")), lineFeed - searched)
                {
                    end = UnsafeRawPointer(found) - base
                }
                guard end < count else {
                    searched = count
                    return
                }
                var next = end + 1
                if raw[end] == UInt8(ascii: "\r") {
                    if next == count {
                        guard atEnd else {
                            searched = end
                            return
                        }
                    } else if raw[next] == UInt8(ascii: "\n") {
                        next += 1
                    }
                }
                record(contentEnd: end, end: next)
            }
        }
    }

    /// Records the line from `lineStart` with its text ending at `contentEnd`.
    private mutating func record(contentEnd: Int, end: Int) {
        lineNumber += 1
        let overlong = contentEnd - lineStart > maximumLineLength
        lines.append(
            ScanLine(
                number: lineNumber, start: lineStart, contentEnd: overlong ? lineStart : contentEnd,
                end: overlong ? lineStart : end, isOverlong: overlong))
        lineStart = end
        searched = end
    }

    /// Hands over the complete lines; the unfinished one starts the next batch.
    private mutating func emitBatch(_ emit: (ScanBatch) throws -> Void) rethrows {
        let remainder = Array(bytes[lineStart...])
        bytes.removeSubrange(lineStart...)
        let batch = ScanBatch(sequence: sequence, bytes: bytes, lines: lines)
        sequence += 1
        bytes = remainder
        bytes.reserveCapacity(targetBytes + targetBytes / 2)
        lines = []
        searched -= lineStart
        lineStart = 0
        try emit(batch)
    }
}
