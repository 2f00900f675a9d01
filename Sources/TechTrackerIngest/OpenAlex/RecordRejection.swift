/// A JSON text, or one item in it, that was not turned into a `Work`, with why and where.
public struct RecordRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset within the parsed text where the problem is: the offending byte for
    /// malformed JSON, a bad field's value, or the start of a rejected item.
    public internal(set) var offset: Int
    /// What is wrong, e.g. `"expected ',' or '}' in object"`, `"record has no id"`,
    /// `"invalid UTF-8"`.
    public internal(set) var reason: String
    /// The work id when it had been read before the problem was found.
    public internal(set) var recordID: String?

    /// Makes a rejection.
    init(offset: Int, reason: String, recordID: String? = nil) {
        self.offset = offset
        self.reason = reason
        self.recordID = recordID
    }

    /// `reason at byte offset (record id)`.
    public var description: String {
        let record = recordID.map { " (record \($0))" } ?? ""
        return "\(reason) at byte \(offset)\(record)"
    }
}
