public import TechTrackerCore
public import TechTrackerPresent

// The JSON the dashboard's API answers with: small Codable mirrors of the Core rows (which are
// not Codable themselves). Keys are the export files' column names (`p_top`, `ci_low`, …: the
// encoder converts to snake case); a value that is absent (no interval, no leader) is left out.

/// `/api/selection`: the windows and countings the figures hold, and the default selection.
public struct SelectionJSON: Codable, Sendable, Equatable {
    /// The windows analysed, in order.
    public var windows: [WindowJSON]
    /// The countings analysed (`fractional`, `whole`).
    public var countings: [String]
    /// The selection a page shows when none is given.
    public var `default`: SelectedJSON
}

/// A window, by first and last year.
public struct WindowJSON: Codable, Sendable, Equatable {
    /// The first year.
    public var start: Int
    /// The last year.
    public var end: Int
}

/// The window and counting an answer is for.
public struct SelectedJSON: Codable, Sendable, Equatable {
    /// The first year of the window.
    public var window: Int
    /// The counting.
    public var counting: String

    /// The selection as JSON.
    public init(_ selection: DashboardSelection) {
        window = selection.windowStart
        counting = selection.counting.rawValue
    }
}

/// `/api/technologies`: one technology as the taxonomy defines it.
public struct TechnologyJSON: Codable, Sendable, Equatable {
    /// The id.
    public var id: String
    /// The display name.
    public var name: String
    /// The category.
    public var category: String
    /// The scope note.
    public var scope: String
    /// The query.
    public var query: String

    /// The technology as JSON.
    public init(_ technology: DashboardTechnology) {
        id = technology.id
        name = technology.name
        category = technology.category
        scope = technology.scope
        query = technology.query
    }
}

/// `/api/technologies/{id}`: a technology's figures in one selection.
public struct TechnologyFiguresJSON: Codable, Sendable, Equatable {
    /// The technology.
    public var technology: TechnologyJSON
    /// The selection.
    public var selection: SelectedJSON
    /// The summary row (`nil` when the selection has none for it).
    public var summary: TechnologySummaryJSON?
    /// The country (and group) rows, by rank.
    public var countries: [CountryShareJSON]
    /// The top institutions, by rank.
    public var institutions: [InstitutionShareJSON]
    /// The researcher flows of the window (mobility is not split by counting).
    public var mobility: [MobilityFlowJSON]
    /// The countries' net gains of researchers in the window.
    public var mobilityGains: [MobilityGainJSON]
    /// The summary by patent citations (absent without patent data or a row for the selection).
    public var patentSummary: PatentSummaryJSON?
    /// The country (and group) rows by patent citations, by rank (absent without patent data).
    public var patentLinkage: [PatentLinkageJSON]?
}

/// `/api/countries/{code}`: a country's (or group's) rows across technologies in one selection.
public struct CountryFiguresJSON: Codable, Sendable, Equatable {
    /// The country code or group name.
    public var country: String
    /// The selection.
    public var selection: SelectedJSON
    /// Its headline row (`nil` when the selection has none for it).
    public var headline: HeadlineJSON?
    /// Its rows, in the technologies' order.
    public var technologies: [CountryShareJSON]
}

/// `/api/headline`: technologies led and in the top five, per country, in one selection.
public struct HeadlineFiguresJSON: Codable, Sendable, Equatable {
    /// The selection.
    public var selection: SelectedJSON
    /// The rows, as stored.
    public var rows: [HeadlineJSON]
    /// The rows by patent-cited share (absent without patent data).
    public var patentRows: [HeadlineJSON]?
}

