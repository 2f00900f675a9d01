import Foundation

/// The formats `ingest` reads, recognised by their content (never by the file's name), or named
/// with `--format` when the content is ambiguous or a file must be read one way.
public enum InputFormat: String, Sendable, CaseIterable, Hashable {
    /// OpenAlex works: JSON Lines (a snapshot), an API page, a single work (JSON).
    case openAlex = "openalex"
    /// The Web of Science plain-text ("Full Record") export: `FN`, `VR`, tagged lines, `ER`.
    case wosPlainText = "wos"
    /// The Web of Science tab-delimited export: a header row of field tags, one record a row.
    case wosTabDelimited = "wos-tab"
    /// A Scopus CSV export (2016, 2022 and 2024+ layouts).
    case scopusCSV = "scopus"

    /// What the format is called in messages.
    public var name: String {
        switch self {
        case .openAlex: "OpenAlex JSON"
        case .wosPlainText: "Web of Science plain text"
        case .wosTabDelimited: "Web of Science tab-delimited"
        case .scopusCSV: "Scopus CSV"
        }
    }

    /// Whether records of this format are read from the whole file at once (exports of a few
    /// thousand records) rather than line by line (snapshots of millions).
    var isExport: Bool { self != .openAlex }

    /// What the first bytes of a file (after decompression) say it is.
    public enum Detection: Equatable, Sendable {
        /// A format this program reads.
        case format(InputFormat)
        /// A recognised file this program does not read, with what to do instead.
        case unsupported(String)
        /// Nothing recognised.
        case unknown
    }

    /// How many bytes of a file `detect` needs at most.
    public static let detectionBytes = 8192

    /// Recognises a format from the start of a file: a byte order mark and blank lines are
    /// skipped; `{` or `[` is JSON (OpenAlex); a line of a tag and a space (`FN `, `PT `) is a
    /// Web of Science plain-text export; a tab-separated row of tags is its tab-delimited
    /// export; a comma- (or wrongly semicolon-) separated header naming `Title` and `Year` is
    /// Scopus (whose reader then names any required column that is missing). OpenAlex's own CSV
    /// download is recognised to say that it is not read.
    public static func detect(head bytes: some Collection<UInt8>) -> Detection {
        var text = Substring(String(decoding: bytes.prefix(detectionBytes), as: UTF8.self))
        if text.unicodeScalars.first == "\u{FEFF}" { text = text.dropFirst() }
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard let firstLine = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return .unknown }
        let line = firstLine.drop(while: { $0 == " " || $0 == "\t" })
        if line.hasPrefix("{") || line.hasPrefix("[") { return .format(.openAlex) }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        if fields.count >= 3 && fields.allSatisfy(WoSText.isTag) { return .format(.wosTabDelimited) }
        if line.count >= 3, WoSText.isTag(line.prefix(2)), line.dropFirst(2).first == " " || line.count == 2 {
            return .format(.wosPlainText)
        }
        let names = Set(
            line.split(whereSeparator: { $0 == "," || $0 == ";" }).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\u{FEFF}")).lowercased()
            })
        if names.contains("id") && names.contains("display_name")
            && names.contains(where: { $0.hasPrefix("authorships.") })
        {
            return .unsupported(
                "an OpenAlex CSV download, which flattens authorships and cannot give each author's "
                    + "institutions; download the works as JSON (the API or a snapshot) instead")
        }
        if isPatentCitationHeader(line) {
            return .unsupported(
                "a patent-to-paper citation table (Reliance on Science or similar); "
                    + "read it with `techtracker ingest-patents` once the works are ingested")
        }
        if names.contains("title") && names.contains("year") {
            // The only table read is Scopus's: a table of titles and years is read as one, so
            // that a missing column is named rather than every line failing as JSON.
            return .format(.scopusCSV)
        }
        return .unknown
    }

    /// Whether a header row names a patent column and a cited-work column: a patent-to-paper
    /// citation table (`reftype,confscore,oaid,patent,…`, tab- or comma-separated), which
    /// `ingest-patents` reads, not `ingest`.
    static func isPatentCitationHeader(_ line: Substring) -> Bool {
        let names = Set(
            line.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" }).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\u{FEFF}")).lowercased()
            })
        let patent = ["patent", "patent_id", "publication_number", "lens_id"].contains(where: names.contains)
        let work = ["oaid", "work_id", "openalex_id", "doi", "magid", "pmid"].contains(where: names.contains)
        return patent && work
    }
}
