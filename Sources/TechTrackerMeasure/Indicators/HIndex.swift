import TechTrackerCore

/// H-index (METHOD §5): the largest h such that h works have at least h citations.
enum HIndex {
    /// The h-index of a list of citation counts (METHOD §5).
    static func of(_ citations: [Int]) -> Int {
        let sorted = citations.sorted(by: >)
        var h = 0
        while h < sorted.count && sorted[h] >= h + 1 { h += 1 }
        return h
    }

    /// Per country of the slice, the h-index (METHOD §5) of the works on which it has a positive credit
    /// (whole counting, whatever the counting of the slice). One pass over the works in
    /// descending order of citations: a country's j-th work raises its h to j when it has at
    /// least j citations.
    static func perCountry(_ slice: WindowSlice) -> [Int] {
        let order = slice.citations.indices.sorted { slice.citations[$0] > slice.citations[$1] }
        var seen = [Int](repeating: 0, count: slice.countries.count)
        var h = seen
        for i in order {
            for e in slice.entries(i) where slice.entryCountry[e] >= 0 {
                let c = Int(slice.entryCountry[e])
                seen[c] += 1
                if slice.citations[i] >= seen[c] { h[c] = seen[c] }
            }
        }
        return h
    }
}