/// `/api/settings`: what produced the figures.
public struct SettingsJSON: Codable, Sendable, Equatable {
    /// The settings in one line, as reports state them.
    public var summary: String
    /// The countings computed.
    public var countings: [String]
    /// The first year of the first window.
    public var fromYear: Int?
    /// The last year of the last window.
    public var toYear: Int?
    /// The window length in years.
    public var windowLength: Int
    /// The windows analysed.
    public var windows: [WindowJSON]
    /// The reference set of the top-10% threshold (`year`, `window`).
    public var thresholdScope: String
    /// Bootstrap draws of the stability intervals.
    public var bootstrapDraws: Int
    /// The bootstrap's seed.
    public var seed: UInt64
    /// The work types kept.
    public var types: [String]
    /// Countries whose regions are merged into them.
    public var mergeRegions: [String]
    /// The groups measured beside the countries.
    public var groups: [GroupJSON]
    /// Whether author self-citations are left out of the adjustment.
    public var excludeSelfCitations: Bool
    /// The content hash of the taxonomy analysed.
    public var taxonomyHash: String
    /// Whether any analysed data are synthetic: the works, or the patent citations.
    public var synthetic: Bool
    /// The patent data and filter (absent without patent data).
    public var patents: PatentSettingsJSON?

    /// The settings of `results` as JSON.
    public init(_ results: AnalysisResults) {
        let settings = results.settings
        summary = settings.summary
        countings = settings.countings.map(\.rawValue)
        fromYear = settings.fromYear
        toYear = settings.toYear
        windowLength = settings.windowLength
        windows = settings.windows.map { WindowJSON(start: $0.start, end: $0.end) }
        thresholdScope = settings.thresholdScope.rawValue
        bootstrapDraws = settings.bootstrapDraws
        seed = settings.seed
        types = settings.types
        mergeRegions = settings.mergeRegions
        groups = settings.groups.map { GroupJSON(name: $0.name, members: $0.members.map(\.description)) }
        excludeSelfCitations = settings.excludeSelfCitations
        taxonomyHash = results.taxonomyHash
        synthetic = results.needsSyntheticLabel
        patents = PatentSettingsJSON(results)
    }
}

/// A group of countries.
public struct GroupJSON: Codable, Sendable, Equatable {
    /// The group's name.
    public var name: String
    /// Its member countries.
    public var members: [String]
}

/// A `CountryShareRow`.
public struct CountryShareJSON: Codable, Sendable, Equatable {
    public var technology: String
    public var windowStart: Int
    public var windowEnd: Int
    public var counting: String
    public var country: String
    public var unitType: String
    public var p: Double
    public var pTop: Double
    public var share: Double
    public var ppTop: Double
    public var rank: Int
    public var tied: Bool
    public var hIndex: Int
    public var ciLow: Double?
    public var ciHigh: Double?
    public var pLeader: Double?
    public var adjustedShare: Double
    public var adjustedRank: Int
    public var inwardness: Double?
    public var lowEvidence: Bool
    public var pTop1: Double
    public var shareTop1: Double
    public var rankAmongCountries: Int?
    public var ratioToBestOutside: Double?

    /// The row as JSON.
    public init(_ row: CountryShareRow) {
        technology = row.technology
        windowStart = row.windowStart
        windowEnd = row.windowEnd
        counting = row.counting.rawValue
        country = row.country
        unitType = row.unitType.rawValue
        p = row.p
        pTop = row.pTop
        share = row.share
        ppTop = row.ppTop
        rank = row.rank
        tied = row.tied
        hIndex = row.hIndex
        ciLow = row.ciLow
        ciHigh = row.ciHigh
        pLeader = row.pLeader
        adjustedShare = row.adjustedShare
        adjustedRank = row.adjustedRank
        inwardness = row.inwardness
        lowEvidence = row.lowEvidence
        pTop1 = row.pTop1
        shareTop1 = row.shareTop1
        rankAmongCountries = row.rankAmongCountries
        ratioToBestOutside = row.ratioToBestOutside
    }
}

/// A `TechnologySummaryRow`.
public struct TechnologySummaryJSON: Codable, Sendable, Equatable {
    public var technology: String
    public var name: String
    public var category: String
    public var windowStart: Int
    public var windowEnd: Int
    public var counting: String
    public var works: Int
    public var topWorks: Double
    public var leader: String?
    public var leaderShare: Double?
    public var leaderTied: Bool
    public var runnerUp: String?
    public var runnerUpShare: Double?
    public var leadRatio: Double?
    public var leaderInstitutionsInTop10: Int
    public var tmr: String
    public var pLeader: Double?
    public var adjustedLeader: String?
    public var wholeCountingLeader: String?
    public var lowEvidence: Bool
    public var leaderShareTop1: Double?
    public var euUnitLeader: String?
    public var euUnitLeadRatio: Double?
    public var euUnitTmr: String

