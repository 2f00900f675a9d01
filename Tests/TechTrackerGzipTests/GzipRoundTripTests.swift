import Foundation
import TestScratch
import Testing
@testable import TechTrackerGzip

struct GzipRoundTripTests {
    func temporaryPath(_ name: String) -> String {
        let directory = TestScratch.url("gzip-tests")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    func sampleText(lines: Int) -> [UInt8] {
        var text: [UInt8] = []
        for index in 0..<lines {
            text.append(contentsOf: Array("{\"id\":\"W\(index)\",\"title\":\"line \(index * 7919 % 1000)\"}\n".utf8))
        }
        return text
    }

    func readAll(_ path: String) throws -> [UInt8] {
        var out: [UInt8] = []
        try GzipFileReader(path: path).forEachChunk { out.append(contentsOf: $0) }
        return out
    }

    @Test func writtenBytesReadBackUnchanged() throws {
        let path = temporaryPath("a.gz")
        let text = sampleText(lines: 50_000)
        let writer = try GzipFileWriter(path: path, level: 1)
        // Several writes of odd sizes, as a generator produces them.
        var offset = 0
        while offset < text.count {
            let end = min(text.count, offset + 12_345)
            try writer.write(Array(text[offset..<end]))
            offset = end
        }
        try writer.close()
        #expect(writer.uncompressedByteCount == text.count)
        #expect(writer.compressedByteCount == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        #expect(try readAll(path) == text)
    }

    @Test func concatenatedMembersAreAllRead() throws {
        let first = temporaryPath("1.gz"), second = temporaryPath("2.gz"), joined = temporaryPath("joined.gz")
        for (path, lines) in [(first, 10), (second, 20)] {
            let writer = try GzipFileWriter(path: path)
            try writer.write(sampleText(lines: lines))
            try writer.close()
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first)) + Data(contentsOf: URL(fileURLWithPath: second))
        try bytes.write(to: URL(fileURLWithPath: joined))
        #expect(try readAll(joined) == sampleText(lines: 10) + sampleText(lines: 20))
    }

    @Test func truncatedFileKeepsWhatWasDecodedAndSaysTruncated() throws {
        let path = temporaryPath("t.gz")
        let writer = try GzipFileWriter(path: path)
        try writer.write(sampleText(lines: 20_000))
        try writer.close()
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        var decoded = 0
        #expect(throws: GzipError.truncated(compressedOffset: whole.count / 2)) {
            try GzipFileReader(path: path).forEachChunk { decoded += $0.count }
        }
        #expect(decoded > 0)
    }

    @Test func corruptDataIsReportedWithItsOffset() throws {
        let path = temporaryPath("c.gz")
        let writer = try GzipFileWriter(path: path)
        try writer.write(sampleText(lines: 20_000))
        try writer.close()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for index in stride(from: 1000, to: 1400, by: 1) { bytes[index] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            try GzipFileReader(path: path).forEachChunk { _ in }
            Issue.record("corrupt data was accepted")
        } catch let error as GzipError {
            guard case .corrupt(let offset, let reason) = error else { Issue.record("unexpected \(error)"); return }
            #expect(offset >= 1000)
            #expect(!reason.isEmpty)
        }
    }

    @Test func notGzipAtAllIsCorrupt() throws {
        let path = temporaryPath("plain.gz")
        try Data("{\"id\":\"W1\"}\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: GzipError.self) { try GzipFileReader(path: path).forEachChunk { _ in } }
    }

    @Test func missingFileIsAnIOError() {
        #expect(throws: GzipError.self) { try GzipFileReader(path: "/nonexistent/x.gz").forEachChunk { _ in } }
    }
}
