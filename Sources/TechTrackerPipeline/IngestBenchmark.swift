import Foundation
import Synchronization
import TechTrackerCore
import TechTrackerGzip
public import TechTrackerIngest
import TechTrackerStore

/// Measures the ingest path stage by stage on a corpus folder: inflate alone, JSON scanning
/// alone (1 thread and all cores), and `.gz` files into a fresh store. Nothing here asserts
/// a time: it measures and reports.
public struct IngestBenchmark {
    /// One measured stage.
    public struct Measurement: Sendable {
        /// What was measured.
        public var stage: String
        /// Threads used.
        public var threads: Int
        /// Works processed.
        public var works: Int
        /// Uncompressed JSON bytes processed.
        public var bytes: Int
        /// Wall-clock seconds.
        public var seconds: Double

        /// Makes a measurement.
        public init(stage: String, threads: Int, works: Int, bytes: Int, seconds: Double) {
            self.stage = stage
            self.threads = threads
            self.works = works
            self.bytes = bytes
            self.seconds = seconds
        }

        /// Works per second.
        public var worksPerSecond: Double { Double(works) / max(seconds, 1e-9) }
        /// Megabytes (10^6 bytes) of uncompressed JSON per second.
        public var megabytesPerSecond: Double { Double(bytes) / 1e6 / max(seconds, 1e-9) }
    }

    /// The corpus's `.gz` parts.
    public let files: [InputFile]
    /// Cap on the bytes of JSON held in memory for the scan-only stage.
    public var scanSampleBytes = 1 << 30

    /// Finds the `.gz` files under `corpusDirectory`.
    public init(corpusDirectory: String) throws {
        files = try InputDiscovery(paths: [corpusDirectory]).files.filter { $0.encoding == .gzip }
        guard !files.isEmpty else { throw IngestError.inputNotFound("\(corpusDirectory) (no .gz parts)") }
    }

    /// Inflates every part on one thread, discarding the output.
    public func measureInflate() throws -> Measurement {
        let start = Date()
        var bytes = 0
        var lines = 0
        for file in files {
            try GzipFileReader(path: file.path).forEachChunk { chunk in
                bytes += chunk.count
                lines += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            }
        }
        return Measurement(
            stage: "inflate .gz (zlib)", threads: 1, works: lines, bytes: bytes,
            seconds: Date().timeIntervalSince(start))
    }

    /// Loads up to `scanSampleBytes` of JSON Lines into memory, then parses it on `threads`
    /// threads (each a contiguous share of the lines).
    public func measureScan(threads: Int) throws -> Measurement {
        let lines = try loadSample()
        let totalBytes = lines.reduce(0) { $0 + $1.count }
        let start = Date()
        let worksFound = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var parser = OpenAlexRecordParser()
            var found = 0
            let share = (lines.count + threads - 1) / threads
            for index in (thread * share)..<min(lines.count, (thread + 1) * share) {
                lines[index].withUnsafeBytes { bytes in
                    parser.parse(bytes, onWork: { _ in found += 1 }, onReject: { _ in })
                }
            }
            worksFound.withLock { $0 += found }
        }
        let seconds = Date().timeIntervalSince(start)
        return Measurement(
            stage: "scan JSON (in memory)", threads: threads, works: worksFound.withLock { $0 },
            bytes: totalBytes, seconds: seconds)
    }

    /// Ingests every part into a new store at `storePath` (deleted first).
    public func measureIngest(storePath: String, readers: Int) throws -> Measurement {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        let store = try WorkStore(path: storePath)
        var options = IngestOptions(readers: readers)
        options.progress = .quiet
        let summary = try IngestRun(inputs: files.map(\.path), options: options, log: { _ in }).run(into: store)
        return Measurement(
            stage: ".gz -> store (ingest)", threads: readers, works: summary.read,
            bytes: summary.textBytes, seconds: summary.seconds)
    }

    private func loadSample() throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var total = 0
        var pending: [UInt8] = []
        for file in files where total < scanSampleBytes {
            try GzipFileReader(path: file.path).forEachChunk { chunk in
                var start = chunk.startIndex
                while let newline = chunk[start...].firstIndex(of: 0x0A) {
                    pending.append(contentsOf: chunk[start..<newline])
                    if total < scanSampleBytes {
                        total += pending.count
                        lines.append(pending)
                    }
                    pending.removeAll(keepingCapacity: true)
                    start = newline + 1
                }
                pending.append(contentsOf: chunk[start...])
            }
            pending.removeAll()
        }
        return lines
    }
}
