import TechTrackerCore

/// The dashboard's parts about patent citations (METHOD §10): the headline by patent-cited
/// share on the overview, the leader by patent-cited share in its technology table, a section on
/// each technology page and the patent settings on the method page. Each is empty without
/// patent data, so such pages are exactly as they were.
extension DashboardPages {
    /// The marker of a figure within the patent lag (styled as the other inline markers).
    static let patentLagMarker =
        "<span class=\"low\" title=\"the window ends within \(PatentDataSummary.lagYears) years of the patent "
        + "data's cut-off: patents citing its papers are still to come\">incomplete</span>"

    /// The marker of a leader by patent-cited share that is not the leader by Share.
    static let leadersDifferMarker = "<span class=\"tie\" title=\"not the leader by Share\">≠ Share leader</span>"

    /// Overview: the headline by patent-cited share (for the latest complete window, as the
    /// report states it) and what it means.
    static func patentHeadline(_ index: DashboardIndex, _ selection: DashboardSelection) -> String {
        let window = index.window(selection.windowStart)
        guard
            let line = AnalysisReport.patentHeadline(
                index.model.results, window: window, counting: selection.counting)
        else { return "" }
        return "<p class=\"headline\">" + HTML.escape(line) + "</p><p class=\"note\">"
            + HTML.escape(AnalysisReport.patentMeaning) + "</p>"
    }

    /// Overview: the heat map's header cell of the patent column ("" without patent data).
    static func patentLeaderHeader(_ index: DashboardIndex) -> String {
        index.hasPatents ? "<th scope=\"col\">leader by patent-cited share</th>" : ""
    }

    /// Overview: a technology's leader by patent-cited share, marked when it differs from the
    /// leader by Share and when the window is incomplete ("" without patent data).
    static func patentLeaderCell(
        _ index: DashboardIndex, _ technology: String, _ selection: DashboardSelection, links: DashboardLinks
    ) -> String {
        guard index.hasPatents else { return "" }
        guard let row = index.patentSummary(technology, selection) else { return "<td>–</td>" }
        var cell =
            row.leader.map { HTML.link(links.country($0, selection), $0) + (row.leaderTied ? " " + HTML.tie : "") }
            ?? "–"
        if row.leadersDiffer { cell += " " + leadersDifferMarker }
        if row.incomplete { cell += " " + patentLagMarker }
        return "<td>\(cell)</td>"
    }

    /// Overview: what the patent column's marks mean ("" without patent data).
    static func patentLeaderNote(_ index: DashboardIndex) -> String {
        guard index.hasPatents else { return "" }
        return "<p class=\"note\">Leader by patent-cited share: the country with the largest share of the top-10% "
            + "works that counting patents cite; “≠ Share leader” where it is not the leader by Share; "
            + "“incomplete” where the window is within the patent lag.</p>"
    }

    /// Technology: the leaders by both figures, the countries' patent-cited share beside their
    /// Share, the leaders' patent-cited shares across windows and the leader per window.
    static func patentSection(
        _ index: DashboardIndex, _ technology: DashboardTechnology, _ selection: DashboardSelection,
        links: DashboardLinks
    ) -> String {
        guard index.hasPatents else { return "" }
        let id = technology.id
        let window = index.window(selection.windowStart)
        var out = "<h2>Patent citations</h2>"
        guard let summary = index.patentSummary(id, selection) else {
            return out + "<p>No figures by patent citations in \(window).</p>"
        }
        out += "<p class=\"headline\">" + HTML.escape(AnalysisReport.patentLeaderLine(summary)) + ".</p>"
        if summary.incomplete {
            out +=
                "<p class=\"warning\">Incomplete (patent lag): \(window) ends within "
                + "\(PatentDataSummary.lagYears) years of the patent data's cut-off, and patents cite papers years "
                + "after they appear. Its patent figures will still grow.</p>"
        }
        let bars = index.patentBars(id, selection).flatMap { bar -> [SVGBarChart.Bar] in
            let row = bar.patent
            let share = bar.share.map { share in
                SVGBarChart.Bar(
                    label: "\(row.country) Share", value: share.share, low: share.ciLow, high: share.ciHigh,
                    note: "Share " + HTML.percent(share.share) + " " + HTML.interval(share.ciLow, share.ciHigh),
                    weak: share.lowEvidence)
            }
            let patent = SVGBarChart.Bar(
                label: "\(row.country) patent-cited", value: row.patentCitedShare, low: row.ciLow, high: row.ciHigh,
                // Short enough for the note column; incompleteness is stated once, in the caption.
                note: "cited " + HTML.percent(row.patentCitedShare)
                    + (row.ciLow == nil ? "" : " " + HTML.interval(row.ciLow, row.ciHigh))
                    + " RTI \(HTML.ratio(row.rti))" + (row.lowEvidence ? " low evidence" : ""),
                weak: row.lowEvidence, secondary: true)
            return (share.map { [$0] } ?? []) + [patent]
        }
        out += DashboardDocument.figure(
            SVGBarChart(
                title: "\(technology.name): patent-cited share and Share by country, \(window), with 95% intervals",
                valueAxisLabel: "share of top-10% works (%)", bars: bars, percent: true
            ).render(),
            caption:
                "Per country, its Share (dark bar) and its patent-cited share (green bar: its share of the top-10% "
                + "works that counting patents cite); whiskers: 95% bootstrap stability intervals; RTI = patent-cited "
                + "share / Share. Pale bars: low evidence." + (summary.incomplete ? " Incomplete: patent lag." : ""),
            csv: .patentShares, subject: id, selection, links: links)
        out += patentTable(index.patentBars(id, selection), links: links, selection)

        let (countries, values, incomplete) = index.patentTrend(id, selection)
        out += DashboardDocument.figure(
            SVGLineChart(
                title:
                    "\(technology.name): patent-cited share of \(countries.joined(separator: " and ")) across windows",
                xLabels: index.windows.map { String($0.start) }, xAxisLabel: "window (first year)",
                yAxisLabel: "patent-cited share (%)",
                series: zip(countries, values).map { .init(name: $0, values: $1) }, percent: true,
                shaded: incomplete, shadedLabel: "incomplete: patent lag"
            ).render(),
            caption: "The patent-cited share in every window of the leader by patent-cited share and the leader by "
                + "Share of \(window). Shaded: windows incomplete for patent citations (patent lag).",
            csv: .patentTrend, subject: id, selection, links: links)
        out += patentLeadersTable(index.patentLeaders(id, selection), links: links, selection)
        return out + "<p class=\"note\">" + HTML.escape(AnalysisReport.patentMeaning) + "</p>"
    }

