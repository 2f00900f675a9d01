import TechTrackerCore

extension DashboardPages {
    static func countryBody(
        _ index: DashboardIndex, _ code: String, _ selection: DashboardSelection, links: DashboardLinks
    ) -> String {
        let window = index.window(selection.windowStart)
        let rows = index.rows(unit: code).filter {
            $0.windowStart == selection.windowStart && $0.counting == selection.counting
        }
        let isGroup = rows.first?.unitType == .group || index.rows(unit: code).first?.unitType == .group
        var out = "<h1>\(HTML.escape(code))\(isGroup ? " (bloc)" : "")</h1>"
        out += "<p>\(window), \(HTML.escape(selection.counting.rawValue)) counting"
        if isGroup, let group = index.model.results.settings.groups.first(where: { $0.name == code }) {
            out += " · members: " + HTML.escape(group.members.map(\.description).joined(separator: ", "))
        }
        out += "</p>"
        if isGroup {
            out +=
                "<p>A bloc is measured as one unit and ranked among groups only; \"first\" below means first "
                + "among groups.</p>"
        }
        func name(_ id: String) -> String { index.technology(id)?.name ?? id }
        let ordered = rows.sorted { ($0.rank, name($0.technology)) < ($1.rank, name($1.technology)) }
        let firsts = ordered.filter(\.isFirst)
        let top5 = ordered.filter(\.isTop5)
        out +=
            "<p class=\"headline\">\(HTML.escape(code)) is first in \(firsts.count) and in the top 5 in \(top5.count) "
            + "of \(AnalysisReport.technologyCount(index.model.results, window: window, counting: selection.counting)) technologies in \(window)"
            + (firsts.contains(where: \.lowEvidence)
                ? " (\(firsts.filter(\.lowEvidence).count) of the first places low evidence)" : "") + ".</p>"

        func table(_ caption: String, _ rows: [CountryShareRow]) -> String {
            guard !rows.isEmpty else { return "<p>\(HTML.escape(caption)): none.</p>" }
            return HTML.table(
                caption: caption, headers: ["technology", "category", "rank", "share", "95% interval", "flags"],
                rows: rows.map { row in
                    [
                        HTML.link(links.technology(row.technology, selection), name(row.technology)),
                        HTML.escape(index.technology(row.technology)?.category ?? ""), String(row.rank),
                        HTML.percent(row.share), HTML.interval(row.ciLow, row.ciHigh), flags(row),
                    ]
                }, numeric: [2, 3])
        }
        out += "<h2>Technologies led</h2>" + table("Technologies where \(code) is first", firsts)
        out += "<h2>Top 5</h2>" + table("Technologies where \(code) is in the top 5", top5)

        let (categories, values) = index.countryTrend(code, selection)
        out += "<h2>Share over time by category</h2>"
        out += DashboardDocument.figure(
            SVGLineChart(
                title: "\(code): mean share of top-10% works per category across windows",
                xLabels: index.windows.map { String($0.start) }, xAxisLabel: "window (first year)",
                yAxisLabel: "mean share (%)",
                series: zip(categories, values).map { .init(name: $0, values: $1.map { Optional($0) }) }, percent: true
            ).render(),
            caption:
                "Per category, the mean of \(code)'s Share over the category's technologies (0 where it has none).",
            csv: .countryTrend, subject: code, selection, links: links)

        out += "<h2>Inwardness</h2><p>The share of citations to \(HTML.escape(code))'s works that come from "
        out += "\(HTML.escape(code)) itself; high values mean its standing rests more on domestic citations.</p>"
        let inward = rows.filter { $0.inwardness != nil }.sorted {
            ($1.inwardness ?? 0, name($0.technology)) < ($0.inwardness ?? 0, name($1.technology))
        }
        if inward.isEmpty {
            out += "<p>No inwardness figures for this selection.</p>"
        } else {
            out += HTML.table(
                caption: "Inwardness per technology", headers: ["technology", "inwardness", "share", "adjusted share"],
                rows: inward.map { row in
                    [
                        HTML.link(links.technology(row.technology, selection), name(row.technology)),
                        HTML.percent(row.inwardness), HTML.percent(row.share), HTML.percent(row.adjustedShare),
                    ]
                }, numeric: [1, 2, 3])
        }
        return out
    }
}
