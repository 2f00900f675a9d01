import TechTrackerCore

/// Credits per work under one counting, in compressed-sparse-row form, merged per key (country
/// or institution index) and sorted by key with "unknown" (`-1`) last.
///
/// Fractional tables keep the corpus's credits (merged if a key repeats); whole tables hold
/// value 1 for each distinct known key with a positive credit and drop "unknown" (it has no
/// "presence"), so whole-counting shares sum to more than 1 and leave the unknown part out.
/// (`Counting` and `ThresholdScope` are TechTrackerCore's, METHOD §3-§4.)
public struct CreditTable: Sendable {
    /// Offsets, `workCount + 1` of them.
    public var offsets: [Int]
    /// Key of each entry (`-1` = unknown, fractional tables only).
    public var keys: [Int]
    /// Credit of each entry.
    public var values: [Double]
    /// One more than the largest key (0 when there is none).
    public let keyCount: Int

    /// Makes a table from parts.
    public init(offsets: [Int], keys: [Int], values: [Double]) {
        self.offsets = offsets
        self.keys = keys
        self.values = values
        keyCount = (keys.max() ?? -1) + 1
    }

    /// Builds the table of a counting from raw CSR columns (`AnalysisCorpus` credits). With
    /// `completeToOne` (fractional country credits), a work whose credits sum to less than 1
    /// (none at all, say) gives the rest to "unknown", as METHOD §3 keeps it in denominators.
    public init(offsets rawOffsets: [Int], keys rawKeys: [Int], values rawValues: [Double], counting: Counting,
                completeToOne: Bool = false) {
        let workCount = rawOffsets.count - 1
        var offsets = [0]
        offsets.reserveCapacity(rawOffsets.count)
        var keys: [Int] = []
        var values: [Double] = []
        keys.reserveCapacity(rawKeys.count)
        values.reserveCapacity(rawKeys.count)
        var scratch: [(key: Int, value: Double)] = []
        for w in 0..<workCount {
            scratch.removeAll(keepingCapacity: true)
            for e in rawOffsets[w]..<rawOffsets[w + 1] {
                let key = rawKeys[e] < 0 ? -1 : rawKeys[e]
                let value = rawValues[e]
                if counting == .whole && (key < 0 || !(value > 0)) { continue }
                if let i = scratch.firstIndex(where: { $0.key == key }) {
                    scratch[i].value += value
                } else {
                    scratch.append((key, value))
                }
            }
            if completeToOne && counting == .fractional {
                let rest = 1 - scratch.reduce(0) { $0 + $1.value }
                if rest > 1e-9 {
                    if let i = scratch.firstIndex(where: { $0.key < 0 }) { scratch[i].value += rest } else { scratch.append((-1, rest)) }
                }
            }
            // Known keys ascending, unknown last.
            scratch.sort { ($0.key < 0 ? Int.max : $0.key) < ($1.key < 0 ? Int.max : $1.key) }
            for entry in scratch {
                keys.append(entry.key)
                values.append(counting == .whole ? 1 : entry.value)
            }
            offsets.append(keys.count)
        }
        self.init(offsets: offsets, keys: keys, values: values)
    }

    /// Country credits of the corpus under a counting (fractional credits completed to 1).
    public static func countries(_ corpus: AnalysisCorpus, _ counting: Counting) -> CreditTable {
        CreditTable(offsets: corpus.creditOffsets, keys: corpus.creditCountry, values: corpus.creditValue, counting: counting,
                    completeToOne: true)
    }

    /// Institution credits of the corpus under a counting.
    public static func institutions(_ corpus: AnalysisCorpus, _ counting: Counting) -> CreditTable {
        CreditTable(offsets: corpus.institutionOffsets, keys: corpus.institutionIndex,
                    values: corpus.institutionValue, counting: counting)
    }

    /// The entries of work `w`.
    @inlinable
    public func range(_ w: Int) -> Range<Int> { offsets[w]..<offsets[w + 1] }
}
