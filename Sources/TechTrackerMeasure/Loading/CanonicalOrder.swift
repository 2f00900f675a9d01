public import TechTrackerCore

/// The data-only orders of METHOD §5 ("the same records give the same figures whatever order
/// or files they were read from"): every list the analysis sums over is put in one of these,
/// never in the order rows happen to sit in the store.
///
/// Ids are ordered by their source-id key: ids of the form prefix letter + digits (OpenAlex
/// `W2741809807`, `I…`, `A…`) by their number, before any other id form, which is ordered by its
/// UTF-8 bytes.
public enum CanonicalOrder {
    /// The sort key of an id.
    struct Key: Comparable {
        var number: UInt64
        var isNumbered: Bool
        var text: String

        static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.isNumbered != rhs.isNumbered { return lhs.isNumbered }
            if lhs.isNumbered && lhs.number != rhs.number { return lhs.number < rhs.number }
            return Array(lhs.text.utf8).lexicographicallyPrecedes(Array(rhs.text.utf8))
        }
    }

    /// The key of `id` with the given one-letter prefix.
    static func key(_ id: String, prefix: Unicode.Scalar) -> Key {
        if let number = IdentifierIndex(prefix: prefix).number(id) {
            return Key(number: number, isNumbered: true, text: id)
        }
        return Key(number: 0, isNumbered: false, text: id)
    }

    /// The canonical permutation of `ids`: `order[k]` is the position in `ids` of the k-th id.
    /// Equal ids (none in a store) keep their relative order.
    public static func order(of ids: [String], prefix: Unicode.Scalar) -> [Int] {
        let keys = ids.map { key($0, prefix: prefix) }
        return ids.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
    }

    /// Each institution's place in id order (ties of top institutions, METHOD §5).
    static func institutionRanks(_ corpus: AnalysisCorpus) -> [Int32] {
        ranks(of: order(of: corpus.institutionIDs, prefix: "I")).map { Int32($0) }
    }

    /// The inverse of a permutation: `rank[order[k]] == k`.
    public static func ranks(of order: [Int]) -> [Int] {
        var rank = [Int](repeating: 0, count: order.count)
        for (k, position) in order.enumerated() { rank[position] = k }
        return rank
    }
}

