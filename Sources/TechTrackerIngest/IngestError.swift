/// Errors that stop an ingest before or outside record reading (a bad record is a
/// `RecordRejection`, counted and skipped, not an error).
public enum IngestError: Error, Sendable, CustomStringConvertible {
    /// A path named on the command line does not exist.
    case inputNotFound(String)
    /// A file or folder could not be opened or read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .inputNotFound(let path): "no such file or folder: \(path)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        }
    }
}
