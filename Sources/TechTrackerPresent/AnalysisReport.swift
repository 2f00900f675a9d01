import Foundation
public import TechTrackerCore

/// `techtracker report`: the headline first (and one line per group measured as a bloc), the
/// settings, then per technology the leader with its share and stability interval, top-1% share,
/// runner-up, lead ratio, monopoly risk, P(leader) and flags; per country its first places and
/// top-5s; per group its standing; with patent data, the headline, settings and leaders by
/// patent-cited share (METHOD §10); and researcher mobility when a technology or a country is
/// selected (METHOD §2, §5, §8, §9). The sections live in the `AnalysisReport+…` files.
public enum AnalysisReport {
    /// What to show.
    public struct Selection: Sendable {
        /// The window of the tables (default: the latest analysed).
        public var window: PublicationWindow?
        /// Only this technology (and its researcher mobility).
        public var technology: String?
        /// Only this country in the country section (and its mobility balance).
        public var country: String?
        /// The counting of the tables.
        public var counting = Counting.fractional

        /// Everything, fractional counting, latest window.
        public init() {}
    }

    /// Renders the report.
    public static func render(_ results: AnalysisResults, selection: Selection) -> String {
        var out: [String] = []
        if results.needsSyntheticLabel { out.append(Banner.synthetic) }
        let windows = analysedWindows(results)
        guard let latest = windows.last else { return "No figures: run `techtracker analyze` first." }
        let window = selection.window ?? latest
        let counting = selection.counting
        out.append(headline(results, windows: windows, window: window, counting: counting))
        if let patents = patentHeadline(results, window: window, counting: counting) { out.append(patents) }
        out.append(contentsOf: groupHeadlines(results, window: window, counting: counting))
        out.append("Settings: \(results.settings.summary); taxonomy hash \(results.taxonomyHash).")
        if let patents = patentSettingsLine(results) { out.append(patents) }
        out.append(technologiesSection(results, windows: windows, window: window, selection: selection))
        out.append(countriesSection(results, window: window, selection: selection))
        if let groups = groupsSection(results, window: window, selection: selection) { out.append(groups) }
        if let patents = patentSection(results, window: window, selection: selection) { out.append(patents) }
        if let mobility = mobilitySection(results, window: window, selection: selection) { out.append(mobility) }
        if results.needsSyntheticLabel { out.append(Banner.synthetic) }
        return out.joined(separator: "\n")
    }

    /// The headline over the latest window analysed.
    public static func headlineSentence(_ results: AnalysisResults, counting: Counting) -> String {
        let windows = analysedWindows(results)
        guard let latest = windows.last else { return "No figures." }
        return headline(results, windows: windows, window: latest, counting: counting)
    }

    /// The windows with figures, oldest first.
    static func analysedWindows(_ results: AnalysisResults) -> [PublicationWindow] {
        Set(results.technologySummaries.map { PublicationWindow(start: $0.windowStart, end: $0.windowEnd) }).sorted()
    }

    /// "CN leads 66 of 74 technologies in 2020-2024 (fractional counting); in 2003-2007 US led 60."
    ///
    /// Countries only: a group is never the headline's leader (METHOD §2), it gets its own line.
    /// Caveats go inside the parenthesis of the clause they qualify ("(fractional counting; 3 of
    /// them low evidence, 1 a tie)"), so that they cannot be read as being about the earlier
    /// window and the sentence still starts exactly as scripts expect.
    static func headline(
        _ results: AnalysisResults, windows: [PublicationWindow], window: PublicationWindow, counting: Counting
    ) -> String {
        func leader(_ window: PublicationWindow) -> HeadlineRow? {
            results.headline.filter { $0.unitType == .country && $0.counting == counting && $0.isIn(window) }
                .max { ($0.technologiesLed, $1.country) < ($1.technologiesLed, $0.country) }
        }
        guard let now = leader(window) else { return "No leader in \(window)." }
        let technologies = technologyCount(results, window: window, counting: counting)
        var line =
            "\(now.country) leads \(now.technologiesLed) of \(technologies) technologies in \(window) "
            + "(\(counting.rawValue) counting\(caveats(now).map { "; " + $0 } ?? ""))"
        if let first = windows.first, first != window, let then = leader(first) {
            line +=
                "; in \(first) \(then.country) led \(then.technologiesLed)" + (caveats(then).map { " (\($0))" } ?? "")
        }
        return line + "."
    }

    /// "Measured as a bloc, EU27 leads 5 of 74 technologies in 2020-2024 (its share above every
    /// non-member country's)." per group with figures, most technologies led first.
    static func groupHeadlines(_ results: AnalysisResults, window: PublicationWindow, counting: Counting) -> [String] {
        let technologies = technologyCount(results, window: window, counting: counting)
        return results.headline.filter { $0.unitType == .group && $0.counting == counting && $0.isIn(window) }
            .sorted { ($1.technologiesLed, $0.country) < ($0.technologiesLed, $1.country) }
            .map { row in
                "Measured as a bloc, \(row.country) leads \(row.technologiesLed) of \(technologies) "
                    + "technologies in \(window) "
                    + "(its share above every non-member country's\(caveats(row).map { "; " + $0 } ?? ""))."
            }
    }

    /// How many technologies have figures in the window: the "of 74".
    static func technologyCount(_ results: AnalysisResults, window: PublicationWindow, counting: Counting) -> Int {
        results.technologySummaries.filter {
            $0.counting == counting && $0.windowStart == window.start && $0.windowEnd == window.end
        }.count
    }

    /// "3 of them low evidence, 1 a tie", or nil when every technology led is firm.
    static func caveats(_ row: HeadlineRow) -> String? {
        var parts: [String] = []
        if row.ledLowEvidence > 0 { parts.append("\(row.ledLowEvidence) of them low evidence") }
        if row.ledTied > 0 {
            let ties = row.ledTied == 1 ? "a tie" : "ties"
            parts.append(parts.isEmpty ? "\(row.ledTied) of them \(ties)" : "\(row.ledTied) \(ties)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// "3 (1 low evidence, 1 tie)": a count with how many of its items are weak.
    static func count(_ count: Int, lowEvidence: Int, tied: Int) -> String {
        var notes: [String] = []
        if lowEvidence > 0 { notes.append("\(lowEvidence) low evidence") }
        if tied > 0 { notes.append("\(tied) \(tied == 1 ? "tie" : "ties")") }
        return notes.isEmpty ? String(count) : "\(count) (\(notes.joined(separator: ", ")))"
    }

    /// A lead ratio for the terminal: two decimals, `∞` when nothing is behind.
    static func ratio(_ value: Double?) -> String {
        value.map { $0.isFinite ? String(format: "%.2f", $0) : "∞" } ?? "-"
    }
}

extension HeadlineRow {
    /// Whether the row is about `window`.
    func isIn(_ window: PublicationWindow) -> Bool { windowStart == window.start && windowEnd == window.end }
}

extension CountryShareRow {
    /// Whether the row is about `window` under `counting`.
    func isIn(_ window: PublicationWindow, _ counting: Counting) -> Bool {
        self.counting == counting && windowStart == window.start && windowEnd == window.end
    }

    /// First in the technology by the headline's rule (METHOD §9): rank 1 with a positive Share.
    /// A unit with Share 0 is ranked only because every unit gets a rank; it leads nothing.
    var isFirst: Bool { rank == 1 && share > 0 }

    /// In the top 5 by the same rule.
    var isTop5: Bool { rank <= 5 && share > 0 }
}
