#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TechTrackerGzip

/// An input or output stream of `scan` that failed: what it was and why, in words.
public struct ScanStreamError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which stream failed.
    public enum Stream: Sendable, Equatable {
        /// The works read.
        case input
        /// The kept lines written.
        case output
    }

    /// Which stream failed.
    public var stream: Stream
    /// `cannot write standard output: broken pipe (the reader closed it)`, …
    public var description: String
}

/// Reads a file descriptor (standard input) to its end in chunks, inflating it when it starts
/// with the gzip magic bytes (1f 8b), so that `scan` takes `zcat part.gz | …` and `… < part.gz`
/// alike.
struct ScanInput {
    let fileDescriptor: Int32
    /// How messages name it (`standard input`).
    let name: String
    var chunkSize = 1 << 20

    /// Bytes read from the descriptor (compressed, when gzip).
    private(set) var bytesRead = 0
    /// Whether the input was gzip.
    private(set) var isGzip = false

    init(fileDescriptor: Int32, name: String) {
        self.fileDescriptor = fileDescriptor
        self.name = name
    }

    /// Calls `body` with each chunk of (decompressed) text; `shouldStop` is asked between chunks.
    mutating func forEachChunk(
        shouldStop: () -> Bool, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        // Enough bytes to recognise gzip: a pipe may hand over one byte at a time.
        var head = 0
        while head < 2 {
            let got = try readSome(into: UnsafeMutableRawBufferPointer(rebasing: buffer[head...]))
            if got == 0 { break }
            head += got
        }
        bytesRead += head
        guard head > 0 else { return }
        if head >= 2 && buffer[0] == 0x1F && buffer[1] == 0x8B {
            isGzip = true
            var pending = head  // bytes already read, handed to the inflater first
            var total = 0
            do {
                try GzipStreamReader().forEachChunk(
                    read: { into in
                        if shouldStop() { return 0 }
                        if pending > 0 {
                            let count = min(pending, into.count)
                            into.copyMemory(
                                from: UnsafeRawBufferPointer(
                                    rebasing: buffer[(head - pending)..<(head - pending + count)]))
                            pending -= count
                            return count
                        }
                        let got = try readSome(into: into)
                        total += got
                        return got
                    }, body)
            } catch let error as ScanStreamError {
                throw error
            } catch {
                bytesRead += total
                guard !shouldStop() else { return }
                throw ScanStreamError(stream: .input, description: "\(name): \(error)")
            }
            bytesRead += total
            return
        }
        try body(UnsafeRawBufferPointer(rebasing: buffer[..<head]))
        while !shouldStop() {
            let got = try readSome(into: buffer)
            if got == 0 { return }
            bytesRead += got
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<got]))
        }
    }

    /// One `read`, retried when interrupted or (for a non-blocking descriptor) not ready.
    private func readSome(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let got = read(fileDescriptor, buffer.baseAddress, buffer.count)
            if got >= 0 { return got }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                var ready = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&ready, 1, -1)
                continue
            }
            throw ScanStreamError(stream: .input, description: "cannot read \(name): \(describe(code))")
        }
    }
}

/// Writes whole buffers to a file descriptor (standard output). A closed reader (EPIPE, with
/// SIGPIPE ignored) is an error like any other, reported in words, never a crash.
struct ScanOutput {
    let fileDescriptor: Int32
    /// How messages name it (`standard output`).
    let name: String

    /// Writes all of `bytes`.
    func writeAll(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                guard let base = raw.baseAddress else { return }
                let wrote = write(fileDescriptor, base + done, raw.count - done)
                if wrote >= 0 {
                    done += wrote
                    continue
                }
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    var ready = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                let reason = code == EPIPE ? "broken pipe (the reader closed it)" : describe(code)
                throw ScanStreamError(stream: .output, description: "cannot write \(name): \(reason)")
            }
        }
    }
}

/// The message for an `errno` value, lower-cased as the rest of a message.
private func describe(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
}
