import TechTrackerCore

/// Citations inside the corpus and domestic-citation adjustment (METHOD §7), computed once per
/// corpus and counting from the in-corpus references.
///
/// For a citation link a → w (a cites w, both in the corpus), the *overlap* of a with w is
/// Σ over the known countries k of w of credit_a(k), capped at 1: under fractional counting
/// that is the part of a that comes from w's countries (never above 1 since a's credits sum to
/// 1); under whole counting (credits 1 per country) the cap makes it 1 as soon as a shares any
/// country with w, so such a citing work is removed whole. The adjusted citation count is
/// c_adj(w) = max(0, c(w) − Σ_a overlap(a, w)). Citations from outside the corpus stay in c(w):
/// their countries are unknown, so nothing can be removed for them.
///
/// Duplicate references of one work to the same cited work count once; a work citing itself
/// is ignored. Every corpus work counts as a citing work, whatever its type.
///
/// With `excludeSelfCitations` (METHOD §7 option), a link whose citing and cited works share an
/// author id is an author self-citation: it is removed whole from c_adj (whatever the
/// countries) and left out of inwardness (numerator and denominator).
struct CitationAdjustment: Sendable {
    /// c_in(w): corpus works citing w (Int32, as the pass counts them).
    var inCorpusCitations: [Int32]
    /// The links into w that inwardness considers: c_in(w), less self-citations when excluded.
    var inwardnessCitations: [Int32]
    /// Per entry of the credit table (parallel to its `keys`): Σ over the works a citing the
    /// entry's work of credit_a(entry's country) (0 for "unknown"). The numerator of inwardness.
    var ownCountryCitations: [Double]
    /// c_adj(w), rounded to 1e-6 so that equal adjusted counts reached by different sums of
    /// fractions compare equal when thresholds are set.
    var adjustedCitations: [Double]

    /// Computes c_in, own-country citations and c_adj (METHOD §7) for the credits of one counting.
    ///
    /// The pass follows every in-corpus link (tens of millions in a corpus of millions of
    /// works) to a cited work at random, so it is laid out for the cache: each work's counters
    /// and the start of its credit entries sit together in one 32-byte record
    /// (`CitedWork`), and each entry's key, credit and own-country sum in another
    /// (`CreditEntry`), where separate columns cost a cache miss each per link. The sums are
    /// made in the same order as with columns, so the results are the same to the bit.
    init(corpus: AnalysisCorpus, credits: CreditTable, excludeSelfCitations: Bool = false) {
        let workCount = corpus.workCount
        var cited = (0..<workCount).map { w in
            CitedWork(entryStart: credits.offsets[w], entryEnd: Int32(credits.offsets[w + 1] - credits.offsets[w]))
        }
        var entries = credits.keys.indices.map { e in CreditEntry(key: credits.keys[e], value: credits.value(e)) }
        var byCountry = [Double](repeating: 0, count: max(corpus.countries.count, credits.keyCount))
        cited.withUnsafeMutableBufferPointer { cited in
            entries.withUnsafeMutableBufferPointer { entries in
                byCountry.withUnsafeMutableBufferPointer { byCountry in
                    corpus.referenceOffsets.withUnsafeBufferPointer { referenceOffsets in
                        corpus.referencedWork.withUnsafeBufferPointer { referencedWork in
                            for a in 0..<workCount {
                                Self.cite(
                                    from: a, cited: cited, entries: entries, byCountry: byCountry,
                                    references: referenceOffsets[a]..<referenceOffsets[a + 1],
                                    referencedWork: referencedWork,
                                    isSelfCitation: excludeSelfCitations ? { Self.shareAnAuthor(a, $0, corpus) } : nil)
                            }
                        }
                    }
                }
            }
        }
        inCorpusCitations = cited.map(\.inCorpus)
        inwardnessCitations = cited.map(\.considered)
        ownCountryCitations = entries.map(\.own)
        adjustedCitations = (0..<workCount).map { w in
            (max(0, Double(corpus.citations[w]) - cited[w].removed) * 1e6).rounded() / 1e6
        }
    }

    /// A work's side of the pass: its counters and where its credit entries are.
    private struct CitedWork {
        /// The last citing work counted (a citing work's repeated references count once).
        var lastCitedBy: Int32 = -1
        /// c_in.
        var inCorpus: Int32 = 0
        /// The links inwardness considers.
        var considered: Int32 = 0
        /// How many credit entries it has (from `entryStart`).
        var entryCount: Int32
        /// Σ overlaps removed from its citations.
        var removed = 0.0
        /// Its first credit entry.
        var entryStart: Int

        init(entryStart: Int, entryEnd entryCount: Int32) {
            self.entryStart = entryStart
            self.entryCount = entryCount
        }
    }

    /// One credit entry: its country (−1 unknown), credit, and the own-country citations summed.
    private struct CreditEntry {
        var key: Int32
        var value: Double
        var own = 0.0

        init(key: Int32, value: Double) {
            self.key = key
            self.value = value
        }
    }

    /// Counts the links of citing work `a`: `byCountry` holds nothing on entry and on exit.
    @inline(__always)
    private static func cite(
        from a: Int, cited: UnsafeMutableBufferPointer<CitedWork>, entries: UnsafeMutableBufferPointer<CreditEntry>,
        byCountry: UnsafeMutableBufferPointer<Double>, references: Range<Int>,
        referencedWork: UnsafeBufferPointer<Int32>, isSelfCitation: ((Int) -> Bool)?
    ) {
        let citing = cited[a].entryStart..<(cited[a].entryStart + Int(cited[a].entryCount))
        for e in citing where entries[e].key >= 0 { byCountry[Int(entries[e].key)] += entries[e].value }
        let citingID = Int32(truncatingIfNeeded: a)
        for r in references {
            let w = Int(referencedWork[r])
            guard w != a, cited[w].lastCitedBy != citingID else { continue }
            cited[w].lastCitedBy = citingID
            cited[w].inCorpus += 1
            if let isSelfCitation, isSelfCitation(w) {
                cited[w].removed += 1
                continue
            }
            cited[w].considered += 1
            var overlap = 0.0
            let start = cited[w].entryStart
            for e in start..<(start + Int(cited[w].entryCount)) where entries[e].key >= 0 {
                let part = byCountry[Int(entries[e].key)]
                entries[e].own += part
                overlap += part
            }
            cited[w].removed += min(1, overlap)
        }
        for e in citing where entries[e].key >= 0 { byCountry[Int(entries[e].key)] = 0 }
    }

    /// Whether works a and w have an author id in common.
    static func shareAnAuthor(_ a: Int, _ w: Int, _ corpus: AnalysisCorpus) -> Bool {
        let citing = corpus.authorOffsets[a]..<corpus.authorOffsets[a + 1]
        let cited = corpus.authorOffsets[w]..<corpus.authorOffsets[w + 1]
        guard !citing.isEmpty, !cited.isEmpty else { return false }
        for e in citing where corpus.authorIndex[e] >= 0 {
            for f in cited where corpus.authorIndex[f] == corpus.authorIndex[e] { return true }
        }
        return false
    }
}
