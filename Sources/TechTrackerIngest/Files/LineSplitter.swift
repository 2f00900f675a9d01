#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a stream of byte chunks into lines, handing each complete line (without its line end)
/// to a consumer with its 1-based line number.
///
/// A line ends at `\n`, `\r\n` or a lone `\r` (old Mac files): JSON never holds a raw CR
/// inside a string, so treating one as a line end cannot split a valid record, while not doing
/// so turns a whole CR-only file into one giant rejected "line".
///
/// Lines inside a chunk are passed without copying; only a line that spans two chunks is
/// assembled in `pending`, so memory stays at one chunk plus the longest line accepted. A line
/// longer than `maximumLineLength` is not buffered: its bytes are dropped as they arrive (up to
/// the next line end) and it is reported as `nil`, so a gzip bomb without newlines costs at most
/// `maximumLineLength` bytes of memory.
struct LineSplitter {
    /// The longest line accepted; a longer one is reported as `nil`, not buffered.
    let maximumLineLength: Int
    /// The unfinished line (bounded by `maximumLineLength`).
    private var pending: BoundedBytes
    /// The previous chunk ended with `\r`: a `\n` opening this chunk completes that CRLF.
    private var swallowLineFeed = false
    private(set) var lineNumber = 0

    init(maximumLineLength: Int = 64 << 20) {
        self.maximumLineLength = max(1, maximumLineLength)
        pending = BoundedBytes(limit: self.maximumLineLength)
    }

    /// Feeds one chunk. `body` gets each complete line, or `nil` for a line over the limit.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?, Int) -> Void) {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        let count = chunk.count
        var start = 0
        if swallowLineFeed {
            swallowLineFeed = false
            if chunk[0] == UInt8(ascii: "\n") { start = 1 }
        }
        // The next `\n` at or after `start` (or `count`), kept between iterations so that a
        // CR-only chunk is not searched for `\n` once per line.
        var lineFeed = -1
        while start < count {
            if lineFeed < start {
                lineFeed =
                    memchr(base + start, Int32(UInt8(ascii: "\n")), count - start)
                    .map { UnsafeRawPointer($0) - base } ?? count
            }
            // A CR before that `\n` ends the line first (a lone CR, or the CR of a CRLF).
            var end = lineFeed
            var isCarriageReturn = false
            if lineFeed > start, let found = memchr(base + start, Int32(UInt8(ascii: "\r")), lineFeed - start) {
                end = UnsafeRawPointer(found) - base
                isCarriageReturn = true
            }
            guard end < count else {
                pending.append(UnsafeRawBufferPointer(rebasing: chunk[start..<count]))
                return
            }
            lineNumber += 1
            let line = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
            if pending.isClear {
                body(line.count <= maximumLineLength ? line : nil, lineNumber)
            } else {
                pending.append(line)
                emitPending(body)
            }
            start = end + 1
            if isCarriageReturn {
                if start == count {
                    swallowLineFeed = true
                } else if chunk[start] == UInt8(ascii: "\n") {
                    start += 1
                }
            }
        }
    }

    /// Hands over a last line that had no line end.
    mutating func finish(_ body: (UnsafeRawBufferPointer?, Int) -> Void) {
        swallowLineFeed = false
        guard !pending.isClear else { return }
        lineNumber += 1
        emitPending(body)
    }

    /// True when bytes of an unfinished line are held.
    var hasPartialLine: Bool { !pending.isClear }

    /// Bytes reserved for the unfinished line: never more than `maximumLineLength`.
    var pendingCapacity: Int { pending.bytes.capacity }

    private mutating func emitPending(_ body: (UnsafeRawBufferPointer?, Int) -> Void) {
        if pending.overflowed {
            body(nil, lineNumber)
        } else {
            pending.bytes.withUnsafeBytes { body($0, lineNumber) }
        }
        pending.reset()
    }
}
