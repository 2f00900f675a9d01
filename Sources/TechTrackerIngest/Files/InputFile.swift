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
    var size: Int
    /// Plain or gzip.
    public var encoding: Encoding

    /// Makes an input file description.
    init(path: String, size: Int, encoding: Encoding) {
        self.path = path
        self.size = size
        self.encoding = encoding
    }
}

/// Expands the paths given on a command line into the files to read.
///
/// A file named directly is read whatever it is called (its content decides how). A folder is
/// searched recursively for `.jsonl`, `.ndjson`, `.json` and `.gz` files, and for `.txt`,
/// `.isi`, `.ciw`, `.tsv`, `.tab` and `.csv` files whose content is a Web of Science or Scopus
/// export, in sorted order so that runs are repeatable; other files there (an OpenAlex
/// snapshot's `manifest`, READMEs) are listed in `skipped` rather than read. In the output
/// folder of a Spark or Hadoop job (`part-00000.gz`, …) the `_SUCCESS` marker and the `.crc`
/// checksum files are passed over silently, and a `_temporary` folder (an unfinished job's
/// attempts, which would repeat records) is skipped with a warning.
///
/// A messy folder must neither hang the run nor read anything twice, so:
/// - only regular files are read: a FIFO, socket or device (whatever its name) is skipped with
///   a warning, since reading one can block forever or never end;
/// - symbolic links are followed, but every real file (device and inode) is read once and every
///   folder searched once, so a link back up (`self -> ..`) cannot loop;
/// - the files the run itself writes (`outputs`: the store, its `-wal`/`-shm`, the rejects
///   file) are never read back, even when they sit in an input folder under a `.json` name.
///
/// A path named directly that cannot be read as asked for is an error that names it: missing,
/// a symbolic link loop, not a regular file, or one of the outputs.
public struct InputDiscovery: Sendable {
    /// A path that was found but not read, and why.
    public struct Skip: Sendable, Equatable {
        /// The path.
        public var path: String
        /// Why it was not read.
        public var reason: String
        /// Whether it may have held data the user expected to be read (a FIFO, a broken link,
        /// an unreadable folder), rather than a routine note (a README, a duplicate).
        public var isWarning: Bool
    }

    /// Files to read, in order.
    public private(set) var files: [InputFile] = []
    /// Paths under the given folders (or duplicates of named files) that were not read.
    public private(set) var skipped: [Skip] = []
    /// OpenAlex snapshot manifests found in the folders (named `manifest`), not read as records.
    public private(set) var manifests: [String] = []

    /// The checkpoint `techtracker harvest` keeps beside its pages: JSON, but no records, so a
    /// harvest's folder is ingested as it is.
    public static let harvestCheckpointName = "harvest-checkpoint.json"

    /// Extensions read when found inside a folder.
    static let recognisedExtensions = ["jsonl", "ndjson", "json", "gz"]
    /// Extensions of Web of Science and Scopus exports (`savedrecs.txt`, `scopus.csv`), read when
    /// found inside a folder if their content is an export.
    static let exportExtensions = ["txt", "isi", "ciw", "tsv", "tab", "csv"]

