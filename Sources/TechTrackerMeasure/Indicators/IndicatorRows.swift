public import TechTrackerCore

/// Settings of the indicators (each one an option of the reports; METHOD §2-§8).
public struct IndicatorSettings: Sendable, Hashable {
    /// Fractional (default) or whole counting (§3).
    public var counting: Counting
    /// Reference sets per year (default) or per window (§4).
    var thresholdScope: ThresholdScope
    /// Bootstrap draws B (§5); 0 skips the intervals.
    var bootstrapDraws: Int
    /// Global bootstrap seed; each (t, W, counting) derives its own from it.
    var seed: UInt64
    /// Monopoly-risk thresholds (§5).
    var monopoly: MonopolyRisk.Thresholds
    /// A (t, W) with fewer works than this is low evidence (§5: 100).
    var lowEvidenceWorks: Int
    /// A country with P_top below this is low evidence (§5: 5).
    var lowEvidenceTop: Double
    /// Institutions listed (§5: 10).
    var topInstitutions: Int
    /// A flow or a gain with fewer authors than this is low evidence (§8; 5).
    var lowEvidenceAuthors: Int
    /// The patent data's cut-off year (§10): windows ending within 5 years of it are
    /// "incomplete (patent lag)"; `nil` (unknown) flags every window.
    public var patentCutoffYear: Int?

    /// The defaults of METHOD.
    public init(
        counting: Counting = .fractional, thresholdScope: ThresholdScope = .year, bootstrapDraws: Int = 1000,
        seed: UInt64 = 20_240_101, monopoly: MonopolyRisk.Thresholds = .init(), lowEvidenceWorks: Int = 100,
        lowEvidenceTop: Double = 5, topInstitutions: Int = 10, lowEvidenceAuthors: Int = 5
    ) {
        self.lowEvidenceAuthors = lowEvidenceAuthors
        self.counting = counting
        self.thresholdScope = thresholdScope
        self.bootstrapDraws = bootstrapDraws
        self.seed = seed
        self.monopoly = monopoly
        self.lowEvidenceWorks = lowEvidenceWorks
        self.lowEvidenceTop = lowEvidenceTop
        self.topInstitutions = topInstitutions
    }
}

/// One country in one (technology, window, counting) (METHOD §5, §7).
public struct CountryRow: Sendable, Hashable {
    public var technology: String
    public var window: PublicationWindow
    public var counting: Counting
    public var country: CountryCode
    /// P: output.
    public var p: Double
    /// P_top: top-10% output.
    public var pTop: Double
    /// Share of the top 10% (headline).
    public var share: Double
    /// PP_top = P_top / P.
    public var ppTop: Double
    /// Rank by Share (1 = first; ties by country code).
    public var rank: Int
    /// P_top for the top 1%.
    public var pTop1: Double
    /// Share of the top 1%.
    public var share1: Double
    /// H-index (whole counting, whatever the counting of the row).
    public var hIndex: Int
    /// 95% stability interval of Share (`nil` when the bootstrap was skipped).
    public var ciLow: Double?
    public var ciHigh: Double?
    /// Fraction of bootstrap draws in which this country is first (`nil` when skipped).
    public var pFirst: Double?
    /// Share and rank with domestic citations removed (§7).
    public var adjustedShare: Double
    public var adjustedRank: Int
    /// Inwardness (§7; `nil` when the country's works receive no in-corpus citations).
    public var inwardness: Double?
    /// The (t, W) is low evidence, or the country's P_top < 5 (§5).
    public var lowEvidence: Bool
    /// Another country has exactly the same positive Share (§5: a tie, ranked by code).
    public var tied: Bool = false
}

/// One group (bloc) in one (technology, window, counting) (METHOD §2, §5): the same figures as
/// a country's, its rank among the groups, and how it stands against the countries.
public struct GroupRow: Sendable, Hashable {
    public var technology: String
    public var window: PublicationWindow
    public var counting: Counting
    /// The group's name.
    public var name: String
    public var p: Double
    public var pTop: Double
    public var share: Double
    public var ppTop: Double
    /// Rank among the groups (ties by name).
    public var rank: Int
    public var tied: Bool
    public var pTop1: Double
    public var share1: Double
    /// H-index of the works with a member on them.
    public var hIndex: Int
    /// 95% stability interval of the group's Share and P(first among groups).
    public var ciLow: Double?
    public var ciHigh: Double?
    public var pFirst: Double?
    public var adjustedShare: Double
    /// Rank among the groups under the adjustment.
    public var adjustedRank: Int
    public var lowEvidence: Bool
    /// 1 + the countries with a larger Share (exactly).
    public var rankAmongCountries: Int
    /// Share over the largest Share of a non-member country (`+infinity` when none has one).
    public var ratioToBestOutside: Double
    /// Whether its Share exceeds every non-member country's (exactly): "the group leads".
    var leadsOutside: Bool
}

