/// The figures of one analysis run, row by row, exactly as the store keeps them and the
/// exports write them (README "Exports" lists every column). Countries are ISO alpha-2 codes;
/// numbers keep full precision.
public struct AnalysisResults: Sendable, Equatable {
    /// Settings that produced the results, written beside them.
    public var settings: AnalysisSettings
    /// Content hash of the taxonomy whose memberships were analysed.
    public var taxonomyHash: String
    /// Whether any analysed work is synthetic.
    public var synthetic: Bool
    /// Per (technology, window, counting, country).
    public var countryShares: [CountryShareRow] = []
    /// Per (technology, window, counting).
    public var technologySummaries: [TechnologySummaryRow] = []
    /// Top institutions per (technology, window, counting).
    public var institutions: [InstitutionShareRow] = []
    /// Researcher flows per (technology, window).
    public var mobility: [MobilityFlowRow] = []
    /// Per (window, counting, country).
    public var headline: [HeadlineRow] = []

    /// Makes empty results for these settings.
    public init(settings: AnalysisSettings, taxonomyHash: String, synthetic: Bool) {
        self.settings = settings
        self.taxonomyHash = taxonomyHash
        self.synthetic = synthetic
    }
}

/// Counting method (METHOD §3).
public enum Counting: String, Sendable, CaseIterable, Codable {
    /// Author-level fractional counting (the default).
    case fractional
    /// Whole ("participation") counting.
    case whole
}

/// Reference set of the top-10% threshold (METHOD §4).
public enum ThresholdScope: String, Sendable, CaseIterable, Codable {
    /// Works of the technology with the same publication year (the default).
    case year
    /// All works of the technology in the window.
    case window
}

/// The settings of an analysis; every report and export states them.
public struct AnalysisSettings: Sendable, Equatable, Codable {
    /// Countings computed.
    public var countings: [Counting] = [.fractional, .whole]
    /// First and last publication year considered (`nil`: what the store holds).
    public var fromYear: Int?
    /// Last publication year considered.
    public var toYear: Int?
    /// Window length in years (windows roll by one year).
    public var windowLength = 5
    /// Reference set of thresholds.
    public var thresholdScope = ThresholdScope.year
    /// Bootstrap draws for stability intervals.
    public var bootstrapDraws = 1000
    /// Seed of the bootstrap.
    public var seed: UInt64 = 42
    /// Work types kept (METHOD §2); retracted works are always dropped.
    public var types: [String] = ["article", "review"]

    /// Default settings.
    public init() {}

    /// One line for report headers: `counting fractional+whole; windows 5 years; thresholds per year; …`.
    public var summary: String {
        "counting \(countings.map(\.rawValue).joined(separator: "+")); \(windowLength)-year windows rolling by one year"
            + (fromYear.map { " from \($0)" } ?? "") + (toYear.map { " to \($0)" } ?? "")
            + "; top-10% threshold per \(thresholdScope == .year ? "technology and publication year" : "technology and window")"
            + "; \(bootstrapDraws) bootstrap draws, seed \(seed); types \(types.joined(separator: ","))"
    }
}

/// `country_shares.csv`: one country in one (technology, window, counting).
public struct CountryShareRow: Sendable, Equatable {
    /// The `technology` column.
    public var technology: String
    /// The `window_start` column.
    public var windowStart: Int
    /// The `window_end` column.
    public var windowEnd: Int
    /// The `counting` column.
    public var counting: Counting
    /// The `country` column.
    public var country: String
    /// The `p` column.
    public var p: Double
    /// The `p_top` column.
    public var pTop: Double
    /// The `share` column.
    public var share: Double
    /// The `pp_top` column.
    public var ppTop: Double
    /// The `rank` column.
    public var rank: Int
    /// The `h_index` column.
    public var hIndex: Int
    /// The `ci_low` column.
    public var ciLow: Double?
    /// The `ci_high` column.
    public var ciHigh: Double?
    /// The `p_leader` column.
    public var pLeader: Double?
    /// The `adjusted_share` column.
    public var adjustedShare: Double
    /// The `adjusted_rank` column.
    public var adjustedRank: Int
    /// The `inwardness` column.
    public var inwardness: Double?
    /// The `low_evidence` column.
    public var lowEvidence: Bool

    /// Makes a row.
    public init(technology: String, windowStart: Int, windowEnd: Int, counting: Counting, country: String, p: Double,
                pTop: Double, share: Double, ppTop: Double, rank: Int, hIndex: Int, ciLow: Double?, ciHigh: Double?,
                pLeader: Double?, adjustedShare: Double, adjustedRank: Int, inwardness: Double?, lowEvidence: Bool) {
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd; self.counting = counting
        self.country = country; self.p = p; self.pTop = pTop; self.share = share; self.ppTop = ppTop; self.rank = rank
        self.hIndex = hIndex; self.ciLow = ciLow; self.ciHigh = ciHigh; self.pLeader = pLeader
        self.adjustedShare = adjustedShare; self.adjustedRank = adjustedRank; self.inwardness = inwardness
        self.lowEvidence = lowEvidence
    }
}

