public import TechTrackerCore

/// What the store holds, at a glance (`techtracker stats`): works by year, type and source;
/// country output under fractional and whole counting (METHOD §3); top institutions; and how
/// much of the corpus has no known country.
public struct CorpusStatistics: Sendable, Equatable {
    /// How many institutions are ranked unless told otherwise (`stats --institutions`).
    public static let defaultTopInstitutions = 20

    /// One country's output.
    public struct CountryOutput: Sendable, Equatable {
        /// The country.
        public var country: CountryCode
        /// Fractional count: the sum of the country's credits (METHOD §3).
        public var fractional: Double
        /// Whole count: works with at least one author from the country.
        public var whole: Int
    }

    /// One institution's output.
    public struct InstitutionOutput: Sendable, Equatable {
        /// Institution id.
        public var id: String
        /// Fractional count (author-level, like countries).
        public var fractional: Double
        /// Works with at least one author from it.
        public var whole: Int
    }

    /// Works stored.
    public var works = 0
    /// Works per publication year (`nil`: year unknown).
    public var worksByYear: [Int?: Int] = [:]
    /// Works per type.
    public var worksByType: [String: Int] = [:]
    /// Works per source.
    public var worksBySource: [WorkSource: Int] = [:]
    /// Retracted works.
    public var retracted = 0
    /// Countries, largest fractional output first (ties by code).
    public var countries: [CountryOutput] = []
    /// The fractional credit no country could be given (sums of "unknown" parts).
    public var unknownFractional = 0.0
    /// Works with no known country at all.
    public var worksWithoutCountry = 0
    /// Institutions, largest fractional output first (ties by id).
    public var institutions: [InstitutionOutput] = []

    /// Share of works with no known country (0 when the store is empty).
    public var shareWithoutCountry: Double { works > 0 ? Double(worksWithoutCountry) / Double(works) : 0 }

    /// True when any stored work is synthetic: every display must then say SYNTHETIC DATA.
    public var includesSyntheticData: Bool { (worksBySource[.synthetic] ?? 0) > 0 }

    /// Makes empty statistics.
    init() {}
}

/// Builds `CorpusStatistics` one work at a time; pure, so it is tested on hand-made works.
public struct CorpusStatisticsAccumulator: Sendable {
    private var statistics = CorpusStatistics()
    private var fractional: [CountryCode: Double] = [:]
    private var whole: [CountryCode: Int] = [:]
    private var institutionFractional: [String: Double] = [:]
    private var institutionWhole: [String: Int] = [:]

    /// Starts empty.
    public init() {}

    /// Adds one work.
    public mutating func add(year: Int?, type: String, source: WorkSource, isRetracted: Bool, authorships: [Authorship])
    {
        statistics.works += 1
        statistics.worksByYear[year, default: 0] += 1
        statistics.worksByType[type, default: 0] += 1
        statistics.worksBySource[source, default: 0] += 1
        if isRetracted { statistics.retracted += 1 }
        var knownCountry = false
        for credit in WorkCredit.fractionalCountryCredits(authorships) {
            if let country = credit.country {
                knownCountry = true
                fractional[country, default: 0] += credit.credit
                whole[country, default: 0] += 1
            } else {
                statistics.unknownFractional += credit.credit
            }
        }
        if !knownCountry { statistics.worksWithoutCountry += 1 }
        for credit in WorkCredit.fractionalInstitutionCredits(authorships) {
            institutionFractional[credit.institutionID, default: 0] += credit.credit
            institutionWhole[credit.institutionID, default: 0] += 1
        }
    }

    /// The statistics of everything added, with countries and institutions ranked.
    public func result(topInstitutions: Int = CorpusStatistics.defaultTopInstitutions) -> CorpusStatistics {
        var result = statistics
        result.countries = fractional.map {
            CorpusStatistics.CountryOutput(country: $0.key, fractional: $0.value, whole: whole[$0.key] ?? 0)
        }
        .sorted { ($0.fractional, $1.country) > ($1.fractional, $0.country) }
        result.institutions =
            institutionFractional
            .map {
                CorpusStatistics.InstitutionOutput(
                    id: $0.key, fractional: $0.value, whole: institutionWhole[$0.key] ?? 0)
            }
            .sorted { ($0.fractional, $1.id) > ($1.fractional, $0.id) }
            .prefix(topInstitutions).map { $0 }
        return result
    }
}
