/// Something in a stored record that could not be attributed as the source meant it: the record
/// is kept, and the warning says what of it was lost or left unknown.
///
/// Warnings are counted by kind in the ingest summary, with the first few of each kind quoted
/// (file, line, record and the offending text), so that an analyst sees, for example, which
/// address segments named no country the table knows.
public struct IngestWarning: Sendable, Equatable {
    /// The kinds of warning.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// An address whose last segment names no country the table knows; its authors' share
        /// is "unknown" (METHOD §3), never guessed.
        case unrecognisedCountry = "unrecognised country"
        /// An author named in no address group while other authors are: no known country.
        case authorWithoutAddress = "author without an address"
        /// Address text that could not be split into addresses or matched to authors (run-together
        /// addresses of a damaged custom export, a group naming an author not on the byline).
        case unattributedAddress = "address not attributed"
        /// A field whose value could not be read (a year that is not a number, a negative
        /// citation count); the field is left empty.
        case unreadableField = "unreadable field"
        /// A damaged line or field of the file that was skipped while the record around it was
        /// kept.
        case damagedText = "damaged text"
        /// Something about the file as a whole that loses no record by itself: a required column
        /// missing (each row is then rejected or kept on its own merits), a column named twice,
        /// rows shorter than the header, an empty file.
        case fileLayout = "file layout"

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The file it came from.
    public var path: String
    /// The 1-based line where the record starts (or the damaged line).
    public var line: Int
    /// The record's id, when it has one.
    public var recordID: String?
    /// What kind of warning it is.
    public var kind: Kind
    /// What was wrong, quoting the text concerned.
    public var detail: String
    /// The text the warning is about, for counting alike warnings together: for an
    /// unrecognised country, the address segment that named none.
    public var subject: String?

    /// Makes a warning.
    public init(
        path: String, line: Int, recordID: String? = nil, kind: Kind, detail: String, subject: String? = nil
    ) {
        self.path = path
        self.line = line
        self.recordID = recordID
        self.kind = kind
        self.detail = detail
        self.subject = subject
    }

    /// `path:line: kind: detail [record id]`.
    public var message: String {
        var result = "\(path):\(line): \(kind.rawValue): \(detail)"
        if let recordID { result += " [record \(recordID)]" }
        return result
    }
}
