public import TechTrackerCore

/// What turning one record of a Web of Science or Scopus export into a `Work` gave: the work,
/// or why the record cannot be stored, and warnings about parts of it that could not be
/// attributed. The file reader adds the file and line.
public struct MappedRecord: Sendable, Equatable {
    /// The work; `nil` when the record is rejected.
    public var work: Work?
    /// Why the record is rejected, naming the field (`"no publication year (PY)"`); `nil` when
    /// it is stored.
    public var rejection: String?
    /// Parts of a stored (or rejected) record that could not be attributed.
    public var warnings: [RecordWarning]

    /// A stored record.
    public static func stored(_ work: Work, warnings: [RecordWarning] = []) -> MappedRecord {
        MappedRecord(work: work, rejection: nil, warnings: warnings)
    }

    /// A rejected record.
    public static func rejected(_ reason: String, warnings: [RecordWarning] = []) -> MappedRecord {
        MappedRecord(work: nil, rejection: reason, warnings: warnings)
    }
}

/// One warning about a record, before the file reader places it in a file.
public struct RecordWarning: Sendable, Equatable {
    /// What kind of warning.
    public var kind: IngestWarning.Kind
    /// What was wrong, quoting the text concerned.
    public var detail: String
    /// The text the warning is about (`IngestWarning.subject`): for an unrecognised country,
    /// the address segment.
    public var subject: String?

    /// Makes a warning.
    public init(_ kind: IngestWarning.Kind, _ detail: String, subject: String? = nil) {
        self.kind = kind
        self.detail = detail
        self.subject = subject
    }
}
