/// Little-endian binary writing for `AnalysisCorpus` snapshots, in parts: the bytes go to
/// `emit` a part of `partSize` bytes at a time, so that writing never holds the whole snapshot
/// (a third of what the columns take) beside the columns. Columns are converted through a
/// buffer of 64K values, never copied whole.
struct SnapshotWriter {
    /// The part being filled.
    private var part: [UInt8] = []
    private let partSize: Int
    private let emit: ([UInt8]) throws -> Void
    /// Values converted at a time.
    private static let chunk = 1 << 16

    init(partSize: Int, emit: @escaping ([UInt8]) throws -> Void) {
        self.partSize = max(1, partSize)
        self.emit = emit
    }

    /// Hands over the last part (if anything is left in it).
    mutating func finish() throws {
        if !part.isEmpty { try emit(part) }
        part = []
    }

    /// Appends bytes, handing over each part as it fills.
    private mutating func append(_ raw: UnsafeRawBufferPointer) throws {
        var rest = raw[...]
        while !rest.isEmpty {
            let length = min(partSize - part.count, rest.count)
            part.append(contentsOf: rest.prefix(length))
            rest = rest.dropFirst(length)
            if part.count == partSize {
                try emit(part)
                part.removeAll(keepingCapacity: true)
            }
        }
    }

    /// A fixed-width integer, little-endian.
    mutating func integer<T: FixedWidthInteger>(_ value: T) throws {
        try withUnsafeBytes(of: value.littleEndian) { try append($0) }
    }

    /// A column: its count, then each value as `convert` makes it, little-endian.
    private mutating func column<Value, Stored: FixedWidthInteger>(
        _ values: [Value], _ convert: (Value) throws -> Stored
    ) throws {
        try integer(Int64(values.count))
        var scratch: [Stored] = []
        scratch.reserveCapacity(min(values.count, Self.chunk))
        for value in values {
            scratch.append(try convert(value).littleEndian)
            if scratch.count == Self.chunk {
                try scratch.withUnsafeBytes { try append($0) }
                scratch.removeAll(keepingCapacity: true)
            }
        }
        try scratch.withUnsafeBytes { try append($0) }
    }

    /// A column of integers stored as Int32 (indices, citations, years). Throws
    /// `AnalysisSnapshotError.valueOutOfRange` for a value an Int32 cannot hold.
    mutating func int32Column(_ values: [Int]) throws {
        try column(values) { value in
            guard let exact = Int32(exactly: value) else { throw AnalysisSnapshotError.valueOutOfRange }
            return exact
        }
    }

    /// A column already of Int32: its count, then its bytes as they are in memory.
    mutating func int32Column(_ values: [Int32]) throws {
        #if _endian(big)
        try column(values) { $0 }
        #else
        try integer(Int64(values.count))
        try values.withUnsafeBytes { try append($0) }
        #endif
    }

    /// A column of offsets (non-decreasing, from 0): its count, then the values as Int64.
    mutating func int64Column(_ values: [Int]) throws {
        try column(values) { Int64($0) }
    }

    /// A column of Doubles, bit patterns little-endian.
    mutating func doubleColumn(_ values: [Double]) throws {
        try column(values) { $0.bitPattern }
    }

    /// A column of exact fractions: count, then numerator and denominator of each.
    mutating func fractionColumn(_ values: [Fraction]) throws {
        try integer(Int64(values.count))
        var scratch: [Int64] = []
        scratch.reserveCapacity(min(values.count * 2, Self.chunk))
        for value in values {
            scratch.append(value.numerator.littleEndian)
            scratch.append(value.denominator.littleEndian)
            if scratch.count >= Self.chunk {
                try scratch.withUnsafeBytes { try append($0) }
                scratch.removeAll(keepingCapacity: true)
            }
        }
        try scratch.withUnsafeBytes { try append($0) }
    }

    /// A column of strings: count, the UTF-8 length of each, then all their bytes.
    mutating func stringColumn(_ values: [String]) throws {
        try column(values) { value in
            guard let length = UInt32(exactly: value.utf8.count) else { throw AnalysisSnapshotError.valueOutOfRange }
            return length
        }
        for var value in values { try value.withUTF8 { try append(UnsafeRawBufferPointer($0)) } }
    }
}

/// Why a corpus could not be written to or read from a snapshot.
public enum AnalysisSnapshotError: Error, Equatable, CustomStringConvertible {
    /// A value does not fit the snapshot's fixed widths (more than 2^31 entries or citations).
    case valueOutOfRange
    /// The bytes are not a snapshot of this version, or are damaged.
    case damaged(String)
    /// The bytes could not be read from where they are kept.
    case unreadable(String)

    public var description: String {
        switch self {
        case .valueOutOfRange: "a value is too large for the analysis snapshot"
        case .damaged(let why): "the analysis snapshot cannot be read: \(why)"
        case .unreadable(let why): "the analysis snapshot could not be read from the store: \(why)"
        }
    }
}
