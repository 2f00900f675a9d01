import Foundation
import GRDB
public import TechTrackerCore

extension WorkStore {
    /// The result tables, in the order they are cleared and written.
    static let resultTables = [
        "country_share", "technology_summary", "institution_share", "mobility_flow", "mobility_gain",
        "headline", "patent_linkage", "patent_summary", "patent_headline", "analysis_run",
    ]

    /// Replaces the stored figures with `results` in one transaction (the tables always hold
    /// one analysis, with its settings in `analysis_run`), the patent figures included
    /// (`WorkStore+PatentResults`).
    public func replaceResults(_ results: AnalysisResults) throws {
        let settings = String(decoding: try JSONEncoder.sorted.encode(results.settings), as: UTF8.self)
        try database.write { db in
            for table in Self.resultTables { try db.execute(sql: "DELETE FROM \(table)") }
            try db.execute(
                sql: "INSERT INTO analysis_run (created_at, taxonomy_hash, settings, synthetic) VALUES (?, ?, ?, ?)",
                arguments: [
                    ISO8601DateFormatter().string(from: Date()), results.taxonomyHash, settings, results.synthetic,
                ])
            let country = try db.makeStatement(
                sql: """
                    INSERT INTO country_share (technology, window_start, window_end, counting, unit_type, \
                    country, p, p_top, share,
                        pp_top, rank, tied, p_top1, share_top1, h_index, ci_low, ci_high, p_leader, \
                    adjusted_share, adjusted_rank,
                        inwardness, low_evidence, rank_among_countries, ratio_to_best_outside)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for row in results.countryShares {
                try country.execute(arguments: [
                    row.technology, row.windowStart, row.windowEnd, row.counting.rawValue, row.unitType.rawValue,
                    row.country,
                    row.p, row.pTop, row.share, row.ppTop, row.rank, row.tied, row.pTop1, row.shareTop1, row.hIndex,
                    row.ciLow, row.ciHigh, row.pLeader, row.adjustedShare, row.adjustedRank, row.inwardness,
                    row.lowEvidence,
                    row.rankAmongCountries, Self.finite(row.ratioToBestOutside),
                ])
            }
            let summary = try db.makeStatement(
                sql: """
                    INSERT INTO technology_summary (technology, name, category, window_start, window_end, counting, \
                    works, top_works,
                        leader, leader_share, leader_share_top1, leader_tied, runner_up, runner_up_share, lead_ratio,
                        leader_institutions_in_top10, tmr, p_leader, adjusted_leader, whole_counting_leader, \
                    low_evidence,
                        eu_unit_leader, eu_unit_lead_ratio, eu_unit_tmr)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for row in results.technologySummaries {
                try summary.execute(arguments: [
                    row.technology, row.name, row.category, row.windowStart, row.windowEnd, row.counting.rawValue,
                    row.works, row.topWorks, row.leader, row.leaderShare, row.leaderShareTop1, row.leaderTied,
                    row.runnerUp,
                    row.runnerUpShare, Self.finite(row.leadRatio), row.leaderInstitutionsInTop10, row.tmr, row.pLeader,
                    row.adjustedLeader, row.wholeCountingLeader, row.lowEvidence, row.euUnitLeader,
                    Self.finite(row.euUnitLeadRatio), row.euUnitTMR,
                ])
            }
            let institution = try db.makeStatement(
                sql: """
                    INSERT INTO institution_share (technology, window_start, window_end, counting, rank, \
                    institution_id, name, country,
                        p_top, share, low_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for row in results.institutions {
                try institution.execute(arguments: [
                    row.technology, row.windowStart, row.windowEnd, row.counting.rawValue, row.rank,
                    row.institutionID, row.name, row.country, row.pTop, row.share, row.lowEvidence,
                ])
            }
            let flow = try db.makeStatement(
                sql: """
                    INSERT INTO mobility_flow (technology, window_start, window_end, origin, destination, \
                    authors, low_evidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            for row in results.mobility {
                try flow.execute(arguments: [
                    row.technology, row.windowStart, row.windowEnd, row.origin, row.destination, row.authors,
                    row.lowEvidence,
                ])
            }
            let gain = try db.makeStatement(
                sql: """
                    INSERT INTO mobility_gain (technology, window_start, window_end, country, inflow, outflow, \
                    net_gain, low_evidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for row in results.mobilityGains {
                try gain.execute(arguments: [
                    row.technology, row.windowStart, row.windowEnd, row.country, row.inflow, row.outflow,
                    row.netGain, row.lowEvidence,
                ])
            }
            let headline = try db.makeStatement(
                sql: """
                    INSERT INTO headline (window_start, window_end, counting, unit_type, country, technologies_led, \
                    technologies_top5,
                        led_low_evidence, led_tied) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for row in results.headline {
                try headline.execute(arguments: [
                    row.windowStart, row.windowEnd, row.counting.rawValue, row.unitType.rawValue,
                    row.country, row.technologiesLed, row.technologiesTop5, row.ledLowEvidence, row.ledTied,
                ])
            }
            try Self.writePatentResults(results, db)
        }
    }

    /// An unbounded ratio is stored as NULL (SQLite has no infinity); readers restore it.
    private static func finite(_ value: Double?) -> Double? {
        value.flatMap { $0.isFinite ? $0 : nil }
    }
}
