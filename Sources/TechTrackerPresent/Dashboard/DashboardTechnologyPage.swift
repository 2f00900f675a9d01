import TechTrackerCore

extension DashboardPages {
    static func technologyBody(
        _ index: DashboardIndex, _ technology: DashboardTechnology, _ selection: DashboardSelection,
        links: DashboardLinks
    ) -> String {
        let id = technology.id
        let window = index.window(selection.windowStart)
        let summary = index.summary(id, selection)
        var out = "<h1>\(HTML.escape(technology.name))</h1>"
        out +=
            "<p>Category: <strong>\(HTML.escape(technology.category))</strong> · \(window), "
            + "\(HTML.escape(selection.counting.rawValue)) counting</p>"
        if !technology.scope.isEmpty { out += "<p class=\"scope\">\(HTML.escape(technology.scope))</p>" }
        if !technology.query.isEmpty {
            out += "<details><summary>Query</summary><pre>\(HTML.escape(technology.query))</pre></details>"
        }
        guard let summary else { return out + "<p>No figures for this technology in \(window).</p>" }
        out += "<p class=\"headline\">" + summaryLine(summary, links: links, selection) + "</p>"
        if summary.lowEvidence {
            out +=
                "<p class=\"warning\">Low evidence: this technology has fewer than 100 works in \(window), or its "
                + "leader's P_top is below 5. Read the first place with care.</p>"
        }

        let rows = index.sharesChart(id, selection)
        let bars = rows.map { row in
            SVGBarChart.Bar(
                label: row.country, value: row.share, low: row.ciLow, high: row.ciHigh,
                note: HTML.percent(row.share) + (row.ciLow == nil ? "" : " " + HTML.interval(row.ciLow, row.ciHigh))
                    + (row.pLeader.map { " P(leader) " + HTML.probability($0) } ?? "")
                    + (row.lowEvidence ? " low evidence" : "") + (row.tied ? " tie" : ""),
                weak: row.lowEvidence)
        }
        out += "<h2>Country shares</h2>"
        out += DashboardDocument.figure(
            SVGBarChart(
                title: "\(technology.name): share of top-10% works by country, \(window), with 95% intervals",
                valueAxisLabel: "share of top-10% works (%)", bars: bars, percent: true
            ).render(),
            caption: "Bars: Share; whiskers: 95% bootstrap stability interval; P(leader): how often the country "
                + "came first across the bootstrap draws. Pale bars: low evidence.",
            csv: .shares, subject: id, selection, links: links)
        out += sharesTable(rows, links: links, selection)
        out += rankingsSideBySide(index.shares(id, selection), links: links, selection)
        out += groupsTable(index.shares(id, selection, .group), links: links, selection)

        let (leaders, trend) = index.leadTrend(id, selection)
        out += "<h2>Leader and runner-up across windows</h2>"
        out += DashboardDocument.figure(
            SVGLineChart(
                title: "\(technology.name): share of \(leaders.joined(separator: " and ")) across windows",
                xLabels: index.windows.map { String($0.start) },
                xAxisLabel: "window (first year)", yAxisLabel: "share of top-10% works (%)",
                series: zip(leaders, trend).map { .init(name: $0, values: $1) }, percent: true
            ).render(),
            caption: "The shares in every window of the leader and the runner-up of \(window).",
            csv: .leadTrend, subject: id, selection, links: links)
        out += patentSection(index, technology, selection, links: links)

        out +=
            "<h2>Top institutions</h2>" + institutionsTable(index.institutions(id, selection), selection, links: links)
        out += mobilitySection(index, id, selection, links: links)
        return out
    }

    /// "CN leads with 25.0% [12.5–25.0%]; runner-up US 20.0%; lead ratio 1.25; high risk."
    static func summaryLine(
        _ summary: TechnologySummaryRow, links: DashboardLinks, _ selection: DashboardSelection
    )
        -> String
    {
        guard let leader = summary.leader else { return "No leader: no country has a top-10% work here." }
        var line =
            HTML.link(links.country(leader, selection), leader) + (summary.leaderTied ? " (tie)" : "") + " leads with "
            + HTML.percent(summary.leaderShare)
        if let runnerUp = summary.runnerUp {
            line += "; runner-up " + HTML.escape(runnerUp) + " " + HTML.percent(summary.runnerUpShare)
        }
        line +=
            "; lead ratio \(HTML.ratio(summary.leadRatio)); \(summary.leaderInstitutionsInTop10) of the top-10 "
            + "institutions in the leader's country; " + HTML.riskBadge(summary.tmr)
        if let adjusted = summary.adjustedLeader, adjusted != leader {
            line += "; domestic-citation adjusted leader " + HTML.escape(adjusted)
        }
        if let whole = summary.wholeCountingLeader, whole != leader {
            line += "; whole-counting leader " + HTML.escape(whole)
        }
        return line + ". Works: \(NumberFormatting.grouped(summary.works))."
    }

    static func flags(_ row: CountryShareRow) -> String {
        [row.tied ? HTML.tie : nil, row.lowEvidence ? HTML.lowEvidence : nil].compactMap { $0 }.joined(separator: " ")
    }

