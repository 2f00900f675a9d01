import TechTrackerCore

/// The model's rows indexed once per render, by technology, country and selection, so that a
/// page looks rows up instead of scanning every row of every window. The groupings are made
/// on first use: a page builds only what it needs, the single-file report shares them all.
final class DashboardIndex {
    /// A (technology, window, counting).
    struct Key: Hashable {
        var technology: String
        var windowStart: Int
        var counting: Counting
    }

    let model: DashboardModel
    /// The windows with figures, oldest first.
    let windows: [PublicationWindow]
    /// The summaries by (technology, window, counting).
    let summaries: [Key: TechnologySummaryRow]
    /// The technologies in taxonomy order; technologies with figures but no definition follow.
    let technologies: [DashboardTechnology]

    init(_ model: DashboardModel) {
        self.model = model
        let results = model.results
        windows = Set(results.technologySummaries.map { PublicationWindow(start: $0.windowStart, end: $0.windowEnd) })
            .sorted()
        summaries = Dictionary(
            results.technologySummaries.map {
                (Key(technology: $0.technology, windowStart: $0.windowStart, counting: $0.counting), $0)
            }, uniquingKeysWith: { first, _ in first })
        var technologies = model.technologies
        let known = Set(technologies.map(\.id))
        var extra: [String: TechnologySummaryRow] = [:]
        for summary in results.technologySummaries where !known.contains(summary.technology) {
            extra[summary.technology] = extra[summary.technology] ?? summary
        }
        for (id, summary) in extra.sorted(by: { $0.key < $1.key }) {
            technologies.append(
                DashboardTechnology(id: id, name: summary.name, category: summary.category, scope: "", query: ""))
        }
        self.technologies = technologies
    }

    /// The window that starts in `start`.
    func window(_ start: Int) -> PublicationWindow {
        windows.first { $0.start == start }
            ?? PublicationWindow(start: start, end: start + model.results.settings.windowLength - 1)
    }

    /// The technology's definition.
    func technology(_ id: String) -> DashboardTechnology? { technologyByID[id] }

    func summary(_ technology: String, _ selection: DashboardSelection) -> TechnologySummaryRow? {
        summaries[Key(technology: technology, windowStart: selection.windowStart, counting: selection.counting)]
    }

    /// The categories in taxonomy order with their technologies.
    lazy var categories: [(name: String, technologies: [DashboardTechnology])] = {
        var order: [String] = []
        var members: [String: [DashboardTechnology]] = [:]
        for technology in technologies {
            if members[technology.category] == nil { order.append(technology.category) }
            members[technology.category, default: []].append(technology)
        }
        return order.map { ($0, members[$0] ?? []) }
    }()

