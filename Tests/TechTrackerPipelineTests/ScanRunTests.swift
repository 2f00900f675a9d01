import Foundation
import Synchronization
import Testing
import TechTrackerGzip
import TechTrackerPipeline
import TechTrackerStore
import TechTrackerSynth
import TechTrackerTaxonomy

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `scan` as a run over file descriptors: what it writes, counts and reports.
@Suite struct ScanRunTests {
    /// Scans the file at `input` into a new file; returns the summary, the output and the log.
    func scan(
        _ input: String, threads: Int = 2, batchBytes: Int = 64 << 10, outputPath: String? = nil
    ) throws -> (summary: ScanSummary, output: [UInt8], log: [String]) {
        let output = try outputPath ?? (temporaryFolder() + "/out")
        if outputPath == nil { _ = FileManager.default.createFile(atPath: output, contents: nil) }
        let inputFD = open(input, O_RDONLY)
        let outputFD = open(output, outputPath == nil ? O_WRONLY : O_RDONLY)
        defer {
            close(inputFD)
            close(outputFD)
        }
        var options = ScanOptions(threads: threads)
        options.batchBytes = batchBytes
        let log = Mutex<[String]>([])
        let summary = ScanRun(matcher: try twoTechnologies.get().makeMatcher(), options: options) { line in
            log.withLock { $0.append(line) }
        }.run(input: inputFD, output: outputFD)
        return (summary, Array(try Data(contentsOf: URL(fileURLWithPath: output))), log.withLock { $0 })
    }

    /// A generated snapshot's text, its parts end to end as one multi-member gzip file and as
    /// plain JSON Lines.
    static let corpus = Result { () throws -> (gzip: String, plain: String) in
        let folder = try temporaryFolder()
        _ = try SyntheticCorpusGenerator(configuration: SyntheticCorpusConfiguration(works: 1500, seed: 5))
            .write(to: folder + "/corpus", progress: nil)
        let parts = try FileManager.default.subpathsOfDirectory(atPath: folder + "/corpus").filter {
            $0.hasSuffix(".gz")
        }
        .sorted()
        var gzip = Data(), plain: [UInt8] = []
        for part in parts {
            gzip += try Data(contentsOf: URL(fileURLWithPath: folder + "/corpus/" + part))
            try GzipFileReader(path: folder + "/corpus/" + part).forEachChunk { plain += $0 }
        }
        try gzip.write(to: URL(fileURLWithPath: folder + "/all.gz"))
        try Data(plain).write(to: URL(fileURLWithPath: folder + "/all.jsonl"))
        return (folder + "/all.gz", folder + "/all.jsonl")
    }

    /// The OpenAlex id at the start of a work line.
    func id(_ line: some Collection<UInt8>) -> String {
        let text = String(decoding: line.prefix(60), as: UTF8.self)
        return text.components(separatedBy: "\"")[3].components(separatedBy: "/").last ?? ""
    }

    @Test func theWrittenLinesAreTheInputLinesOfTheWorksOnlyMatchingKeeps() throws {
        let corpus = try Self.corpus.get()
        let plain = try scan(corpus.plain)
        let lines = try Data(contentsOf: URL(fileURLWithPath: corpus.plain)).split(separator: UInt8(ascii: "\n"))
        #expect(plain.summary.read == 1500 && plain.summary.rejected == 0 && plain.summary.failure == nil)
        #expect(plain.summary.read == plain.summary.matching + plain.summary.notMatching)
        #expect(plain.summary.matching > 0 && plain.summary.notMatching > 0)
        #expect(plain.summary.countsLine.hasPrefix("scan: read 1500, matching \(plain.summary.matching) (written)"))

        // The same works as ingest --only-matching keeps, and each written line is the input's.
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/kept.sqlite")
        var options = IngestOptions(readers: 2)
        options.onlyMatching = try twoTechnologies.get().makeMatcher()
        _ = try IngestRun(inputs: [corpus.gzip], options: options, log: { _ in }).run(into: store)
        let keptIDs = Set(try store.sourceIDs().map(\.sourceID))
        let expected = lines.filter { keptIDs.contains(id($0)) }
        let written = Data(plain.output).split(separator: UInt8(ascii: "\n"))
        #expect(written.count == keptIDs.count)
        #expect(written.map { Array($0) } == expected.map { Array($0) })

        // gzip input, one thread or several, small batches or large: the same bytes.
        for (threads, batch) in [(1, 1 << 20), (3, 16 << 10)] {
            let gzip = try scan(corpus.gzip, threads: threads, batchBytes: batch)
            #expect(gzip.output == plain.output)
            #expect(gzip.summary.isGzip && !plain.summary.isGzip)
            #expect(gzip.summary.matching == plain.summary.matching && gzip.summary.read == 1500)
        }
    }

