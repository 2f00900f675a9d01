import TechTrackerCore

/// The researcher-mobility section of the report (METHOD §8).
extension AnalysisReport {
    /// How many gainers and losers a technology's mobility lists.
    static let mobilityListLength = 5

    /// With `--technology`: its top gainers and losers of researchers in the window; with
    /// `--country`: the country's balance summed over technologies. Nil without either, since
    /// 74 technologies × every country is a table for the export, not the terminal.
    static func mobilitySection(_ results: AnalysisResults, window: PublicationWindow, selection: Selection) -> String?
    {
        guard selection.technology != nil || selection.country != nil else { return nil }
        let rows = results.mobilityGains.filter { $0.windowStart == window.start && $0.windowEnd == window.end }
        var out = ["\nResearcher mobility in \(window)" + (selection.technology.map { " (\($0))" } ?? "")]
        if let technology = selection.technology {
            let (gainers, losers) = gainersAndLosers(rows.filter { $0.technology == technology })
            if gainers.isEmpty && losers.isEmpty {
                out.append("  No author of a top-10% work moved between countries in \(technology).")
            }
            if !gainers.isEmpty { out.append("  Largest net gains\n" + mobilityTable(gainers)) }
            if !losers.isEmpty { out.append("  Largest net losses\n" + mobilityTable(losers)) }
        }
        if let country = selection.country {
            out.append(countryBalance(rows.filter { $0.country == country }, country: country, window: window))
        }
        out.append(
            "  Flows come from publication records (an author's first dated affiliation → the affiliation on a "
                + "top-10% work), not from education or employment histories.")
        return out.joined(separator: "\n")
    }

    /// The top gainers (largest net gain first) and losers (largest loss first), ties by country
    /// code so that equal balances always list in the same order; a net gain of 0 is neither.
    static func gainersAndLosers(_ rows: [MobilityGainRow]) -> (gainers: [MobilityGainRow], losers: [MobilityGainRow]) {
        let gainers = rows.filter { $0.netGain > 0 }.sorted { ($1.netGain, $0.country) < ($0.netGain, $1.country) }
        let losers = rows.filter { $0.netGain < 0 }.sorted { ($0.netGain, $0.country) < ($1.netGain, $1.country) }
        return (Array(gainers.prefix(mobilityListLength)), Array(losers.prefix(mobilityListLength)))
    }

    static func mobilityTable(_ rows: [MobilityGainRow]) -> String {
        var table = TextTable(
            headers: ["country", "net gain", "inflow", "outflow", "flags"],
            alignments: [.left, .right, .right, .right, .left])
        for row in rows {
            table.append([
                row.country, signed(row.netGain), String(row.inflow), String(row.outflow),
                row.lowEvidence ? "low evidence" : "",
            ])
        }
        return table.render(indent: "    ")
    }

    /// "US: net gain +37 over 12 technologies in 2020-2024 …; most in a (+9), least in b (-4)."
    /// The sum counts an author once per technology they publish in, so it is a balance of
    /// moves across technologies, not a head count; the line says so.
    static func countryBalance(_ rows: [MobilityGainRow], country: String, window: PublicationWindow) -> String {
        guard let best = rows.max(by: { ($0.netGain, $1.technology) < ($1.netGain, $0.technology) }),
            let worst = rows.min(by: { ($0.netGain, $0.technology) < ($1.netGain, $1.technology) })
        else {
            return "  \(country): no recorded moves of authors of top-10% works in \(window)."
        }
        let total = rows.reduce(0) { $0 + $1.netGain }
        let low = rows.filter(\.lowEvidence).count
        var line =
            "  \(country): net gain \(signed(total)) summed over \(rows.count) "
            + "\(rows.count == 1 ? "technology" : "technologies")"
            + " in \(window) (an author counts in each technology"
            + (low > 0 ? "; \(low) of the technologies low evidence" : "") + ")"
        line +=
            rows.count == 1
            ? "."
            : "; most in \(best.technology) (\(signed(best.netGain))), "
                + "least in \(worst.technology) (\(signed(worst.netGain)))."
        return line
    }

    /// `+3`, `-2`, `0`: a balance reads as a direction.
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }
}