    lazy var technologyByID: [String: DashboardTechnology] = Dictionary(
        technologies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// Every share row grouped by technology and by unit, made by `prepareAll` (the report):
    /// a single page filters the one technology or unit it shows instead, which is cheaper.
    private var allByTechnology: [String: [CountryShareRow]]?
    private var allByUnit: [String: [CountryShareRow]]?
    private var byTechnology: [String: [CountryShareRow]] = [:]
    private var byUnit: [String: [CountryShareRow]] = [:]

    /// Groups every row at once, for a render that shows every technology and unit.
    func prepareAll() {
        allByTechnology = Dictionary(grouping: model.results.countryShares, by: \.technology)
        allByUnit = Dictionary(grouping: model.results.countryShares, by: \.country)
    }

    /// Every share row of a technology (all windows and countings).
    func rows(technology: String) -> [CountryShareRow] {
        if let all = allByTechnology { return all[technology] ?? [] }
        if let cached = byTechnology[technology] { return cached }
        let rows = model.results.countryShares.filter { $0.technology == technology }
        byTechnology[technology] = rows
        return rows
    }

    /// Every share row of a country or group (all technologies, windows and countings).
    func rows(unit: String) -> [CountryShareRow] {
        if let all = allByUnit { return all[unit] ?? [] }
        if let cached = byUnit[unit] { return cached }
        let rows = model.results.countryShares.filter { $0.country == unit }
        byUnit[unit] = rows
        return rows
    }

    /// Headline rows by selection.
    lazy var headlines: [DashboardSelection: [HeadlineRow]] = Dictionary(
        grouping: model.results.headline, by: { DashboardSelection(windowStart: $0.windowStart, counting: $0.counting) }
    )

    lazy var institutionsByKey: [Key: [InstitutionShareRow]] = Dictionary(
        grouping: model.results.institutions,
        by: { Key(technology: $0.technology, windowStart: $0.windowStart, counting: $0.counting) }
    ).mapValues { $0.sorted { ($0.rank, $0.name) < ($1.rank, $1.name) } }

    lazy var flowsByKey: [Key: [MobilityFlowRow]] = Dictionary(
        grouping: model.results.mobility,
        by: { Key(technology: $0.technology, windowStart: $0.windowStart, counting: .fractional) })

    lazy var gainsByKey: [Key: [MobilityGainRow]] = Dictionary(
        grouping: model.results.mobilityGains,
        by: { Key(technology: $0.technology, windowStart: $0.windowStart, counting: .fractional) })

    /// Whether the analysis read patent data: every patent part of a page depends on it.
    var hasPatents: Bool { model.results.patentData != nil }

    /// The patent summaries by (technology, window, counting).
    lazy var patentSummaries: [Key: PatentSummaryRow] = Dictionary(
        model.results.patentSummaries.map {
            (Key(technology: $0.technology, windowStart: $0.windowStart, counting: $0.counting), $0)
        }, uniquingKeysWith: { first, _ in first })

    /// The patent linkage rows by technology (all windows, countings and units).
    lazy var patentLinkageByTechnology: [String: [PatentLinkageRow]] = Dictionary(
        grouping: model.results.patentLinkage, by: \.technology)

    private var sharesBySelection: [DashboardSelection: [String: [CountryShareRow]]] = [:]

    /// The share rows of a selection by technology, each list by rank then code.
    func shares(_ selection: DashboardSelection) -> [String: [CountryShareRow]] {
        if let cached = sharesBySelection[selection] { return cached }
        let rows = model.results.countryShares.filter {
            $0.windowStart == selection.windowStart && $0.counting == selection.counting
        }
        let grouped = Dictionary(grouping: rows, by: \.technology).mapValues(Self.byRank)
        sharesBySelection[selection] = grouped
        return grouped
    }

    /// A technology's rows of one unit type in a selection, by rank then code.
    func shares(
        _ technology: String, _ selection: DashboardSelection, _ type: UnitType = .country
    )
        -> [CountryShareRow]
    {
        if let cached = sharesBySelection[selection] {
            return (cached[technology] ?? []).filter { $0.unitType == type }
        }
        return Self.byRank(
            rows(technology: technology).filter {
                $0.windowStart == selection.windowStart && $0.counting == selection.counting && $0.unitType == type
            })
    }

    /// The units with a row in the selection, countries (by code) then groups (by name).
    func units(_ selection: DashboardSelection) -> [(code: String, type: UnitType)] {
        var seen: [String: UnitType] = [:]
        for rows in shares(selection).values { for row in rows { seen[row.country] = row.unitType } }
        return seen.map { (code: $0.key, type: $0.value) }
            .sorted { ($0.type == .group ? 1 : 0, $0.code) < ($1.type == .group ? 1 : 0, $1.code) }
    }

    static func byRank(_ rows: [CountryShareRow]) -> [CountryShareRow] {
        rows.sorted {
            ($0.unitType == .group ? 1 : 0, $0.rank, $0.country) < ($1.unitType == .group ? 1 : 0, $1.rank, $1.country)
        }
    }

    /// The countries of the selection by technologies led, then top-5 places, then code.
    func rankedCountries(_ selection: DashboardSelection) -> [HeadlineRow] {
        (headlines[selection] ?? []).filter { $0.unitType == .country }
            .sorted {
                ($1.technologiesLed, $1.technologiesTop5, $0.country) < (
                    $0.technologiesLed, $0.technologiesTop5, $1.country
                )
            }
    }
}
