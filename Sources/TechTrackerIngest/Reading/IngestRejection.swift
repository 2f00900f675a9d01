/// A record (or the rest of a damaged file) that could not be stored: where it was and why.
public struct IngestRejection: Sendable, Equatable {
    /// The file it came from.
    public var path: String
    /// The 1-based line (of the file's text after decompression).
    public var line: Int
    /// The byte offset within that line where the problem was found, when known.
    public var offset: Int?
    /// What was wrong.
    public var reason: String
    /// The work id, when it was read before the problem.
    public var recordID: String?
    /// The rejected text (the line), for `--rejects`; empty when not kept (very long texts,
    /// or a damaged file's lost remainder).
    public var text: [UInt8]

    /// Makes a rejection.
    public init(
        path: String, line: Int, offset: Int? = nil, reason: String, recordID: String? = nil, text: [UInt8] = []
    ) {
        self.path = path
        self.line = line
        self.offset = offset
        self.reason = reason
        self.recordID = recordID
        self.text = text
    }

    /// `path:line[:offset]: reason [record W…]`, the form compilers use, so editors can jump to it.
    public var message: String {
        var result = "\(path):\(line)"
        if let offset { result += " (byte \(offset))" }
        result += ": \(reason)"
        if let recordID { result += " [record \(recordID)]" }
        return result
    }
}
