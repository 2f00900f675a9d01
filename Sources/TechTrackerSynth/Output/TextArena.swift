/// A run of bytes in a `TextArena`.
struct TextPiece: Sendable, Hashable {
    let offset: UInt32
    let count: UInt32
    static let empty = TextPiece(offset: 0, count: 0)
}

/// Immutable storage for every fixed string a record may contain, already JSON-escaped (and
/// for larger pieces, already laid out as JSON), so records are assembled by copying.
final class TextArena: @unchecked Sendable {
    // Safe to share: written once in `init`, only read afterwards.
    let base: UnsafeMutablePointer<UInt8>
    let count: Int

    init(_ bytes: [UInt8]) {
        count = bytes.count
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        bytes.withUnsafeBufferPointer { buffer in
            if let source = buffer.baseAddress { base.update(from: source, count: bytes.count) }
        }
    }

    deinit { base.deallocate() }

    /// The piece as a Swift string (tests and diagnostics).
    func string(_ piece: TextPiece) -> String {
        String(decoding: UnsafeBufferPointer(start: base + Int(piece.offset), count: Int(piece.count)), as: UTF8.self)
    }
}

/// Collects pieces while the tables are built; `freeze()` makes the arena.
struct TextArenaBuilder {
    private(set) var bytes: [UInt8] = []
    private var seen: [String: TextPiece] = [:]

    /// Adds `text` JSON-escaped, without quotes (identical strings share one piece).
    mutating func escaped(_ text: String) -> TextPiece {
        if let known = seen[text] { return known }
        var encoded: [UInt8] = []
        JSONEscaping.appendEscaped(text, to: &encoded)
        let piece = raw(encoded)
        seen[text] = piece
        return piece
    }

    /// Adds bytes as they are (ready-made JSON).
    mutating func raw(_ encoded: [UInt8]) -> TextPiece {
        let piece = TextPiece(offset: UInt32(bytes.count), count: UInt32(encoded.count))
        bytes.append(contentsOf: encoded)
        return piece
    }

    /// Adds a ready-made JSON fragment given as a string.
    mutating func json(_ fragment: String) -> TextPiece {
        raw(Array(fragment.utf8))
    }

    func freeze() -> TextArena { TextArena(bytes) }
}

/// JSON string escaping (RFC 8259): quote, backslash and control characters; everything
/// else, including non-ASCII UTF-8, passes through.
enum JSONEscaping {
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: output.append(contentsOf: [0x5C, 0x72])
            case 0x09: output.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: output.append(byte)
            }
        }
    }

    /// `text` escaped and quoted, as a Swift string (for building fragments).
    static func quoted(_ text: String) -> String {
        var output: [UInt8] = [0x22]
        appendEscaped(text, to: &output)
        output.append(0x22)
        return String(decoding: output, as: UTF8.self)
    }
}