    static func patentTable(
        _ bars: [DashboardIndex.PatentBar], links: DashboardLinks, _ selection: DashboardSelection
    ) -> String {
        HTML.table(
            caption: "Countries by patent-cited share",
            headers: [
                "country", "rank", "patent-cited share", "95% interval", "share", "PC", "patent rate", "RTI", "flags",
            ],
            rows: bars.map { bar in
                let row = bar.patent
                return [
                    HTML.link(links.country(row.country, selection), row.country), String(row.rank),
                    HTML.percent(row.patentCitedShare), HTML.interval(row.ciLow, row.ciHigh),
                    HTML.percent(bar.share?.share), NumberFormatting.decimal(row.pc), HTML.percent(row.patentRate),
                    HTML.ratio(row.rti),
                    [row.lowEvidence ? HTML.lowEvidence : nil, row.incomplete ? patentLagMarker : nil]
                        .compactMap { $0 }.joined(separator: " "),
                ]
            }, numeric: [1, 2, 4, 5, 6, 7])
    }

    static func patentLeadersTable(
        _ rows: [(window: PublicationWindow, summary: PatentSummaryRow?)], links: DashboardLinks,
        _ selection: DashboardSelection
    ) -> String {
        let rows = rows.compactMap { window, summary in summary.map { (window, $0) } }
        guard !rows.isEmpty else { return "" }
        return HTML.table(
            caption: "Leader by patent-cited share per window",
            headers: ["window", "leader by patent-cited share", "patent-cited share", "leader by Share", "flags"],
            rows: rows.map { window, row in
                [
                    HTML.escape(window.description),
                    row.leader.map {
                        HTML.link(links.country($0, selection), $0) + (row.leaderTied ? " " + HTML.tie : "")
                    }
                        ?? "–",
                    HTML.percent(row.leaderPatentCitedShare), HTML.escape(row.leaderByShare ?? "–"),
                    [
                        row.leadersDiffer ? leadersDifferMarker : nil, row.lowEvidence ? HTML.lowEvidence : nil,
                        row.incomplete ? patentLagMarker : nil,
                    ].compactMap { $0 }.joined(separator: " "),
                ]
            }, numeric: [2])
            + (links.csv.map {
                "<p class=\"note\">"
                    + HTML.link($0(.patentLeaders, rows.first?.1.technology, selection), "download CSV")
                    + "</p>"
            } ?? "")
    }

    /// Method: the patent settings as (term, value) pairs; none without patent data.
    static func patentSettings(_ results: AnalysisResults) -> [(String, String)] {
        guard let data = results.patentData else { return [] }
        let files = data.files.map { file in
            "\(file.name) (\(ProgressDisplay.bytes(Int(clamping: file.size))), "
                + "\(NumberFormatting.grouped(file.citations)) citations"
                + (file.latestYear.map { ", latest \($0)" } ?? "") + (file.isSynthetic ? ", SYNTHETIC" : "") + ")"
        }
        var lag = "unknown: every window is incomplete (patent lag)"
        if let cutoff = data.cutoffYear, let last = data.lastCompleteWindowEnd {
            lag = "\(cutoff): windows ending after \(last) are incomplete (patent lag)"
        }
        return [
            ("Patent citations counted", results.settings.patentFilter.summary),
            ("Patent files", files.isEmpty ? "none recorded" : files.joined(separator: "; ")),
            ("Patent cut-off", lag),
            (
                "Patent citations read",
                "\(NumberFormatting.grouped(data.citations)) to the analysed works, "
                    + "\(NumberFormatting.grouped(data.countingCitations)) counting; "
                    + "\(NumberFormatting.grouped(data.citedWorks)) works cited by a counting patent"
            ),
        ]
    }

    /// Method: the definitions of the patent figures; none without patent data.
    static func patentDefinitions(_ results: AnalysisResults) -> [(String, String)] {
        guard results.patentData != nil else { return [] }
        return [
            (
                "Patent-cited share",
                "A country's share of the technology's top-10% works that at least one counting patent cites "
                    + "(PC over the top works cited), beside its Share of all top-10% works."
            ),
            ("PC", "The country's credit in the top-10% works that a counting patent cites."),
            ("Patent rate", "PC divided by P_top: how often the country's top works are cited by patents."),
            (
                "RTI",
                "Patent-cited share divided by Share: above 1, the country's top research is cited by patents more "
                    + "than its Share suggests."
            ),
            (
                "Incomplete (patent lag)",
                "Patents cite papers years after they appear (median about 6), so a window ending within "
                    + "\(PatentDataSummary.lagYears) years of the patent data's cut-off is flagged: its patent "
                    + "figures will still grow."
            ),
            ("What patent citations mean", AnalysisReport.patentMeaning),
        ]
    }
}
