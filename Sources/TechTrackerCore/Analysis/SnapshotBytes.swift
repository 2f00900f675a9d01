/// Little-endian binary writing for `AnalysisCorpus` snapshots: whole columns at a time, so
/// that writing and reading a column costs a copy, not a call per value.
struct SnapshotWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// A writer with room for about `capacity` bytes.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// A fixed-width integer, little-endian.
    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A column of integers stored as Int32 (indices, citations, years): its count, then the
    /// values. Throws `.valueOutOfRange` for a value an Int32 cannot hold.
    mutating func int32Column(_ values: [Int]) throws(AnalysisSnapshotError) {
        integer(Int64(values.count))
        var narrow = [Int32](repeating: 0, count: values.count)
        for (i, value) in values.enumerated() {
            guard let exact = Int32(exactly: value) else { throw .valueOutOfRange }
            narrow[i] = exact.littleEndian
        }
        narrow.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// A column already of Int32: its count, then its bytes as they are in memory (one copy).
    mutating func int32Column(_ values: [Int32]) {
        integer(Int64(values.count))
        #if _endian(big)
        for value in values { integer(value) }
        #else
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #endif
    }

    /// A column of offsets (non-decreasing, from 0): its count, then the values as Int64.
    mutating func int64Column(_ values: [Int]) {
        integer(Int64(values.count))
        for value in values { integer(Int64(value)) }
    }

    /// A column of Doubles, bit patterns little-endian.
    mutating func doubleColumn(_ values: [Double]) {
        integer(Int64(values.count))
        for value in values { integer(value.bitPattern) }
    }

    /// A column of exact fractions: count, then numerator and denominator of each.
    mutating func fractionColumn(_ values: [Fraction]) {
        integer(Int64(values.count))
        for value in values {
            integer(value.numerator)
            integer(value.denominator)
        }
    }

    /// A column of strings: count, the UTF-8 length of each, then all their bytes.
    mutating func stringColumn(_ values: [String]) throws(AnalysisSnapshotError) {
        integer(Int64(values.count))
        for value in values {
            guard let length = UInt32(exactly: value.utf8.count) else { throw .valueOutOfRange }
            integer(length)
        }
        for value in values { bytes.append(contentsOf: value.utf8) }
    }
}

/// Reads what `SnapshotWriter` wrote, checking every count against the bytes left: a
/// truncated or damaged snapshot throws `.damaged`, never reads out of bounds.
struct SnapshotReader {
    private let bytes: [UInt8]
    /// Where the next value starts.
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte was read.
    var isAtEnd: Bool { offset == bytes.count }

    /// A fixed-width integer, little-endian.
    mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(AnalysisSnapshotError) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { throw .damaged("the snapshot ends early") }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        offset += size
        return T(littleEndian: value)
    }

    /// A count that `width` bytes per element can still hold in what is left.
    private mutating func count(width: Int) throws(AnalysisSnapshotError) -> Int {
        let count = try integer(Int64.self)
        guard count >= 0, count <= (bytes.count - offset) / max(width, 1) else {
            throw .damaged("a column is longer than the snapshot")
        }
        return Int(count)
    }

    /// A column of fixed-width little-endian values, each made into a `Value` by `convert`.
    private mutating func column<Stored: FixedWidthInteger, Value>(
        of _: Stored.Type, _ convert: (Stored) -> Value
    ) throws(AnalysisSnapshotError) -> [Value] {
        let width = MemoryLayout<Stored>.size
        let count = try count(width: width)
        let start = offset
        offset += count * width
        return bytes.withUnsafeBytes { raw in
            [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    buffer[i] = convert(
                        Stored(littleEndian: raw.loadUnaligned(fromByteOffset: start + width * i, as: Stored.self)))
                }
                initialized = count
            }
        }
    }

    /// A column of `Int` stored as Int32.
    mutating func int32Column() throws(AnalysisSnapshotError) -> [Int] {
        try column(of: Int32.self) { Int($0) }
    }

    /// A column of Int32 kept as Int32: one copy of its bytes.
    mutating func int32Array() throws(AnalysisSnapshotError) -> [Int32] {
        let count = try count(width: 4)
        let start = offset
        offset += count * 4
        return bytes.withUnsafeBytes { raw in
            [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
                #if _endian(big)
                for i in 0..<count {
                    buffer[i] = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * i, as: Int32.self))
                }
                #else
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[start..<start + count * 4]))
                #endif
                initialized = count
            }
        }
    }

    /// A column of `Int` stored as Int64.
    mutating func int64Column() throws(AnalysisSnapshotError) -> [Int] {
        try column(of: Int64.self) { Int($0) }
    }

    /// A column of Doubles, stored as their bit patterns.
    mutating func doubleColumn() throws(AnalysisSnapshotError) -> [Double] {
        try column(of: UInt64.self) { Double(bitPattern: $0) }
    }

    /// A column of fractions; each must be in lowest terms with a positive denominator.
    mutating func fractionColumn() throws(AnalysisSnapshotError) -> [Fraction] {
        let count = try count(width: 16)
        var values: [Fraction] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            let numerator = try integer(Int64.self), denominator = try integer(Int64.self)
            guard numerator >= 0, denominator > 0 else { throw .damaged("a credit is not a fraction") }
            values.append(Fraction(numerator, denominator))
        }
        return values
    }

    /// A column of strings.
    mutating func stringColumn() throws(AnalysisSnapshotError) -> [String] {
        let count = try count(width: 4)
        var lengths: [Int] = []
        lengths.reserveCapacity(count)
        var total = 0
        for _ in 0..<count {
            let length = Int(try integer(UInt32.self))
            lengths.append(length)
            total += length
        }
        guard total <= bytes.count - offset else { throw .damaged("the snapshot's names are cut short") }
        var start = offset
        offset += total
        return bytes.withUnsafeBufferPointer { buffer in
            lengths.map { length in
                defer { start += length }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + length]), as: UTF8.self)
            }
        }
    }
}

/// Why a corpus could not be written to or read from a snapshot.
public enum AnalysisSnapshotError: Error, Equatable, CustomStringConvertible {
    /// A value does not fit the snapshot's fixed widths (more than 2^31 entries or citations).
    case valueOutOfRange
    /// The bytes are not a snapshot of this version, or are damaged.
    case damaged(String)

    public var description: String {
        switch self {
        case .valueOutOfRange: "a value is too large for the analysis snapshot"
        case .damaged(let why): "the analysis snapshot cannot be read: \(why)"
        }
    }
}
