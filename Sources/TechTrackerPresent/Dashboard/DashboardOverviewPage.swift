import TechTrackerCore

/// A technology whose leader in the selected window took the lead after another unit led.
struct LeadChange: Equatable {
    var technology: String
    /// The leader of the window before the new leader's run (nil: no leader then).
    var previous: String?
    var leader: String
    /// The first window of the new leader's unbroken run up to the selected window.
    var since: PublicationWindow
}

/// A technology whose lead ratio fell in each of the last three windows.
struct ClosingIn {
    var summary: TechnologySummaryRow
    var ratios: [(PublicationWindow, Double)]
}

extension DashboardIndex {
    /// The windows up to the selected one.
    func windows(upTo selection: DashboardSelection) -> [PublicationWindow] {
        windows.filter { $0.start <= selection.windowStart }
    }

    /// Technologies whose leader changed: the selected window's leader, since when it leads
    /// without a break, and who led before.
    func changesOfLead(_ selection: DashboardSelection) -> [LeadChange] {
        let windows = windows(upTo: selection)
        return technologies.compactMap { technology in
            let leaders = windows.map { window in
                summaries[Key(technology: technology.id, windowStart: window.start, counting: selection.counting)]?
                    .leader
            }
            guard let last = leaders.last, let leader = last else { return nil }
            var first = leaders.count - 1
            while first > 0 && leaders[first - 1] == leader { first -= 1 }
            guard first > 0 else { return nil }
            return LeadChange(
                technology: technology.id, previous: leaders[first - 1], leader: leader, since: windows[first])
        }
    }

    /// Technologies whose lead ratio fell from window to window over the last three up to the selection.
    func closingIn(_ selection: DashboardSelection) -> [ClosingIn] {
        let windows = Array(windows(upTo: selection).suffix(3))
        guard windows.count == 3 else { return [] }
        return technologies.compactMap { technology in
            let rows = windows.map {
                summaries[Key(technology: technology.id, windowStart: $0.start, counting: selection.counting)]
            }
            let ratios = rows.compactMap { $0?.leadRatio }.filter(\.isFinite)
            guard ratios.count == 3, ratios[0] > ratios[1], ratios[1] > ratios[2], let summary = rows[2] else {
                return nil
            }
            return ClosingIn(summary: summary, ratios: Array(zip(windows, ratios)))
        }
    }
}

extension DashboardPages {
    static func overviewBody(_ index: DashboardIndex, _ selection: DashboardSelection, links: DashboardLinks) -> String
    {
        let results = index.model.results
        let window = index.window(selection.windowStart)
        var out = "<h1>Who leads research in critical technologies</h1>"
        out +=
            "<p class=\"headline\">"
            + HTML.escape(
                AnalysisReport.headline(results, windows: index.windows, window: window, counting: selection.counting))
            + "</p>"
        out += patentHeadline(index, selection)
        for line in AnalysisReport.groupHeadlines(results, window: window, counting: selection.counting) {
            out += "<p class=\"headline\">" + HTML.escape(line) + "</p>"
        }
        out +=
            "<p>Share = a country's share of the technology's top-10% most-cited works in the window "
            + "(\(HTML.escape(selection.counting.rawValue)) counting). See " + HTML.link(links.method(), "Method")
            + " for every definition.</p>"

        let (countries, values) = index.ledPerWindow(selection)
        let chart = SVGLineChart(
            title: "Technologies led per window by the \(countries.count) countries leading most in \(window)",
            xLabels: index.windows.map { String($0.start) },
            xAxisLabel: "window (first year of \(results.settings.windowLength)-year window)",
            yAxisLabel: "technologies led",
            series: zip(countries, values).map { .init(name: $0, values: $1.map(Double.init)) },
            percent: false)
        out += "<h2>Technologies led per window</h2>"
        out += DashboardDocument.figure(
            chart.render(), caption: "Technologies where each country is first (rank 1, Share above 0), per window.",
            csv: .ledPerWindow, subject: nil, selection, links: links)

        out += "<div class=\"side\">" + countriesTable(index, selection, links: links)
        if let blocs = blocsTable(index, selection, links: links) { out += blocs }
        out += "</div>"
        out += heatMapTable(index, selection, links: links)
        out += changesTable(index, selection, links: links)
        out += closingInTable(index, selection, links: links)
        return out
    }

    static func countriesTable(
        _ index: DashboardIndex, _ selection: DashboardSelection, links: DashboardLinks
    )
        -> String
    {
        let rows = index.rankedCountries(selection).prefix(15).map { row in
            [
                HTML.link(links.country(row.country, selection), row.country),
                HTML.escape(
                    AnalysisReport.count(row.technologiesLed, lowEvidence: row.ledLowEvidence, tied: row.ledTied)),
                String(row.technologiesTop5),
            ]
        }
        return HTML.table(
            caption: "Countries: technologies led and in the top 5", headers: ["country", "led", "top 5"],
            rows: Array(rows), numeric: [1, 2])
    }

