public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Putting export files in place: the folder, then every file under a temporary name, renamed
/// once all are complete. Written with POSIX calls rather than `Data.write` and
/// `FileManager.createDirectory`, whose failures surface as `NSCocoaErrorDomain Code=512` dumps;
/// here each failure keeps its `errno` and becomes "cannot write PATH: permission denied".
extension ResultsExporter {
    /// Why an export failed, in words: what could not be done, where, and the reason
    /// ("cannot create folder out: a file is in the way", "cannot write
    /// out/country_shares.csv: no space left on device"). The final files are then untouched.
    public struct WriteError: Error, CustomStringConvertible {
        /// What failed: `write` or `create folder`.
        public let action: String
        /// The file or folder, as the user named it (never a temporary name).
        public let path: String
        /// What is wrong, in words.
        public let reason: String

        /// Makes an error; `action` is `write` unless said otherwise.
        public init(action: String = "write", path: String, reason: String) {
            self.action = action
            self.path = path
            self.reason = reason
        }

        /// "cannot ACTION PATH: REASON".
        public var description: String { "cannot \(action) \(path): \(reason)" }
    }

    /// Creates `directory` and its missing parents. A file where a folder must be is named
    /// ("a file is in the way"), as are permissions and a full disk.
    public static func createFolder(_ directory: String) throws {
        var path = directory.hasPrefix("/") ? "" : "."
        let components = directory.split(separator: "/").filter { $0 != "." }
        for (index, component) in components.enumerated() {
            path += "/" + component
            var status = stat()
            if stat(path, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    // Name the file in the way when it is a parent, not the folder itself.
                    let blocker = index == components.count - 1 ? "" : " (\(displayed(path)))"
                    throw WriteError(action: "create folder", path: directory, reason: "a file is in the way\(blocker)")
                }
                continue
            }
            // Another export may create the same folder at the same moment: EEXIST is fine then.
            if mkdir(path, 0o777) != 0 && errno != EEXIST {
                throw WriteError(action: "create folder", path: directory, reason: reason(errno: errno))
            }
        }
    }

    /// Writes every file to a temporary name first and renames them into place only once all are
    /// complete and synced: a full disk or a crash half-way leaves the old set of files, not a
    /// mixture with a truncated one. Temporaries are removed on failure.
    public static func writeAll(_ files: [(path: String, data: Data)]) throws {
        var written: [(temporary: String, path: String)] = []
        do {
            for file in files {
                let temporary = temporaryPath(for: file.path)
                written.append((temporary, file.path))
                try writeSynced(file.data, to: temporary, reportedAs: file.path)
            }
            for file in written where rename(file.temporary, file.path) != 0 {
                throw WriteError(path: file.path, reason: reason(errno: errno))
            }
        } catch {
            for file in written { unlink(file.temporary) }
            throw error
        }
    }

    /// A hidden name beside `path`, distinct per process so that two exports into one folder do
    /// not write into each other's temporaries; it ends in `.tmp` so a leftover is recognisable.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).\(getpid()).tmp"
    }

    /// Writes and fsyncs `data` at `path`: without the sync a crash after the rename could still
    /// leave an empty file under the final name on some file systems. Errors name
    /// `reportedAs`, the final file, since the temporary name means nothing to the user.
    static func writeSynced(_ data: Data, to path: String, reportedAs: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: reportedAs, reason: reason(errno: errno)) }
        var failure: Int32?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let count = systemWrite(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += count
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        // A network file system may report a full disk only when the file is closed.
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure { throw WriteError(path: reportedAs, reason: reason(errno: failure)) }
    }

    /// A system error number in words, lower case, as the messages use it.
    static func reason(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOSPC: "no space left on device"
        case EDQUOT: "disk quota exceeded"
        case EROFS: "read-only file system"
        case ENOTDIR: "a file is in the way"
        case EISDIR, ENOTEMPTY, EEXIST: "a folder is in the way"
        case ENOENT: "no such folder"
        case ENAMETOOLONG: "the name is too long"
        case EIO: "input/output error (a failing disk?)"
        default:
            String(cString: strerror(code)).prefix(1).lowercased() + String(cString: strerror(code)).dropFirst()
        }
    }

    /// POSIX `write(2)`, named apart from `ResultsExporter.write`.
    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// `./a/b` as the user wrote it, `a/b`.
    private static func displayed(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
