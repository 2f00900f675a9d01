import Foundation
public import TechTrackerCore

/// The report's figures by patent citations (METHOD §10), shown only when the analysis read
/// patent data: the headline by patent-cited share beside the headline, the patent settings
/// beside the settings, and a section on where the leader by patent-cited share differs from
/// the leader by Share. Patent citations lag papers by years, so the latest windows are
/// "incomplete (patent lag)": the headline is stated for the latest complete window and says so.
extension AnalysisReport {
    /// What a patent-cited share means and does not mean, said wherever the figures are shown.
    public static let patentMeaning =
        "Citations by patents are one link between science and invention, not a measure of industrial capability."

    /// The flag of a window or row within the patent lag.
    static let patentLagFlag = "incomplete: patent lag"

    /// The windows with figures by patent citations under `counting`, oldest first.
    static func patentWindows(_ results: AnalysisResults, counting: Counting) -> [PublicationWindow] {
        let windows =
            results.patentSummaries.filter { $0.counting == counting }.map {
                PublicationWindow(start: $0.windowStart, end: $0.windowEnd)
            }
            + results.patentHeadline.filter { $0.counting == counting }.map {
                PublicationWindow(start: $0.windowStart, end: $0.windowEnd)
            }
        return Set(windows).sorted()
    }

    /// Whether `window` is "incomplete (patent lag)": as its stored rows say, or by the rule of
    /// `PatentDataSummary` when it has none.
    static func patentWindowIncomplete(_ results: AnalysisResults, _ window: PublicationWindow) -> Bool {
        let rows = results.patentSummaries.filter { $0.windowStart == window.start && $0.windowEnd == window.end }
        if !rows.isEmpty { return rows.contains(where: \.incomplete) }
        return PatentDataSummary.isIncomplete(windowEnd: window.end, cutoffYear: results.patentData?.cutoffYear)
    }

    /// "By patent-cited share, US leads 40 of 74 technologies in 2015-2019 (fractional counting;
    /// the latest window complete for patent citations); in 2020-2024 CN leads 35 (incomplete:
    /// patent lag)." Nil without patent data.
    ///
    /// When `window` is complete it is the one stated. Otherwise the sentence states the latest
    /// complete window before it, says that it is, and gives `window`'s figure marked
    /// incomplete; when no window is complete, `window`'s figure marked incomplete.
    static func patentHeadline(_ results: AnalysisResults, window: PublicationWindow, counting: Counting) -> String? {
        guard results.patentData != nil else { return nil }
        let windows = patentWindows(results, counting: counting)
        func leader(_ window: PublicationWindow) -> HeadlineRow? {
            results.patentHeadline.filter { $0.unitType == .country && $0.counting == counting && $0.isIn(window) }
                .max { ($0.technologiesLed, $1.country) < ($1.technologiesLed, $0.country) }
        }
        func count(_ window: PublicationWindow) -> Int {
            let rows = results.patentSummaries.filter {
                $0.counting == counting && $0.windowStart == window.start && $0.windowEnd == window.end
            }
            return rows.isEmpty ? technologyCount(results, window: window, counting: counting) : rows.count
        }
        func clause(_ row: HeadlineRow, _ window: PublicationWindow, notes: [String]) -> String {
            let notes = [counting.rawValue + " counting"] + notes + (caveats(row).map { [$0] } ?? [])
            return "\(row.country) leads \(row.technologiesLed) of \(count(window)) technologies in \(window) "
                + "(\(notes.joined(separator: "; ")))"
        }
        let targetIncomplete = patentWindowIncomplete(results, window)
        let complete = windows.last { $0.end <= window.end && !patentWindowIncomplete(results, $0) }
        let prefix = "By patent-cited share, "
        if !targetIncomplete, let now = leader(window) {
            return prefix + clause(now, window, notes: []) + "."
        }
        if let complete, let then = leader(complete) {
            var line = prefix + clause(then, complete, notes: ["the latest window complete for patent citations"])
            if let now = leader(window) {
                line +=
                    "; in \(window) \(now.country) leads \(now.technologiesLed) "
                    + "(\(([patentLagFlag] + (caveats(now).map { [$0] } ?? [])).joined(separator: "; ")))"
            }
            return line + "."
        }
        if let now = leader(window) {
            return prefix + clause(now, window, notes: [patentLagFlag, "no analysed window is complete"]) + "."
        }
        return "By patent-cited share: no leader in \(window)."
    }

