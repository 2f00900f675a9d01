/// The corpus as bytes, so that an analysis after the first reads its columns in one pass
/// instead of decoding every stored work again (the store keeps these bytes until a write
/// changes what they were made from).
///
/// The columns are written as they are, in their canonical order, with fixed widths (Int32
/// for indices, years and citations; Int64 for offsets and fractions; Double bit patterns), so
/// reading one is a copy. Reading checks everything a later computation indexes with (offsets
/// non-decreasing and ending at their column's length, every index within its table), so a
/// damaged snapshot is refused, never trusted.
extension AnalysisCorpus {
    /// The format: "TTAC" and a version, raised whenever the layout below changes.
    static let snapshotMagic: UInt32 = 0x4341_5454
    static let snapshotVersion: UInt32 = 2

    /// The corpus written as a snapshot, whole. Throws `AnalysisSnapshotError.valueOutOfRange`
    /// when a column does not fit the fixed widths (beyond 2^31 entries or citations), which no
    /// real corpus reaches.
    public func snapshotBytes() throws -> [UInt8] {
        var bytes: [UInt8] = []
        try writeSnapshot(partSize: Int.max) { bytes += $0 }
        return bytes
    }

    /// Writes the corpus as a snapshot in parts of `partSize` bytes (the last may be shorter),
    /// handing each to `write` as soon as it is full, so that the whole snapshot is never held.
    /// Throws what `write` throws, and `AnalysisSnapshotError.valueOutOfRange` as
    /// `snapshotBytes`.
    public func writeSnapshot(partSize: Int, to write: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(write) { write in
            var writer = SnapshotWriter(partSize: partSize, emit: write)
            try writeColumns(to: &writer)
            try writer.finish()
        }
    }

    /// Every column, in the snapshot's order.
    private func writeColumns(to writer: inout SnapshotWriter) throws {
        try writer.integer(Self.snapshotMagic)
        try writer.integer(Self.snapshotVersion)
        try writer.integer(Int64(workCount))
        try writer.int64Column(countries.map { Int($0.rawValue) })
        // Unknown years as Int32.min: no publication year is that far from zero.
        try writer.int32Column(year.map { $0 ?? Int(Int32.min) })
        try writer.int32Column(citations)
        let types = Array(Set(type)).sorted()
        let typeIndex = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        try writer.stringColumn(types)
        try writer.int32Column(type.map { typeIndex[$0] ?? 0 })
        try writer.int32Column(isRetracted.map { $0 ? 1 : 0 })

        try writer.int64Column(creditOffsets)
        try writer.int32Column(creditCountry)
        try writer.doubleColumn(creditValue)
        try writer.fractionColumn(creditFraction)

        try writer.stringColumn(institutionIDs)
        try writer.int32Column(institutionCountry)
        try writer.int64Column(institutionOffsets)
        try writer.int32Column(institutionIndex)
        try writer.doubleColumn(institutionValue)
        try writer.fractionColumn(institutionFraction)

        try writer.int64Column(referenceOffsets)
        try writer.int32Column(referencedWork)

        try writer.int64Column(authorOffsets)
        try writer.int32Column(authorIndex)
        try writer.int32Column(authorCountry)
        try writer.stringColumn(authorIDs)

        try writer.stringColumn(technologyIDs)
        for works in memberships { try writer.int32Column(works) }

        // Version 2: patent citations (METHOD §10), confidence and attributes packed in one Int32.
        try writer.int32Column(patentWork)
        try writer.int32Column(
            zip(patentConfidence, patentAttributes).map { Int32($0) << 8 | Int32($1) })
    }

    /// The corpus a snapshot holds; throws `.damaged` when the bytes are not a whole, valid
    /// snapshot of this version.
    public init(snapshot bytes: [UInt8]) throws(AnalysisSnapshotError) {
        try self.init(snapshotParts: WholeSnapshot(bytes))
    }

