/// A patent-citation file that cannot be read at all: its header does not say where the
/// values are. (A bad row is a `PatentRowProblem`, counted and skipped, not an error.)
public enum PatentFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file holds no header (empty, or only blank lines).
    case noHeader(file: String)
    /// The header lacks a column the layout needs (`missing`: names, or for a generic file what
    /// is missing and the names that would do). `recognised` is true when the layout was
    /// recognised from the header rather than asked for.
    case missingColumns(file: String, layout: PatentFileLayout, missing: [String], found: [String], recognised: Bool)
    /// The first line is longer than any header (no line end within `PatentRecordSplitter`'s
    /// limit): not a text table, or lines that end with a lone CR.
    case headerTooLong(file: String, loneCarriageReturns: Bool)

    /// The message for the user, naming the file.
    public var description: String {
        switch self {
        case .noHeader(let file):
            return "\(file): no header line (the file is empty)"
        case .missingColumns(let file, let layout, let missing, let found, let recognised):
            let shown = found.isEmpty ? "no columns" : found.map { "\"\($0)\"" }.joined(separator: ", ")
            let how = recognised ? "read as" : "--layout"
            switch layout {
            case .relianceOnScience:
                let what = missing.joined(separator: ", ") + (missing.count == 1 ? " column" : " columns")
                return "\(file): no \(what) (\(how) \(layout.rawValue)); the header has \(shown); a Reliance on "
                    + "Science file has " + PatentColumns.relianceOnScienceColumns.joined(separator: ", ")
            case .generic:
                return "\(file): no \(missing.joined(separator: " and ")) (\(how) \(layout.rawValue)); the header has "
                    + shown
            }
        case .headerTooLong(let file, let loneCarriageReturns):
            if loneCarriageReturns {
                return "\(file): its lines end with a lone CR (old Mac line ends); convert them to LF"
            }
            return "\(file): the first line is longer than \(PatentRecordSplitter.defaultMaximumRecordBytes >> 10) KB: "
                + "not a CSV or tab-separated table"
        }
    }
}

/// A row of a patent-citation file that was skipped, with where it is and what was wrong.
public struct PatentRowProblem: Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public enum Kind: String, Sendable, CaseIterable {
        /// Not as many fields as the header has columns.
        case fieldCount = "field count"
        /// A work id that is not an OpenAlex work number (`2741809807`, `W2741809807` or its URL).
        case workID = "work id"
        /// A DOI that is not one.
        case doi
        /// Neither a work id nor a DOI.
        case noWork = "no work"
        /// An empty patent id.
        case emptyPatent = "empty patent"
        /// A confidence that is not a number from 1 to 10.
        case confidence
        /// A `reftype` other than app, exm, unk, oth.
        case referenceType = "reftype"
        /// A `wherefound` other than frontonly, bodyonly, both.
        case place = "wherefound"
        /// A self-citation flag that is not 0/1, true/false, yes/no or self/notself.
        case selfCitation = "self-citation flag"
        /// A year outside 1800-2200, or a date without one.
        case year
        /// A row longer than the reader accepts.
        case tooLong = "too long"
        /// A quoted field still open at the end of the file.
        case unterminatedQuote = "unterminated quote"
        /// The rest of a damaged file (corrupt or cut-off gzip, a read error): whatever it held
        /// is counted as one rejected row.
        case unreadableRest = "unreadable rest"
    }

    /// The file as given.
    public var file: String
    /// The 1-based line the row starts on.
    public var line: Int
    /// What was wrong.
    public var kind: Kind
    /// The details, with the value as read.
    public var detail: String

    /// Makes a problem.
    public init(file: String, line: Int, kind: Kind, detail: String) {
        self.file = file; self.line = line; self.kind = kind; self.detail = detail
    }

    /// `file:line: detail`.
    public var description: String { "\(file):\(line): \(detail)" }
}
