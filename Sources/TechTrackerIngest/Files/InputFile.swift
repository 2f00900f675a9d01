#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file to ingest, as found by `InputDiscovery`.
public struct InputFile: Sendable, Hashable {
    /// How the file's bytes are stored.
    public enum Encoding: Sendable, Hashable {
        /// Plain UTF-8 text.
        case plain
        /// gzip-compressed (recognised by its magic bytes, whatever the file is called).
        case gzip
    }

    /// The path as given or found.
    public var path: String
    /// Size on disk in bytes.
    public var size: Int
    /// Plain or gzip.
    public var encoding: Encoding

    /// Makes an input file description.
    public init(path: String, size: Int, encoding: Encoding) {
        self.path = path
        self.size = size
        self.encoding = encoding
    }
}

/// Expands the paths given on a command line into the files to read.
///
/// A file named directly is always read (its content decides how). A folder is searched
/// recursively for `.jsonl`, `.ndjson`, `.json` and `.gz` files, in sorted order so that runs
/// are repeatable; other files there (an OpenAlex snapshot's `manifest`, READMEs) are listed in
/// `skipped` rather than read.
public struct InputDiscovery: Sendable {
    /// Files to read, in order.
    public private(set) var files: [InputFile] = []
    /// Files under the given folders that were not read, with the reason.
    public private(set) var skipped: [(path: String, reason: String)] = []
    /// OpenAlex snapshot manifests found in the folders (named `manifest`), not read as records.
    public private(set) var manifests: [String] = []

    /// Extensions read when found inside a folder.
    public static let recognisedExtensions = ["jsonl", "ndjson", "json", "gz"]

    /// Looks at every path; throws `IngestError.inputNotFound` for a path that does not exist.
    public init(paths: [String]) throws {
        for path in paths {
            guard let status = Self.status(of: path) else { throw IngestError.inputNotFound(path) }
            if status.isDirectory {
                try collect(folder: path)
            } else {
                files.append(InputFile(path: path, size: status.size, encoding: Self.encoding(of: path)))
            }
        }
    }

    /// Total size on disk of the files to read.
    public var totalBytes: Int { files.reduce(0) { $0 + $1.size } }

    private mutating func collect(folder: String) throws {
        guard let directory = opendir(folder) else { throw IngestError.unreadable(path: folder, reason: Self.lastError()) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(directory)
        for name in names.sorted() {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let status = Self.status(of: path) else { continue }
            if status.isDirectory {
                try collect(folder: path)
            } else if name == "manifest" {
                manifests.append(path)
            } else if let dot = name.lastIndex(of: "."),
                      Self.recognisedExtensions.contains(name[name.index(after: dot)...].lowercased()) {
                files.append(InputFile(path: path, size: status.size, encoding: Self.encoding(of: path)))
            } else {
                skipped.append((path, "not a .jsonl, .ndjson, .json or .gz file"))
            }
        }
    }

    private static func status(of path: String) -> (isDirectory: Bool, size: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return ((info.st_mode & S_IFMT) == S_IFDIR, Int(info.st_size))
    }

    /// gzip when the file starts with the gzip magic bytes 1f 8b.
    static func encoding(of path: String) -> InputFile.Encoding {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .plain }
        defer { close(fd) }
        var magic: (UInt8, UInt8) = (0, 0)
        let got = withUnsafeMutableBytes(of: &magic) { read(fd, $0.baseAddress, 2) }
        return got == 2 && magic.0 == 0x1F && magic.1 == 0x8B ? .gzip : .plain
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
