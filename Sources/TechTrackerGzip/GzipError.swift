/// What went wrong while reading or writing a gzip stream. Offsets count compressed bytes
/// from the start of the file, so a message can point at the damage.
enum GzipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file ended inside a gzip member: it was cut short (an interrupted download or copy).
    case truncated(compressedOffset: Int)
    /// The bytes are not valid gzip/deflate data at this point.
    case corrupt(compressedOffset: Int, reason: String)
    /// The operating system refused a read or write.
    case io(path: String, reason: String)
    /// zlib could not start (out of memory or a version mismatch).
    case zlib(code: Int32)

    var description: String {
        switch self {
        case .truncated(let offset):
            "truncated gzip: the file ends inside compressed data (at compressed byte \(offset))"
        case .corrupt(let offset, let reason):
            "corrupt gzip data at compressed byte \(offset): \(reason)"
        case .io(let path, let reason):
            "cannot access \(path): \(reason)"
        case .zlib(let code):
            "zlib failed to initialise (code \(code))"
        }
    }
}
