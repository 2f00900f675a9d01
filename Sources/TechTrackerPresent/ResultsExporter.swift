public import Foundation
public import TechTrackerCore

/// Writes `AnalysisResults` as the documented export files (`country_shares`,
/// `technology_summary`, `institutions`, `mobility`, `mobility_gains`, `headline`, with patent
/// data also `patent_linkage`, `patent_summary`, `patent_headline`, plus `settings.json`), in
/// CSV or JSON. Rows are sorted on their keys and numbers printed in full
/// (shortest round-trip form), so the same results always give byte-identical files.
///
/// Each file is written under a temporary name in the same folder and renamed into place once
/// every file is complete: a failed or killed export leaves the previous files (or none), never
/// a truncated file under a final name.
public enum ResultsExporter {
    /// The file formats.
    public enum Format: String, Sendable, CaseIterable {
        /// Comma-separated values with a header line; `inf` for unbounded ratios.
        case csv
        /// A JSON array of objects, one per row; `null` for missing or unbounded numbers.
        case json
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

    /// Writes every table into `directory` (created if needed); returns the final paths, in the
    /// documented order of the files. Failures are `WriteError`s that say what and where.
    @discardableResult
    public static func write(_ results: AnalysisResults, format: Format, to directory: String) throws -> [String] {
        try createFolder(directory)
        let files = try files(results, format: format, in: directory)
        try writeAll(files)
        return files.map(\.path)
    }

    /// The export files of `results` (final path and bytes), in the documented order, for
    /// `writeAll` together with other files that must appear all-or-nothing with them.
    public static func files(
        _ results: AnalysisResults, format: Format, in directory: String
    ) throws -> [(path: String, data: Data)] {
        var files: [(path: String, data: Data)] = tables(results).map { table in
            (directory + "/\(table.name).\(format.rawValue)", Data((format == .csv ? csv(table) : json(table)).utf8))
        }
        files.append((directory + "/settings.json", try settingsJSON(results)))
        return files
    }

    /// `settings.json`: sorted keys and a final newline, so equal settings give equal bytes
    /// (keys the settings gain later appear in their sorted place without changes here).
    static func settingsJSON(_ results: AnalysisResults) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(ExportedSettings(results: results))
        data.append(0x0A)
        return data
    }

    static func csv(_ table: Table) -> String {
        var text = table.columns.joined(separator: ",") + "\n"
        for row in table.rows { text += csvLine(row) + "\n" }
        return text
    }

    /// One CSV line (no newline); also the last tie-break of row order, see `sorted(_:by:)`.
    static func csvLine(_ row: [Cell]) -> String {
        row.map { cell in
            switch cell {
            case .text(let text): return csvQuoted(text ?? "")
            case .number(let value): return value.map(number) ?? ""
            case .integer(let value): return value.map(String.init) ?? ""
            case .flag(let flag): return flag ? "true" : "false"
            }
        }.joined(separator: ",")
    }

    static func json(_ table: Table) -> String {
        let objects = table.rows.map { row in
            "{"
                + zip(table.columns, row).map { column, cell in
                    let value: String
                    switch cell {
                    case .text(let text): value = text.map(jsonString) ?? "null"
                    // JSON has no infinity: an unbounded ratio is null, as a missing one (the CSV says `inf`).
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
    /// Absent (not null) without patent data, so that such an export is as it always was.
    let patents: ExportedPatents?

    init(results: AnalysisResults) {
        settings = results.settings
        taxonomyHash = results.taxonomyHash
        // Anything synthetic makes the whole set synthetic: the patent files sit beside the others.
        synthetic = results.needsSyntheticLabel
        note =
            results.synthetic
            ? "SYNTHETIC DATA: generated records, not bibliometric evidence"
            : results.needsSyntheticLabel
                ? "SYNTHETIC DATA: computed from ingested records with generated patent citations, not evidence"
                : "computed from ingested records"
        patents = results.patentData.map { ExportedPatents($0, filter: results.settings.patentFilter) }
    }
}
