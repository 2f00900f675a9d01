import Foundation
import GRDB
public import TechTrackerCore

extension WorkStore {
    /// The stored figures of the last `analyze`, or `nil` when there are none.
    ///
    /// Read by column name and leniently (`ResultRow`): a row without one of its keys
    /// (technology, window, counting, country…) is skipped, a missing figure reads as 0 or
    /// false; both are counted and reported once. Settings that do not decode are an error
    /// (`StoreError.unreadableResults`): every figure depends on them.
    public func storedResults() throws -> AnalysisResults? {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "stored figures") }
        return try database.read { db in
            guard
                let run = try Row.fetchOne(
                    db, sql: "SELECT taxonomy_hash, settings, synthetic FROM analysis_run ORDER BY id DESC LIMIT 1")
            else { return nil }
            let settings: AnalysisSettings
            do {
                settings = try JSONDecoder().decode(
                    AnalysisSettings.self, from: Data((StoredValue.text(run, 1) ?? "").utf8))
            } catch {
                throw StoreError.unreadableResults("settings of the last analysis: \(error)")
            }
            var results = AnalysisResults(
                settings: settings, taxonomyHash: StoredValue.requiredText(run, 0, &issues),
                synthetic: StoredValue.requiredFlag(run, 2, &issues))
            results.countryShares = try ResultRow.all(db, "country_share", &issues) { row in
                let unitType = row.unit("unit_type")
                return CountryShareRow(
                    technology: row.key("technology"), windowStart: row.keyInteger("window_start"),
                    windowEnd: row.keyInteger("window_end"), counting: row.counting("counting"),
                    country: row.key("country"),
                    p: row.real("p"), pTop: row.real("p_top"), share: row.real("share"), ppTop: row.real("pp_top"),
                    rank: row.integer("rank"), hIndex: row.integer("h_index"), ciLow: row.optionalReal("ci_low"),
                    ciHigh: row.optionalReal("ci_high"), pLeader: row.optionalReal("p_leader"),
                    adjustedShare: row.real("adjusted_share"), adjustedRank: row.integer("adjusted_rank"),
                    inwardness: row.optionalReal("inwardness"), lowEvidence: row.flag("low_evidence"),
                    unitType: unitType, tied: row.flag("tied"), pTop1: row.real("p_top1"),
                    shareTop1: row.real("share_top1"),
                    rankAmongCountries: row.optionalInteger("rank_among_countries"),
                    // An unbounded ratio is stored as NULL (SQLite has no infinity).
                    ratioToBestOutside: unitType == .group
                        ? (row.optionalReal("ratio_to_best_outside") ?? .infinity) : nil)
            }
            results.technologySummaries = try ResultRow.all(db, "technology_summary", &issues) { row in
                let leader = row.optionalText("leader"), euLeader = row.optionalText("eu_unit_leader")
                return TechnologySummaryRow(
                    technology: row.key("technology"), name: row.text("name"), category: row.text("category"),
                    windowStart: row.keyInteger("window_start"), windowEnd: row.keyInteger("window_end"),
                    counting: row.counting("counting"), works: row.integer("works"), topWorks: row.real("top_works"),
                    leader: leader, leaderShare: row.optionalReal("leader_share"),
                    runnerUp: row.optionalText("runner_up"),
                    runnerUpShare: row.optionalReal("runner_up_share"),
                    // A leader without a runner-up has an unbounded ratio (stored as NULL).
                    leadRatio: row.optionalReal("lead_ratio") ?? (leader != nil ? .infinity : nil),
                    leaderInstitutionsInTop10: row.integer("leader_institutions_in_top10"), tmr: row.text("tmr"),
                    pLeader: row.optionalReal("p_leader"), adjustedLeader: row.optionalText("adjusted_leader"),
                    wholeCountingLeader: row.optionalText("whole_counting_leader"),
                    lowEvidence: row.flag("low_evidence"),
                    leaderTied: row.flag("leader_tied"), leaderShareTop1: row.optionalReal("leader_share_top1"),
                    euUnitLeader: euLeader,
                    euUnitLeadRatio: row.optionalReal("eu_unit_lead_ratio") ?? (euLeader != nil ? .infinity : nil),
                    euUnitTMR: row.text("eu_unit_tmr"))
            }
            results.institutions = try ResultRow.all(db, "institution_share", &issues) { row in
                InstitutionShareRow(
                    technology: row.key("technology"), windowStart: row.keyInteger("window_start"),
                    windowEnd: row.keyInteger("window_end"), counting: row.counting("counting"),
                    rank: row.keyInteger("rank"), institutionID: row.key("institution_id"), name: row.text("name"),
                    country: row.text("country"), pTop: row.real("p_top"), share: row.real("share"),
                    lowEvidence: row.flag("low_evidence"))
            }
            results.mobility = try ResultRow.all(db, "mobility_flow", &issues) { row in
                MobilityFlowRow(
                    technology: row.key("technology"), windowStart: row.keyInteger("window_start"),
                    windowEnd: row.keyInteger("window_end"), origin: row.key("origin"),
                    destination: row.key("destination"), authors: row.integer("authors"),
                    lowEvidence: row.flag("low_evidence"))
            }
            results.mobilityGains = try ResultRow.all(db, "mobility_gain", &issues) { row in
                MobilityGainRow(
                    technology: row.key("technology"), windowStart: row.keyInteger("window_start"),
                    windowEnd: row.keyInteger("window_end"), country: row.key("country"), inflow: row.integer("inflow"),
                    outflow: row.integer("outflow"), netGain: row.integer("net_gain"),
                    lowEvidence: row.flag("low_evidence"))
            }
            results.headline = try ResultRow.all(db, "headline", &issues) { row in
                HeadlineRow(
                    windowStart: row.keyInteger("window_start"), windowEnd: row.keyInteger("window_end"),
                    counting: row.counting("counting"), country: row.key("country"),
                    technologiesLed: row.integer("technologies_led"),
                    technologiesTop5: row.integer("technologies_top5"),
                    unitType: row.unit("unit_type"), ledLowEvidence: row.integer("led_low_evidence"),
                    ledTied: row.integer("led_tied"))
            }
            try Self.readPatentResults(db, into: &results, &issues)
            return results
        }
    }
}

