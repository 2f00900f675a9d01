/// The columns of a Scopus CSV export, as its header names them.
///
/// Scopus has changed its column names and order over the years ("Funding Text 1" became
/// "Funding Texts", "Author full names" and "Author(s) ID" came and moved), so columns are found
/// by name, never by position: names compare case-insensitively, trimmed, with a byte order mark
/// before the first one removed. Unknown columns are kept and ignored.
public struct ScopusHeader: Sendable, Equatable {
    /// The column names as written (trimmed, a byte order mark removed), in file order.
    public let names: [String]
    /// Column index by comparable name (``key(_:)``); the first column of a repeated name wins.
    private let indexByKey: [String: Int]
    /// The columns the mapper reads, resolved once for the whole file.
    let known: ScopusKnownColumns

    /// Makes a header from the names of its columns.
    public init(names: [String]) {
        let cleaned = names.map { Self.clean($0) }
        self.names = cleaned
        var index: [String: Int] = [:]
        for (position, name) in cleaned.enumerated() where index[Self.key(name)] == nil {
            index[Self.key(name)] = position
        }
        self.indexByKey = index
        self.known = ScopusKnownColumns(index)
    }

    /// The index of the column called `name` (case-insensitive, trimmed); `nil` when absent.
    public func index(of name: String) -> Int? {
        indexByKey[Self.key(name)]
    }

    /// The columns every export must have: without them a row is no work.
    public static let requiredColumns = ["Title", "Year", "EID"]

    /// The comparable form of a column name: trimmed, a byte order mark removed, lower-cased.
    static func key(_ name: String) -> String {
        clean(name).lowercased()
    }

    /// A column name trimmed of whitespace and of a byte order mark at its start.
    private static func clean(_ name: String) -> String {
        var text = Substring(name)
        while text.unicodeScalars.first == "\u{FEFF}" { text = text.dropFirst() }
        return String(ScopusText.trimmed(text))
    }
}

/// The indices of the columns the mapper reads, each under the names Scopus has used for it.
struct ScopusKnownColumns: Sendable, Equatable {
    var authors: Int?
    var authorFullNames: Int?
    var authorIDs: Int?
    var title: Int?
    var year: Int?
    var citedBy: Int?
    var doi: Int?
    var affiliations: Int?
    var authorsWithAffiliations: Int?
    var abstract: Int?
    var authorKeywords: Int?
    var indexKeywords: Int?
    var references: Int?
    var language: Int?
    var documentType: Int?
    var eid: Int?

    init(_ index: [String: Int]) {
        func find(_ names: String...) -> Int? {
            for name in names { if let position = index[name] { return position } }
            return nil
        }
        authors = find("authors")
        authorFullNames = find("author full names")
        authorIDs = find("author(s) id", "authors id", "author id")
        title = find("title")
        year = find("year")
        citedBy = find("cited by")
        doi = find("doi")
        affiliations = find("affiliations")
        authorsWithAffiliations = find("authors with affiliations")
        abstract = find("abstract")
        authorKeywords = find("author keywords")
        indexKeywords = find("index keywords")
        references = find("references")
        language = find("language of original document")
        documentType = find("document type")
        eid = find("eid")
    }
}

/// One record of a Scopus CSV export: its field values by column, not yet interpreted.
public struct ScopusRow: Sendable, Equatable {
    /// The 1-based line where the row starts (a quoted field may span several lines).
    public var line: Int
    /// The file's columns.
    public var header: ScopusHeader
    /// The field values, one per column of `header` (a short row's missing fields are empty),
    /// as written: quoted values unquoted with `""` read as `"`, unquoted values trimmed.
    public var fields: [String]

    /// Makes a row; `fields` is padded with empty values, or cut, to the header's width.
    public init(line: Int, header: ScopusHeader, fields: [String]) {
        self.line = line
        self.header = header
        var fields = fields
        if fields.count > header.names.count { fields.removeLast(fields.count - header.names.count) }
        while fields.count < header.names.count { fields.append("") }
        self.fields = fields
    }

    /// The value of the column called `name`, trimmed; `nil` when the column is absent or the
    /// value is empty or Scopus's `NA`.
    public func value(_ name: String) -> String? {
        value(at: header.index(of: name)).map(String.init)
    }

    /// The value of the column called `name` (see ``value(_:)``).
    public subscript(_ name: String) -> String? { value(name) }

    /// The value in column `index`, trimmed; `nil` when the index is `nil` or out of range, or the
    /// value is empty or `NA`.
    func value(at index: Int?) -> Substring? {
        guard let index, fields.indices.contains(index) else { return nil }
        let text = ScopusText.trimmed(fields[index][...])
        return text.isEmpty || text == "NA" ? nil : text
    }
}