extension AnalysisCorpus {
    /// The corpus with its works in `order` (`order[k]` = the old index of the new work k) and
    /// its countries, institutions and authors renumbered by `countryRank`, `institutionRank`
    /// and `authorRank` (old index → new index); the tables of ids and codes are permuted
    /// alike. References and memberships follow their works.
    ///
    /// Consuming: each old column is released as soon as its renumbered copy is made, so the
    /// two corpora are never held whole together (at millions of works each is gigabytes).
    public consuming func renumbered(
        workOrder order: [Int], countryRank: [Int], institutionRank: [Int], authorRank: [Int]
    ) -> AnalysisCorpus {
        // `consume`: a plain copy would leave `self` holding every old column to the end.
        var old = consume self
        var result = AnalysisCorpus()
        let workRank = CanonicalOrder.ranks(of: order)
        func remap(_ index: Int, _ rank: [Int]) -> Int { index >= 0 ? rank[index] : index }
        func invert(_ rank: [Int]) -> [Int] {
            var order = [Int](repeating: 0, count: rank.count)
            for (old, new) in rank.enumerated() { order[new] = old }
            return order
        }
        result.countries = invert(countryRank).map { old.countries[$0] }
        result.institutionIDs = invert(institutionRank).map { old.institutionIDs[$0] }
        result.institutionCountry = invert(institutionRank).map { remap(old.institutionCountry[$0], countryRank) }
        result.authorIDs = invert(authorRank).map { old.authorIDs[$0] }
        old.authorIDs = []
        result.workCount = old.workCount
        result.year = order.map { old.year[$0] }
        result.citations = order.map { old.citations[$0] }
        result.type = order.map { old.type[$0] }
        result.isRetracted = order.map { old.isRetracted[$0] }

        // The references first: the largest list, released before the others are copied.
        result.referencedWork.reserveCapacity(old.referencedWork.count)
        result.referenceOffsets.reserveCapacity(order.count + 1)
        for w in order {
            // A work's references in the order of the works they cite, so that nothing later
            // depends on the order a record listed them in.
            result.referencedWork.append(
                contentsOf: Self.range(old.referenceOffsets, w).map { Int32(workRank[Int(old.referencedWork[$0])]) }
                    .sorted())
            result.referenceOffsets.append(result.referencedWork.count)
        }
        old.referencedWork = []
        old.referenceOffsets = []

        result.authorOffsets.reserveCapacity(order.count + 1)
        result.authorIndex.reserveCapacity(old.authorIndex.count)
        result.authorCountry.reserveCapacity(old.authorCountry.count)
        for w in order {
            for e in Self.range(old.authorOffsets, w) {
                result.authorIndex.append(Int32(remap(Int(old.authorIndex[e]), authorRank)))
                result.authorCountry.append(Int32(remap(Int(old.authorCountry[e]), countryRank)))
            }
            result.authorOffsets.append(result.authorIndex.count)
        }
        old.authorIndex = []
        old.authorCountry = []

        let hasInstitutionFractions = !old.institutionFraction.isEmpty
        result.institutionIndex.reserveCapacity(old.institutionIndex.count)
        result.institutionValue.reserveCapacity(old.institutionValue.count)
        result.institutionFraction.reserveCapacity(old.institutionFraction.count)
        result.institutionOffsets.reserveCapacity(order.count + 1)
        for w in order {
            for e in Self.range(old.institutionOffsets, w) {
                result.institutionIndex.append(remap(old.institutionIndex[e], institutionRank))
                result.institutionValue.append(old.institutionValue[e])
                if hasInstitutionFractions { result.institutionFraction.append(old.institutionFraction[e]) }
            }
            result.institutionOffsets.append(result.institutionIndex.count)
        }
        old.institutionIndex = []
        old.institutionValue = []
        old.institutionFraction = []

        let hasCreditFractions = !old.creditFraction.isEmpty
        result.creditCountry.reserveCapacity(old.creditCountry.count)
        result.creditValue.reserveCapacity(old.creditValue.count)
        result.creditFraction.reserveCapacity(old.creditFraction.count)
        result.creditOffsets.reserveCapacity(order.count + 1)
        for w in order {
            for e in Self.range(old.creditOffsets, w) {
                result.creditCountry.append(remap(old.creditCountry[e], countryRank))
                result.creditValue.append(old.creditValue[e])
                if hasCreditFractions { result.creditFraction.append(old.creditFraction[e]) }
            }
            result.creditOffsets.append(result.creditCountry.count)
        }
        result.technologyIDs = old.technologyIDs
        result.memberships = old.memberships.map { $0.map { workRank[$0] }.sorted() }
        // Patent citations by new work index, then confidence and attributes: the order the
        // store listed them in leaves no trace.
        let citationCount = min(old.patentWork.count, old.patentConfidence.count, old.patentAttributes.count)
        var packed = (0..<citationCount).map { i in
            UInt64(workRank[Int(old.patentWork[i])]) << 16 | UInt64(old.patentConfidence[i]) << 8
                | UInt64(old.patentAttributes[i])
        }
        packed.sort()
        result.patentWork = packed.map { Int32(truncatingIfNeeded: $0 >> 16) }
        result.patentConfidence = packed.map { UInt8(truncatingIfNeeded: $0 >> 8) }
        result.patentAttributes = packed.map { UInt8(truncatingIfNeeded: $0) }
        return result
    }
}

/// Indices by source id (works, authors or institutions). Tens of millions of ids are resolved
/// per load, so OpenAlex ids (one prefix letter and digits, `W2741809807`) are keyed by their
/// number, an integer hash being several times cheaper than a string's; any other id form
/// falls back to a string key.
public struct IdentifierIndex: Sendable {
    private let prefix: UInt8
    private var byNumber: [UInt64: Int] = [:]
    private var byText: [String: Int] = [:]

    /// An empty index for ids with this one-letter prefix (`W`, `I`, `A`).
    public init(prefix: Unicode.Scalar) {
        self.prefix = UInt8(ascii: prefix)
    }

    /// Records that `id` has index `index`.
    public mutating func insert(_ id: String, _ index: Int) {
        if let number = number(id) { byNumber[number] = index } else { byText[id] = index }
    }

    /// The index of the id with this number (`W2741809807` → 2741809807), if recorded.
    public func index(ofNumber number: UInt64) -> Int? {
        byNumber[number]
    }

    /// The index of `id`, if recorded.
    public func index(of id: String) -> Int? {
        if let number = number(id) { return byNumber[number] }
        return byText[id]
    }

    /// The number of an OpenAlex id with this prefix (`W2741809807` → 2741809807), or `nil`.
    func number(_ id: String) -> UInt64? {
        var utf8 = id.utf8.makeIterator()
        guard utf8.next() == prefix else { return nil }
        var value: UInt64 = 0
        var digits = 0
        while let byte = utf8.next() {
            guard byte >= 0x30 && byte <= 0x39, digits < 19 else { return nil }
            value = value * 10 + UInt64(byte - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }
}
