import TechTrackerCore

/// Inwardness of a country in (t, W) (METHOD §7, after Baccini et al. 2019): the part of the
/// citations its works receive that come from works of its own country.
///
/// Fractional form over the in-corpus citation links a → w with w among the works of (t, W):
/// inwardness(k) = Σ_links credit_w(k) × credit_a(k) / Σ_links credit_w(k). Under whole
/// counting the credits are 1 or 0: the citations received by works with k that come from
/// works with k, over all citations received by works with k. Citing works are any corpus
/// works; citations from outside the corpus are not seen. `nil` when a country receives none.
public enum Inwardness {
    /// Per country of `countries` (global indices, as in `CountryIndicators`).
    public static func compute(works: [Int], countries: [Int], credits: CreditTable,
                               adjustment: CitationAdjustment, countryCount: Int) -> [Double?] {
        var local = [Int](repeating: -1, count: countryCount)
        for (i, k) in countries.enumerated() { local[k] = i }
        var own = [Double](repeating: 0, count: countries.count)
        var all = [Double](repeating: 0, count: countries.count)
        for w in works {
            let received = Double(adjustment.inCorpusCitations[w])
            guard received > 0 else { continue }
            for e in credits.range(w) where credits.keys[e] >= 0 {
                let c = local[credits.keys[e]]
                guard c >= 0 else { continue }
                own[c] += credits.values[e] * adjustment.ownCountryCitations[e]
                all[c] += credits.values[e] * received
            }
        }
        return zip(own, all).map { $1 > 0 ? $0 / $1 : nil }
    }
}
