/// One country's part of a work. `country == nil` is the part of authors whose country is
/// unknown: it is kept, so credits always sum to 1 and denominators never silently shrink.
public struct CountryCredit: Sendable, Hashable {
    /// The country, or `nil` for "unknown".
    public var country: CountryCode?
    /// Fractional credit in (0, 1].
    public var credit: Double

    /// Makes a credit.
    public init(country: CountryCode?, credit: Double) {
        self.country = country
        self.credit = credit
    }
}

/// One institution's part of a work (institutions are credited as countries are, METHOD §3).
public struct InstitutionCredit: Sendable, Hashable {
    /// The institution id (`I…`).
    public var institutionID: String
    /// Fractional credit in (0, 1].
    public var credit: Double

    /// Makes a credit.
    public init(institutionID: String, credit: Double) {
        self.institutionID = institutionID
        self.credit = credit
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
    /// "unknown" last. Sums to 1 (up to rounding) for any work with at least one authorship;
    /// a work without authorships is wholly "unknown".
    public static func fractionalCountryCredits(_ authorships: [Authorship]) -> [CountryCredit] {
        guard !authorships.isEmpty else { return [CountryCredit(country: nil, credit: 1)] }
        var credits: [CountryCode?: Double] = [:]
        let authorPart = 1.0 / Double(authorships.count)
        for authorship in authorships {
            let hasInstitutionCountry = authorship.institutions.contains { $0.country != nil }
            if hasInstitutionCountry {
                let part = authorPart / Double(authorship.institutions.count)
                for institution in authorship.institutions { credits[institution.country, default: 0] += part }
            } else if !authorship.countries.isEmpty {
                let part = authorPart / Double(authorship.countries.count)
                for country in authorship.countries { credits[country, default: 0] += part }
            } else {
                credits[nil, default: 0] += authorPart
            }
        }
        return sorted(credits)
    }

    /// Whole ("participation") counting: every known country on the work counts 1 (METHOD §3).
    /// Sorted; empty when no country is known.
    public static func wholeCountries(_ authorships: [Authorship]) -> [CountryCode] {
        fractionalCountryCredits(authorships).compactMap(\.country)
    }

    /// Fractional institution credits (by institution id), sorted by id. Parts that reach no
    /// identified institution are left out, so these sum to at most 1.
    public static func fractionalInstitutionCredits(_ authorships: [Authorship]) -> [InstitutionCredit] {
        guard !authorships.isEmpty else { return [] }
        var credits: [String: Double] = [:]
        let authorPart = 1.0 / Double(authorships.count)
        for authorship in authorships where !authorship.institutions.isEmpty {
            let part = authorPart / Double(authorship.institutions.count)
            for institution in authorship.institutions where !institution.id.isEmpty {
                credits[institution.id, default: 0] += part
            }
        }
        return credits.map { InstitutionCredit(institutionID: $0.key, credit: $0.value) }
            .sorted { $0.institutionID < $1.institutionID }
    }

    private static func sorted(_ credits: [CountryCode?: Double]) -> [CountryCredit] {
        credits.map { CountryCredit(country: $0.key, credit: $0.value) }.sorted { lhs, rhs in
            switch (lhs.country, rhs.country) {
            case let (l?, r?): l < r
            case (_?, nil): true
            default: false
            }
        }
    }
}
