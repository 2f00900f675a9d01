import Foundation
import GRDB
import TechTrackerCore

/// The figures by patent citations (METHOD §10): written by `replaceResults` in its transaction,
/// read by `storedResults`. A store without them (analysed before `v10-patent-results`, or
/// without patent data) reads as no patent figures: empty rows and `patentData` nil.
extension WorkStore {
    /// Writes the patent rows of `results`, and its `patentData` into the `analysis_run` row
    /// just written (the only one: `replaceResults` cleared the table first).
    static func writePatentResults(_ results: AnalysisResults, _ db: Database) throws {
        if let data = results.patentData {
            let json = String(decoding: try JSONEncoder.sorted.encode(data), as: UTF8.self)
            try db.execute(sql: "UPDATE analysis_run SET patent_data = ?", arguments: [json])
        }
        let linkage = try db.makeStatement(
            sql: """
                INSERT INTO patent_linkage (technology, window_start, window_end, counting, unit_type, country, pc,
                    patent_cited_share, patent_rate, rti, rank, ci_low, ci_high, incomplete, low_evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for row in results.patentLinkage {
            try linkage.execute(arguments: [
                row.technology, row.windowStart, row.windowEnd, row.counting.rawValue, row.unitType.rawValue,
                row.country, row.pc, row.patentCitedShare, row.patentRate, row.rti, row.rank, row.ciLow, row.ciHigh,
                row.incomplete, row.lowEvidence,
            ])
        }
        let summary = try db.makeStatement(
            sql: """
                INSERT INTO patent_summary (technology, window_start, window_end, counting, top_works,
                    patent_cited_top_works, leader_by_share, leader, leader_patent_cited_share, leader_tied,
                    leaders_differ, incomplete, low_evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for row in results.patentSummaries {
            try summary.execute(arguments: [
                row.technology, row.windowStart, row.windowEnd, row.counting.rawValue, row.topWorks,
                row.patentCitedTopWorks, row.leaderByShare, row.leader, row.leaderPatentCitedShare, row.leaderTied,
                row.leadersDiffer, row.incomplete, row.lowEvidence,
            ])
        }
        let headline = try db.makeStatement(
            sql: """
                INSERT INTO patent_headline (window_start, window_end, counting, unit_type, country,
                    technologies_led, technologies_top5, led_low_evidence, led_tied)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for row in results.patentHeadline {
            try headline.execute(arguments: [
                row.windowStart, row.windowEnd, row.counting.rawValue, row.unitType.rawValue, row.country,
                row.technologiesLed, row.technologiesTop5, row.ledLowEvidence, row.ledTied,
            ])
        }
    }

    /// Reads the patent figures into `results`, leniently as the other result rows are read.
    ///
    /// Tables or a column that are not there (a store another tool rebuilt, or of a newer schema
    /// opened read-only) read as none. `patent_data` that does not decode is counted as a
    /// missing value, not an error as unreadable settings are: the rows carry their own
    /// incomplete flags, so they stay readable with the data described as unknown (no files, no
    /// cut-off), which is what is read whenever rows exist without a readable description.
    static func readPatentResults(
        _ db: Database, into results: inout AnalysisResults, _ issues: inout StoredValueIssues
    ) throws {
        if try db.tableExists("patent_linkage") {
            results.patentLinkage = try ResultRow.all(db, "patent_linkage", &issues) { row in
                PatentLinkageRow(
                    technology: row.key("technology"), windowStart: row.keyInteger("window_start"),
                    windowEnd: row.keyInteger("window_end"), counting: row.counting("counting"),
                    unitType: row.unit("unit_type"), country: row.key("country"), pc: row.real("pc"),
                    patentCitedShare: row.real("patent_cited_share"), patentRate: row.optionalReal("patent_rate"),
                    rti: row.optionalReal("rti"), rank: row.integer("rank"), ciLow: row.optionalReal("ci_low"),
                    ciHigh: row.optionalReal("ci_high"), incomplete: row.flag("incomplete"),
                    lowEvidence: row.flag("low_evidence"))
            }
        }
        if try db.tableExists("patent_summary") {
            results.patentSummaries = try ResultRow.all(db, "patent_summary", &issues) { row in
                PatentSummaryRow(
                    technology: row.key("technology"), windowStart: row.keyInteger("window_start"),
                    windowEnd: row.keyInteger("window_end"), counting: row.counting("counting"),
                    topWorks: row.real("top_works"), patentCitedTopWorks: row.real("patent_cited_top_works"),
                    leaderByShare: row.optionalText("leader_by_share"), leader: row.optionalText("leader"),
                    leaderPatentCitedShare: row.optionalReal("leader_patent_cited_share"),
                    leaderTied: row.flag("leader_tied"), leadersDiffer: row.flag("leaders_differ"),
                    incomplete: row.flag("incomplete"), lowEvidence: row.flag("low_evidence"))
            }
        }
        if try db.tableExists("patent_headline") {
            results.patentHeadline = try ResultRow.all(db, "patent_headline", &issues) { row in
                HeadlineRow(
                    windowStart: row.keyInteger("window_start"), windowEnd: row.keyInteger("window_end"),
                    counting: row.counting("counting"), country: row.key("country"),
                    technologiesLed: row.integer("technologies_led"),
                    technologiesTop5: row.integer("technologies_top5"), unitType: row.unit("unit_type"),
                    ledLowEvidence: row.integer("led_low_evidence"), ledTied: row.integer("led_tied"))
            }
        }
        results.patentData = try patentData(db, rowsExist: hasPatentRows(results), &issues)
    }

    /// The stored `PatentDataSummary` of the last analysis; nil when it read no patent data.
    private static func patentData(
        _ db: Database, rowsExist: Bool, _ issues: inout StoredValueIssues
    ) throws -> PatentDataSummary? {
        var text: String?
        if try db.columns(in: "analysis_run").contains(where: { $0.name == "patent_data" }),
            let row = try Row.fetchOne(db, sql: "SELECT patent_data FROM analysis_run ORDER BY id DESC LIMIT 1")
        {
            text = StoredValue.text(row, 0)
        }
        if let text, let data = try? JSONDecoder().decode(PatentDataSummary.self, from: Data(text.utf8)) {
            return data
        }
        guard text != nil || rowsExist else { return nil }
        issues.note(.missingValue)
        return rowsExist ? unknownPatentData : nil
    }

    /// Patent figures whose data cannot be described: no files, no cut-off (so every window
    /// reads as incomplete wherever the rule is applied again).
    static let unknownPatentData = PatentDataSummary(
        files: [], cutoffYear: nil, citations: 0, countingCitations: 0, citedWorks: 0)

    private static func hasPatentRows(_ results: AnalysisResults) -> Bool {
        !results.patentLinkage.isEmpty || !results.patentSummaries.isEmpty || !results.patentHeadline.isEmpty
    }
}
