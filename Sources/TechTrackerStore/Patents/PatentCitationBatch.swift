public import TechTrackerCore

/// A citation to store: the row of the stored work it names, and what the file said, packed
/// (48 bytes instead of a `PatentCitation`'s 96: batches hold hundreds of thousands).
public struct PatentCitationWrite: Sendable {
    /// The cited work's row (`PatentWorkIndex`).
    public var workRowID: Int64
    /// The citing patent as the file spells it.
    public var patent: String
    /// The patent's family id, when given.
    public var family: String?
    /// The citing patent's year, 0 when not given.
    private var packedYear: Int16
    /// Confidence 1-10, 0 when not given.
    private var packedConfidence: UInt8
    /// Reference type (bits 0-2: 0 not given, 1 app, 2 exm, 3 unk, 4 oth), place (bits 3-4: 0
    /// not given, 1 frontonly, 2 bodyonly, 3 both), self-citation flag (bits 5-6: 0 not given,
    /// 1 no, 2 yes).
    private var packedKinds: UInt8

    /// Makes a write. A confidence or year outside what a file can give (1-10, 1800-2200) is
    /// clamped to the packed fields' ranges.
    public init(workRowID: Int64, citation: PatentCitation) {
        self.workRowID = workRowID
        patent = citation.patent
        family = citation.family
        packedYear = Int16(clamping: citation.year ?? 0)
        packedConfidence = UInt8(clamping: citation.confidence ?? 0)
        var kinds: UInt8 =
            switch citation.referenceType {
            case nil: 0
            case .applicant: 1
            case .examiner: 2
            case .unknown: 3
            case .other: 4
            }
        switch citation.place {
        case nil: break
        case .frontOnly: kinds |= 1 << 3
        case .bodyOnly: kinds |= 2 << 3
        case .both: kinds |= 3 << 3
        }
        if let flag = citation.isSelfCitation { kinds |= (flag ? 2 : 1) << 5 }
        packedKinds = kinds
    }

    /// The confidence, when given.
    public var confidence: Int? { packedConfidence == 0 ? nil : Int(packedConfidence) }
    /// The year, when given.
    public var year: Int? { packedYear == 0 ? nil : Int(packedYear) }
    /// The reference type, when given.
    public var referenceType: PatentReferenceType? {
        switch packedKinds & 0b111 {
        case 1: .applicant
        case 2: .examiner
        case 3: .unknown
        case 4: .other
        default: nil
        }
    }
    /// The place, when given.
    public var place: PatentCitationPlace? {
        switch packedKinds >> 3 & 0b11 {
        case 1: .frontOnly
        case 2: .bodyOnly
        case 3: .both
        default: nil
        }
    }
    /// The self-citation flag, when given.
    public var isSelfCitation: Bool? {
        let code = packedKinds >> 5 & 0b11
        return code == 0 ? nil : code == 2
    }
}

/// Citations to write in one transaction, put in work order, the order of
/// `patent_citation`'s key. Written in that order, a batch walks the table's pages once, in
/// order, instead of jumping between them (several times slower on a table larger than
/// SQLite's cache).
///
/// The order is found from one 64-bit word per citation (the work's row id above the
/// citation's place in the batch), sorted by a radix sort, several times faster than sorting
/// the citations; the citations are then moved once into that order, so that the writer reads
/// them one after another. Of the citations of one work, the one added first comes first, so
/// that of a pair repeated in a file the first is stored. Filled and sorted off the writer's
/// thread (`sort`), so that the writer only binds and steps.
public struct PatentCitationBatch: Sendable {
    /// The citations, in the order added, or in work order once sorted.
    public private(set) var writes: [PatentCitationWrite] = []
    /// `work << placeBits | place` per citation, until sorted.
    private var keys: [UInt64] = []
    /// Whether `writes` are in work order.
    public private(set) var isSorted = true
    /// A row id or a place too large for one word (a store made by another tool, a batch of
    /// more than 16 million citations): the order is then sorted from pairs, more slowly.
    private var isWide = false

    /// Bits of a key for the place in the batch.
    private static let placeBits: UInt64 = 24
    /// Row ids below this fit in a key above the place.
    private static let workLimit: Int64 = 1 << (63 - 24)

    /// An empty batch with room for `capacity` citations.
    public init(capacity: Int = 0) {
        writes.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
    }

    /// The number of citations.
    public var count: Int { writes.count }

    /// Adds a citation.
    public mutating func append(_ write: PatentCitationWrite) {
        let place = writes.count
        if write.workRowID < 0 || write.workRowID >= Self.workLimit || place >= 1 << Self.placeBits { isWide = true }
        let key = UInt64(truncatingIfNeeded: write.workRowID) << Self.placeBits | UInt64(place & 0xFF_FFFF)
        if isSorted, isWide || (keys.last ?? 0) > key { isSorted = false }
        writes.append(write)
        keys.append(key)
    }

    /// Puts the citations in work order (of one work, in the order added).
    public mutating func sort() {
        guard !isSorted else { return }
        let order: [Int]
        if isWide {
            let writes = self.writes
            order = writes.indices.sorted { lhs, rhs in
                (writes[lhs].workRowID, lhs) < (writes[rhs].workRowID, rhs)
            }
        } else {
            Self.radixSort(&keys)
            let mask: UInt64 = (1 << Self.placeBits) - 1
            order = keys.map { Int($0 & mask) }
        }
        let unsorted = writes
        writes.removeAll(keepingCapacity: true)
        unsorted.withUnsafeBufferPointer { unsorted in
            for place in order { writes.append(unsorted[place]) }
        }
        // The keys of the new places, for citations added after the sort.
        keys = writes.indices.map {
            UInt64(truncatingIfNeeded: writes[$0].workRowID) << Self.placeBits | UInt64($0 & 0xFF_FFFF)
        }
        isSorted = true
    }

    /// Calls `body` with each citation in work order, and whether it repeats the (work, patent)
    /// of the one before it (a duplicate row; one that repeats an earlier citation of the same
    /// work further back is found by the store).
    func forEachInKeyOrder(_ body: (PatentCitationWrite, _ repeatsPrevious: Bool) throws -> Void) rethrows {
        var sorted = self
        sorted.sort()
        var previous: PatentCitationWrite?
        for write in sorted.writes {
            let repeats =
                previous.map { $0.workRowID == write.workRowID && $0.patent.utf8.elementsEqual(write.patent.utf8) }
                ?? false
            try body(write, repeats)
            previous = write
        }
    }

    /// Sorts keys by their work bits, 11 at a time from the lowest (a stable LSD radix sort):
    /// the places below are already in order, so the result is in (work, place) order. Two or
    /// three passes of counting and moving, several times faster than comparing.
    private static func radixSort(_ keys: inout [UInt64]) {
        guard keys.count > 1, let largest = keys.max() else { return }
        var scratch = [UInt64](repeating: 0, count: keys.count)
        var shift = placeBits
        let digitBits: UInt64 = 11
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        let mask = UInt64(1 << digitBits - 1)
        while shift < 64 && largest >> shift != 0 {
            keys.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for index in counts.indices { counts[index] = 0 }
                        for key in source { counts[Int(key >> shift & mask)] += 1 }
                        var total = 0
                        for index in counts.indices {
                            let count = counts[index]
                            counts[index] = total
                            total += count
                        }
                        for key in source {
                            let digit = Int(key >> shift & mask)
                            target[counts[digit]] = key
                            counts[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
            shift += digitBits
        }
    }
}
