import TechTrackerCore

/// Inwardness of a country in (t, W) (METHOD §7, after Baccini et al. 2019): the part of the
/// citations its works receive that come from works of its own country.
///
/// Fractional form over the in-corpus citation links a → w with w among the works of (t, W):
/// inwardness(k) = Σ_links credit_w(k) × credit_a(k) / Σ_links credit_w(k). Under whole
/// counting the credits are 1 or 0: the citations received by works with k that come from
/// works with k, over all citations received by works with k. Citing works are any corpus
/// works; citations from outside the corpus are not seen. `nil` when a country receives none.
enum Inwardness {
    /// Inwardness per country of the slice (METHOD §7).
    static func compute(_ slice: WindowSlice) -> [Double?] {
        var own = [Double](repeating: 0, count: slice.countries.count)
        var all = own
        for i in 0..<slice.count {
            let received = Double(slice.inCorpusCitations[i])
            guard received > 0 else { continue }
            for e in slice.entries(i) where slice.entryCountry[e] >= 0 {
                let c = Int(slice.entryCountry[e])
                own[c] += slice.entryValue[e] * slice.entryOwnCitations[e]
                all[c] += slice.entryValue[e] * received
            }
        }
        return zip(own, all).map { $1 > 0 ? $0 / $1 : nil }
    }
}
