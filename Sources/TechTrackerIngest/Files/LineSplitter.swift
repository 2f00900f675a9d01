#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a stream of byte chunks into lines, handing each complete line (without its `\n` or
/// `\r\n`) to a consumer with its 1-based line number.
///
/// Lines inside a chunk are passed without copying; only a line that spans two chunks is
/// assembled in `pending`, so memory stays at one chunk plus the longest line.
struct LineSplitter {
    /// The longest line accepted; a longer one is reported as an error, not buffered forever.
    let maximumLineLength: Int
    private var pending: [UInt8] = []
    private var pendingTooLong = false
    private(set) var lineNumber = 0

    init(maximumLineLength: Int = 512 << 20) {
        self.maximumLineLength = maximumLineLength
    }

    /// Feeds one chunk. `body` gets each complete line, or `nil` for a line over the limit.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?, Int) -> Void) {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        while start < chunk.count {
            guard let found = memchr(base + start, Int32(UInt8(ascii: "\n")), chunk.count - start) else {
                appendPending(UnsafeRawBufferPointer(rebasing: chunk[start...]))
                return
            }
            let end = UnsafeRawPointer(found) - base
            lineNumber += 1
            if pending.isEmpty && !pendingTooLong {
                body(Self.trimCR(UnsafeRawBufferPointer(rebasing: chunk[start..<end])), lineNumber)
            } else {
                appendPending(UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
                emitPending(body)
            }
            start = end + 1
        }
    }

    /// Hands over a last line that had no final newline.
    mutating func finish(_ body: (UnsafeRawBufferPointer?, Int) -> Void) {
        guard !pending.isEmpty || pendingTooLong else { return }
        lineNumber += 1
        emitPending(body)
    }

    /// True when bytes of an unfinished line are held.
    var hasPartialLine: Bool { !pending.isEmpty || pendingTooLong }

    private mutating func appendPending(_ bytes: UnsafeRawBufferPointer) {
        guard !pendingTooLong else { return }
        if pending.count + bytes.count > maximumLineLength {
            pendingTooLong = true
            pending = []
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    private mutating func emitPending(_ body: (UnsafeRawBufferPointer?, Int) -> Void) {
        if pendingTooLong {
            body(nil, lineNumber)
        } else {
            pending.withUnsafeBytes { body(Self.trimCR($0), lineNumber) }
        }
        pending.removeAll(keepingCapacity: pending.count < 16 << 20)
        pendingTooLong = false
    }

    private static func trimCR(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        if let last = line.last, last == UInt8(ascii: "\r") {
            return UnsafeRawBufferPointer(rebasing: line.dropLast())
        }
        return line
    }
}
