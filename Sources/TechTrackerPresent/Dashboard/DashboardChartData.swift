import TechTrackerCore

/// The numbers each chart draws, computed once for the page and for its CSV download, so that
/// the download holds exactly what the chart shows.
extension DashboardIndex {
    /// How many countries the overview's line chart follows.
    static let ledChartCountries = 6
    /// How many countries the heat map shows.
    static let heatMapCountries = 10
    /// How many countries the shares chart shows.
    static let sharesChartCountries = 15
    /// How many flows the mobility chart shows.
    static let mobilityChartFlows = 10

    /// Overview: technologies led per window by the countries leading most in the selection.
    func ledPerWindow(_ selection: DashboardSelection) -> (countries: [String], values: [[Int]]) {
        let countries = rankedCountries(selection).filter { $0.technologiesLed > 0 }
            .prefix(Self.ledChartCountries).map(\.country)
        let values = countries.map { country in
            windows.map { window in
                headlines[DashboardSelection(windowStart: window.start, counting: selection.counting)]?
                    .first { $0.unitType == .country && $0.country == country }?.technologiesLed ?? 0
            }
        }
        return (countries, values)
    }

    /// Overview: the heat map's columns (countries) and per technology its shares in them.
    func heatMap(
        _ selection: DashboardSelection
    ) -> (
        countries: [String], rows: [(technology: DashboardTechnology, shares: [CountryShareRow?])]
    ) {
        var countries = rankedCountries(selection).prefix(Self.heatMapCountries).map(\.country)
        let all = shares(selection)
        if countries.isEmpty {
            var totals: [String: Double] = [:]
            for rows in all.values {
                for row in rows where row.unitType == .country { totals[row.country, default: 0] += row.share }
            }
            countries = totals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(Self.heatMapCountries).map(
                \.key)
        }
        let rows = categories.flatMap(\.technologies).map { technology in
            let byCountry = Dictionary(
                (all[technology.id] ?? []).filter { $0.unitType == .country }.map { ($0.country, $0) },
                uniquingKeysWith: { first, _ in first })
            return (technology: technology, shares: countries.map { byCountry[$0] })
        }
        return (countries, rows)
    }

    /// Technology: the top countries' rows of the selection.
    func sharesChart(_ technology: String, _ selection: DashboardSelection) -> [CountryShareRow] {
        Array(shares(technology, selection).prefix(Self.sharesChartCountries))
    }

    /// Technology: the selection's leader and runner-up, their shares in every window.
    func leadTrend(_ technology: String, _ selection: DashboardSelection) -> (countries: [String], values: [[Double?]])
    {
        guard let summary = summary(technology, selection) else { return ([], []) }
        let countries = [summary.leader, summary.runnerUp].compactMap { $0 }
        var byKey: [String: Double] = [:]
        for row in rows(technology: technology)
        where row.counting == selection.counting && row.unitType == .country && countries.contains(row.country) {
            byKey["\(row.windowStart) \(row.country)"] = row.share
        }
        return (countries, countries.map { country in windows.map { byKey["\($0.start) \(country)"] } })
    }

    /// Technology: the top institutions of the selection.
    func institutions(_ technology: String, _ selection: DashboardSelection) -> [InstitutionShareRow] {
        institutionsByKey[Key(technology: technology, windowStart: selection.windowStart, counting: selection.counting)]
            ?? []
    }

    /// Technology: the largest flows of the window, and every country's balance (largest gain first).
    func mobility(
        _ technology: String, _ selection: DashboardSelection
    ) -> (
        flows: [MobilityFlowRow], gains: [MobilityGainRow]
    ) {
        let key = Key(technology: technology, windowStart: selection.windowStart, counting: .fractional)
        let flows = (flowsByKey[key] ?? []).sorted {
            ($1.authors, $0.origin, $0.destination) < ($0.authors, $1.origin, $1.destination)
        }
        let (gainers, losers) = AnalysisReport.gainersAndLosers(gainsByKey[key] ?? [])
        return (Array(flows.prefix(Self.mobilityChartFlows)), gainers + losers.reversed())
    }

