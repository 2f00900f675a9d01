import TechTrackerCore

/// `techtracker report`: the headline first, then per technology the leader with its share
/// and stability interval, the runner-up, lead ratio, monopoly risk, P(leader) and flags,
/// then per country its first places and top-5s (METHOD §5, §9).
public enum AnalysisReport {
    /// What to show.
    public struct Selection: Sendable {
        /// The window of the tables (default: the latest analysed).
        public var window: PublicationWindow?
        /// Only this technology.
        public var technology: String?
        /// Only this country in the country section.
        public var country: String?
        /// The counting of the tables.
        public var counting = Counting.fractional

        /// Everything, fractional counting, latest window.
        public init() {}
    }

    /// Renders the report.
    public static func render(_ results: AnalysisResults, selection: Selection) -> String {
        var out: [String] = []
        if results.synthetic { out.append(Banner.synthetic) }
        let windows = Set(results.technologySummaries.map { PublicationWindow(start: $0.windowStart, end: $0.windowEnd) }).sorted()
        guard let latest = windows.last else { return "No figures: run `techtracker analyze` first." }
        let window = selection.window ?? latest
        let counting = selection.counting
        out.append(headline(results, windows: windows, window: window, counting: counting))
        out.append("Settings: \(results.settings.summary); taxonomy hash \(results.taxonomyHash).")

        let summaries = results.technologySummaries.filter {
            $0.windowStart == window.start && $0.windowEnd == window.end && $0.counting == counting
                && (selection.technology == nil || $0.technology == selection.technology)
        }
        let shares = Dictionary(grouping: results.countryShares.filter {
            $0.windowStart == window.start && $0.windowEnd == window.end && $0.counting == counting
        }, by: \.technology)
        let first = windows.first ?? window
        var table = TextTable(headers: ["technology", "works", "leader", "share [95% interval]", "runner-up", "ratio", "TMR", "P(leader)",
                                        "leader's share \(first)", "flags"],
                              alignments: [.left, .right, .left, .left, .left, .right, .left, .right, .right, .left])
        // METHOD §9: the trend of the leader's share, from the first window analysed.
        var earlyShares: [String: Double] = [:]
        for row in results.countryShares where row.windowStart == first.start && row.windowEnd == first.end && row.counting == counting {
            earlyShares[row.technology + " " + row.country] = row.share
        }
        for summary in summaries {
            let leaderRow = shares[summary.technology]?.first { $0.country == summary.leader }
            let share = summary.leaderShare.map { NumberFormatting.percent($0) } ?? "-"
            let interval = leaderRow.flatMap { row in
                row.ciLow.flatMap { low in row.ciHigh.map { " [\(NumberFormatting.percent(low))-\(NumberFormatting.percent($0))]" } }
            } ?? ""
            var flags: [String] = []
            if summary.lowEvidence { flags.append("low evidence") }
            if let adjusted = summary.adjustedLeader, adjusted != summary.leader { flags.append("adjusted leader \(adjusted)") }
            if let whole = summary.wholeCountingLeader, whole != summary.leader { flags.append("whole-counting leader \(whole)") }
            table.append([summary.technology, NumberFormatting.grouped(summary.works), summary.leader ?? "-", share + interval,
                          summary.runnerUp.map { "\($0) \(summary.runnerUpShare.map { NumberFormatting.percent($0) } ?? "")" } ?? "-",
                          summary.leadRatio.map { $0.isFinite ? String(format: "%.2f", $0) : "∞" } ?? "-", summary.tmr,
                          summary.pLeader.map { String(format: "%.2f", $0) } ?? "-",
                          summary.leader.map { NumberFormatting.percent(earlyShares[summary.technology + " " + $0] ?? 0) } ?? "-",
                          flags.joined(separator: "; ")])
        }
        out.append("\nTechnologies in \(window) (\(counting.rawValue) counting; share = share of the technology's top-10% most-cited works)\n"
            + table.render())

        out.append("\nCountries in \(window): technologies where first, and in the top 5")
        let byCountry = Dictionary(grouping: results.countryShares.filter {
            $0.windowStart == window.start && $0.windowEnd == window.end && $0.counting == counting
        }, by: \.country)
        var countries = TextTable(headers: ["country", "first in", "top 5 in", "first places"], alignments: [.left, .right, .right, .left])
        let ranked = byCountry.map { country, rows in
            (country, rows.filter { $0.rank == 1 }.map(\.technology).sorted(), rows.filter { $0.rank <= 5 }.count)
        }.filter { selection.country == nil || $0.0 == selection.country }
            .sorted { ($0.1.count, $0.2, $1.0) > ($1.1.count, $1.2, $0.0) }
        for (country, firsts, top5) in ranked.prefix(selection.country == nil ? 15 : 1) {
            countries.append([country, String(firsts.count), String(top5), firsts.prefix(6).joined(separator: ", ") + (firsts.count > 6 ? ", …" : "")])
        }
        out.append(countries.render())
        if results.synthetic { out.append(Banner.synthetic) }
        return out.joined(separator: "\n")
    }

    /// The headline over the latest window analysed.
    public static func headlineSentence(_ results: AnalysisResults, counting: Counting) -> String {
        let windows = Set(results.technologySummaries.map { PublicationWindow(start: $0.windowStart, end: $0.windowEnd) }).sorted()
        guard let latest = windows.last else { return "No figures." }
        return headline(results, windows: windows, window: latest, counting: counting)
    }

    /// "CN leads 66 of 74 technologies in 2020-2024 (fractional counting); in 2003-2007 US led 60."
    static func headline(_ results: AnalysisResults, windows: [PublicationWindow], window: PublicationWindow, counting: Counting) -> String {
        func top(_ window: PublicationWindow) -> (String, Int, Int)? {
            let rows = results.headline.filter { $0.windowStart == window.start && $0.windowEnd == window.end && $0.counting == counting }
            let technologies = results.technologySummaries.filter {
                $0.windowStart == window.start && $0.windowEnd == window.end && $0.counting == counting
            }.count
            guard let best = rows.max(by: { ($0.technologiesLed, $1.country) < ($1.technologiesLed, $0.country) }) else { return nil }
            return (best.country, best.technologiesLed, technologies)
        }
        guard let now = top(window) else { return "No leader in \(window)." }
        var line = "\(now.0) leads \(now.1) of \(now.2) technologies in \(window) (\(counting.rawValue) counting)"
        if let first = windows.first, first != window, let then = top(first) {
            line += "; in \(first) \(then.0) led \(then.1)"
        }
        return line + "."
    }
}
