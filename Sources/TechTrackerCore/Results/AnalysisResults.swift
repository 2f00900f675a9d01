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
    public var technology: String
    public var windowStart: Int
    public var windowEnd: Int
    public var counting: Counting
    public var country: String
    public var p: Double
    public var pTop: Double
    public var share: Double
    public var ppTop: Double
    public var rank: Int
    public var hIndex: Int
    public var ciLow: Double
    public var ciHigh: Double
    public var pLeader: Double
    public var adjustedShare: Double
    public var adjustedRank: Int
    public var inwardness: Double?
    public var lowEvidence: Bool

    public init(technology: String, windowStart: Int, windowEnd: Int, counting: Counting, country: String, p: Double,
                pTop: Double, share: Double, ppTop: Double, rank: Int, hIndex: Int, ciLow: Double, ciHigh: Double,
                pLeader: Double, adjustedShare: Double, adjustedRank: Int, inwardness: Double?, lowEvidence: Bool) {
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd; self.counting = counting
        self.country = country; self.p = p; self.pTop = pTop; self.share = share; self.ppTop = ppTop; self.rank = rank
        self.hIndex = hIndex; self.ciLow = ciLow; self.ciHigh = ciHigh; self.pLeader = pLeader
        self.adjustedShare = adjustedShare; self.adjustedRank = adjustedRank; self.inwardness = inwardness
        self.lowEvidence = lowEvidence
    }
}

/// `technology_summary.csv`: one (technology, window, counting).
public struct TechnologySummaryRow: Sendable, Equatable {
    public var technology: String
    public var name: String
    public var category: String
    public var windowStart: Int
    public var windowEnd: Int
    public var counting: Counting
    public var works: Int
    public var topWorks: Double
    public var leader: String?
    public var leaderShare: Double?
    public var runnerUp: String?
    public var runnerUpShare: Double?
    public var leadRatio: Double?
    public var leaderInstitutionsInTop10: Int
    public var tmr: String
    public var pLeader: Double?
    public var adjustedLeader: String?
    public var wholeCountingLeader: String?
    public var lowEvidence: Bool

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
    public var technology: String
    public var windowStart: Int
    public var windowEnd: Int
    public var counting: Counting
    public var rank: Int
    public var institutionID: String
    public var name: String
    public var country: String
    public var pTop: Double
    public var share: Double

    public init(technology: String, windowStart: Int, windowEnd: Int, counting: Counting, rank: Int,
                institutionID: String, name: String, country: String, pTop: Double, share: Double) {
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd; self.counting = counting
        self.rank = rank; self.institutionID = institutionID; self.name = name; self.country = country
        self.pTop = pTop; self.share = share
    }
}

/// `mobility.csv`: authors of top-10% works moving from origin to destination (METHOD §8).
public struct MobilityFlowRow: Sendable, Equatable {
    public var technology: String
    public var windowStart: Int
    public var windowEnd: Int
    public var origin: String
    public var destination: String
    public var authors: Int

    public init(technology: String, windowStart: Int, windowEnd: Int, origin: String, destination: String, authors: Int) {
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd
        self.origin = origin; self.destination = destination; self.authors = authors
    }
}

/// `headline.csv`: technologies a country leads and is top-5 in, per window and counting (METHOD §9).
public struct HeadlineRow: Sendable, Equatable {
    public var windowStart: Int
    public var windowEnd: Int
    public var counting: Counting
    public var country: String
    public var technologiesLed: Int
    public var technologiesTop5: Int

    public init(windowStart: Int, windowEnd: Int, counting: Counting, country: String, technologiesLed: Int, technologiesTop5: Int) {
        self.windowStart = windowStart; self.windowEnd = windowEnd; self.counting = counting; self.country = country
        self.technologiesLed = technologiesLed; self.technologiesTop5 = technologiesTop5
    }
}
