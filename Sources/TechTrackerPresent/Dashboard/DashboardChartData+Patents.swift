import TechTrackerCore

/// The numbers of the patent charts (METHOD §10), for the page and its CSV downloads alike.
/// Every one is empty without patent data.
extension DashboardIndex {
    /// A country's patent row of a selection beside its Share row (nil when it has none).
    struct PatentBar {
        var patent: PatentLinkageRow
        var share: CountryShareRow?
    }

    /// Technology: its summary by patent citations in the selection.
    func patentSummary(_ technology: String, _ selection: DashboardSelection) -> PatentSummaryRow? {
        patentSummaries[Key(technology: technology, windowStart: selection.windowStart, counting: selection.counting)]
    }

    /// Whether the window starting in `start` is "incomplete (patent lag)" under `counting`: as
    /// the technology's stored summary says, else as the analysis's rows for the window say.
    func patentIncomplete(_ technology: String, windowStart start: Int, _ counting: Counting) -> Bool {
        if let row = patentSummaries[Key(technology: technology, windowStart: start, counting: counting)] {
            return row.incomplete
        }
        return AnalysisReport.patentWindowIncomplete(model.results, window(start))
    }

    /// How many countries the patent chart shows (two bars each).
    static let patentChartCountries = 10

    /// Technology: the countries by patent-cited share in the selection (the first
    /// `patentChartCountries` by rank), each with its Share row.
    func patentBars(_ technology: String, _ selection: DashboardSelection) -> [PatentBar] {
        let shares = Dictionary(
            shares(technology, selection).map { ($0.country, $0) }, uniquingKeysWith: { first, _ in first })
        return (patentLinkageByTechnology[technology] ?? []).filter {
            $0.unitType == .country && $0.windowStart == selection.windowStart && $0.counting == selection.counting
        }
        .sorted { ($0.rank, $0.country) < ($1.rank, $1.country) }
        .prefix(Self.patentChartCountries)
        .map { PatentBar(patent: $0, share: shares[$0.country]) }
    }

    /// Technology: across every window, the patent-cited shares of the selection's leader by
    /// patent-cited share and of its leader by Share (one line when they are the same), and
    /// which windows are incomplete.
    func patentTrend(
        _ technology: String, _ selection: DashboardSelection
    ) -> (countries: [String], values: [[Double?]], incomplete: [Bool]) {
        let summary = patentSummary(technology, selection)
        var countries: [String] = []
        for country in [summary?.leader, summary?.leaderByShare].compactMap({ $0 }) where !countries.contains(country) {
            countries.append(country)
        }
        var byKey: [String: Double] = [:]
        for row in patentLinkageByTechnology[technology] ?? []
        where row.counting == selection.counting && row.unitType == .country && countries.contains(row.country) {
            byKey["\(row.windowStart) \(row.country)"] = row.patentCitedShare
        }
        return (
            countries, countries.map { country in windows.map { byKey["\($0.start) \(country)"] } },
            windows.map { patentIncomplete(technology, windowStart: $0.start, selection.counting) }
        )
    }

    /// Technology: per window its summary by patent citations (nil where it has none).
    func patentLeaders(
        _ technology: String, _ selection: DashboardSelection
    ) -> [(window: PublicationWindow, summary: PatentSummaryRow?)] {
        windows.map { window in
            (
                window,
                patentSummaries[Key(technology: technology, windowStart: window.start, counting: selection.counting)]
            )
        }
    }

    /// The CSV of a patent chart; nil without patent data or for an unknown technology.
    func patentCSV(_ chart: DashboardChart, subject: String?, _ selection: DashboardSelection) -> String? {
        guard hasPatents, let technology = subject, technologyByID[technology] != nil else { return nil }
        let n = HTML.csvNumber
        switch chart {
        case .patentShares:
            return HTML.csv(
                [
                    "country", "rank", "patent_cited_share", "ci_low", "ci_high", "share", "share_ci_low",
                    "share_ci_high", "pc", "patent_rate", "rti", "incomplete", "low_evidence",
                ],
                patentBars(technology, selection).map { bar in
                    let row = bar.patent
                    return [
                        row.country, String(row.rank), n(row.patentCitedShare), n(row.ciLow), n(row.ciHigh),
                        n(bar.share?.share), n(bar.share?.ciLow), n(bar.share?.ciHigh), n(row.pc), n(row.patentRate),
                        n(row.rti), String(row.incomplete), String(row.lowEvidence),
                    ]
                })
        case .patentTrend:
            let (countries, values, incomplete) = patentTrend(technology, selection)
            return HTML.csv(
                ["window_start", "window_end", "country", "patent_cited_share", "incomplete"],
                windows.indices.flatMap { w in
                    countries.indices.map { c in
                        [
                            String(windows[w].start), String(windows[w].end), countries[c], n(values[c][w]),
                            String(incomplete[w]),
                        ]
                    }
                })
        case .patentLeaders:
            return HTML.csv(
                [
                    "window_start", "window_end", "leader", "leader_patent_cited_share", "leader_tied",
                    "leader_by_share", "leaders_differ", "incomplete", "low_evidence",
                ],
                patentLeaders(technology, selection).compactMap { window, summary in
                    summary.map {
                        [
                            String(window.start), String(window.end), $0.leader ?? "", n($0.leaderPatentCitedShare),
                            String($0.leaderTied), $0.leaderByShare ?? "", String($0.leadersDiffer),
                            String($0.incomplete), String($0.lowEvidence),
                        ]
                    }
                })
        default:
            return nil
        }
    }
}
