#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a plain file in fixed-size chunks into one reused buffer (a fresh buffer per read
/// costs page faults: SWIFT-NOTES snag 3), so memory stays bounded whatever the file size.
struct PlainFileReader {
    let path: String
    var chunkSize = 4 << 20

    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        // Non-blocking, so that a FIFO put where a file was found cannot hang the open; for a
        // regular file the flag changes nothing.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw IngestError.unreadable(path: path, reason: InputDiscovery.lastError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw IngestError.unreadable(path: path, reason: InputDiscovery.lastError())
        }
        guard FileIdentity.isRegular(info.st_mode) else {
            throw IngestError.notRegularFile(path: path, kind: FileIdentity.kind(of: info.st_mode))
        }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let got = read(fd, buffer, chunkSize)
            if got < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadable(path: path, reason: InputDiscovery.lastError())
            }
            if got == 0 { return }
            try body(UnsafeRawBufferPointer(start: buffer, count: got))
        }
    }

    /// Throws unless `path` is (still) a regular file, for readers that open it themselves.
    static func checkRegularFile(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw IngestError.unreadable(path: path, reason: InputDiscovery.lastError())
        }
        guard FileIdentity.isRegular(info.st_mode) else {
            throw IngestError.notRegularFile(path: path, kind: FileIdentity.kind(of: info.st_mode))
        }
    }
}
