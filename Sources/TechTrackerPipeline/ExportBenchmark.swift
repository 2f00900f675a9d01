import Foundation
import Synchronization
import TechTrackerCore
import TechTrackerIngest
import TechTrackerStore
import TechTrackerSynth

/// Measures how fast Web of Science tab-delimited exports are read, stage by stage, on a
/// SYNTHETIC export (`SyntheticWoSExport`): the byte scan that any reader must do (every line
/// end and tab found: the limit a reader is compared with), the layout read into tagged records,
/// the records mapped to works (authors, address groups, countries, institutions, references),
/// and an ingest of the export, split in files of 1,000 records as the database writes them,
/// into a fresh store. Nothing here asserts a time: it measures and reports.
public struct ExportBenchmark {
    /// Records in the export.
    public let records: Int
    /// The export's bytes.
    public let bytes: [UInt8]

    /// Whether the records are generated (SYNTHETIC) rather than a user's export.
    public let isSynthetic: Bool

    /// Makes the export (`records` records from `seed`).
    public init(records: Int, seed: UInt64) {
        self.records = records
        bytes = SyntheticWoSExport.tabDelimited(records: records, seed: seed)
        isSynthetic = true
    }

    /// Measures on the tab-delimited export at `path` (its records must have distinct `UT`s for
    /// the ingest stage).
    public init(exportAt path: String) throws {
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        records = WoSTabDelimitedReader.read(bytes: bytes).records.count
        isSynthetic = false
    }

    /// Finds every line end and tab, one thread: the floor of any reader of this layout.
    public func measureByteScan() -> IngestBenchmark.Measurement {
        let start = Date()
        var separators = 0
        for byte in bytes where byte == 0x0A || byte == 0x09 { separators += 1 }
        return measurement("byte scan (\(separators) line ends and tabs)", threads: 1, since: start)
    }

    /// Reads the layout into tagged records, one thread.
    public func measureRead() -> IngestBenchmark.Measurement {
        let start = Date()
        let read = WoSTabDelimitedReader.read(bytes: bytes).records.count
        return measurement("read into tagged records (\(read))", threads: 1, since: start)
    }

    /// Reads and maps every record to a work on `threads` threads, each reading its own part of
    /// the export (a header and a share of the rows, as an ingest reads one file per thread).
    public func measureReadAndMap(threads: Int) -> IngestBenchmark.Measurement {
        let parts = split(into: max(1, threads))
        let works = Mutex(0)
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: parts.count) { part in
            var mapped = 0
            var keys = InstitutionKeyCache()
            for record in WoSTabDelimitedReader.read(bytes: parts[part]).records
            where WoSWorkMapper.map(record, keys: &keys).work != nil {
                mapped += 1
            }
            works.withLock { $0 += mapped }
        }
        let seconds = Date().timeIntervalSince(start)
        let mapped = works.withLock { $0 }
        return IngestBenchmark.Measurement(
            stage: "read + map to works (\(mapped))", threads: parts.count, works: records, bytes: bytes.count,
            seconds: seconds)
    }

    /// The export as `count` exports of consecutive rows, each with the header.
    private func split(into count: Int) -> [[UInt8]] {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let header = lines.first else { return [] }
        let rows = lines.dropFirst()
        let size = (rows.count + count - 1) / max(1, count)
        return stride(from: rows.startIndex, to: rows.endIndex, by: max(1, size)).map { start in
            var part = Array(header) + [0x0A]
            for line in rows[start..<min(rows.endIndex, start + size)] { part += line + [0x0A] }
            return part
        }
    }

    /// Writes the export in files of 1,000 records under `folder` and ingests them into a new
    /// store there with `readers` reader threads.
    public func measureIngest(folder: String, readers: Int) throws -> IngestBenchmark.Measurement {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder + "/exports", withIntermediateDirectories: true)
        for (part, file) in split(into: (records + 999) / 1000).enumerated() {
            try Data(file).write(to: URL(fileURLWithPath: folder + "/exports/savedrecs-\(part + 1).txt"))
        }
        let store = try WorkStore(path: folder + "/bench.sqlite")
        var options = IngestOptions(readers: readers)
        options.printedWarningLimit = 0
        options.printedRejectionLimit = 0
        let start = Date()
        let summary = try IngestRun(inputs: [folder + "/exports"], options: options, log: { _ in }).run(into: store)
        return measurement("ingest into a new store (\(summary.outcomes.new) new)", threads: readers, since: start)
    }

    private func measurement(_ stage: String, threads: Int, since start: Date) -> IngestBenchmark.Measurement {
        IngestBenchmark.Measurement(
            stage: stage, threads: threads, works: records, bytes: bytes.count,
            seconds: Date().timeIntervalSince(start))
    }
}
