/// A snapshot's bytes as they are kept: in parts, read one after another. Reading a snapshot
/// from parts holds one part at a time beside the columns it fills, never the whole snapshot
/// (a third of what the columns take) on top of them.
public protocol AnalysisSnapshotParts {
    /// All the parts' bytes together.
    var byteCount: Int { get }
    /// The next part, or `nil` after the last; throws `.unreadable` when it cannot be read.
    mutating func nextPart() throws(AnalysisSnapshotError) -> [UInt8]?
}

/// A snapshot held whole, as one part.
struct WholeSnapshot: AnalysisSnapshotParts {
    /// The bytes, until they are handed over.
    private var bytes: [UInt8]?
    let byteCount: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        byteCount = bytes.count
    }

    mutating func nextPart() -> [UInt8]? {
        defer { bytes = nil }
        return bytes
    }
}

/// Reads what `SnapshotWriter` wrote, part after part, checking every count against the bytes
/// left: a truncated or damaged snapshot throws `.damaged`, never reads out of bounds.
///
/// Not generic over the parts' type: the store's parts come from another module, where a
/// generic reader would run unspecialised (a metadata lookup per value read).
struct SnapshotReader {
    private var parts: any AnalysisSnapshotParts
    /// The part being read, and where in it the next value starts.
    private var part: [UInt8] = []
    private var partOffset = 0
    /// Bytes not read yet, in this part and the ones after.
    private(set) var remaining: Int

    init(_ parts: any AnalysisSnapshotParts) {
        self.parts = parts
        remaining = parts.byteCount
    }

    /// Whether every byte was read, and the parts held no more than they said.
    mutating func isAtEnd() throws(AnalysisSnapshotError) -> Bool {
        guard remaining == 0, partOffset == part.count else { return false }
        while let next = try parts.nextPart() {
            guard next.isEmpty else { return false }
        }
        return true
    }

    /// Copies the next `count` bytes to `destination`, across parts.
    private mutating func copy(_ count: Int, to destination: UnsafeMutableRawPointer) throws(AnalysisSnapshotError) {
        guard count >= 0, count <= remaining else { throw .damaged("the snapshot ends early") }
        var done = 0
        while done < count {
            if partOffset == part.count {
                // The part read is released as the next one comes in.
                guard let next = try parts.nextPart() else { throw .damaged("the snapshot ends early") }
                part = next
                partOffset = 0
                continue
            }
            let length = min(count - done, part.count - partOffset)
            let start = partOffset
            part.withUnsafeBytes { raw in
                if let base = raw.baseAddress { (destination + done).copyMemory(from: base + start, byteCount: length) }
            }
            done += length
            partOffset += length
        }
        remaining -= count
    }

    /// The next `count` values of `Element`, their bytes copied as they are (across parts).
    private mutating func bytes<Element: FixedWidthInteger>(
        of _: Element.Type, count: Int
    ) throws(AnalysisSnapshotError) -> [Element] {
        var values = [Element](repeating: 0, count: count)
        var failure: AnalysisSnapshotError?
        values.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            do throws(AnalysisSnapshotError) { try copy(raw.count, to: base) } catch { failure = error }
        }
        if let failure { throw failure }
        return values
    }

    /// A fixed-width integer, little-endian: read in place when it lies within the part.
    @inline(__always)
    mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(AnalysisSnapshotError) -> T {
        let size = MemoryLayout<T>.size
        if part.count - partOffset >= size && remaining >= size {
            let start = partOffset
            let value = part.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: T.self) }
            partOffset += size
            remaining -= size
            return T(littleEndian: value)
        }
        var value = T.zero
        try withUnsafeMutableBytes(of: &value) { raw throws(AnalysisSnapshotError) in
            if let base = raw.baseAddress { try copy(size, to: base) }
        }
        return T(littleEndian: value)
    }

    /// A count that `width` bytes per element can still hold in what is left.
    private mutating func count(width: Int) throws(AnalysisSnapshotError) -> Int {
        let count = try integer(Int64.self)
        guard count >= 0, count <= remaining / max(width, 1) else {
            throw .damaged("a column is longer than the snapshot")
        }
        return Int(count)
    }

    /// A column of fixed-width little-endian values, each made into a `Value` by `convert`: the
    /// values within the current part are read in place, a value cut by a part's end through
    /// `integer`.
    private mutating func column<Stored: FixedWidthInteger, Value>(
        of _: Stored.Type, _ convert: (Stored) -> Value
    ) throws(AnalysisSnapshotError) -> [Value] {
        let width = MemoryLayout<Stored>.size
        let count = try count(width: width)
        var failure: AnalysisSnapshotError?
        let values = [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let inPart = min((part.count - partOffset) / width, count - done, remaining / width)
                if inPart > 0 {
                    let start = partOffset
                    part.withUnsafeBytes { raw in
                        for i in 0..<inPart {
                            buffer[done + i] = convert(
                                Stored(
                                    littleEndian: raw.loadUnaligned(fromByteOffset: start + width * i, as: Stored.self))
                            )
                        }
                    }
                    partOffset += inPart * width
                    remaining -= inPart * width
                    done += inPart
                } else {
                    do throws(AnalysisSnapshotError) {
                        buffer[done] = convert(try integer(Stored.self))
                        done += 1
                    } catch {
                        failure = error
                        break
                    }
                }
            }
            initialized = done
        }
        if let failure { throw failure }
        return values
    }

    /// A column of `Int` stored as Int32.
    mutating func int32Column() throws(AnalysisSnapshotError) -> [Int] {
        try column(of: Int32.self) { Int($0) }
    }

    /// A column of Int32 kept as Int32: its bytes copied straight into the array.
    mutating func int32Array() throws(AnalysisSnapshotError) -> [Int32] {
        #if _endian(big)
        return try column(of: Int32.self) { $0 }
        #else
        return try bytes(of: Int32.self, count: try count(width: 4))
        #endif
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
        guard total <= remaining else { throw .damaged("the snapshot's names are cut short") }
        let text = try bytes(of: UInt8.self, count: total)
        var start = 0
        return text.withUnsafeBufferPointer { buffer in
            lengths.map { length in
                defer { start += length }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + length]), as: UTF8.self)
            }
        }
    }
}
