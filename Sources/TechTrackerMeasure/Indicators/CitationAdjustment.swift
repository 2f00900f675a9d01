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
    /// c_in(w): corpus works citing w.
    var inCorpusCitations: [Int]
    /// The links into w that inwardness considers: c_in(w), less self-citations when excluded.
    var inwardnessCitations: [Int]
    /// Per entry of the credit table (parallel to its `keys`): Σ over the works a citing the
    /// entry's work of credit_a(entry's country) (0 for "unknown"). The numerator of inwardness.
    var ownCountryCitations: [Double]
    /// c_adj(w), rounded to 1e-6 so that equal adjusted counts reached by different sums of
    /// fractions compare equal when thresholds are set.
    var adjustedCitations: [Double]

    /// Computes c_in, own-country citations and c_adj (METHOD §7) for the credits of one counting.
    init(corpus: AnalysisCorpus, credits: CreditTable, excludeSelfCitations: Bool = false) {
        let workCount = corpus.workCount
        var tallies = Tallies(works: workCount, entries: credits.keys.count)
        var byCountry = [Double](repeating: 0, count: max(corpus.countries.count, credits.keyCount))
        var lastCitedBy = [Int](repeating: -1, count: workCount)
        credits.offsets.withUnsafeBufferPointer { offsets in
            credits.keys.withUnsafeBufferPointer { keys in
                credits.values.withUnsafeBufferPointer { values in
                    corpus.referenceOffsets.withUnsafeBufferPointer { referenceOffsets in
                        corpus.referencedWork.withUnsafeBufferPointer { referencedWork in
                            byCountry.withUnsafeMutableBufferPointer { byCountry in
                                lastCitedBy.withUnsafeMutableBufferPointer { lastCitedBy in
                                    let links = Links(
                                        offsets: offsets, keys: keys, values: values,
                                        referenceOffsets: referenceOffsets, referencedWork: referencedWork)
                                    for a in 0..<workCount {
                                        tallies.cite(
                                            from: a, links, byCountry: byCountry, lastCitedBy: lastCitedBy,
                                            isSelfCitation: excludeSelfCitations
                                                ? { Self.shareAnAuthor(a, $0, corpus) } : nil)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        inCorpusCitations = tallies.inCorpus
        inwardnessCitations = tallies.considered
        ownCountryCitations = tallies.own
        adjustedCitations = (0..<workCount).map { w in
            (max(0, Double(corpus.citations[w]) - tallies.removed[w]) * 1e6).rounded() / 1e6
        }
    }

    /// The columns one pass reads, as buffers: the pass follows tens of millions of links in a
    /// corpus of millions of works, and reads them without a bounds check each. Every index
    /// comes from the corpus's CSR columns, which the loader and the snapshot reader check.
    private struct Links {
        let offsets: UnsafeBufferPointer<Int>
        let keys: UnsafeBufferPointer<Int>
        let values: UnsafeBufferPointer<Double>
        let referenceOffsets: UnsafeBufferPointer<Int>
        let referencedWork: UnsafeBufferPointer<Int32>
    }

    /// The sums of one pass.
    private struct Tallies {
        var inCorpus: [Int]
        var considered: [Int]
        var own: [Double]
        var removed: [Double]

        init(works: Int, entries: Int) {
            inCorpus = [Int](repeating: 0, count: works)
            considered = [Int](repeating: 0, count: works)
            own = [Double](repeating: 0, count: entries)
            removed = [Double](repeating: 0, count: works)
        }

        /// Counts the links of citing work `a`: `byCountry` holds nothing on entry and on exit.
        mutating func cite(
            from a: Int, _ links: Links, byCountry: UnsafeMutableBufferPointer<Double>,
            lastCitedBy: UnsafeMutableBufferPointer<Int>, isSelfCitation: ((Int) -> Bool)?
        ) {
            let (offsets, keys, values) = (links.offsets, links.keys, links.values)
            let citing = offsets[a]..<offsets[a + 1]
            for e in citing where keys[e] >= 0 { byCountry[keys[e]] += values[e] }
            inCorpus.withUnsafeMutableBufferPointer { inCorpus in
                considered.withUnsafeMutableBufferPointer { considered in
                    own.withUnsafeMutableBufferPointer { own in
                        removed.withUnsafeMutableBufferPointer { removed in
                            for r in links.referenceOffsets[a]..<links.referenceOffsets[a + 1] {
                                let w = Int(links.referencedWork[r])
                                guard w != a, lastCitedBy[w] != a else { continue }
                                lastCitedBy[w] = a
                                inCorpus[w] += 1
                                if let isSelfCitation, isSelfCitation(w) {
                                    removed[w] += 1
                                    continue
                                }
                                considered[w] += 1
                                var overlap = 0.0
                                for e in offsets[w]..<offsets[w + 1] where keys[e] >= 0 {
                                    let part = byCountry[keys[e]]
                                    own[e] += part
                                    overlap += part
                                }
                                removed[w] += min(1, overlap)
                            }
                        }
                    }
                }
            }
            for e in citing where keys[e] >= 0 { byCountry[keys[e]] = 0 }
        }
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
