import Foundation
public import TechTrackerCore
import TechTrackerGzip
import TechTrackerIngest
public import TechTrackerStore

/// Measures `ingest-patents` on a generated *Reliance on Science*-shaped file: zlib inflating
/// the file alone (the peer: no reader can be faster than its input), the reader alone
/// (inflate, parse, match to stored works, sort; nothing written), and the whole command's
/// path into the store, first read and read again. Nothing here asserts a time: it measures.
public struct PatentBenchmark {
    /// One measured stage.
    public struct Measurement: Sendable {
        /// What was measured.
        public var stage: String
        /// Rows read.
        public var rows: Int
        /// Seconds, wall clock.
        public var seconds: Double
        /// The file's bytes on disk.
        public var compressedBytes: Int
        /// The file's bytes of text (inflated).
        public var textBytes: Int
        /// What became of the rows (the store's stages).
        public var counts: PatentFileCounts?

        /// Rows per second.
        public var rowsPerSecond: Double { Double(rows) / max(seconds, 1e-9) }
        /// Megabytes (10^6 bytes) of text per second.
        public var megabytesPerSecond: Double { Double(textBytes) / 1e6 / max(seconds, 1e-9) }
    }

    /// The generated file.
    public let path: String
    /// Rows in it.
    public let rows: Int

    /// Writes `rows` rows (`reftype,confscore,oaid,patent,uspto,wherefound,self`, gzipped at
    /// level 6 like `gzip`'s default) to `path`. A share `inStoreShare` of the rows cite one of
    /// `works` (numbers of stored OpenAlex works), the rest works the store lacks; every patent
    /// cites about five papers. Fixed seed: the same arguments write the same file.
    public static func writeFile(
        path: String, rows: Int, works: [UInt64], inStoreShare: Double
    ) throws
        -> PatentBenchmark
    {
        let writer = try GzipFileWriter(path: path, level: 6)
        var random = SplitMix(seed: 0x7061_7465_6E74)
        var text: [UInt8] = Array("reftype,confscore,oaid,patent,uspto,wherefound,self\n".utf8)
        let referenceTypes = ["app", "app", "app", "exm", "exm", "unk", "oth"].map { Array($0.utf8) }
        let places = ["frontonly", "frontonly", "both", "bodyonly"].map { Array($0.utf8) }
        var patent: UInt64 = 9_000_000
        for _ in 0..<rows {
            if random.next() % 5 == 0 { patent += 1 + random.next() % 3 }
            let cited: UInt64
            if !works.isEmpty && Double(random.next() % 1_000_000) < inStoreShare * 1_000_000 {
                cited = works[Int(random.next() % UInt64(works.count))]
            } else {
                // Above any stored number: a work the store does not hold.
                cited = 5_000_000_000 + random.next() % 1_000_000_000
            }
            text += referenceTypes[Int(random.next() % UInt64(referenceTypes.count))]
            text += Array(",\(1 + random.next() % 10),\(cited),US-\(patent)-B2,1,".utf8)
            text += places[Int(random.next() % UInt64(places.count))]
            text += random.next() % 20 == 0 ? Array(",1\n".utf8) : Array(",0\n".utf8)
            if text.count > 1 << 20 {
                try writer.write(text)
                text.removeAll(keepingCapacity: true)
            }
        }
        try writer.write(text)
        try writer.close()
        return PatentBenchmark(path: path, rows: rows)
    }

    private init(path: String, rows: Int) {
        self.path = path
        self.rows = rows
    }

    /// The file's size on disk.
    public var compressedBytes: Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// zlib inflating the file on one thread, the text discarded.
    public func measureInflate() throws -> Measurement {
        let start = Date()
        var bytes = 0
        try GzipFileReader(path: path).forEachChunk { bytes += $0.count }
        return Measurement(
            stage: "zlib inflate alone (peer)", rows: rows, seconds: Date().timeIntervalSince(start),
            compressedBytes: compressedBytes, textBytes: bytes)
    }

    /// The reader alone on its two threads (inflate; parse, match to `index`, sort), the
    /// batches dropped.
    public func measureRead(
        index: PatentWorkIndex, batchRows: Int = PatentIngestOptions().batchRows
    ) throws
        -> Measurement
    {
        let start = Date()
        let file = try PatentCitationFile(path: path, layout: .relianceOnScience)
        let stages = PatentFileStages(file: file, index: index, batchRows: batchRows, keptProblems: 5)
        stages.start()
        var counts = PatentFileCounts()
        var textBytes = 0
        while case .batch(let batch) = stages.batches.pop() {
            counts += batch.rows
            textBytes += batch.textBytes
        }
        return Measurement(
            stage: "read: inflate + parse + match + sort", rows: counts.rowsRead,
            seconds: Date().timeIntervalSince(start), compressedBytes: compressedBytes, textBytes: textBytes,
            counts: counts)
    }

    /// `ingest-patents` into `store` (its index of works included).
    public func measureIngest(into store: WorkStore, stage: String, cutoffYear: Int) throws -> Measurement {
        let run = PatentIngestRun(paths: [path], options: PatentIngestOptions(cutoffYear: cutoffYear), log: { _ in })
        let summary = try run.run(into: store)
        let file = summary.files.first
        return Measurement(
            stage: stage, rows: summary.totals.rowsRead, seconds: summary.seconds, compressedBytes: compressedBytes,
            textBytes: Int(file?.textBytes ?? 0), counts: summary.totals)
    }

    /// The store's citations read as the analysis reads them (`patentCitationsForAnalysis`).
    public func measureAnalysisRead(from store: WorkStore) throws -> Measurement {
        let start = Date()
        let rows = try store.patentCitationsForAnalysis().count
        return Measurement(
            stage: "citations read for the analysis", rows: rows, seconds: Date().timeIntervalSince(start),
            compressedBytes: 0, textBytes: 0)
    }

    /// `count` OpenAlex numbers for a benchmark without a store of its own.
    public static func syntheticNumbers(_ count: Int) -> [UInt64] {
        (0..<UInt64(count)).map { 2_000_000_000 + $0 * 7 }
    }

    /// Fills `store` with small works (`W` ids, a title and a year, no authors) of these numbers.
    public static func makeStore(_ store: WorkStore, numbers: [UInt64]) throws {
        try store.ingest(strict: false, inputs: ["bench patents"], startedAt: Date()) { session in
            var start = 0
            while start < numbers.count {
                let end = min(numbers.count, start + 10_000)
                let rows = numbers[start..<end].map { number in
                    WorkRow(
                        Work(
                            id: "W\(number)", source: .synthetic, title: "Synthetic work \(number)",
                            publicationYear: 2000 + Int(number % 24), type: "article", updatedDate: "2025-01-01"))
                }
                _ = try session.upsert(rows)
                start = end
            }
            try session.finish(recordsRead: numbers.count, rejected: 0)
        }
    }
}

/// A small fixed-seed generator (SplitMix64) for the benchmark file.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
