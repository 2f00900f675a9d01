import TechTrackerCore

/// Credits per work under one counting, in compressed-sparse-row form, merged per key (country,
/// group or institution index) and sorted by key with "unknown" (`-1`) last. Every credit is
/// read two ways: exactly (`fraction(e)`, METHOD §5 "credits are rationals") for the decisions
/// taken at boundaries, and as the nearest Double (`value(e)`) for the figures.
///
/// Fractional tables keep the corpus's credits (merged if a key repeats); whole tables give
/// value 1 to each distinct known key with a positive credit and drop "unknown" (it has no
/// "presence"), so whole-counting shares sum to more than 1 and leave the unknown part out.
/// A table whose credits are all 1 stores only its keys (`isUnit`).
/// (`Counting` and `ThresholdScope` are TechTrackerCore's, METHOD §3-§4.)
struct CreditTable: Sendable {
    /// Offsets, `workCount + 1` of them.
    var offsets: [Int]
    /// Key of each entry (`-1` = unknown, fractional tables only). Int32: with the credits, the
    /// largest columns an analysis holds (six tables of several entries per work).
    var keys: [Int32]
    /// Credit of each entry; empty when every credit is 1 (`isUnit`).
    private var storedValues: [Double]
    /// Exact credit of each entry; empty when every credit is 1 (`isUnit`).
    private var storedFractions: [Fraction]
    /// Whether every credit is 1, as under whole counting: the credits are then not stored,
    /// which saves 24 bytes per entry.
    let isUnit: Bool
    /// One more than the largest key (0 when there is none).
    let keyCount: Int

    /// Makes a table from parts (exact credits are those of the Doubles when not given). A table
    /// whose credits are all exactly 1 keeps none of them (`isUnit`).
    init(offsets: [Int], keys: [Int32], values: [Double], fractions: [Fraction]? = nil) {
        self.offsets = offsets
        self.keys = keys
        keyCount = Int(keys.max() ?? -1) + 1
        let fractions = fractions ?? values.map { Fraction(max(0, $0)) }
        if !keys.isEmpty && values.allSatisfy({ $0 == 1 }) && fractions.allSatisfy({ $0 == .one }) {
            isUnit = true
            storedValues = []
            storedFractions = []
        } else {
            isUnit = false
            storedValues = values
            storedFractions = fractions
        }
    }

    /// A table whose every credit is 1 (whole counting).
    init(offsets: [Int], unitKeys keys: [Int32]) {
        self.offsets = offsets
        self.keys = keys
        keyCount = Int(keys.max() ?? -1) + 1
        isUnit = true
        storedValues = []
        storedFractions = []
    }

    /// The credit of entry `e`.
    @inline(__always)
    func value(_ e: Int) -> Double { isUnit ? 1 : storedValues[e] }

    /// The exact credit of entry `e`.
    @inline(__always)
    func fraction(_ e: Int) -> Fraction { isUnit ? .one : storedFractions[e] }