    /// The corpus a snapshot kept in parts holds, read part after part (`AnalysisSnapshotParts`);
    /// throws `.damaged` when the bytes are not a whole, valid snapshot of this version, and
    /// `.unreadable` when a part cannot be read.
    public init(snapshotParts parts: any AnalysisSnapshotParts) throws(AnalysisSnapshotError) {
        var reader = SnapshotReader(parts)
        guard try reader.integer(UInt32.self) == Self.snapshotMagic,
            try reader.integer(UInt32.self) == Self.snapshotVersion
        else { throw .damaged("not a snapshot of this version") }
        self.init()
        let works = try reader.integer(Int64.self)
        guard works >= 0 else { throw .damaged("a negative number of works") }
        workCount = Int(works)
        countries = try reader.int64Column().map { code throws(AnalysisSnapshotError) in
            guard let raw = UInt16(exactly: code), let country = CountryCode(rawValue: raw) else {
                throw .damaged("a country code is not one")
            }
            return country
        }
        year = try reader.int32Column().map { $0 == Int(Int32.min) ? nil : $0 }
        citations = try reader.int32Column()
        let types = try reader.stringColumn()
        type = try reader.int32Column().map { k throws(AnalysisSnapshotError) in
            guard types.indices.contains(k) else { throw .damaged("a work type is not listed") }
            return types[k]
        }
        isRetracted = try reader.int32Column().map { $0 != 0 }
        guard year.count == workCount, citations.count == workCount, type.count == workCount,
            isRetracted.count == workCount
        else { throw .damaged("a work column has the wrong length") }

        creditOffsets = try reader.int64Column()
        creditCountry = try reader.int32Column()
        creditValue = try reader.doubleColumn()
        creditFraction = try reader.fractionColumn()
        try Self.check(offsets: creditOffsets, works: workCount, entries: creditCountry.count)
        try Self.check(parallel: creditValue.count, creditCountry.count, optional: creditFraction.count)
        try Self.check(indices: creditCountry, below: countries.count, unknownAllowed: true)

        institutionIDs = try reader.stringColumn()
        institutionCountry = try reader.int32Column()
        institutionOffsets = try reader.int64Column()
        institutionIndex = try reader.int32Column()
        institutionValue = try reader.doubleColumn()
        institutionFraction = try reader.fractionColumn()
        guard institutionCountry.count == institutionIDs.count else {
            throw .damaged("institutions and their countries differ in number")
        }
        try Self.check(indices: institutionCountry, below: countries.count, unknownAllowed: true)
        try Self.check(offsets: institutionOffsets, works: workCount, entries: institutionIndex.count)
        try Self.check(parallel: institutionValue.count, institutionIndex.count, optional: institutionFraction.count)
        try Self.check(indices: institutionIndex, below: institutionIDs.count, unknownAllowed: false)

        referenceOffsets = try reader.int64Column()
        referencedWork = try reader.int32Array()
        try Self.check(offsets: referenceOffsets, works: workCount, entries: referencedWork.count)
        try Self.check(indices: referencedWork, below: workCount, unknownAllowed: false)

        authorOffsets = try reader.int64Column()
        authorIndex = try reader.int32Array()
        authorCountry = try reader.int32Array()
        authorIDs = try reader.stringColumn()
        try Self.check(offsets: authorOffsets, works: workCount, entries: authorIndex.count)
        guard authorCountry.count == authorIndex.count else { throw .damaged("authorships are cut short") }
        try Self.check(indices: authorIndex, below: authorIDs.count, unknownAllowed: false)
        try Self.check(indices: authorCountry, below: countries.count, unknownAllowed: true)

        technologyIDs = try reader.stringColumn()
        memberships = []
        memberships.reserveCapacity(technologyIDs.count)
        for _ in technologyIDs {
            let works = try reader.int32Column()
            try Self.check(indices: works, below: workCount, unknownAllowed: false)
            memberships.append(works)
        }

        patentWork = try reader.int32Array()
        let packed = try reader.int32Array()
        guard packed.count == patentWork.count else { throw .damaged("patent citation columns differ in length") }
        try Self.check(indices: patentWork, below: workCount, unknownAllowed: false)
        patentConfidence = []
        patentAttributes = []
        patentConfidence.reserveCapacity(packed.count)
        patentAttributes.reserveCapacity(packed.count)
        for value in packed {
            guard value >= 0, value <= 0xFFFF else { throw .damaged("a patent citation's attributes are not valid") }
            patentConfidence.append(UInt8(truncatingIfNeeded: value >> 8))
            patentAttributes.append(UInt8(truncatingIfNeeded: value))
        }
        guard try reader.isAtEnd() else { throw .damaged("bytes left after the last column") }
    }

    /// CSR offsets: one per work and one more, from 0, never decreasing, ending at `entries`.
    private static func check(offsets: [Int], works: Int, entries: Int) throws(AnalysisSnapshotError) {
        guard offsets.count == works + 1, offsets.first == 0, offsets.last == entries else {
            throw .damaged("a list's offsets do not match its entries")
        }
        for i in 1..<offsets.count where offsets[i] < offsets[i - 1] {
            throw .damaged("a list's offsets decrease")
        }
    }

    /// Parallel columns: the same length, and the exact values either absent or as many.
    private static func check(parallel values: Int, _ keys: Int, optional exact: Int) throws(AnalysisSnapshotError) {
        guard values == keys, exact == 0 || exact == keys else { throw .damaged("credit columns differ in length") }
    }

    /// Every index within `0..<count` (or `-1`, unknown, where allowed).
    private static func check<Index: BinaryInteger>(
        indices: [Index], below count: Int, unknownAllowed: Bool
    ) throws(AnalysisSnapshotError) {
        let lowest = unknownAllowed ? -1 : 0
        for index in indices where Int(index) < lowest || Int(index) >= count {
            throw .damaged("an index is outside its table")
        }
    }
}