/// One (technology, window, counting) at a glance (METHOD §5, §7).
public struct TechnologySummary: Sendable, Hashable {
    public var technology: String
    public var window: PublicationWindow
    public var counting: Counting
    /// Works of (t, W) (the union of its reference sets).
    public var works: Int
    /// Σ T(w): the size of the top 10% (0.1 × works).
    public var topWorks: Double
    /// Share of the top 10% with no known country (fractional counting; 0 under whole).
    var unknownShare: Double
    public var leader: CountryCode?
    public var leaderShare: Double?
    public var runnerUp: CountryCode?
    public var runnerUpShare: Double?
    /// Share(1st) / Share(2nd); `+infinity` for a sole producer, `nil` without a leader.
    public var leadRatio: Double?
    /// How many of the top institutions are in the leader's country.
    public var leaderInstitutionsInTop10: Int
    public var tmr: MonopolyRisk
    /// Fraction of bootstrap draws in which the leader stays first.
    public var pLeader: Double?
    /// The leader with domestic citations removed (§7).
    public var adjustedLeader: CountryCode?
    /// Whether the leader changes under the adjustment.
    var leaderChangesUnderAdjustment: Bool
    /// Fewer than 100 works, or the leader's own figure is low evidence (§5).
    public var lowEvidence: Bool
    /// The leader and the runner-up have exactly equal Shares.
    public var leaderTied: Bool = false
    /// The leader's top-1% Share.
    public var leaderShare1: Double?
    /// The leader, its lead ratio and the monopoly risk with the EU27 counted as one unit
    /// (§2, §5); `nil` leader when the settings measure no EU27 group.
    public var euUnitLeader: String?
    public var euUnitLeadRatio: Double?
    public var euUnitTMR: MonopolyRisk = .low
}

/// One of the top institutions of (t, W).
public struct InstitutionRow: Sendable, Hashable {
    public var technology: String
    public var window: PublicationWindow
    public var counting: Counting
    public var rank: Int
    /// Institution index in the corpus.
    var institution: Int
    public var institutionID: String
    /// Its country (`nil` unknown).
    public var country: CountryCode?
    public var pTop: Double
    public var share: Double
    /// The (t, W) has fewer than 100 works or the institution's P_top < 5 (§5).
    public var lowEvidence: Bool = false
}

/// One origin → destination flow of authors of top-10% works (METHOD §8).
public struct MobilityRow: Sendable, Hashable {
    public var technology: String
    public var window: PublicationWindow
    public var origin: CountryCode
    public var destination: CountryCode
    /// Distinct authors.
    public var authors: Int
    /// The (t, W) has fewer than 100 works or the flow fewer than 5 authors.
    public var lowEvidence: Bool = false
}

/// One country's mobility balance in (t, W) (METHOD §8).
public struct MobilityBalanceRow: Sendable, Hashable {
    public var technology: String
    public var window: PublicationWindow
    public var country: CountryCode
    public var inflow: Int
    public var outflow: Int
    public var gain: Int
    /// The (t, W) has fewer than 100 works or fewer than 5 authors moved in or out.
    public var lowEvidence: Bool = false
}

/// Everything computed for one (technology, window, counting).
public struct TechnologyIndicatorResult: Sendable, Hashable {
    public var summary: TechnologySummary
    /// Countries by rank.
    public var countries: [CountryRow]
    public var institutions: [InstitutionRow]
    /// Flows sorted by (origin, destination) code; stays (origin = destination) included.
    public var mobility: [MobilityRow]
    public var mobilityGains: [MobilityBalanceRow]
    /// Groups in the order of the settings.
    public var groups: [GroupRow] = []
    /// The figures by patent citations (METHOD §10); `nil` when the corpus was prepared without
    /// patent data.
    public var patents: PatentIndicatorResult? = nil
}