    @Test func badLinesAreReportedInLineOrderAndCountedBeyondThePrintedOnes() throws {
        let folder = try temporaryFolder()
        var lines = [titledWorkLine(1, "Qubit"), "", "   "]
        lines += (1...25).map { _ in "{oops" }
        lines += [titledWorkLine(2, "Soil"), titledWorkLine(3, "Lithium-ion batteries")]
        try write(lines.joined(separator: "\r\n"), to: folder + "/in.jsonl")
        let result = try scan(folder + "/in.jsonl", batchBytes: 40)
        #expect(result.summary.read == 28 && result.summary.rejected == 25 && result.summary.matching == 2)
        #expect(result.log.count == 21)
        #expect(result.log.first == "stdin:4 (byte 1): expected string key in object")
        #expect(result.log[19].hasPrefix("stdin:23 "))
        #expect(result.log.last == "… 5 more rejection(s) not shown")
        // The kept lines with their own line ends; the last, which had none, ends with LF.
        #expect(String(decoding: result.output, as: UTF8.self) == lines[0] + "\r\n" + lines[29] + "\n")
    }

    @Test func emptyInputWritesNothing() throws {
        let folder = try temporaryFolder()
        for text in ["", "\n\n  \r\n"] {
            try write(text, to: folder + "/in")
            let result = try scan(folder + "/in")
            let summary = result.summary
            #expect(summary.read == 0 && summary.matching == 0 && summary.notMatching == 0 && summary.rejected == 0)
            #expect(summary.countsLine == "scan: read 0, matching 0 (written), not matching 0, rejected 0")
            #expect(summary.textBytes == text.utf8.count && summary.failure == nil)
            #expect(result.output.isEmpty && result.log.isEmpty)
        }
    }

    @Test func anOutputThatCannotBeWrittenEndsTheRunWithTheReason() throws {
        let folder = try temporaryFolder()
        try write((1...50).map { titledWorkLine($0, "Qubit \($0)") }.joined(separator: "\n"), to: folder + "/in")
        try write("", to: folder + "/read-only")
        let result = try scan(folder + "/in", outputPath: folder + "/read-only")
        #expect(result.summary.failure?.stream == .output)
        #expect(result.summary.failure?.description == "cannot write standard output: bad file descriptor")
        #expect(result.summary.matching == 0)
    }

    @Test func aTruncatedGzipInputKeepsTheLinesBeforeTheDamage() throws {
        let folder = try temporaryFolder()
        let text = (1...400).map { titledWorkLine($0, "Qubit \($0)") }.joined(separator: "\n") + "\n"
        try writeGzip(Array(text.utf8), to: folder + "/in.gz")
        let whole = try Data(contentsOf: URL(fileURLWithPath: folder + "/in.gz"))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: folder + "/cut.gz"))
        let result = try scan(folder + "/cut.gz")
        #expect(result.summary.failure?.stream == .input)
        #expect(result.summary.failure?.description.hasPrefix("standard input: truncated gzip") == true)
        #expect(result.summary.matching > 0 && result.summary.matching < 400 && result.summary.rejected == 0)
        #expect(result.output.last == UInt8(ascii: "\n"))
    }
}