    static func sharesTable(_ rows: [CountryShareRow], links: DashboardLinks, _ selection: DashboardSelection) -> String
    {
        HTML.table(
            caption: "Country shares (top \(rows.count))",
            headers: ["country", "rank", "share", "95% interval", "P(leader)", "P_top", "H-index", "flags"],
            rows: rows.map { row in
                [
                    HTML.link(links.country(row.country, selection), row.country), String(row.rank),
                    HTML.percent(row.share), HTML.interval(row.ciLow, row.ciHigh), HTML.probability(row.pLeader),
                    NumberFormatting.decimal(row.pTop), String(row.hIndex), flags(row),
                ]
            }, numeric: [1, 2, 4, 5, 6])
    }

    /// The plain ranking beside the domestic-citation adjusted one.
    static func rankingsSideBySide(
        _ rows: [CountryShareRow], links: DashboardLinks, _ selection: DashboardSelection
    )
        -> String
    {
        let plain = rows.prefix(DashboardIndex.sharesChartCountries)
        let adjusted = rows.sorted { ($0.adjustedRank, $0.country) < ($1.adjustedRank, $1.country) }
            .prefix(DashboardIndex.sharesChartCountries)
        return "<h2>Plain and domestic-citation adjusted ranking</h2><div class=\"side\">"
            + HTML.table(
                caption: "Plain", headers: ["rank", "country", "share"],
                rows: plain.map { [String($0.rank), HTML.escape($0.country), HTML.percent($0.share)] }, numeric: [0, 2])
            + HTML.table(
                caption: "Domestic-citation adjusted", headers: ["rank", "country", "adjusted share", "change"],
                rows: adjusted.map { row in
                    let change = row.rank - row.adjustedRank
                    return [
                        String(row.adjustedRank), HTML.escape(row.country), HTML.percent(row.adjustedShare),
                        change == 0 ? "=" : (change > 0 ? "▲ \(change)" : "▼ \(-change)"),
                    ]
                }, numeric: [0, 2])
            + "</div>"
    }

    static func groupsTable(_ rows: [CountryShareRow], links: DashboardLinks, _ selection: DashboardSelection) -> String
    {
        guard !rows.isEmpty else { return "" }
        return HTML.table(
            caption: "Blocs (ranked among groups only)",
            headers: [
                "group", "rank among groups", "share", "ratio to best non-member", "rank among countries", "flags",
            ],
            rows: rows.map { row in
                [
                    HTML.link(links.country(row.country, selection), row.country), String(row.rank),
                    HTML.percent(row.share), HTML.ratio(row.ratioToBestOutside),
                    row.rankAmongCountries.map(String.init) ?? "–", flags(row),
                ]
            }, numeric: [1, 2, 3, 4])
    }

    static func institutionsTable(
        _ rows: [InstitutionShareRow], _ selection: DashboardSelection, links: DashboardLinks
    )
        -> String
    {
        guard !rows.isEmpty else { return "<p>No institution figures.</p>" }
        let subject = rows.first?.technology
        return HTML.table(
            caption: "Top \(rows.count) institutions",
            headers: ["rank", "institution", "country", "share", "P_top", "flags"],
            rows: rows.map { row in
                [
                    String(row.rank), HTML.escape(row.name),
                    HTML.link(links.country(row.country, selection), row.country),
                    HTML.percent(row.share), NumberFormatting.decimal(row.pTop),
                    row.lowEvidence ? HTML.lowEvidence : "",
                ]
            }, numeric: [0, 3, 4])
            + (links.csv.map {
                "<p class=\"note\">" + HTML.link($0(.institutions, subject, selection), "download CSV") + "</p>"
            }
                ?? "")
    }

    static func mobilitySection(
        _ index: DashboardIndex, _ id: String, _ selection: DashboardSelection, links: DashboardLinks
    ) -> String {
        let (flows, gains) = index.mobility(id, selection)
        var out = "<h2>Researcher mobility</h2>"
        guard !flows.isEmpty || !gains.isEmpty else {
            return out + "<p>No author of a top-10% work moved between countries in this window.</p>"
        }
        let chart = SVGBarChart(
            title: "Largest flows of authors of top-10% works, origin to destination",
            valueAxisLabel: "authors",
            bars: flows.map {
                .init(
                    label: "\($0.origin) → \($0.destination)", value: Double($0.authors),
                    note: "\($0.authors) authors" + ($0.lowEvidence ? " low evidence" : ""), weak: $0.lowEvidence)
            }, percent: false)
        out += DashboardDocument.figure(
            chart.render(),
            caption: "Flows come from publication records (an author's first dated affiliation → the affiliation on "
                + "a top-10% work), not from education or employment histories.",
            csv: .mobility, subject: id, selection, links: links)
        out += HTML.table(
            caption: "Net gains and losses of researchers",
            headers: ["country", "net gain", "inflow", "outflow", "flags"],
            rows: gains.map { row in
                [
                    HTML.link(links.country(row.country, selection), row.country), AnalysisReport.signed(row.netGain),
                    String(row.inflow), String(row.outflow), row.lowEvidence ? HTML.lowEvidence : "",
                ]
            }, numeric: [1, 2, 3])
        return out
    }
}