/// One row of a result table, read by column name without GRDB's traps: a key that is
/// missing marks the row to be skipped, a figure that is missing reads as 0, "" or false
/// and is counted.
struct ResultRow {
    private let row: Row
    private(set) var missingKey = false
    private(set) var issues = StoredValueIssues()

    private init(_ row: Row) {
        self.row = row
    }

    /// Every row of `table`, made by `make`, without the rows that miss a key; the issues
    /// met are added to `issues`.
    static func all<T>(
        _ db: Database, _ table: String, _ issues: inout StoredValueIssues,
        _ make: (inout ResultRow) -> T
    ) throws -> [T] {
        var result: [T] = []
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
            var reader = ResultRow(row)
            let value = make(&reader)
            if reader.missingKey {
                issues.note(.skippedRow)
            } else {
                issues.add(reader.issues)
                result.append(value)
            }
        }
        return result
    }

    private func value(_ column: String) -> DatabaseValue {
        row.hasColumn(column) ? row[column] : .null
    }

    /// Key text: the row is skipped without it.
    mutating func key(_ column: String) -> String {
        if let text = StoredValue.text(value(column)) { return text }
        missingKey = true
        return ""
    }

    /// Key integer (a window bound, a rank): the row is skipped without it.
    mutating func keyInteger(_ column: String) -> Int {
        if let number = StoredValue.integer(value(column)) { return number }
        missingKey = true
        return 0
    }

    /// A counting, a key; unknown names read as fractional, as earlier versions did.
    mutating func counting(_ column: String) -> Counting {
        Counting(rawValue: key(column)) ?? .fractional
    }

    /// A unit type; missing or unknown reads as country.
    func unit(_ column: String) -> UnitType {
        StoredValue.text(value(column)).flatMap(UnitType.init(rawValue:)) ?? .country
    }

    /// Text that should be there: "" when missing (counted).
    mutating func text(_ column: String) -> String {
        if let text = StoredValue.text(value(column)) { return text }
        issues.note(.missingValue)
        return ""
    }

    /// An integer that should be there: 0 when missing (counted).
    mutating func integer(_ column: String) -> Int {
        if let number = StoredValue.integer(value(column)) { return number }
        issues.note(.missingValue)
        return 0
    }

    /// A number that should be there: 0 when missing or NaN (counted).
    mutating func real(_ column: String) -> Double {
        if let number = StoredValue.real(value(column)), !number.isNaN { return number }
        issues.note(.missingValue)
        return 0
    }

    /// A flag that should be there: false when missing (counted).
    mutating func flag(_ column: String) -> Bool {
        if let number = StoredValue.integer(value(column)) { return number != 0 }
        issues.note(.missingValue)
        return false
    }

    /// Text that may be NULL.
    func optionalText(_ column: String) -> String? { StoredValue.text(value(column)) }

    /// An integer that may be NULL.
    func optionalInteger(_ column: String) -> Int? { StoredValue.integer(value(column)) }

    /// A number that may be NULL (a NaN reads as NULL).
    func optionalReal(_ column: String) -> Double? { StoredValue.real(value(column)).flatMap { $0.isNaN ? nil : $0 } }
}

extension JSONEncoder {
    /// Keys sorted, so stored settings compare as text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
