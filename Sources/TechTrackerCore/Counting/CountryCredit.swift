/// One country's part of a work. `country == nil` is the part of authors whose country is
/// unknown: it is kept, so credits always sum to 1 and denominators never silently shrink.
public struct CountryCredit: Sendable, Hashable {
    /// The country, or `nil` for "unknown".
    public var country: CountryCode?
    /// Fractional credit in (0, 1], exact (METHOD §5: credits are rationals).
    public var fraction: Fraction
    /// The credit as a number (the nearest Double to `fraction`).
    public var credit: Double { fraction.value }

    /// Makes a credit from its exact value.
    init(country: CountryCode?, fraction: Fraction) {
        self.country = country
        self.fraction = fraction
    }

    /// Makes a credit from a number (its exact binary value).
    init(country: CountryCode?, credit: Double) {
        self.init(country: country, fraction: Fraction(credit))
    }
}

/// One institution's part of a work (institutions are credited as countries are, METHOD §3).
public struct InstitutionCredit: Sendable, Hashable {
    /// The institution id (`I…`).
    public var institutionID: String
    /// Fractional credit in (0, 1], exact.
    public var fraction: Fraction
    /// The credit as a number.
    public var credit: Double { fraction.value }

    /// Makes a credit from its exact value.
    init(institutionID: String, fraction: Fraction) {
        self.institutionID = institutionID
        self.fraction = fraction
    }

    /// Makes a credit from a number (its exact binary value).
    init(institutionID: String, credit: Double) {
        self.init(institutionID: institutionID, fraction: Fraction(credit))
    }
}

/// How a work's credit is divided among countries and institutions (METHOD §3).
///
/// Fractional counting is author-level, as in the CWTS Leiden Ranking: each of the n
/// authorships holds 1/n of the work; an authorship with k affiliations splits its part 1/k
/// over them, and each affiliation's country receives that part. An authorship none of whose
/// institutions has a country falls back to the authorship's own `countries`, split equally;
/// with neither, its part is "unknown". An affiliation without a country, beside others that
/// have one, gives its part to "unknown" (the record does not say where that author was).
public enum WorkCredit {
    /// Fractional country credits of a work, merged per country, sorted by country with
    /// "unknown" last. The credits are exact fractions and sum to exactly 1 for any work (a
    /// work without authorships is wholly "unknown"): ten authors from one country give it
    /// 10 × 1/10 = 1, not 0.9999999999999999.
    ///
    /// Exactness: with n authorships and k_a parts for authorship a, every part is
    /// (L / k_a) / (n·L) for L = lcm(k_a); the parts of a country are added as integers over
    /// n·L. When n·L overflows 64 bits (thousands of authors with co-prime affiliation counts),
    /// the parts are added as the nearest binary fractions instead, and the rest up to 1 is
    /// still given to "unknown", so the credits still sum to 1.
    public static func fractionalCountryCredits(_ authorships: [Authorship]) -> [CountryCredit] {
        guard !authorships.isEmpty else { return [CountryCredit(country: nil, fraction: .one)] }
        var keys: [CountryCode?] = [], counts: [Int] = []
        keys.reserveCapacity(authorships.count * 2)
        counts.reserveCapacity(authorships.count)
        for authorship in authorships {
            let start = keys.count
            if authorship.institutions.contains(where: { $0.country != nil }) {
                for institution in authorship.institutions { keys.append(institution.country) }
            } else if !authorship.countries.isEmpty {
                for country in authorship.countries { keys.append(country) }
            } else {
                keys.append(nil)
            }
            counts.append(keys.count - start)
        }
        return split(keys: keys, counts: counts).map { CountryCredit(country: $0.key, fraction: $0.fraction) }
            .sorted { lhs, rhs in
                switch (lhs.country, rhs.country) {
                case let (l?, r?): l < r
                case (_?, nil): true
                default: false
                }
            }
    }

    /// Whole ("participation") counting: every known country on the work counts 1 (METHOD §3).
    /// Sorted; empty when no country is known.
    static func wholeCountries(_ authorships: [Authorship]) -> [CountryCode] {
        fractionalCountryCredits(authorships).compactMap(\.country)
    }

    /// Fractional institution credits (by institution id), exact, sorted by id. Parts that
    /// reach no identified institution are left out, so these sum to at most 1.
    public static func fractionalInstitutionCredits(_ authorships: [Authorship]) -> [InstitutionCredit] {
        guard !authorships.isEmpty else { return [] }
        var keys: [String?] = [], counts: [Int] = []
        for authorship in authorships {
            if authorship.institutions.isEmpty {
                keys.append(nil)
                counts.append(1)
            } else {
                for institution in authorship.institutions {
                    keys.append(institution.id.isEmpty ? nil : institution.id)
                }
                counts.append(authorship.institutions.count)
            }
        }
        return split(keys: keys, counts: counts).compactMap { entry in
            entry.key.map { InstitutionCredit(institutionID: $0, fraction: entry.fraction) }
        }.sorted { $0.institutionID < $1.institutionID }
    }

    /// Splits 1 over the authorships equally and each authorship's part equally over its keys
    /// (`counts[a]` consecutive entries of `keys` per authorship), adding the parts of each key
    /// exactly (see `fractionalCountryCredits`). A work has few distinct keys: they are kept in
    /// a small array, in order of first appearance.
    static func split<Key: Equatable>(keys: [Key?], counts: [Int]) -> [(key: Key?, fraction: Fraction)] {
        let n = Int64(counts.count)
        var common: Int64? = 1
        for count in counts { common = common.flatMap { Fraction.lcm($0, Int64(max(1, count))) } }
        var distinct: [Key?] = []
        func slot(_ key: Key?) -> Int {
            if let i = distinct.firstIndex(where: { $0 == key }) { return i }
            distinct.append(key)
            return distinct.count - 1
        }
        if let common, case (let denominator, false) = n.multipliedReportingOverflow(by: common) {
            var numerators: [Int64] = []
            var e = 0
            for count in counts {
                let share = common / Int64(max(1, count))
                for _ in 0..<count {
                    let i = slot(keys[e])
                    if i == numerators.count { numerators.append(0) }
                    numerators[i] += share
                    e += 1
                }
            }
            return zip(distinct, numerators).map { ($0, Fraction($1, denominator)) }
        }
        // Too many co-prime divisors for 64 bits: binary fractions, the rest to "unknown".
        var sums: [Double] = []
        var e = 0
        for count in counts {
            for _ in 0..<count {
                let i = slot(keys[e])
                if i == sums.count { sums.append(0) }
                sums[i] += 1 / Double(counts.count) / Double(max(1, count))
                e += 1
            }
        }
        var result = zip(distinct, sums).filter { $0.0 != nil }.map { ($0.0, Fraction($0.1)) }
        let known = result.reduce(Fraction.zero) { Fraction.adding($0, $1.1) ?? $0 }
        if let rest = Fraction.subtracting(known, from: .one), rest > .zero { result.append((nil, rest)) }
        return result.map { (key: $0.0, fraction: $0.1) }
    }
}
