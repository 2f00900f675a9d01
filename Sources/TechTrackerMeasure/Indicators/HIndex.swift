import TechTrackerCore

/// H-index (METHOD §5): the largest h such that h works have at least h citations.
public enum HIndex {
    /// The h-index of a list of citation counts.
    public static func of(_ citations: [Int]) -> Int {
        let sorted = citations.sorted(by: >)
        var h = 0
        while h < sorted.count && sorted[h] >= h + 1 { h += 1 }
        return h
    }

    /// Per country of `countries` (global indices), the h-index of the works of `works` on
    /// which the country has a positive credit (whole counting, whatever table is given).
    public static func perCountry(works: [Int], countries: [Int], credits: CreditTable, corpus: AnalysisCorpus) -> [Int] {
        var local = [Int](repeating: -1, count: corpus.countries.count)
        for (i, k) in countries.enumerated() { local[k] = i }
        var lists = [[Int]](repeating: [], count: countries.count)
        for w in works {
            for e in credits.range(w) where credits.keys[e] >= 0 && credits.values[e] > 0 {
                let c = local[credits.keys[e]]
                if c >= 0 { lists[c].append(corpus.citations[w]) }
            }
        }
        return lists.map(of)
    }
}
