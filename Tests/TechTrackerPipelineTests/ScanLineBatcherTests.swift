import Testing
@testable import TechTrackerPipeline

/// Lines as `scan` cuts them: where ingest ends them, with their own line ends kept.
@Suite struct ScanLineBatcherTests {
    /// One line as the batches give it: number, text, line end (nil when overlong).
    struct Cut: Equatable, CustomStringConvertible {
        var number: Int
        var text: String?
        var end: String
        var description: String { "\(number):\(text.map { "\"\($0)\"" } ?? "overlong")+\(Array(end.utf8))" }
    }

    /// Feeds `text` in chunks of `chunkSize`; returns the lines and the batches' bytes end to end.
    func cut(_ text: String, chunkSize: Int, target: Int = 5, limit: Int = 1000) -> ([Cut], [UInt8]) {
        var batcher = ScanLineBatcher(targetBytes: target, maximumLineLength: limit)
        var cuts: [Cut] = [], joined: [UInt8] = [], expected = 0
        let take = { (batch: ScanBatch) in
            #expect(batch.sequence == expected)
            expected += 1
            joined += batch.bytes
            for line in batch.lines {
                let text = String(decoding: batch.bytes[line.start..<line.contentEnd], as: UTF8.self)
                let end = String(decoding: batch.bytes[line.contentEnd..<line.end], as: UTF8.self)
                cuts.append(Cut(number: line.number, text: line.isOverlong ? nil : text, end: end))
            }
        }
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            bytes[start..<end].withUnsafeBytes { batcher.append($0, emit: take) }
            start = end
        }
        batcher.finish(emit: take)
        return (cuts, joined)
    }

    @Test func linesEndAtLFCRLFOrALoneCRWhateverTheChunksAndKeepTheirEnds() {
        let text = "a\nbb\r\n\r\nccc\rdd\n\n   \reee"
        let expected = [
            Cut(number: 1, text: "a", end: "\n"), Cut(number: 2, text: "bb", end: "\r\n"),
            Cut(number: 3, text: "", end: "\r\n"), Cut(number: 4, text: "ccc", end: "\r"),
            Cut(number: 5, text: "dd", end: "\n"), Cut(number: 6, text: "", end: "\n"),
            Cut(number: 7, text: "   ", end: "\r"), Cut(number: 8, text: "eee", end: ""),
        ]
        for chunkSize in 1...text.utf8.count {
            for target in [1, 4, 100] {
                let (cuts, joined) = cut(text, chunkSize: chunkSize, target: target)
                #expect(cuts == expected, "chunks of \(chunkSize), batches of \(target)")
                // Byte for byte: the batches hold the whole input, in order.
                #expect(joined == Array(text.utf8))
            }
        }
    }

    @Test func aCROpeningTheNextChunkIsStillOneCRLF() {
        let (cuts, _) = cut("x\r\ny", chunkSize: 2)
        #expect(cuts == [Cut(number: 1, text: "x", end: "\r\n"), Cut(number: 2, text: "y", end: "")])
    }

    @Test func anOverlongLineIsReportedWithItsNumberAndTheNextLineIsIntact() {
        let long = String(repeating: "x", count: 30)
        for (text, next) in [
            ("ok\n\(long)\nnext\n", "\n"), ("ok\r\n\(long)\r\nnext\r\n", "\r\n"), ("ok\r\(long)\rnext\r", "\r"),
        ] {
            for chunkSize in 1...text.utf8.count {
                let (cuts, _) = cut(text, chunkSize: chunkSize, limit: 10)
                #expect(
                    cuts == [
                        Cut(number: 1, text: "ok", end: next), Cut(number: 2, text: nil, end: ""),
                        Cut(number: 3, text: "next", end: next),
                    ], "\(Array(text.utf8)) in chunks of \(chunkSize)")
            }
        }
        // At the very end, with no line end, an overlong line is still one line.
        let (cuts, _) = cut("ok\n\(long)", chunkSize: 7, limit: 10)
        #expect(cuts == [Cut(number: 1, text: "ok", end: "\n"), Cut(number: 2, text: nil, end: "")])
    }

    @Test func anInputThatBrokeOffLosesItsUnfinishedLine() {
        var batcher = ScanLineBatcher(targetBytes: 100, maximumLineLength: 100)
        var lines: [ScanLine] = []
        Array("one\ntw".utf8).withUnsafeBytes { batcher.append($0) { lines += $0.lines } }
        batcher.finish(keepingUnfinishedLine: false) { lines += $0.lines }
        #expect(lines.map(\.number) == [1])
    }

    @Test func emptyInputGivesNoBatch() {
        #expect(cut("", chunkSize: 1).0.isEmpty)
    }
}