/// Something wrong in a Scopus CSV export: where it is and what it is.
public struct ScopusReadProblem: Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problem the reader reports.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The file holds nothing but a byte order mark, blank lines or nothing at all.
        case emptyFile = "empty file"
        /// The first line is not the header of a comma-separated Scopus export (a Web of Science
        /// file, a CSV saved with semicolons, another table); nothing is read.
        case notScopusHeader = "not a Scopus header"
        /// A required column (Title, Year, EID) is not in the header; the rows are still read.
        case missingColumn = "missing column"
        /// A row with more fields than the header has columns; it is skipped, as its fields
        /// cannot be matched to columns.
        case tooManyFields = "too many fields"
        /// A row with fewer fields than the header, so that a required column has no value; it is
        /// read with its missing fields empty.
        case tooFewFields = "too few fields"
        /// Rows with more fields than the header, read as funding texts the header does not list
        /// (some exports number their "Funding Text" columns for fewer texts than rows hold);
        /// reported once, at the first such row.
        case unlistedFundingText = "unlisted funding text"
        /// A quoted field still open when the file ended (a truncated export): the row it belongs
        /// to is skipped; the rows before it are kept.
        case unterminatedQuote = "unterminated quoted field"
        /// A quote inside an unquoted field, or text after a closing quote: the text is kept as
        /// written.
        case strayQuote = "stray quote"
    }

    /// The 1-based line of the problem.
    public var line: Int
    /// What kind of problem it is.
    public var kind: Kind
    /// What was wrong, in words, with the offending text where it helps.
    public var detail: String

    /// Makes a problem.
    public init(line: Int, kind: Kind, detail: String) {
        self.line = line
        self.kind = kind
        self.detail = detail
    }

    /// `line N: detail`.
    public var description: String { "line \(line): \(detail)" }
}

/// What the reader found in one Scopus export: its header, its rows and its problems.
public struct ScopusReadResult: Sendable, Equatable {
    /// The column names as the header gives them; empty when the file has no usable header.
    public var header: [String]
    /// The rows in file order.
    public var rows: [ScopusRow]
    /// The problems in line order.
    public var problems: [ScopusReadProblem]

    /// Makes a result.
    public init(header: [String], rows: [ScopusRow], problems: [ScopusReadProblem]) {
        self.header = header
        self.rows = rows
        self.problems = problems
    }
}

/// Byte-level text helpers shared by the Scopus reader and mapper.
enum ScopusText {
    /// Whether `byte` is ASCII white space (space, tab, CR, LF).
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// `text` without ASCII white space (and no-break spaces) at either end.
    static func trimmed(_ text: Substring) -> Substring {
        var start = text.startIndex
        var end = text.endIndex
        let utf8 = text.utf8
        while start < end {
            let byte = utf8[start]
            if isSpace(byte) {
                start = utf8.index(after: start)
            } else if byte == 0xC2, utf8.index(after: start) < end, utf8[utf8.index(after: start)] == 0xA0 {
                start = utf8.index(start, offsetBy: 2)
            } else {
                break
            }
        }
        while start < end {
            let last = utf8.index(before: end)
            let byte = utf8[last]
            if isSpace(byte) {
                end = last
            } else if byte == 0xA0, last > start, utf8[utf8.index(before: last)] == 0xC2 {
                end = utf8.index(before: last)
            } else {
                break
            }
        }
        return text[start..<end]
    }

    /// The parts of `text` between occurrences of `"; "` (or of `";"` alone when
    /// `spaceRequired` is false), each trimmed, empty parts left out.
    static func split(_ text: Substring, spaceRequired: Bool = true) -> [Substring] {
        var parts: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: ";") {
                let next = utf8.index(after: index)
                if !spaceRequired || (next < utf8.endIndex && utf8[next] == UInt8(ascii: " ")) {
                    let part = trimmed(text[start..<index])
                    if !part.isEmpty { parts.append(part) }
                    start = next
                    index = next
                    continue
                }
            }
            index = utf8.index(after: index)
        }
        let part = trimmed(text[start..<utf8.endIndex])
        if !part.isEmpty { parts.append(part) }
        return parts
    }

    /// The UTF-8 bytes of `text`, copied at once when its storage is contiguous (as it is for
    /// native strings) rather than byte by byte.
    static func bytes(_ text: Substring) -> [UInt8] {
        text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
    }

    /// The first `limit` characters of `text`, for quoting it in a message.
    static func excerpt(_ text: some StringProtocol, limit: Int = 80) -> String {
        let head = text.prefix(limit)
        return head.endIndex < text.endIndex ? String(head) + "…" : String(text)
    }
}