/// `technology_summary.csv`: one (technology, window, counting).
public struct TechnologySummaryRow: Sendable, Equatable {
    /// The `technology` column.
    public var technology: String
    /// The `name` column.
    public var name: String
    /// The `category` column.
    public var category: String
    /// The `window_start` column.
    public var windowStart: Int
    /// The `window_end` column.
    public var windowEnd: Int
    /// The `counting` column.
    public var counting: Counting
    /// The `works` column.
    public var works: Int
    /// The `top_works` column.
    public var topWorks: Double
    /// The `leader` column.
    public var leader: String?
    /// The `leader_share` column.
    public var leaderShare: Double?
    /// The `runner_up` column.
    public var runnerUp: String?
    /// The `runner_up_share` column.
    public var runnerUpShare: Double?
    /// The `lead_ratio` column.
    public var leadRatio: Double?
    /// The `leader_institutions_in_top10` column.
    public var leaderInstitutionsInTop10: Int
    /// The `tmr` column.
    public var tmr: String
    /// The `p_leader` column.
    public var pLeader: Double?
    /// The `adjusted_leader` column.
    public var adjustedLeader: String?
    /// The `whole_counting_leader` column.
    public var wholeCountingLeader: String?
    /// The `low_evidence` column.
    public var lowEvidence: Bool

    /// Makes a row.
    public init(technology: String, name: String, category: String, windowStart: Int, windowEnd: Int, counting: Counting,
                works: Int, topWorks: Double, leader: String?, leaderShare: Double?, runnerUp: String?,
                runnerUpShare: Double?, leadRatio: Double?, leaderInstitutionsInTop10: Int, tmr: String,
                pLeader: Double?, adjustedLeader: String?, wholeCountingLeader: String?, lowEvidence: Bool) {
        self.technology = technology; self.name = name; self.category = category; self.windowStart = windowStart
        self.windowEnd = windowEnd; self.counting = counting; self.works = works; self.topWorks = topWorks
        self.leader = leader; self.leaderShare = leaderShare; self.runnerUp = runnerUp; self.runnerUpShare = runnerUpShare
        self.leadRatio = leadRatio; self.leaderInstitutionsInTop10 = leaderInstitutionsInTop10; self.tmr = tmr
        self.pLeader = pLeader; self.adjustedLeader = adjustedLeader; self.wholeCountingLeader = wholeCountingLeader
        self.lowEvidence = lowEvidence
    }
}

/// `institutions.csv`: one of the top 10 institutions of a (technology, window, counting).
public struct InstitutionShareRow: Sendable, Equatable {
    /// The `technology` column.
    public var technology: String
    /// The `window_start` column.
    public var windowStart: Int
    /// The `window_end` column.
    public var windowEnd: Int
    /// The `counting` column.
    public var counting: Counting
    /// The `rank` column.
    public var rank: Int
    /// The `institution_id` column.
    public var institutionID: String
    /// The `name` column.
    public var name: String
    /// The `country` column.
    public var country: String
    /// The `p_top` column.
    public var pTop: Double
    /// The `share` column.
    public var share: Double

    /// Makes a row.
    public init(technology: String, windowStart: Int, windowEnd: Int, counting: Counting, rank: Int,
                institutionID: String, name: String, country: String, pTop: Double, share: Double) {
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd; self.counting = counting
        self.rank = rank; self.institutionID = institutionID; self.name = name; self.country = country
        self.pTop = pTop; self.share = share
    }
}

/// `mobility.csv`: authors of top-10% works moving from origin to destination (METHOD §8).
public struct MobilityFlowRow: Sendable, Equatable {
    /// The `technology` column.
    public var technology: String
    /// The `window_start` column.
    public var windowStart: Int
    /// The `window_end` column.
    public var windowEnd: Int
    /// The `origin` column.
    public var origin: String
    /// The `destination` column.
    public var destination: String
    /// The `authors` column.
    public var authors: Int

    /// Makes a row.
    public init(technology: String, windowStart: Int, windowEnd: Int, origin: String, destination: String, authors: Int) {
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd
        self.origin = origin; self.destination = destination; self.authors = authors
    }
}

/// `headline.csv`: technologies a country leads and is top-5 in, per window and counting (METHOD §9).
public struct HeadlineRow: Sendable, Equatable {
    /// The `window_start` column.
    public var windowStart: Int
    /// The `window_end` column.
    public var windowEnd: Int
    /// The `counting` column.
    public var counting: Counting
    /// The `country` column.
    public var country: String
    /// The `technologies_led` column.
    public var technologiesLed: Int
    /// The `technologies_top5` column.
    public var technologiesTop5: Int

    /// Makes a row.
    public init(windowStart: Int, windowEnd: Int, counting: Counting, country: String, technologiesLed: Int, technologiesTop5: Int) {
        self.windowStart = windowStart; self.windowEnd = windowEnd; self.counting = counting; self.country = country
        self.technologiesLed = technologiesLed; self.technologiesTop5 = technologiesTop5
    }
}