    /// Builds the table of a counting from raw CSR columns (`AnalysisCorpus` credits). With
    /// `completeToOne` (fractional country credits), a work whose credits sum to less than 1
    /// (none at all, say) gives the rest to "unknown", as METHOD §3 keeps it in denominators.
    /// `keyMap` renumbers keys first (merged regions: HK and MO to CN), adding what merges.
    init(
        offsets rawOffsets: [Int], keys rawKeys: [Int], values rawValues: [Double], fractions rawFractions: [Fraction],
        counting: Counting, completeToOne: Bool = false, keyMap: [Int]? = nil
    ) {
        let workCount = rawOffsets.count - 1
        var offsets = [0]
        offsets.reserveCapacity(rawOffsets.count)
        var keys: [Int32] = [], values: [Double] = [], fractions: [Fraction] = []
        // Whole counting: every credit is 1, and only the keys are kept.
        let unit = counting == .whole
        keys.reserveCapacity(rawKeys.count)
        if !unit {
            values.reserveCapacity(rawKeys.count)
            fractions.reserveCapacity(rawKeys.count)
        }
        let exact = rawFractions.count == rawValues.count
        var scratch: [(key: Int, value: Fraction)] = []
        for w in 0..<workCount {
            scratch.removeAll(keepingCapacity: true)
            for e in rawOffsets[w]..<rawOffsets[w + 1] {
                var key = rawKeys[e] < 0 ? -1 : rawKeys[e]
                if key >= 0, let keyMap { key = keyMap[key] }
                let value = exact ? rawFractions[e] : Fraction(max(0, rawValues[e]))
                if counting == .whole && (key < 0 || value == .zero) { continue }
                if let i = scratch.firstIndex(where: { $0.key == key }) {
                    scratch[i].value = Self.sum(scratch[i].value, value)
                } else {
                    scratch.append((key, value))
                }
            }
            if completeToOne && counting == .fractional {
                let total = scratch.reduce(Fraction.zero) { Self.sum($0, $1.value) }
                if let rest = Fraction.subtracting(total, from: .one), rest > .zero {
                    if let i = scratch.firstIndex(where: { $0.key < 0 }) {
                        scratch[i].value = Self.sum(scratch[i].value, rest)
                    } else {
                        scratch.append((-1, rest))
                    }
                }
            }
            // Known keys ascending, unknown last.
            scratch.sort { ($0.key < 0 ? Int.max : $0.key) < ($1.key < 0 ? Int.max : $1.key) }
            for entry in scratch {
                keys.append(Int32(entry.key))
                if !unit {
                    values.append(entry.value.value)
                    fractions.append(entry.value)
                }
            }
            offsets.append(keys.count)
        }
        if unit {
            self.init(offsets: offsets, unitKeys: keys)
        } else {
            self.init(offsets: offsets, keys: keys, values: values, fractions: fractions)
        }
    }

    /// a + b; in the (unseen in practice) case of a 64-bit overflow, the nearest binary value.
    static func sum(_ a: Fraction, _ b: Fraction) -> Fraction {
        Fraction.adding(a, b) ?? Fraction(a.value + b.value)
    }

    /// Country credits of the corpus under a counting (fractional credits completed to 1),
    /// with merged regions mapped by `keyMap` (old country index → merged index).
    static func countries(_ corpus: AnalysisCorpus, _ counting: Counting, keyMap: [Int]? = nil) -> CreditTable {
        CreditTable(
            offsets: corpus.creditOffsets, keys: corpus.creditCountry, values: corpus.creditValue,
            fractions: corpus.creditFraction, counting: counting, completeToOne: true, keyMap: keyMap)
    }

    /// Institution credits of the corpus under a counting.
    static func institutions(_ corpus: AnalysisCorpus, _ counting: Counting) -> CreditTable {
        CreditTable(
            offsets: corpus.institutionOffsets, keys: corpus.institutionIndex,
            values: corpus.institutionValue, fractions: corpus.institutionFraction, counting: counting)
    }

    /// Group credits (METHOD §2) from a country table: per work and group, the sum of its
    /// members' credits under fractional counting, 1 when any member is on the work under whole
    /// counting. `members[g]` lists the country keys of group g.
    static func groups(_ countries: CreditTable, members: [[Int]], counting: Counting) -> CreditTable {
        var groupsOfCountry = [[Int]](repeating: [], count: countries.keyCount)
        for (g, list) in members.enumerated() {
            for k in list where k >= 0 && k < countries.keyCount { groupsOfCountry[k].append(g) }
        }
        var offsets = [0], keys: [Int32] = [], fractions: [Fraction] = []
        var sums = [Fraction?](repeating: nil, count: members.count)
        var touched: [Int] = []
        for w in 0..<(countries.offsets.count - 1) {
            for e in countries.range(w) where countries.keys[e] >= 0 {
                for g in groupsOfCountry[Int(countries.keys[e])] {
                    if sums[g] == nil { touched.append(g) }
                    sums[g] = counting == .whole ? .one : sum(sums[g] ?? .zero, countries.fraction(e))
                }
            }
            touched.sort()
            for g in touched {
                keys.append(Int32(g))
                if counting == .fractional { fractions.append(sums[g] ?? .zero) }
                sums[g] = nil
            }
            touched.removeAll(keepingCapacity: true)
            offsets.append(keys.count)
        }
        if counting == .whole { return CreditTable(offsets: offsets, unitKeys: keys) }
        return CreditTable(offsets: offsets, keys: keys, values: fractions.map(\.value), fractions: fractions)
    }

    /// The entries of work `w`.
    func range(_ w: Int) -> Range<Int> { offsets[w]..<offsets[w + 1] }
}
