/// Reads what `ByteWriter` wrote. Every read checks bounds and throws
/// `StoreError.corruptBlob` rather than trapping: a damaged store must not crash a report.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var position = 0
    let column: String

    init(_ bytes: [UInt8], column: String) {
        self.bytes = bytes
        self.column = column
    }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw corrupt("ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readUInt16() throws -> UInt16 {
        let low = try readByte()
        let high = try readByte()
        return UInt16(high) << 8 | UInt16(low)
    }

    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw corrupt("varint too long") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func readInt() throws -> Int {
        Int(Int64(bitPattern: try readVarint()))
    }

    /// Reads a count and checks it against the bytes left, so a corrupt count cannot make a
    /// reader reserve gigabytes.
    mutating func readCount(minimumBytesEach: Int) throws -> Int {
        let count = try readVarint()
        guard count <= UInt64(max(0, bytes.count - position) / max(1, minimumBytesEach)) else {
            throw corrupt("count \(count) exceeds the data")
        }
        return Int(count)
    }

    mutating func readString() throws -> String {
        let length = try readCount(minimumBytesEach: 1)
        defer { position += length }
        return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    private func corrupt(_ detail: String) -> StoreError {
        StoreError.corruptBlob(column: column, detail: "\(detail) at byte \(position)")
    }
}
