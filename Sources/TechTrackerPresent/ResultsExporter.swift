import Foundation
import TechTrackerCore

/// Writes `AnalysisResults` as the documented export files (`country_shares`,
/// `technology_summary`, `institutions`, `mobility`, `headline`, plus `settings.json`), in
/// CSV or JSON. Rows are sorted on their keys and numbers printed in full (shortest
/// round-trip form), so the same results always give byte-identical files.
public enum ResultsExporter {
    /// The file formats.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    /// One table: a name, its columns and its rows as cells (`nil` = empty / null).
    struct Table {
        let name: String
        let columns: [String]
        let rows: [[Cell]]
    }

    /// A cell: text, number, integer, flag, or nothing.
    enum Cell {
        case text(String?), number(Double?), integer(Int?), flag(Bool)
    }

    /// Writes every table into `directory` (created if needed); returns the paths written.
    @discardableResult
    public static func write(_ results: AnalysisResults, format: Format, to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var paths: [String] = []
        for table in tables(results) {
            let path = directory + "/\(table.name).\(format.rawValue)"
            let text = format == .csv ? csv(table) : json(table)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let settingsPath = directory + "/settings.json"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var settings = try encoder.encode(ExportedSettings(results: results))
        settings.append(0x0A)
        try settings.write(to: URL(fileURLWithPath: settingsPath))
        paths.append(settingsPath)
        return paths
    }

    static func tables(_ results: AnalysisResults) -> [Table] {
        let countries = results.countryShares.sorted {
            ($0.technology, $0.windowStart, $0.counting.rawValue, $0.rank, $0.country) < ($1.technology, $1.windowStart, $1.counting.rawValue, $1.rank, $1.country)
        }
        let summaries = results.technologySummaries.sorted {
            ($0.technology, $0.windowStart, $0.counting.rawValue) < ($1.technology, $1.windowStart, $1.counting.rawValue)
        }
        let institutions = results.institutions.sorted {
            ($0.technology, $0.windowStart, $0.counting.rawValue, $0.rank) < ($1.technology, $1.windowStart, $1.counting.rawValue, $1.rank)
        }
        let mobility = results.mobility.sorted {
            ($0.technology, $0.windowStart, $0.origin, $0.destination) < ($1.technology, $1.windowStart, $1.origin, $1.destination)
        }
        let headline = results.headline.sorted {
            ($0.windowStart, $0.counting.rawValue, -$0.technologiesLed, $0.country) < ($1.windowStart, $1.counting.rawValue, -$1.technologiesLed, $1.country)
        }
        return [
            Table(name: "country_shares", columns: ["technology", "window_start", "window_end", "counting", "country", "p", "p_top", "share",
                                                    "pp_top", "rank", "h_index", "ci_low", "ci_high", "p_leader", "adjusted_share",
                                                    "adjusted_rank", "inwardness", "low_evidence"],
                  rows: countries.map { [.text($0.technology), .integer($0.windowStart), .integer($0.windowEnd), .text($0.counting.rawValue),
                                         .text($0.country), .number($0.p), .number($0.pTop), .number($0.share), .number($0.ppTop),
                                         .integer($0.rank), .integer($0.hIndex), .number($0.ciLow), .number($0.ciHigh), .number($0.pLeader),
                                         .number($0.adjustedShare), .integer($0.adjustedRank), .number($0.inwardness), .flag($0.lowEvidence)] }),
            Table(name: "technology_summary", columns: ["technology", "name", "category", "window_start", "window_end", "counting", "works",
                                                        "top_works", "leader", "leader_share", "runner_up", "runner_up_share", "lead_ratio",
                                                        "leader_institutions_in_top10", "tmr", "p_leader", "adjusted_leader",
                                                        "whole_counting_leader", "low_evidence"],
                  rows: summaries.map { [.text($0.technology), .text($0.name), .text($0.category), .integer($0.windowStart), .integer($0.windowEnd),
                                         .text($0.counting.rawValue), .integer($0.works), .number($0.topWorks), .text($0.leader),
                                         .number($0.leaderShare), .text($0.runnerUp), .number($0.runnerUpShare), .number($0.leadRatio),
                                         .integer($0.leaderInstitutionsInTop10), .text($0.tmr), .number($0.pLeader), .text($0.adjustedLeader),
                                         .text($0.wholeCountingLeader), .flag($0.lowEvidence)] }),
            Table(name: "institutions", columns: ["technology", "window_start", "window_end", "counting", "rank", "institution_id", "name",
                                                  "country", "p_top", "share"],
                  rows: institutions.map { [.text($0.technology), .integer($0.windowStart), .integer($0.windowEnd), .text($0.counting.rawValue),
                                            .integer($0.rank), .text($0.institutionID), .text($0.name), .text($0.country), .number($0.pTop),
                                            .number($0.share)] }),
            Table(name: "mobility", columns: ["technology", "window_start", "window_end", "origin", "destination", "authors"],
                  rows: mobility.map { [.text($0.technology), .integer($0.windowStart), .integer($0.windowEnd), .text($0.origin),
                                        .text($0.destination), .integer($0.authors)] }),
            Table(name: "headline", columns: ["window_start", "window_end", "counting", "country", "technologies_led", "technologies_top5"],
                  rows: headline.map { [.integer($0.windowStart), .integer($0.windowEnd), .text($0.counting.rawValue), .text($0.country),
                                        .integer($0.technologiesLed), .integer($0.technologiesTop5)] }),
        ]
    }

    static func csv(_ table: Table) -> String {
        var lines = [table.columns.joined(separator: ",")]
        for row in table.rows {
            lines.append(row.map { cell in
                switch cell {
                case .text(let text): return csvQuoted(text ?? "")
                case .number(let value): return value.map(number) ?? ""
                case .integer(let value): return value.map(String.init) ?? ""
                case .flag(let flag): return flag ? "true" : "false"
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ table: Table) -> String {
        let objects = table.rows.map { row in
            "{" + zip(table.columns, row).map { column, cell in
                let value: String
                switch cell {
                case .text(let text): value = text.map(jsonString) ?? "null"
                case .number(let number): value = number.map { $0.isFinite ? Self.number($0) : "null" } ?? "null"
                case .integer(let integer): value = integer.map(String.init) ?? "null"
                case .flag(let flag): value = flag ? "true" : "false"
                }
                return "\(jsonString(column)):\(value)"
            }.joined(separator: ",") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "" : "\n") + "]\n"
    }

    /// Full precision: Swift's shortest representation that reads back to the same Double.
    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : (value > 0 ? "inf" : value < 0 ? "-inf" : "nan")
    }

    static func csvQuoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// `settings.json`: what produced the exported figures.
private struct ExportedSettings: Encodable {
    let settings: AnalysisSettings
    let taxonomyHash: String
    let synthetic: Bool
    let note: String

    init(results: AnalysisResults) {
        settings = results.settings
        taxonomyHash = results.taxonomyHash
        synthetic = results.synthetic
        note = results.synthetic ? "SYNTHETIC DATA: generated records, not bibliometric evidence" : "computed from ingested records"
    }
}
