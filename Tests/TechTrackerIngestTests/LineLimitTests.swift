import Foundation
import Testing
import TechTrackerCore
import TechTrackerGzip
@testable import TechTrackerIngest

/// Line ends (LF, CRLF, lone CR) and the line and document limit, which keeps a reader's
/// memory bounded on gzip bombs and files that are not JSON at all.
@Suite struct LineLimitTests {
    static func work(_ number: Int) -> String {
        #"{"id":"https://openalex.org/W\#(number)","title":"Work \#(number)"}"#
    }

    @Test func loneCarriageReturnsEndLinesAndCRLFIsOneLineEnd() {
        let text =
            Self.work(1) + "\r" + Self.work(2) + "\r\n" + Self.work(3) + "\n" + Self.work(4) + "\r\r" + Self.work(5)
        // Every chunk size, so that a CRLF split between two chunks is met too.
        for chunkSize in [1, 2, 3, 7, 64, 1 << 20] {
            let read = readAsFile(text, chunkSize: chunkSize)
            #expect(read.works.map(\.id) == ["W1", "W2", "W3", "W4", "W5"], "chunk \(chunkSize)")
            #expect(read.rejections.isEmpty, "chunk \(chunkSize)")
        }
        // Line numbers count each line end once: W5 is on line 6 (line 5 is empty).
        let bad = readAsFile(Self.work(1) + "\r" + Self.work(2) + "\r\n" + "{bad" + "\r\r" + "{worse\r\n", chunkSize: 5)
        #expect(bad.rejections.map(\.line) == [3, 5])
    }

    @Test func anOldMacFileIsReadRecordByRecord() {
        let text = (1...12).map(Self.work).joined(separator: "\r") + "\r"
        let read = readAsFile(text, chunkSize: 100)
        #expect(read.works.count == 12 && read.rejections.isEmpty)
    }

    @Test func anOverLongLineIsRejectedAndTheNextLineRead() {
        let long = "{" + String(repeating: " ", count: 5_000) + "}"
        for chunkSize in [97, 4096, 1 << 20] {
            let read = readAsFile(
                Self.work(1) + "\n" + long + "\n" + Self.work(2) + "\n", chunkSize: chunkSize,
                maximumTextLength: 1_000)
            #expect(read.works.map(\.id) == ["W1", "W2"])
            #expect(read.rejections.map(\.line) == [2])
            #expect(
                read.rejections.first?.reason
                    == "line longer than 1000 bytes (the --max-line-mb limit); skipped to the next line end")
        }
        #expect(ReadState.describe(64 << 20) == "64 MiB")
    }

    @Test func theSplitterNeverHoldsMoreThanTheLimit() {
        var splitter = LineSplitter(maximumLineLength: 100_000)
        let zeros = [UInt8](repeating: 0, count: 65_536)
        var lines: [Int?] = []
        for _ in 0..<64 {  // 4 MiB without a line end
            zeros.withUnsafeBytes { splitter.feed($0) { line, _ in lines.append(line?.count) } }
            #expect(splitter.pendingCapacity <= 100_000 + 64)  // the allocator may round up a little
        }
        Array("\nok\n".utf8).withUnsafeBytes { splitter.feed($0) { line, _ in lines.append(line?.count) } }
        #expect(lines == [nil, 2])
    }

    @Test func aPrettyPrintedDocumentOverTheLimitIsOneClearRejection() throws {
        let page = try JSONSerialization.jsonObject(with: Data(try fixtureBytes("openalex_api_snowball_2", "json")))
        let pretty = [UInt8](try JSONSerialization.data(withJSONObject: page, options: [.prettyPrinted]))
        let read = readAsFile(pretty, name: "page.json", chunkSize: 4096, maximumTextLength: 10_000)
        #expect(read.works.isEmpty)
        #expect(
            read.rejections.map(\.reason) == [
                "pretty-printed JSON document larger than 10000 bytes (the --max-line-mb limit); "
                    + "convert it to JSON Lines or raise --max-line-mb"
            ])
        #expect(
            readAsFile(pretty, name: "page.json", chunkSize: 4096, maximumTextLength: pretty.count + 100).works.count
                == 5)
    }

    @Test func aGzipBombIsRejectedInBoundedMemoryAndTheRecordsAfterItKept() throws {
        let folder = try temporaryFolder()
        let path = folder + "/bomb.jsonl.gz"
        let writer = try GzipFileWriter(path: path)
        try writer.write(Array((Self.work(1) + "\n").utf8))
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        for _ in 0..<24 { try writer.write(zeros) }  // 24 MiB of zeros, no line end
        try writer.write(Array(("\n" + Self.work(2) + "\n").utf8))
        try writer.close()
        var reader = RecordFileReader(file: InputFile(path: path, size: 0, encoding: .gzip))
        reader.maximumTextLength = 1 << 20
        var parser = OpenAlexRecordParser()
        var consumer = CollectingConsumer()
        reader.read(parser: &parser, into: &consumer)
        #expect(consumer.works.map(\.id) == ["W1", "W2"])
        #expect(
            consumer.rejections.map(\.message) == [
                "\(path):2: line longer than 1 MiB (the --max-line-mb limit); skipped to the next line end"
            ])
    }
}
