import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a gzip file from bytes handed to it in pieces, in bounded memory.
///
/// Not thread-safe: one writer per file (the generator runs one per part, in parallel).
public final class GzipFileWriter {
    /// The file being written.
    let path: String
    /// Uncompressed bytes written so far.
    public private(set) var uncompressedByteCount = 0
    /// Compressed bytes written so far (final once `close()` returned).
    public private(set) var compressedByteCount = 0

    private let fd: Int32
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutablePointer<UInt8>
    private let outputCapacity = 1 << 20
    private var closed = false

    /// Creates (or truncates) `path` and starts a gzip stream at `level` (1 fastest, 9 smallest).
    public init(path: String, level: Int32 = 1) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw GzipError.io(path: path, reason: String(cString: strerror(errno))) }
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = UnsafeMutablePointer<UInt8>.allocate(capacity: outputCapacity)
        // deflateInit2 is a C macro; 15 + 16 = largest window with a gzip header.
        let code = deflateInit2_(
            stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else {
            Glibc.close(fd)
            stream.deallocate()
            output.deallocate()
            throw GzipError.zlib(code: code)
        }
    }

    deinit {
        if !closed {
            deflateEnd(stream)
            Glibc.close(fd)
        }
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses and writes `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        uncompressedByteCount += bytes.count
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(bytes.count)
        try pump(flush: Z_NO_FLUSH)
    }

    /// Compresses and writes the bytes of `array`.
    public func write(_ array: [UInt8]) throws {
        try array.withUnsafeBytes { try write($0) }
    }

    /// Finishes the gzip stream and closes the file; with `syncing`, first flushes the file to
    /// disk (`fsync`), so that a file renamed into place afterwards survives a crash whole.
    public func close(syncing: Bool = false) throws {
        guard !closed else { return }
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try pump(flush: Z_FINISH)
        deflateEnd(stream)
        closed = true
        if syncing && fsync(fd) != 0 {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw GzipError.io(path: path, reason: reason)
        }
        if Glibc.close(fd) != 0 {
            throw GzipError.io(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private func pump(flush: Int32) throws {
        repeat {
            stream.pointee.next_out = output
            stream.pointee.avail_out = UInt32(outputCapacity)
            let code = deflate(stream, flush)
            guard code != Z_STREAM_ERROR else { throw GzipError.zlib(code: code) }
            let produced = outputCapacity - Int(stream.pointee.avail_out)
            try writeAll(UnsafeRawBufferPointer(start: output, count: produced))
            if flush == Z_FINISH && code == Z_STREAM_END { return }
        } while stream.pointee.avail_out == 0 || (flush == Z_FINISH)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw GzipError.io(path: path, reason: String(cString: strerror(errno)))
            }
            done += n
        }
        compressedByteCount += bytes.count
    }
}