    /// The headline by patent-cited share for the latest analysed window (`patentHeadline`), as
    /// `headlineSentence` gives the headline by Share; nil without patent data.
    public static func patentHeadlineSentence(_ results: AnalysisResults, counting: Counting) -> String? {
        guard let latest = analysedWindows(results).last else { return nil }
        return patentHeadline(results, window: latest, counting: counting)
    }

    /// "Patents: patent citations with confidence ≥ 3; files _pcs_oa.csv (1.23 GB, 900 citations);
    /// cut-off 2024: windows ending after 2018 are incomplete (patent lag); …". Nil without
    /// patent data.
    static func patentSettingsLine(_ results: AnalysisResults) -> String? {
        guard let data = results.patentData else { return nil }
        let files =
            data.files.isEmpty
            ? "no file recorded"
            : data.files.map { file in
                "\(file.name) (\(ProgressDisplay.bytes(Int(clamping: file.size))), "
                    + "\(NumberFormatting.grouped(file.citations)) citations"
                    + (file.latestYear.map { ", latest \($0)" } ?? "") + ")"
            }.joined(separator: ", ")
        var lag = "cut-off unknown: every window is incomplete (patent lag)"
        if let cutoff = data.cutoffYear, let last = data.lastCompleteWindowEnd {
            lag = "cut-off \(cutoff): windows ending after \(last) are incomplete (patent lag)"
        }
        return "Patents: \(results.settings.patentFilter.summary); files \(files); \(lag); "
            + "\(NumberFormatting.grouped(data.citations)) citations to the analysed works, "
            + "\(NumberFormatting.grouped(data.countingCitations)) counting, "
            + "\(NumberFormatting.grouped(data.citedWorks)) works cited."
    }

    /// The technologies of `window` whose leader by patent-cited share differs from the leader by
    /// Share, one line each with its flags, then how many agree; with `--technology` its line
    /// whatever it says and its countries by patent-cited share; with `--country` its standing.
    /// Nil without patent data.
    static func patentSection(_ results: AnalysisResults, window: PublicationWindow, selection: Selection) -> String? {
        guard results.patentData != nil else { return nil }
        let counting = selection.counting
        let incomplete = patentWindowIncomplete(results, window)
        let rows = results.patentSummaries.filter {
            $0.counting == counting && $0.windowStart == window.start && $0.windowEnd == window.end
                && (selection.technology == nil || $0.technology == selection.technology)
        }.sorted { $0.technology < $1.technology }
        var out = [
            "\nPatent citations in \(window) (\(counting.rawValue) counting"
                + (incomplete ? "; \(patentLagFlag)" : "")
                + "; patent-cited share = share of the top-10% works that counting patents cite)"
        ]
        if rows.isEmpty {
            out.append("  No figures by patent citations in \(window).")
        }
        for row in rows where row.leadersDiffer || selection.technology != nil {
            out.append("  " + patentLeaderLine(row))
        }
        if selection.technology == nil, !rows.isEmpty {
            let agree = rows.filter { !$0.leadersDiffer && $0.leader != nil }.count
            let uncited = rows.filter { !$0.leadersDiffer && $0.leader == nil }.count
            out.append(
                "  The leaders agree in \(agree) of \(rows.count) technologies"
                    + (uncited > 0
                        ? "; \(uncited) \(uncited == 1 ? "has" : "have") no top-10% work cited by a counting patent"
                        : "") + ".")
        }
        if let technology = selection.technology {
            out.append(patentCountries(results, technology: technology, window: window, counting: counting))
        }
        if let country = selection.country {
            out.append(patentStanding(results, country: country, window: window, counting: counting))
        }
        out.append("  " + patentMeaning)
        return out.joined(separator: "\n")
    }