    /// Whether a name is a gzipped table (`x.csv.gz`, `x.tsv.gz`): read only when its content is
    /// an export, like a plain `.csv` found in a folder.
    static func isCompressedTable(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".csv.gz", ".tsv.gz", ".tab.gz", ".txt.gz"].contains { lower.hasSuffix($0) }
    }

    /// The lower-cased extension of a file name ("" without one).
    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The run's own output files, by identity, with what each is.
    private let outputs: [FileIdentity: String]
    /// Files already listed, with the path they were listed under.
    private var listedFiles: [FileIdentity: String] = [:]
    /// Folders already searched.
    private var searchedFolders: Set<FileIdentity> = []

    /// Looks at every path. `outputs` are files the run writes, with what each is (`"the
    /// store"`); those that exist are never read. Throws `IngestError` for a named path that
    /// is missing, a link loop, not a regular file or folder, or one of the outputs.
    public init(paths: [String], outputs: [(path: String, role: String)] = []) throws {
        var known: [FileIdentity: String] = [:]
        for output in outputs {
            if let identity = FileIdentity(path: output.path), known[identity] == nil { known[identity] = output.role }
        }
        self.outputs = known
        for path in paths { try add(named: path) }
    }

    /// Total size on disk of the files to read.
    public var totalBytes: Int { files.reduce(0) { $0 + $1.size } }

    /// A path named on the command line.
    private mutating func add(named path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ELOOP { throw IngestError.symbolicLinkLoop(path) }
            if code == ENOENT || code == ENOTDIR { throw IngestError.inputNotFound(path) }
            throw IngestError.unreadable(path: path, reason: Self.describe(code))
        }
        let identity = FileIdentity(info)
        if FileIdentity.isDirectory(info.st_mode) {
            guard searchedFolders.insert(identity).inserted else {
                skipped.append(Skip(path: path, reason: "already searched", isWarning: false))
                return
            }
            try collect(folder: path, isNamed: true)
        } else if !FileIdentity.isRegular(info.st_mode) {
            throw IngestError.notRegularFile(path: path, kind: FileIdentity.kind(of: info.st_mode))
        } else if let role = outputs[identity] {
            throw IngestError.inputIsOutput(path: path, role: role)
        } else {
            list(path, identity: identity, size: Int(info.st_size))
        }
    }

    /// Searches a folder; a subfolder that cannot be opened is skipped with a warning.
    private mutating func collect(folder: String, isNamed: Bool) throws {
        guard let directory = opendir(folder) else {
            let reason = Self.describe(errno)
            if isNamed { throw IngestError.unreadable(path: folder, reason: reason) }
            skipped.append(Skip(path: folder, reason: "cannot open folder: \(reason)", isWarning: true))
            return
        }
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
            try consider(path, name: name)
        }
    }

    /// One entry of a searched folder.
    private mutating func consider(_ path: String, name: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            let reason =
                switch code {
                case ELOOP: "symbolic link loop"
                case ENOENT: "broken symbolic link (its target does not exist)"
                default: "cannot read: \(Self.describe(code))"
                }
            skipped.append(Skip(path: path, reason: reason, isWarning: true))
            return
        }
        let identity = FileIdentity(info)
        if Self.isJobBookkeeping(name) {
            return
        } else if FileIdentity.isDirectory(info.st_mode) && name == "_temporary" {
            skipped.append(
                Skip(
                    path: path, reason: "the attempt files of a Spark or Hadoop job that did not finish, not read",
                    isWarning: true))
        } else if FileIdentity.isDirectory(info.st_mode) {
            guard searchedFolders.insert(identity).inserted else {
                skipped.append(
                    Skip(
                        path: path, reason: "a folder already searched (a link back up or a second link to it)",
                        isWarning: false))
                return
            }
            try collect(folder: path, isNamed: false)
        } else if !FileIdentity.isRegular(info.st_mode) {
            skipped.append(
                Skip(
                    path: path, reason: "not a regular file (\(FileIdentity.kind(of: info.st_mode)))",
                    isWarning: true))
        } else if let role = outputs[identity] {
            skipped.append(Skip(path: path, reason: "\(role), not read as input", isWarning: false))
        } else if name == "manifest" {
            manifests.append(path)
        } else if name == Self.harvestCheckpointName {
            skipped.append(
                Skip(path: path, reason: "the checkpoint of techtracker harvest, not records", isWarning: false))
        } else if Self.recognisedExtensions.contains(Self.fileExtension(name)) && !Self.isCompressedTable(name) {
            list(path, identity: identity, size: Int(info.st_size))
        } else if Self.exportExtensions.contains(Self.fileExtension(name)) || Self.isCompressedTable(name) {
            // A folder of exports also holds notes and other tables (a corpus folder may hold its
            // patent-citation table, `scopus.csv.gz` may be an export): only an export is read.
            let file = InputFile(path: path, size: Int(info.st_size), encoding: Self.encoding(of: path))
            switch Result(catching: { try InputFormat.detect(file: file) }) {
            case .success(.format(let format)) where format.isExport:
                list(path, identity: identity, size: Int(info.st_size))
            case .success(.format):
                // JSON in a `.csv.gz`: read as named, as any `.gz` would be.
                list(path, identity: identity, size: Int(info.st_size))
            case .success(.unsupported(let what)):
                skipped.append(Skip(path: path, reason: "not read: the file is \(what)", isWarning: true))
            case .failure(let error):
                skipped.append(Skip(path: path, reason: "cannot read: \(error)", isWarning: true))
            default:
                skipped.append(
                    Skip(path: path, reason: "not a Web of Science or Scopus export", isWarning: false))
            }
        } else {
            skipped.append(
                Skip(
                    path: path, reason: "not a .jsonl, .ndjson, .json or .gz file, nor an export", isWarning: false))
        }
    }

    /// The files Spark and Hadoop write beside a job's `part-NNNNN.gz` output: the `_SUCCESS`
    /// marker and the checksum files of the local file system (`.part-00000.gz.crc`). They are
    /// never records, so a job's output folder is read without a note per file.
    static func isJobBookkeeping(_ name: String) -> Bool {
        name == "_SUCCESS" || (name.hasPrefix(".") && name.hasSuffix(".crc"))
    }

    /// Adds a regular file unless the same file was listed already.
    private mutating func list(_ path: String, identity: FileIdentity, size: Int) {
        if let first = listedFiles[identity] {
            skipped.append(Skip(path: path, reason: "the same file as \(first), read once", isWarning: false))
            return
        }
        listedFiles[identity] = path
        files.append(InputFile(path: path, size: size, encoding: Self.encoding(of: path)))
    }

    /// gzip when the file starts with the gzip magic bytes 1f 8b.
    static func encoding(of path: String) -> InputFile.Encoding {
        // Non-blocking: were the file swapped for a FIFO since `stat`, the open must not hang.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .plain }
        defer { close(fd) }
        var magic: (UInt8, UInt8) = (0, 0)
        let got = withUnsafeMutableBytes(of: &magic) { read(fd, $0.baseAddress, 2) }
        return got == 2 && magic.0 == 0x1F && magic.1 == 0x8B ? .gzip : .plain
    }

    /// The message for an `errno` value.
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The message for the current `errno`.
    static func lastError() -> String { describe(errno) }
}
