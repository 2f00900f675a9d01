/// The settings of an analysis; every report and export states them.
///
/// The defaults are defined here once, as the `default…` constants: the properties start from
/// them, and the command line's options and help texts read them, so that `analyze` with no
/// option, the demo, the benchmarks and the documentation cannot drift apart.
public struct AnalysisSettings: Sendable, Equatable, Codable {
    /// Both countings (METHOD §3).
    public static let defaultCountings: [Counting] = [.fractional, .whole]
    /// Five-year windows, as the Critical Technology Tracker uses (METHOD §2).
    public static let defaultWindowLength = 5
    /// Thresholds per technology and publication year (METHOD §4).
    public static let defaultThresholdScope = ThresholdScope.year
    /// Bootstrap draws for the stability intervals (METHOD §5).
    public static let defaultBootstrapDraws = 1000
    /// Seed of the bootstrap.
    public static let defaultSeed: UInt64 = 42
    /// Work types kept (METHOD §2).
    public static let defaultTypes = ["article", "review", "proceedings-paper"]

    /// Countings computed.
    public var countings = defaultCountings
    /// First publication year of the first window. Before a run: `--from` (`nil`: from the
    /// data); in stored results: the first year of the first window actually analysed.
    public var fromYear: Int?
    /// Last publication year of the last window (as `fromYear`).
    public var toYear: Int?
    /// Window length in years (windows roll by one year and are always whole, METHOD §2).
    public var windowLength = defaultWindowLength
    /// Reference set of thresholds.
    public var thresholdScope = defaultThresholdScope
    /// Bootstrap draws for stability intervals.
    public var bootstrapDraws = defaultBootstrapDraws
    /// Seed of the bootstrap.
    public var seed = defaultSeed
    /// Work types kept (METHOD §2); retracted works are always dropped.
    public var types = defaultTypes
    /// Countries whose special administrative regions are merged into them (METHOD §2,
    /// `--merge-regions CN`: HK and MO count as CN). Empty by default.
    public var mergeRegions: [String] = []
    /// Groups measured beside the countries (METHOD §2): the built-in ones and the user's.
    public var groups: [CountryGroup] = []
    /// Whether author self-citations are left out of the domestic-citation adjustment and
    /// inwardness (METHOD §7, `--exclude-self-citations`).
    public var excludeSelfCitations = false
    /// Which patent citations count (METHOD §10; `--patent-min-confidence` and the other
    /// `--patent-…` options).
    public var patentFilter = PatentCitationFilter()

    /// Default settings.
    public init() {}

    /// The windows these settings give once `fromYear` and `toYear` are resolved: every whole
    /// window of `windowLength` years within them (empty before they are resolved).
    public var windows: [PublicationWindow] {
        guard let fromYear, let toYear else { return [] }
        return PublicationWindow.whole(from: fromYear, to: toYear, length: windowLength)
    }

    /// One line for report headers: the countings, the true windows, the thresholds, the
    /// bootstrap, the kept types and every option that changes who is counted as what.
    public var summary: String {
        let windows = self.windows
        let span: String
        switch windows.count {
        case 0:
            span =
                (fromYear == nil && toYear == nil)
                ? "" : " (no whole window in \(fromYear.map(String.init) ?? "…")-\(toYear.map(String.init) ?? "…"))"
        case 1: span = " (\(windows[0]))"
        default: span = " (\(windows[0]) … \(windows[windows.count - 1]), \(windows.count) windows)"
        }
        var parts = [
            "counting \(countings.map(\.rawValue).joined(separator: "+"))",
            "\(windowLength)-year windows rolling by one year" + span,
            "top-10% threshold per "
                + (thresholdScope == .year ? "technology and publication year" : "technology and window"),
            "\(bootstrapDraws) bootstrap draws, seed \(seed)",
            "types \(types.joined(separator: ","))",
        ]
        if !mergeRegions.isEmpty { parts.append("regions merged into \(mergeRegions.joined(separator: ","))") }
        if !groups.isEmpty { parts.append("groups \(groups.map(\.name).joined(separator: ", "))") }
        if excludeSelfCitations { parts.append("author self-citations excluded from the adjustment") }
        return parts.joined(separator: "; ")
    }

    enum CodingKeys: String, CodingKey {
        case countings, fromYear, toYear, windowLength, thresholdScope, bootstrapDraws, seed, types
        case mergeRegions, groups, excludeSelfCitations, patentFilter
    }

    /// Reads settings; keys added in later versions may be missing (their defaults apply).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        countings = try container.decode([Counting].self, forKey: .countings)
        fromYear = try container.decodeIfPresent(Int.self, forKey: .fromYear)
        toYear = try container.decodeIfPresent(Int.self, forKey: .toYear)
        windowLength = try container.decode(Int.self, forKey: .windowLength)
        thresholdScope = try container.decode(ThresholdScope.self, forKey: .thresholdScope)
        bootstrapDraws = try container.decode(Int.self, forKey: .bootstrapDraws)
        seed = try container.decode(UInt64.self, forKey: .seed)
        types = try container.decode([String].self, forKey: .types)
        mergeRegions = try container.decodeIfPresent([String].self, forKey: .mergeRegions) ?? []
        groups = try container.decodeIfPresent([CountryGroup].self, forKey: .groups) ?? []
        excludeSelfCitations = try container.decodeIfPresent(Bool.self, forKey: .excludeSelfCitations) ?? false
        patentFilter = try container.decodeIfPresent(PatentCitationFilter.self, forKey: .patentFilter) ?? .init()
    }
}