    /// "in pv CN leads by Share, US by patent-cited share (incomplete: patent lag; low evidence)".
    static func patentLeaderLine(_ row: PatentSummaryRow) -> String {
        let byShare = row.leaderByShare.map { "\($0) leads by Share" } ?? "no country leads by Share"
        let line: String
        switch (row.leader, row.leadersDiffer) {
        case (let leader?, false): line = "\(leader) leads by Share and by patent-cited share"
        case (let leader?, true): line = "\(byShare), \(leader) by patent-cited share"
        case (nil, _): line = "\(byShare); no top-10% work is cited by a counting patent"
        }
        let flags =
            (row.leaderTied && row.leader != nil ? ["tie for first by patent-cited share"] : [])
            + patentFlags(incomplete: row.incomplete, lowEvidence: row.lowEvidence)
        return "in \(row.technology) \(line)" + (flags.isEmpty ? "" : " (\(flags.joined(separator: "; ")))")
    }

    /// The flags of a patent figure: within the patent lag, low evidence.
    static func patentFlags(incomplete: Bool, lowEvidence: Bool) -> [String] {
        [incomplete ? patentLagFlag : nil, lowEvidence ? "low evidence" : nil].compactMap { $0 }
    }

    /// With `--technology`: its countries by patent-cited share beside their Share.
    static func patentCountries(
        _ results: AnalysisResults, technology: String, window: PublicationWindow, counting: Counting
    ) -> String {
        let shares = Dictionary(
            results.countryShares.filter {
                $0.unitType == .country && $0.technology == technology && $0.isIn(window, counting)
            }.map { ($0.country, $0.share) }, uniquingKeysWith: { first, _ in first })
        let rows = results.patentLinkage.filter {
            $0.unitType == .country && $0.technology == technology && $0.counting == counting
                && $0.windowStart == window.start && $0.windowEnd == window.end
        }.sorted { ($0.rank, $0.country) < ($1.rank, $1.country) }.prefix(10)
        var table = TextTable(
            headers: [
                "country", "rank", "patent-cited share [95% interval]", "share", "PC", "patent rate", "RTI", "flags",
            ],
            alignments: [.left, .right, .left, .right, .right, .right, .right, .left])
        for row in rows {
            let interval =
                row.ciLow.flatMap { low in
                    row.ciHigh.map { " [\(NumberFormatting.percent(low))-\(NumberFormatting.percent($0))]" }
                } ?? ""
            table.append([
                row.country, String(row.rank), NumberFormatting.percent(row.patentCitedShare) + interval,
                shares[row.country].map { NumberFormatting.percent($0) } ?? "-", NumberFormatting.decimal(row.pc),
                row.patentRate.map { NumberFormatting.percent($0) } ?? "-", ratio(row.rti),
                patentFlags(incomplete: row.incomplete, lowEvidence: row.lowEvidence).joined(separator: "; "),
            ])
        }
        return "\n  Countries of \(technology) by patent-cited share (RTI = patent-cited share / Share; "
            + "patent rate = PC / P_top)\n" + table.render(indent: "    ")
    }

    /// With `--country`: "US: first by patent-cited share in 3 technologies, top 5 in 7 (…)".
    static func patentStanding(
        _ results: AnalysisResults, country: String, window: PublicationWindow, counting: Counting
    ) -> String {
        guard
            let row = results.patentHeadline.first(where: {
                $0.unitType == .country && $0.country == country && $0.counting == counting && $0.isIn(window)
            })
        else { return "  \(country): no figures by patent-cited share in \(window)." }
        let notes = (caveats(row).map { [$0] } ?? []) + (patentWindowIncomplete(results, window) ? [patentLagFlag] : [])
        return "  \(country): first by patent-cited share in \(row.technologiesLed) "
            + "\(row.technologiesLed == 1 ? "technology" : "technologies"), top 5 in \(row.technologiesTop5)"
            + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))") + "."
    }
}
