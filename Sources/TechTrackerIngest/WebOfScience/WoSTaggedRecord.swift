/// One field of a Web of Science record: its two-character tag and its values.
public struct WoSField: Sendable, Equatable {
    /// The two-character tag, such as `AU`, `TI`, `C1` or `UT`.
    public var tag: String
    /// The values in file order. In a plain-text export each line of the field is one value (one
    /// author in `AU`, one address in `C1`, one cited reference in `CR`, one line of a wrapped
    /// title in `TI`); in a tab-delimited export the field is one value as written.
    public var values: [String]

    /// Makes a field.
    public init(tag: String, values: [String]) {
        self.tag = tag
        self.values = values
    }
}

/// One Web of Science record read from an export, its fields kept by tag in file order and not
/// yet interpreted (no author or address parsing, no joining of wrapped lines).
public struct WoSTaggedRecord: Sendable, Equatable {
    /// The fields in file order. A tag normally appears once; when it appears again (a damaged
    /// file, or a tab-delimited header naming a column twice) each occurrence is kept.
    public var fields: [WoSField]
    /// The 1-based line where the record starts, for error messages.
    public var line: Int
    /// `false` when the file ended before the record was closed (a truncated plain-text export):
    /// its fields are what was read, and may lack the ones that followed, such as `UT`.
    public var isComplete: Bool

    /// Makes a record.
    public init(fields: [WoSField], line: Int, isComplete: Bool = true) {
        self.fields = fields
        self.line = line
        self.isComplete = isComplete
    }

    /// The tags in file order, a repeated tag once per occurrence.
    public var tags: [String] { fields.map(\.tag) }

    /// Every value of `tag`, from all its occurrences in file order; empty when it is absent.
    public func values(_ tag: String) -> [String] {
        fields.lazy.filter { $0.tag == tag }.flatMap(\.values)
    }

    /// The first value of `tag`, or `nil` when it is absent.
    public func first(_ tag: String) -> String? {
        for field in fields where field.tag == tag {
            if let value = field.values.first { return value }
        }
        return nil
    }

    /// Whether the record has a field with `tag`.
    public func contains(_ tag: String) -> Bool {
        fields.contains { $0.tag == tag }
    }

    /// The Web of Science accession number (`UT`, such as `WOS:000397201600008`), when present.
    public var accessionNumber: String? { first("UT") }
}

/// Something wrong in a Web of Science export: where it is and what it is.
public struct WoSReadProblem: Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problem the readers report.
    public enum Kind: Sendable, Equatable {
        /// The file holds nothing but a byte order mark, blank lines or nothing at all.
        case emptyFile
        /// A plain-text continuation line (three spaces) before any tag in its record.
        case continuationBeforeTag
        /// A plain-text record not closed by `ER` when the file ended: the record is still
        /// returned, with `isComplete == false`.
        case unterminatedRecord
        /// An `ER` outside any record.
        case strayRecordEnd
        /// Non-blank text after the `EF` that ends a plain-text file; it is not read.
        case textAfterEndOfFile
        /// A plain-text line that is neither `TG value` nor a continuation; it is skipped, with
        /// any continuation lines under it.
        case unrecognisedLine
        /// A tab-delimited header that is not a tab-separated list of tags (a comma-separated
        /// export, a plain-text export, or another table); nothing is read.
        case notTabDelimited
        /// A tab-delimited header without the `UT` column, so records have no accession number.
        case missingAccessionColumn
        /// A tab-delimited header naming a tag twice; both columns are kept.
        case duplicateColumn
        /// A tab-delimited row with more non-empty fields than the header has columns; the row
        /// is skipped, as its columns cannot be matched to tags.
        case tooManyFields
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

/// Splitting export text into lines and recognising tags, shared by both readers.
enum WoSText {
    /// The lines of `text` without their line ends, a leading byte order mark removed.
    ///
    /// Split on the `\n` byte rather than on `Character`s, because Swift treats `\r\n` as one
    /// character and other Unicode line separators (which can occur inside an abstract) are
    /// not line ends in these exports. A final `\r` is dropped so CRLF and LF files read alike.
    static func lines(_ text: String) -> [Substring] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
        var result: [Substring] = []
        var start = body.startIndex
        let utf8 = body.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                result.append(dropCarriageReturn(body[start..<index]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        // A final line without a line end still counts; an empty one after the last `\n` does not.
        if start < body.endIndex { result.append(dropCarriageReturn(body[start..<body.endIndex])) }
        return result
    }

    private static func dropCarriageReturn(_ line: Substring) -> Substring {
        line.utf8.last == UInt8(ascii: "\r") ? line.dropLast() : line
    }

    /// Whether `text` is a field tag: an uppercase letter, then an uppercase letter or a digit
    /// (`AU`, `C1`, `Z9`, `J9`).
    static func isTag<S: StringProtocol>(_ text: S) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 2 else { return false }
        let isUpper = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        return isUpper(bytes[0]) && (isUpper(bytes[1]) || isDigit(bytes[1]))
    }

    /// Whether a line is blank (empty or only spaces and tabs).
    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The first `limit` characters of `line`, for quoting it in a message.
    static func excerpt(_ line: Substring, limit: Int = 60) -> String {
        line.count > limit ? String(line.prefix(limit)) + "…" : String(line)
    }
}

/// What a Web of Science reader found in one export: its records and its problems.
public struct WoSReadResult: Sendable, Equatable {
    /// The records in file order.
    public var records: [WoSTaggedRecord]
    /// The problems in line order.
    public var problems: [WoSReadProblem]

    /// Makes a result.
    public init(records: [WoSTaggedRecord], problems: [WoSReadProblem]) {
        self.records = records
        self.problems = problems
    }
}
