import Foundation
import GRDB
import TechTrackerCore

extension WorkStore {
    /// The stored figures of the last `analyze`, or `nil` when there are none.
    public func storedResults() throws -> AnalysisResults? {
        try database.read { db in
            guard let run = try Row.fetchOne(db, sql: "SELECT taxonomy_hash, settings, synthetic FROM analysis_run ORDER BY id DESC LIMIT 1")
            else { return nil }
            let settingsText: String = run[1]
            let settings = try JSONDecoder().decode(AnalysisSettings.self, from: Data(settingsText.utf8))
            var results = AnalysisResults(settings: settings, taxonomyHash: run[0], synthetic: run[2])
            func counting(_ text: String) -> Counting { Counting(rawValue: text) ?? .fractional }
            func unit(_ text: String) -> UnitType { UnitType(rawValue: text) ?? .country }
            results.countryShares = try Row.fetchAll(db, sql: "SELECT * FROM country_share").map { row in
                let ratio: Double? = row["ratio_to_best_outside"]
                let unitType = unit(row["unit_type"])
                return CountryShareRow(
                    technology: row["technology"], windowStart: row["window_start"], windowEnd: row["window_end"],
                    counting: counting(row["counting"]), country: row["country"], p: row["p"], pTop: row["p_top"],
                    share: row["share"], ppTop: row["pp_top"], rank: row["rank"], hIndex: row["h_index"], ciLow: row["ci_low"],
                    ciHigh: row["ci_high"], pLeader: row["p_leader"], adjustedShare: row["adjusted_share"],
                    adjustedRank: row["adjusted_rank"], inwardness: row["inwardness"], lowEvidence: row["low_evidence"],
                    unitType: unitType, tied: row["tied"], pTop1: row["p_top1"], shareTop1: row["share_top1"],
                    rankAmongCountries: row["rank_among_countries"],
                    ratioToBestOutside: unitType == .group ? (ratio ?? .infinity) : nil)
            }
            results.technologySummaries = try Row.fetchAll(db, sql: "SELECT * FROM technology_summary").map { row in
                let leader: String? = row["leader"], runnerUp: String? = row["runner_up"]
                let euLeader: String? = row["eu_unit_leader"]
                let ratio: Double? = row["lead_ratio"], euRatio: Double? = row["eu_unit_lead_ratio"]
                return TechnologySummaryRow(
                    technology: row["technology"], name: row["name"], category: row["category"], windowStart: row["window_start"],
                    windowEnd: row["window_end"], counting: counting(row["counting"]), works: row["works"], topWorks: row["top_works"],
                    leader: leader, leaderShare: row["leader_share"], runnerUp: runnerUp, runnerUpShare: row["runner_up_share"],
                    // A leader without a runner-up has an unbounded ratio (stored as NULL).
                    leadRatio: ratio ?? (leader != nil ? .infinity : nil),
                    leaderInstitutionsInTop10: row["leader_institutions_in_top10"], tmr: row["tmr"], pLeader: row["p_leader"],
                    adjustedLeader: row["adjusted_leader"], wholeCountingLeader: row["whole_counting_leader"],
                    lowEvidence: row["low_evidence"], leaderTied: row["leader_tied"], leaderShareTop1: row["leader_share_top1"],
                    euUnitLeader: euLeader, euUnitLeadRatio: euRatio ?? (euLeader != nil ? .infinity : nil),
                    euUnitTMR: row["eu_unit_tmr"])
            }
            results.institutions = try Row.fetchAll(db, sql: "SELECT * FROM institution_share").map { row in
                InstitutionShareRow(technology: row["technology"], windowStart: row["window_start"], windowEnd: row["window_end"],
                                    counting: counting(row["counting"]), rank: row["rank"], institutionID: row["institution_id"],
                                    name: row["name"], country: row["country"], pTop: row["p_top"], share: row["share"],
                                    lowEvidence: row["low_evidence"])
            }
            results.mobility = try Row.fetchAll(db, sql: "SELECT * FROM mobility_flow").map { row in
                MobilityFlowRow(technology: row["technology"], windowStart: row["window_start"], windowEnd: row["window_end"],
                                origin: row["origin"], destination: row["destination"], authors: row["authors"],
                                lowEvidence: row["low_evidence"])
            }
            results.mobilityGains = try Row.fetchAll(db, sql: "SELECT * FROM mobility_gain").map { row in
                MobilityGainRow(technology: row["technology"], windowStart: row["window_start"], windowEnd: row["window_end"],
                                country: row["country"], inflow: row["inflow"], outflow: row["outflow"], netGain: row["net_gain"],
                                lowEvidence: row["low_evidence"])
            }
            results.headline = try Row.fetchAll(db, sql: "SELECT * FROM headline").map { row in
                HeadlineRow(windowStart: row["window_start"], windowEnd: row["window_end"], counting: counting(row["counting"]),
                            country: row["country"], technologiesLed: row["technologies_led"],
                            technologiesTop5: row["technologies_top5"], unitType: unit(row["unit_type"]),
                            ledLowEvidence: row["led_low_evidence"], ledTied: row["led_tied"])
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
