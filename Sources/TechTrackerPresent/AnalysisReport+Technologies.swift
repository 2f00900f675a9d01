import Foundation
import TechTrackerCore

/// The per-technology table of the report (METHOD §5, §7, §9).
extension AnalysisReport {
    /// One line per technology of the window: leader (marked when tied), share with its 95%
    /// interval, top-1% share, runner-up, ratio, TMR, P(leader), the leader's share in the first
    /// window (the trend), and flags for everything that weakens or changes the reading.
    static func technologiesSection(
        _ results: AnalysisResults, windows: [PublicationWindow], window: PublicationWindow,
        selection: Selection
    ) -> String {
        let counting = selection.counting
        let summaries = results.technologySummaries.filter {
            $0.counting == counting && $0.windowStart == window.start && $0.windowEnd == window.end
                && (selection.technology == nil || $0.technology == selection.technology)
        }.sorted { $0.technology < $1.technology }  // the store's order, whatever order the rows came in
        // Countries only: a group's name never equals a leader's code, but its rows must not be
        // searched for the leader's interval or ties either way.
        let shares = Dictionary(
            grouping: results.countryShares.filter { $0.unitType == .country && $0.isIn(window, counting) },
            by: \.technology)
        let first = windows.first ?? window
        var table = TextTable(
            headers: [
                "technology", "works", "leader", "share [95% interval]", "top 1%", "runner-up", "ratio", "TMR",
                "P(leader)", "leader's share \(first)", "flags",
            ],
            alignments: [.left, .right, .left, .left, .right, .left, .right, .left, .right, .right, .left])
        // METHOD §9: the trend of the leader's share, from the first window analysed.
        var earlyShares: [String: Double] = [:]
        for row in results.countryShares where row.unitType == .country && row.isIn(first, counting) {
            earlyShares[row.technology + " " + row.country] = row.share
        }
        for summary in summaries {
            let rows = shares[summary.technology] ?? []
            let leaderRow = rows.first { $0.country == summary.leader }
            let share = summary.leaderShare.map { NumberFormatting.percent($0) } ?? "-"
            let interval =
                leaderRow.flatMap { row in
                    row.ciLow.flatMap { low in
                        row.ciHigh.map { " [\(NumberFormatting.percent(low))-\(NumberFormatting.percent($0))]" }
                    }
                } ?? ""
            let leader = summary.leader.map { summary.leaderTied ? "\($0) (tie)" : $0 } ?? "-"
            table.append([
                summary.technology, NumberFormatting.grouped(summary.works), leader, share + interval,
                summary.leaderShareTop1.map { NumberFormatting.percent($0) } ?? "-",
                summary.runnerUp.map { "\($0) \(summary.runnerUpShare.map { NumberFormatting.percent($0) } ?? "")" }
                    ?? "-",
                ratio(summary.leadRatio), summary.tmr,
                summary.pLeader.map { String(format: "%.2f", $0) } ?? "-",
                summary.leader.map { NumberFormatting.percent(earlyShares[summary.technology + " " + $0] ?? 0) } ?? "-",
                flags(summary, leaderRow: leaderRow, rows: rows).joined(separator: "; "),
            ])
        }
        return
            "\nTechnologies in \(window) (\(counting.rawValue) counting; "
            + "share = share of the technology's top-10% most-cited works)\n"
            + table.render()
    }

    /// The flags of one technology: a tie for first, low evidence, and each leader that differs
    /// under another reading (domestic-citation adjustment, whole counting, the EU as one unit).
    static func flags(_ summary: TechnologySummaryRow, leaderRow: CountryShareRow?, rows: [CountryShareRow]) -> [String]
    {
        var flags: [String] = []
        if summary.leaderTied, let leader = summary.leader {
            // Every country sharing the first place, not only the runner-up: three can tie.
            let partners =
                leaderRow.map { leaderRow in
                    rows.filter { $0.country != leader && $0.tied && $0.share == leaderRow.share }.map(\.country)
                        .sorted()
                } ?? []
            let with = partners.isEmpty ? summary.runnerUp.map { [$0] } ?? [] : partners
            flags.append("tie for first" + (with.isEmpty ? "" : " with \(with.joined(separator: ", "))"))
        }
        // The summary's flag covers both a thin technology and a thin leader; either way the
        // first place is what the reader must not over-read.
        if summary.lowEvidence { flags.append(summary.leader == nil ? "low evidence" : "leader low evidence") }
        if let adjusted = summary.adjustedLeader, adjusted != summary.leader {
            flags.append("adjusted leader \(adjusted)")
        }
        if let whole = summary.wholeCountingLeader, whole != summary.leader {
            flags.append("whole-counting leader \(whole)")
        }
        // Only when the engine computed the EU-unit reading (it names a leader) and it changes something.
        if let euLeader = summary.euUnitLeader, euLeader != summary.leader || summary.euUnitTMR != summary.tmr {
            flags.append("EU as one unit: \(euLeader), TMR \(summary.euUnitTMR)")
        }
        return flags
    }
}
