/// Errors of the store that are not SQLite's own.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// A packed column could not be decoded.
    case corruptBlob(column: String, detail: String)
    /// The file was written by a newer version of the schema than this program knows.
    case unknownSchema(String)

    public var description: String {
        switch self {
        case .corruptBlob(let column, let detail): "corrupt packed column \(column): \(detail)"
        case .unknownSchema(let detail): "unknown store schema: \(detail)"
        }
    }
}
