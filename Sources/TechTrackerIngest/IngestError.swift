/// Errors that stop an ingest before or outside record reading (a bad record is a
/// `RecordRejection`, counted and skipped, not an error).
public enum IngestError: Error, Sendable, CustomStringConvertible {
    /// A path named on the command line does not exist (or is a link to nothing).
    case inputNotFound(String)
    /// A path named on the command line is a symbolic link that leads back to itself.
    case symbolicLinkLoop(String)
    /// A path named on the command line (or a file found earlier) is a FIFO, socket or
    /// device: reading one could block forever or never end. `kind` says which.
    case notRegularFile(path: String, kind: String)
    /// A path named on the command line is one the run writes (the store, its journal files,
    /// the `--rejects` file): reading it back would ingest the run's own output.
    case inputIsOutput(path: String, role: String)
    /// The `--rejects` file named is the store itself: writing it would destroy the store.
    case rejectsFileIsStore(String)
    /// A file or folder could not be opened or read.
    case unreadable(path: String, reason: String)

    /// The message for the user, naming the path.
    public var description: String {
        switch self {
        case .inputNotFound(let path): "no such file or folder: \(path)"
        case .symbolicLinkLoop(let path): "symbolic link loop: \(path)"
        case .notRegularFile(let path, let kind): "not a regular file: \(path) (\(kind))"
        case .inputIsOutput(let path, let role): "\(path) is \(role), not an input"
        case .rejectsFileIsStore(let path): "--rejects \(path) is the store itself; name another file"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        }
    }
}