    /// The row as JSON.
    public init(_ row: TechnologySummaryRow) {
        technology = row.technology
        name = row.name
        category = row.category
        windowStart = row.windowStart
        windowEnd = row.windowEnd
        counting = row.counting.rawValue
        works = row.works
        topWorks = row.topWorks
        leader = row.leader
        leaderShare = row.leaderShare
        leaderTied = row.leaderTied
        runnerUp = row.runnerUp
        runnerUpShare = row.runnerUpShare
        leadRatio = row.leadRatio
        leaderInstitutionsInTop10 = row.leaderInstitutionsInTop10
        tmr = row.tmr
        pLeader = row.pLeader
        adjustedLeader = row.adjustedLeader
        wholeCountingLeader = row.wholeCountingLeader
        lowEvidence = row.lowEvidence
        leaderShareTop1 = row.leaderShareTop1
        euUnitLeader = row.euUnitLeader
        euUnitLeadRatio = row.euUnitLeadRatio
        euUnitTmr = row.euUnitTMR
    }
}

/// An `InstitutionShareRow`.
public struct InstitutionShareJSON: Codable, Sendable, Equatable {
    public var technology: String
    public var windowStart: Int
    public var windowEnd: Int
    public var counting: String
    public var rank: Int
    public var institutionId: String
    public var name: String
    public var country: String
    public var pTop: Double
    public var share: Double
    public var lowEvidence: Bool

    /// The row as JSON.
    public init(_ row: InstitutionShareRow) {
        technology = row.technology
        windowStart = row.windowStart
        windowEnd = row.windowEnd
        counting = row.counting.rawValue
        rank = row.rank
        institutionId = row.institutionID
        name = row.name
        country = row.country
        pTop = row.pTop
        share = row.share
        lowEvidence = row.lowEvidence
    }
}

/// A `MobilityFlowRow`.
public struct MobilityFlowJSON: Codable, Sendable, Equatable {
    public var technology: String
    public var windowStart: Int
    public var windowEnd: Int
    public var origin: String
    public var destination: String
    public var authors: Int
    public var lowEvidence: Bool

    /// The row as JSON.
    public init(_ row: MobilityFlowRow) {
        technology = row.technology
        windowStart = row.windowStart
        windowEnd = row.windowEnd
        origin = row.origin
        destination = row.destination
        authors = row.authors
        lowEvidence = row.lowEvidence
    }
}

/// A `MobilityGainRow`.
public struct MobilityGainJSON: Codable, Sendable, Equatable {
    public var technology: String
    public var windowStart: Int
    public var windowEnd: Int
    public var country: String
    public var inflow: Int
    public var outflow: Int
    public var netGain: Int
    public var lowEvidence: Bool

    /// The row as JSON.
    public init(_ row: MobilityGainRow) {
        technology = row.technology
        windowStart = row.windowStart
        windowEnd = row.windowEnd
        country = row.country
        inflow = row.inflow
        outflow = row.outflow
        netGain = row.netGain
        lowEvidence = row.lowEvidence
    }
}

/// A `HeadlineRow`.
public struct HeadlineJSON: Codable, Sendable, Equatable {
    public var windowStart: Int
    public var windowEnd: Int
    public var counting: String
    public var country: String
    public var unitType: String
    public var technologiesLed: Int
    public var technologiesTop5: Int
    public var ledLowEvidence: Int
    public var ledTied: Int

    /// The row as JSON.
    public init(_ row: HeadlineRow) {
        windowStart = row.windowStart
        windowEnd = row.windowEnd
        counting = row.counting.rawValue
        country = row.country
        unitType = row.unitType.rawValue
        technologiesLed = row.technologiesLed
        technologiesTop5 = row.technologiesTop5
        ledLowEvidence = row.ledLowEvidence
        ledTied = row.ledTied
    }
}
