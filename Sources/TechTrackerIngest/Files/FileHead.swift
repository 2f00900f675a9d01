import TechTrackerGzip

/// The first bytes of a file's text (after decompression), for recognising its format.
enum FileHead {
    /// Up to `count` bytes from the start of `file`'s text; fewer for a shorter file.
    static func read(_ file: InputFile, count: Int) throws -> [UInt8] {
        var head: [UInt8] = []
        head.reserveCapacity(count)
        let enough = HeadComplete()
        do {
            switch file.encoding {
            case .plain:
                try PlainFileReader(path: file.path, chunkSize: count).forEachChunk { chunk in
                    head.append(contentsOf: chunk.prefix(count - head.count))
                    if head.count >= count { throw enough }
                }
            case .gzip:
                try PlainFileReader.checkRegularFile(file.path)
                try GzipFileReader(path: file.path).forEachChunk(compressedBytesRead: { _ in }) { chunk in
                    head.append(contentsOf: chunk.prefix(count - head.count))
                    if head.count >= count { throw enough }
                }
            }
        } catch is HeadComplete {
            return head
        } catch {
            // A damaged file's first bytes still tell its format; the read proper reports the damage.
            if head.isEmpty { throw error }
        }
        return head
    }

    /// Thrown to stop reading once the head is complete.
    private struct HeadComplete: Error {}
}

extension InputFormat {
    /// What the start of `file` says it is (`detect(head:)`).
    public static func detect(file: InputFile) throws -> Detection {
        detect(head: try FileHead.read(file, count: detectionBytes))
    }
}
