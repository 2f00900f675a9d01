import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the decompressed bytes of a gzip file in chunks, in bounded memory.
///
/// Accepts gzip or zlib headers and multi-member files (concatenated gzip streams, as
/// `cat a.gz b.gz` makes). Memory use is two fixed buffers whatever the file size.
public struct GzipFileReader {
    /// The file being read.
    let path: String
    /// Compressed bytes read per `read()` call.
    var inputChunkSize = 1 << 20
    /// Decompressed bytes handed to the consumer per call (at most).
    var outputChunkSize = 4 << 20

    /// Prepares to read `path`; nothing is opened until `forEachChunk`.
    public init(path: String) {
        self.path = path
    }

    /// Decompresses the whole file, calling `body` with each chunk of output in order, and
    /// `compressedBytesRead` with the size of each compressed block read (for progress).
    ///
    /// A cut-off file throws `GzipError.truncated` and corrupt data `GzipError.corrupt`,
    /// in both cases after every byte decoded before the damage has been passed to `body`.
    public func forEachChunk(
        compressedBytesRead: (Int) -> Void = { _ in },
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw GzipError.io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var stream = GzipStreamReader()
        stream.inputChunkSize = inputChunkSize
        stream.outputChunkSize = outputChunkSize
        try stream.forEachChunk(
            read: { buffer in
                while true {
                    let got = read(fd, buffer.baseAddress, buffer.count)
                    if got >= 0 { return got }
                    if errno != EINTR { throw GzipError.io(path: path, reason: String(cString: strerror(errno))) }
                }
            }, compressedBytesRead: compressedBytesRead, body)
    }
}

/// Streams the decompressed bytes of gzip data that a caller reads from anywhere (a file, a
/// pipe, bytes already read to recognise the format), in bounded memory: gzip or zlib headers,
/// multi-member streams.
public struct GzipStreamReader {
    /// Compressed bytes asked of `read` per call.
    public var inputChunkSize = 1 << 20
    /// Decompressed bytes handed to the consumer per call (at most).
    public var outputChunkSize = 4 << 20

    /// Makes a reader with the default chunk sizes.
    public init() {}

    /// Decompresses everything `read` gives, calling `body` with each chunk of output in order.
    /// `read` fills the buffer it is given with compressed bytes and returns how many (0 at the
    /// end of the data); its errors are passed on. `compressedBytesRead` gets the size of each
    /// compressed block read (for progress).
    ///
    /// Data cut off inside a member throws `GzipError.truncated`, corrupt data
    /// `GzipError.corrupt`, in both cases after every byte decoded before the damage has been
    /// passed to `body`.
    public func forEachChunk(
        read: (UnsafeMutableRawBufferPointer) throws -> Int,
        compressedBytesRead: (Int) -> Void = { _ in },
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        // inflateInit2 is a C macro; 15 + 32 = largest window, detect gzip or zlib header.
        let initCode = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initCode == Z_OK else { throw GzipError.zlib(code: initCode) }
        defer { inflateEnd(stream) }

        let input = UnsafeMutablePointer<UInt8>.allocate(capacity: inputChunkSize)
        defer { input.deallocate() }
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: outputChunkSize)
        defer { output.deallocate() }

        var compressedOffset = 0  // compressed bytes consumed by zlib so far
        var insideMember = false  // true between a member's first byte and its end
        var memberEnded = false  // a member ended; the next byte starts a new one
        while true {
            let got = try read(UnsafeMutableRawBufferPointer(start: input, count: inputChunkSize))
            if got <= 0 { break }
            compressedBytesRead(got)
            stream.pointee.next_in = input
            stream.pointee.avail_in = UInt32(got)
            let chunkStart = compressedOffset
            while stream.pointee.avail_in > 0 {
                if memberEnded {
                    // Another member follows (multi-member gzip): start it afresh.
                    inflateReset(stream)
                    memberEnded = false
                }
                insideMember = true
                stream.pointee.next_out = output
                stream.pointee.avail_out = UInt32(outputChunkSize)
                let code = inflate(stream, Z_NO_FLUSH)
                let produced = outputChunkSize - Int(stream.pointee.avail_out)
                if produced > 0 { try body(UnsafeRawBufferPointer(start: output, count: produced)) }
                let consumedHere = got - Int(stream.pointee.avail_in)
                switch code {
                case Z_OK, Z_BUF_ERROR:
                    continue
                case Z_STREAM_END:
                    insideMember = false
                    memberEnded = true
                default:
                    let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
                    throw GzipError.corrupt(compressedOffset: chunkStart + consumedHere, reason: reason)
                }
            }
            compressedOffset = chunkStart + got
        }
        // Drain what zlib still holds for the last member.
        if insideMember {
            while true {
                stream.pointee.next_out = output
                stream.pointee.avail_out = UInt32(outputChunkSize)
                let code = inflate(stream, Z_FINISH)
                let produced = outputChunkSize - Int(stream.pointee.avail_out)
                if produced > 0 { try body(UnsafeRawBufferPointer(start: output, count: produced)) }
                if code == Z_STREAM_END { return }
                if code == Z_BUF_ERROR || code == Z_OK {
                    if produced > 0 { continue }
                    throw GzipError.truncated(compressedOffset: compressedOffset)
                }
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
                throw GzipError.corrupt(compressedOffset: compressedOffset, reason: reason)
            }
        }
    }
}
