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
    /// Per (technology, window, country): inflow, outflow and net gain of researchers (METHOD §8).
    public var mobilityGains: [MobilityGainRow] = []
    /// Per (window, counting, country).
    public var headline: [HeadlineRow] = []
    /// Per (technology, window, counting, unit): figures by patent citations (METHOD §10); empty
    /// when the store holds no patent citations.
    public var patentLinkage: [PatentLinkageRow] = []
    /// Per (technology, window, counting): the leader by patent-cited share beside the leader by
    /// Share (METHOD §10).
    public var patentSummaries: [PatentSummaryRow] = []
    /// Per (window, counting, unit): technologies led and in the top 5 by patent-cited share
    /// (`technologies_top5` counts ranks 1-5 by patent-cited share).
    public var patentHeadline: [HeadlineRow] = []
    /// The patent-citation data read (`nil` when the store holds none).
    public var patentData: PatentDataSummary?

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
    /// The `unit_type` column: `country` (the `country` column holds an ISO code, or a merged
    /// region's code) or `group` (it holds the group's name; `rank` is then among groups).
    public var unitType: UnitType
    /// The `tied` column: another unit of the same type has exactly the same positive Share
    /// (METHOD §5: equal shares are a tie, ranked by code or name and reported as a tie).
    public var tied: Bool
    /// The `p_top1` column: P_top for the top 1%.
    public var pTop1: Double
    /// The `share_top1` column: Share of the top 1%.
    public var shareTop1: Double
    /// The `rank_among_countries` column (groups only): the place the group's Share would take
    /// among the countries (1 + the countries with a larger Share).
    public var rankAmongCountries: Int?
    /// The `ratio_to_best_outside` column (groups only): the group's Share over the largest
    /// Share of a country that is not a member (METHOD §2; `inf` when none has one).
    public var ratioToBestOutside: Double?

    /// Makes a row.
    public init(
        technology: String, windowStart: Int, windowEnd: Int, counting: Counting, country: String, p: Double,
        pTop: Double, share: Double, ppTop: Double, rank: Int, hIndex: Int, ciLow: Double?, ciHigh: Double?,
        pLeader: Double?, adjustedShare: Double, adjustedRank: Int, inwardness: Double?, lowEvidence: Bool,
        unitType: UnitType = .country, tied: Bool = false, pTop1: Double = 0, shareTop1: Double = 0,
        rankAmongCountries: Int? = nil, ratioToBestOutside: Double? = nil
    ) {
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd;
        self.counting = counting
        self.country = country; self.p = p; self.pTop = pTop; self.share = share; self.ppTop = ppTop; self.rank = rank
        self.hIndex = hIndex; self.ciLow = ciLow; self.ciHigh = ciHigh; self.pLeader = pLeader
        self.adjustedShare = adjustedShare; self.adjustedRank = adjustedRank; self.inwardness = inwardness
        self.lowEvidence = lowEvidence; self.unitType = unitType; self.tied = tied; self.pTop1 = pTop1
        self.shareTop1 = shareTop1; self.rankAmongCountries = rankAmongCountries;
        self.ratioToBestOutside = ratioToBestOutside
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
    /// The `low_evidence` column: the (t, W) has fewer than 100 works, or the leader's own
    /// figure is low evidence (P_top < 5), METHOD §5.
    public var lowEvidence: Bool
    /// The `leader_tied` column: the leader and the runner-up have exactly equal Shares (the
    /// leader is then first by country code only).
    public var leaderTied: Bool
    /// The `leader_share_top1` column: the leader's Share of the top 1%.
    public var leaderShareTop1: Double?
    /// The `eu_unit_leader` column: the leader when the EU27 counts as one unit (METHOD §2).
    public var euUnitLeader: String?
    /// The `eu_unit_lead_ratio` column.
    public var euUnitLeadRatio: Double?
    /// The `eu_unit_tmr` column: monopoly risk with the EU27 as one unit (its member
    /// countries' institutions count as the EU's).
    public var euUnitTMR: String

    /// Makes a row.
    public init(
        technology: String, name: String, category: String, windowStart: Int, windowEnd: Int, counting: Counting,
        works: Int, topWorks: Double, leader: String?, leaderShare: Double?, runnerUp: String?,
        runnerUpShare: Double?, leadRatio: Double?, leaderInstitutionsInTop10: Int, tmr: String,
        pLeader: Double?, adjustedLeader: String?, wholeCountingLeader: String?, lowEvidence: Bool,
        leaderTied: Bool = false, leaderShareTop1: Double? = nil, euUnitLeader: String? = nil,
        euUnitLeadRatio: Double? = nil, euUnitTMR: String = "low"
    ) {
        self.leaderTied = leaderTied; self.leaderShareTop1 = leaderShareTop1; self.euUnitLeader = euUnitLeader
        self.euUnitLeadRatio = euUnitLeadRatio; self.euUnitTMR = euUnitTMR
        self.technology = technology; self.name = name; self.category = category; self.windowStart = windowStart
        self.windowEnd = windowEnd; self.counting = counting; self.works = works; self.topWorks = topWorks
        self.leader = leader; self.leaderShare = leaderShare; self.runnerUp = runnerUp;
        self.runnerUpShare = runnerUpShare
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
    /// The `low_evidence` column: the (t, W) has fewer than 100 works or the institution's
    /// P_top is below 5 (METHOD §5).
    public var lowEvidence: Bool

    /// Makes a row.
    public init(
        technology: String, windowStart: Int, windowEnd: Int, counting: Counting, rank: Int,
        institutionID: String, name: String, country: String, pTop: Double, share: Double,
        lowEvidence: Bool = false
    ) {
        self.lowEvidence = lowEvidence
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd;
        self.counting = counting
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
    /// The `low_evidence` column: the (t, W) has fewer than 100 works or the flow fewer than
    /// 5 authors.
    public var lowEvidence: Bool

    /// Makes a row.
    public init(
        technology: String, windowStart: Int, windowEnd: Int, origin: String, destination: String, authors: Int,
        lowEvidence: Bool = false
    ) {
        self.lowEvidence = lowEvidence
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
    /// The `unit_type` column: a country, or a group whose "led" technologies are those where
    /// its Share exceeds that of every country outside it (METHOD §2, §9).
    public var unitType: UnitType
    /// The `led_low_evidence` column: how many of the technologies led rest on low evidence
    /// (the leader's figure is flagged, METHOD §5).
    public var ledLowEvidence: Int
    /// The `led_tied` column: how many of the technologies led are a tie for first.
    public var ledTied: Int

    /// Makes a row.
    public init(
        windowStart: Int, windowEnd: Int, counting: Counting, country: String, technologiesLed: Int,
        technologiesTop5: Int,
        unitType: UnitType = .country, ledLowEvidence: Int = 0, ledTied: Int = 0
    ) {
        self.unitType = unitType; self.ledLowEvidence = ledLowEvidence; self.ledTied = ledTied
        self.windowStart = windowStart; self.windowEnd = windowEnd; self.counting = counting; self.country = country
        self.technologiesLed = technologiesLed; self.technologiesTop5 = technologiesTop5
    }
}

/// `mobility_gains.csv`: one country's balance of researchers in (t, W) (METHOD §8).
public struct MobilityGainRow: Sendable, Equatable {
    /// The `technology` column.
    public var technology: String
    /// The `window_start` column.
    public var windowStart: Int
    /// The `window_end` column.
    public var windowEnd: Int
    /// The `country` column.
    public var country: String
    /// The `inflow` column: authors of top-10% works with an origin elsewhere, here now.
    public var inflow: Int
    /// The `outflow` column: authors whose origin is here, on top-10% works elsewhere.
    public var outflow: Int
    /// The `net_gain` column: inflow − outflow.
    public var netGain: Int
    /// The `low_evidence` column: the (t, W) has fewer than 100 works, or fewer than 5 authors
    /// moved in or out.
    public var lowEvidence: Bool

    /// Makes a row.
    public init(
        technology: String, windowStart: Int, windowEnd: Int, country: String, inflow: Int, outflow: Int,
        netGain: Int, lowEvidence: Bool
    ) {
        self.technology = technology; self.windowStart = windowStart; self.windowEnd = windowEnd; self.country = country
        self.inflow = inflow; self.outflow = outflow; self.netGain = netGain; self.lowEvidence = lowEvidence
    }
}