    /// The groups measured as one unit, never mixed into the country ranking; nil without groups.
    static func blocsTable(_ index: DashboardIndex, _ selection: DashboardSelection, links: DashboardLinks) -> String? {
        let headlines = (index.headlines[selection] ?? []).filter { $0.unitType == .group }
        var firsts: [String: Int] = [:]
        for rows in index.shares(selection).values {
            for row in rows where row.unitType == .group { firsts[row.country, default: 0] += row.isFirst ? 1 : 0 }
        }
        let names = Set(firsts.keys).union(headlines.map(\.country)).sorted()
        guard !names.isEmpty else { return nil }
        let rows = names.map { name in
            let headline = headlines.first { $0.country == name }
            return [
                HTML.link(links.country(name, selection), name),
                headline.map {
                    HTML.escape(
                        AnalysisReport.count($0.technologiesLed, lowEvidence: $0.ledLowEvidence, tied: $0.ledTied))
                } ?? "–",
                String(firsts[name] ?? 0),
            ]
        }
        return HTML.table(
            caption: "Blocs (each measured as one unit)",
            headers: ["group", "leads every non-member in", "first among groups in"], rows: rows, numeric: [1, 2])
    }

    static func heatMapTable(_ index: DashboardIndex, _ selection: DashboardSelection, links: DashboardLinks) -> String
    {
        let (countries, rows) = index.heatMap(selection)
        let maximum = rows.flatMap { $0.shares.compactMap { $0?.share } }.max() ?? 0
        var out =
            "<h2>Shares by technology</h2><p>Cells: the country's Share (colour from 0 <span class=\"legend-scale\" "
            + "aria-hidden=\"true\"></span> \(HTML.percent(maximum))); the number is printed in every cell.</p>"
        out +=
            "<table class=\"heat\"><caption>Share of each technology's top-10% works, \(index.window(selection.windowStart))"
            + "</caption><thead><tr><th scope=\"col\">technology</th><th scope=\"col\">leader</th>"
            + patentLeaderHeader(index)
            + "<th scope=\"col\" class=\"num\">lead ratio</th><th scope=\"col\">monopoly risk</th>"
        for country in countries { out += "<th scope=\"col\" class=\"num\">\(HTML.escape(country))</th>" }
        out += "</tr></thead><tbody>"
        var category: String?
        for row in rows {
            if row.technology.category != category {
                category = row.technology.category
                out +=
                    "<tr><th scope=\"colgroup\" class=\"category\" "
                    + "colspan=\"\(countries.count + (index.hasPatents ? 5 : 4))\">"
                    + HTML.escape(row.technology.category) + "</th></tr>"
            }
            let summary = index.summary(row.technology.id, selection)
            let leader =
                summary?.leader.map { leader in
                    HTML.link(links.country(leader, selection), leader)
                        + (summary?.leaderTied == true ? " " + HTML.tie : "")
                } ?? "–"
            out +=
                "<tr><th scope=\"row\">"
                + HTML.link(links.technology(row.technology.id, selection), row.technology.name)
                + (summary?.lowEvidence == true ? " " + HTML.lowEvidence : "") + "</th><td>\(leader)</td>"
                + patentLeaderCell(index, row.technology.id, selection, links: links)
                + "<td class=\"num\">\(HTML.ratio(summary?.leadRatio))</td><td>"
                + (summary.map { HTML.riskBadge($0.tmr) } ?? "–") + "</td>"
            for share in row.shares {
                guard let share else {
                    out += "<td class=\"heat\">–</td>"
                    continue
                }
                let t = maximum > 0 ? share.share / maximum : 0
                out +=
                    "<td class=\"heat\" style=\"background:\(Viridis.color(t));color:\(Viridis.textColor(t))\""
                    + (share.lowEvidence ? " title=\"low evidence\"" : "") + ">"
                    + HTML.percent(share.share) + (share.lowEvidence ? "†" : "") + "</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table><p class=\"note\">† low evidence (fewer than 100 works or P_top below 5).</p>"
        out += patentLeaderNote(index)
        if let csv = links.csv {
            out += "<p class=\"note\">" + HTML.link(csv(.heatMap, nil, selection), "download CSV") + "</p>"
        }
        return out
    }

    static func changesTable(_ index: DashboardIndex, _ selection: DashboardSelection, links: DashboardLinks) -> String
    {
        let changes = index.changesOfLead(selection)
        var out = "<h2>Changes of lead</h2>"
        guard !changes.isEmpty else { return out + "<p>No technology changed leader up to this window.</p>" }
        out += HTML.table(
            caption: "Technologies whose leader changed",
            headers: ["technology", "led before by", "new leader", "leads since"],
            rows: changes.map { change in
                [
                    HTML.link(
                        links.technology(change.technology, selection),
                        index.technology(change.technology)?.name ?? change.technology),
                    change.previous.map { HTML.escape($0) } ?? "no leader",
                    HTML.link(links.country(change.leader, selection), change.leader),
                    change.since.description,
                ]
            })
        return out
    }

    static func closingInTable(
        _ index: DashboardIndex, _ selection: DashboardSelection, links: DashboardLinks
    )
        -> String
    {
        let rows = index.closingIn(selection)
        var out = "<h2>Runner-up closing in</h2>"
        guard !rows.isEmpty else { return out + "<p>No lead ratio fell over each of the last three windows.</p>" }
        out += HTML.table(
            caption: "Lead ratio falling over the last three windows",
            headers: ["technology", "leader", "runner-up"] + rows[0].ratios.map { "ratio \($0.0)" },
            rows: rows.map { row in
                [
                    HTML.link(links.technology(row.summary.technology, selection), row.summary.name),
                    HTML.escape(row.summary.leader ?? "–"), HTML.escape(row.summary.runnerUp ?? "–"),
                ] + row.ratios.map { HTML.ratio($0.1) }
            }, numeric: [3, 4, 5])
        return out
    }
}
