import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes that survive a crash or a power cut whole or not at all: the bytes go to a temporary
/// name, are flushed to disk (`fsync`), then renamed into place, and the folder is flushed so
/// that the rename itself is on disk.
enum DurableFiles {
    /// Writes `bytes` to `path` durably and atomically (`path.tmp`, fsync, rename, fsync folder).
    static func write(_ bytes: [UInt8], to path: String) throws(HarvestError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw problem("cannot write", temporary) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let error = problem("cannot write", temporary)
                close(fd)
                throw error
            }
            written += n
        }
        guard fsync(fd) == 0 else {
            let error = problem("cannot flush", temporary)
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw problem("cannot write", temporary) }
        try rename(temporary, to: path)
    }

    /// Flushes the file at `path` to disk.
    static func sync(file path: String) throws(HarvestError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw problem("cannot open", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw problem("cannot flush", path) }
    }

    /// Renames `from` to `to` (replacing it) and flushes the folder, so the new name is on disk.
    static func rename(_ from: String, to path: String) throws(HarvestError) {
        guard Glibc.rename(from, path) == 0 else { throw problem("cannot rename \(from) to", path) }
        try sync(folder: (path as NSString).deletingLastPathComponent)
    }

    /// Flushes a folder's entries (new and renamed names) to disk.
    static func sync(folder path: String) throws(HarvestError) {
        let fd = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw problem("cannot open folder", path) }
        defer { close(fd) }
        // Some file systems cannot flush a folder (EINVAL): their renames are then as durable
        // as they can be made.
        guard fsync(fd) == 0 || errno == EINVAL else { throw problem("cannot flush folder", path) }
    }

    /// A failure naming what and where, with the system's reason.
    static func problem(_ what: String, _ path: String) -> HarvestError {
        .failure("\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