    /// Country: per category the mean share of its technologies in every window (a technology
    /// without a row for the unit counts as 0).
    func countryTrend(_ code: String, _ selection: DashboardSelection) -> (categories: [String], values: [[Double]]) {
        var shares: [String: Double] = [:]
        for row in rows(unit: code) where row.counting == selection.counting {
            shares["\(row.windowStart) \(row.technology)"] = row.share
        }
        let categories = self.categories
        let values = categories.map { category in
            windows.map { window in
                let sum = category.technologies.reduce(0.0) { $0 + (shares["\(window.start) \($1.id)"] ?? 0) }
                return category.technologies.isEmpty ? 0 : sum / Double(category.technologies.count)
            }
        }
        return (categories.map(\.name), values)
    }

    /// The CSV of a chart, `nil` for an unknown subject.
    func csv(_ chart: DashboardChart, subject: String?, _ selection: DashboardSelection) -> String? {
        let n = HTML.csvNumber
        switch chart {
        case .ledPerWindow:
            let (countries, values) = ledPerWindow(selection)
            return HTML.csv(
                ["window_start", "window_end", "country", "technologies_led"],
                windows.indices.flatMap { w in
                    countries.indices.map { c in
                        [String(windows[w].start), String(windows[w].end), countries[c], String(values[c][w])]
                    }
                })
        case .heatMap:
            let (countries, rows) = heatMap(selection)
            // With patent data, the leader by patent-cited share beside the leader's columns.
            let patentColumns = hasPatents ? ["patent_cited_leader", "leaders_differ", "patent_incomplete"] : []
            return HTML.csv(
                ["technology", "category", "leader", "lead_ratio", "tmr"] + patentColumns + countries,
                rows.map { row in
                    let summary = summary(row.technology.id, selection)
                    let patent = hasPatents ? patentSummary(row.technology.id, selection) : nil
                    let patentCells =
                        !hasPatents
                        ? []
                        : [
                            patent?.leader ?? "", patent.map { String($0.leadersDiffer) } ?? "",
                            patent.map { String($0.incomplete) } ?? "",
                        ]
                    return [
                        row.technology.id, row.technology.category, summary?.leader ?? "", n(summary?.leadRatio),
                        summary?.tmr ?? "",
                    ] + patentCells + row.shares.map { n($0?.share) }
                })
        case .shares, .leadTrend, .institutions, .mobility:
            guard let technology = subject, technologyByID[technology] != nil else { return nil }
            switch chart {
            case .shares:
                return HTML.csv(
                    ["country", "rank", "share", "ci_low", "ci_high", "p_leader", "low_evidence", "tied"],
                    sharesChart(technology, selection).map {
                        [
                            $0.country, String($0.rank), n($0.share), n($0.ciLow), n($0.ciHigh), n($0.pLeader),
                            String($0.lowEvidence), String($0.tied),
                        ]
                    })
            case .leadTrend:
                let (countries, values) = leadTrend(technology, selection)
                return HTML.csv(
                    ["window_start", "window_end", "country", "share"],
                    windows.indices.flatMap { w in
                        countries.indices.map { c in
                            [String(windows[w].start), String(windows[w].end), countries[c], n(values[c][w])]
                        }
                    })
            case .institutions:
                return HTML.csv(
                    ["rank", "institution", "country", "share", "p_top", "low_evidence"],
                    institutions(technology, selection).map {
                        [String($0.rank), $0.name, $0.country, n($0.share), n($0.pTop), String($0.lowEvidence)]
                    })
            default:
                let (flows, gains) = mobility(technology, selection)
                return HTML.csv(
                    ["kind", "origin", "destination", "authors", "country", "inflow", "outflow", "net_gain"],
                    flows.map { ["flow", $0.origin, $0.destination, String($0.authors), "", "", "", ""] }
                        + gains.map {
                            [
                                "balance", "", "", "", $0.country, String($0.inflow), String($0.outflow),
                                String($0.netGain),
                            ]
                        })
            }
        case .patentShares, .patentTrend, .patentLeaders:
            return patentCSV(chart, subject: subject, selection)
        case .countryTrend:
            guard let code = subject, !rows(unit: code).isEmpty else { return nil }
            let (categories, values) = countryTrend(code, selection)
            return HTML.csv(
                ["category", "window_start", "window_end", "mean_share"],
                categories.indices.flatMap { c in
                    windows.indices.map { w in
                        [categories[c], String(windows[w].start), String(windows[w].end), n(values[c][w])]
                    }
                })
        }
    }
}
