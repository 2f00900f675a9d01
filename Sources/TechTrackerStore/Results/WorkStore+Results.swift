import Foundation
import GRDB
import TechTrackerCore

extension WorkStore {
    /// Replaces the stored figures with `results` in one transaction (the tables always hold
    /// one analysis, with its settings in `analysis_run`).
    public func replaceResults(_ results: AnalysisResults) throws {
        let settings = String(decoding: try JSONEncoder.sorted.encode(results.settings), as: UTF8.self)
        try database.write { db in
            for table in ["country_share", "technology_summary", "institution_share", "mobility_flow", "headline", "analysis_run"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            try db.execute(sql: "INSERT INTO analysis_run (created_at, taxonomy_hash, settings, synthetic) VALUES (?, ?, ?, ?)",
                           arguments: [ISO8601DateFormatter().string(from: Date()), results.taxonomyHash, settings, results.synthetic])
            let country = try db.makeStatement(sql: "INSERT INTO country_share VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for row in results.countryShares {
                try country.execute(arguments: [row.technology, row.windowStart, row.windowEnd, row.counting.rawValue, row.country,
                                                row.p, row.pTop, row.share, row.ppTop, row.rank, row.hIndex, row.ciLow, row.ciHigh,
                                                row.pLeader, row.adjustedShare, row.adjustedRank, row.inwardness, row.lowEvidence])
            }
            let summary = try db.makeStatement(sql: "INSERT INTO technology_summary VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for row in results.technologySummaries {
                try summary.execute(arguments: [row.technology, row.name, row.category, row.windowStart, row.windowEnd, row.counting.rawValue,
                                                row.works, row.topWorks, row.leader, row.leaderShare, row.runnerUp, row.runnerUpShare,
                                                row.leadRatio.map { $0.isFinite ? $0 : nil } ?? nil, row.leaderInstitutionsInTop10, row.tmr,
                                                row.pLeader, row.adjustedLeader, row.wholeCountingLeader, row.lowEvidence])
            }
            let institution = try db.makeStatement(sql: "INSERT INTO institution_share VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for row in results.institutions {
                try institution.execute(arguments: [row.technology, row.windowStart, row.windowEnd, row.counting.rawValue, row.rank,
                                                    row.institutionID, row.name, row.country, row.pTop, row.share])
            }
            let flow = try db.makeStatement(sql: "INSERT INTO mobility_flow VALUES (?, ?, ?, ?, ?, ?)")
            for row in results.mobility {
                try flow.execute(arguments: [row.technology, row.windowStart, row.windowEnd, row.origin, row.destination, row.authors])
            }
            let headline = try db.makeStatement(sql: "INSERT INTO headline VALUES (?, ?, ?, ?, ?, ?)")
            for row in results.headline {
                try headline.execute(arguments: [row.windowStart, row.windowEnd, row.counting.rawValue, row.country,
                                                 row.technologiesLed, row.technologiesTop5])
            }
        }
    }

    /// The stored figures of the last `analyze`, or `nil` when there are none.
    public func storedResults() throws -> AnalysisResults? {
        try database.read { db in
            guard let run = try Row.fetchOne(db, sql: "SELECT taxonomy_hash, settings, synthetic FROM analysis_run ORDER BY id DESC LIMIT 1")
            else { return nil }
            let settingsText: String = run[1]
            let settings = try JSONDecoder().decode(AnalysisSettings.self, from: Data(settingsText.utf8))
            var results = AnalysisResults(settings: settings, taxonomyHash: run[0], synthetic: run[2])
            results.countryShares = try Row.fetchAll(db, sql: "SELECT * FROM country_share").map { row in
                CountryShareRow(technology: row[0], windowStart: row[1], windowEnd: row[2], counting: Counting(rawValue: row[3]) ?? .fractional,
                                country: row[4], p: row[5], pTop: row[6], share: row[7], ppTop: row[8], rank: row[9], hIndex: row[10],
                                ciLow: row[11], ciHigh: row[12], pLeader: row[13], adjustedShare: row[14], adjustedRank: row[15],
                                inwardness: row[16], lowEvidence: row[17])
            }
            results.technologySummaries = try Row.fetchAll(db, sql: "SELECT * FROM technology_summary").map { row in
                TechnologySummaryRow(technology: row[0], name: row[1], category: row[2], windowStart: row[3], windowEnd: row[4],
                                     counting: Counting(rawValue: row[5]) ?? .fractional, works: row[6], topWorks: row[7],
                                     leader: row[8], leaderShare: row[9], runnerUp: row[10], runnerUpShare: row[11],
                                     leadRatio: (row[12] as Double?) ?? (row[10] as String? == nil && row[8] as String? != nil ? .infinity : nil),
                                     leaderInstitutionsInTop10: row[13], tmr: row[14], pLeader: row[15], adjustedLeader: row[16],
                                     wholeCountingLeader: row[17], lowEvidence: row[18])
            }
            results.institutions = try Row.fetchAll(db, sql: "SELECT * FROM institution_share").map { row in
                InstitutionShareRow(technology: row[0], windowStart: row[1], windowEnd: row[2], counting: Counting(rawValue: row[3]) ?? .fractional,
                               rank: row[4], institutionID: row[5], name: row[6], country: row[7], pTop: row[8], share: row[9])
            }
            results.mobility = try Row.fetchAll(db, sql: "SELECT * FROM mobility_flow").map { row in
                MobilityFlowRow(technology: row[0], windowStart: row[1], windowEnd: row[2], origin: row[3], destination: row[4], authors: row[5])
            }
            results.headline = try Row.fetchAll(db, sql: "SELECT * FROM headline").map { row in
                HeadlineRow(windowStart: row[0], windowEnd: row[1], counting: Counting(rawValue: row[2]) ?? .fractional, country: row[3],
                            technologiesLed: row[4], technologiesTop5: row[5])
            }
            return results
        }
    }
}

extension JSONEncoder {
    /// Keys sorted, so stored settings compare as text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
