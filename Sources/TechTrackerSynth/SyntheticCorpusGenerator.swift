import Dispatch
import Foundation
import TechTrackerGzip

/// Where generation has got to; reported from worker threads (the callback must be
/// thread-safe).
public struct GenerationProgress: Sendable {
    /// What is being done.
    public enum Phase: Sendable {
        /// Building the in-memory model (works, teams, references).
        case modelling
        /// Serialising and compressing records.
        case writing
        /// All files and the manifest are written.
        case finished
    }

    /// The current phase.
    public let phase: Phase
    /// Records written so far (all parts).
    public let worksWritten: Int
    /// Records to write in total.
    public let worksTotal: Int
    /// Uncompressed JSON bytes written so far.
    public let uncompressedBytes: Int
}

/// What was written, and how fast.
public struct GenerationSummary: Sendable {
    /// Records written.
    public let works: Int
    /// Part files written.
    public let parts: Int
    /// Total JSON Lines bytes before compression.
    public let uncompressedBytes: Int
    /// Total bytes of the `.gz` files.
    public let compressedBytes: Int
    /// Paths of the part files, in manifest order.
    let files: [String]
    /// Path of the manifest.
    let manifestPath: String
    /// Wall-clock seconds in total.
    public let seconds: Double
    /// Wall-clock seconds spent building the model (works, teams, references) before writing.
    let modelSeconds: Double
    /// The synthetic patent-citation file, when the configuration asked for it.
    public let patentCitations: PatentCitationFileSummary?

    /// Mean size of one record (one JSON line), in bytes.
    public var averageRecordBytes: Double { works > 0 ? Double(uncompressedBytes) / Double(works) : 0 }
    /// Uncompressed megabytes (10^6 bytes) per second over the whole run.
    var megabytesPerSecond: Double { seconds > 0 ? Double(uncompressedBytes) / 1e6 / seconds : 0 }
}

/// Writes a calibrated synthetic corpus in the OpenAlex snapshot layout:
/// `DIR/data/works/updated_date=YYYY-MM-DD/part_NNN.gz` (gzipped JSON Lines, one work per
/// line) and `DIR/data/works/manifest`. Every record carries `"synthetic": true`. When the
/// configuration asks for it, also the patents citing those works, as Reliance on Science's
/// `_pcs_oa.csv`, gzipped, at `DIR/patent-citations-SYNTHETIC_pcs_oa.csv.gz`.
///
/// Same configuration, same bytes: every random choice comes from a stream fixed by the seed
/// and the work's index, and parts are written in parallel (one per core).
public struct SyntheticCorpusGenerator: Sendable {
    /// What to generate.
    let configuration: SyntheticCorpusConfiguration

    /// Name of the synthetic patent-citation file in the output folder. It says SYNTHETIC, which
    /// is how the analysis knows to label figures built on it; it ends as Reliance on Science's
    /// file does (`_pcs_oa.csv`), gzipped.
    public static let patentCitationsFileName = "patent-citations-SYNTHETIC_pcs_oa.csv.gz"

    /// Where the synthetic patent-citation file of a corpus written to `directory` is.
    public static func patentCitationsPath(in directory: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + patentCitationsFileName
    }

    /// Prepares a generator; nothing happens until `write`.
    public init(configuration: SyntheticCorpusConfiguration) {
        self.configuration = configuration
    }

    /// Builds the model and writes the corpus under `directory` (created if needed). Part
    /// files and a manifest from an earlier run in the same place are replaced.
    public func write(
        to directory: String,
        progress: (@Sendable (GenerationProgress) -> Void)? = nil
    ) throws -> GenerationSummary {
        let started = ContinuousClock.now
        progress?(
            GenerationProgress(
                phase: .modelling, worksWritten: 0, worksTotal: configuration.works, uncompressedBytes: 0))
        let corpus = try SyntheticCorpus(configuration: configuration)
        let modelSeconds = Self.seconds(since: started)
        return try write(
            corpus: corpus, to: directory, started: started, modelSeconds: modelSeconds, progress: progress)
    }

    /// Writes an already built model (its configuration, not this generator's, decides parts,
    /// compression and the patent-citation file).
    public func write(
        corpus: SyntheticCorpus, to directory: String,
        progress: (@Sendable (GenerationProgress) -> Void)? = nil
    ) throws -> GenerationSummary {
        try write(corpus: corpus, to: directory, started: .now, modelSeconds: 0, progress: progress)
    }

    private func write(
        corpus: SyntheticCorpus, to directory: String, started: ContinuousClock.Instant,
        modelSeconds: Double, progress: (@Sendable (GenerationProgress) -> Void)?
    ) throws -> GenerationSummary {
        let configuration = corpus.configuration
        let layout = SnapshotLayout(root: directory, configuration: configuration)
        try layout.prepareDirectories()
        let serializer = RecordSerializer(corpus: corpus, folderDates: layout.folderDates)
        let results = PartResults(count: layout.parts)
        let total = corpus.workCount
        DispatchQueue.concurrentPerform(iterations: layout.parts) { part in
            do {
                let outcome = try Self.writePart(part, layout: layout, serializer: serializer) { records, bytes in
                    let (written, uncompressed) = results.addProgress(records: records, bytes: bytes)
                    progress?(
                        GenerationProgress(
                            phase: .writing, worksWritten: written, worksTotal: total,
                            uncompressedBytes: uncompressed))
                }
                results.store(part, outcome)
            } catch {
                results.fail(error)
            }
        }
        if let error = results.firstError { throw error }
        let outcomes = results.outcomes
        // Before the manifest: a folder with a manifest is complete, patent file included.
        let patentPath = Self.patentCitationsPath(in: directory)
        let patents: PatentCitationFileSummary?
        if configuration.patentCitations {
            patents = try PatentCitationWriter(corpus: corpus, cutoffYear: configuration.patentCutoffYear)
                .write(to: patentPath, level: configuration.compressionLevel)
        } else {
            try PatentCitationWriter.removeStale(at: patentPath)
            patents = nil
        }
        try layout.writeManifest(outcomes)
        let summary = GenerationSummary(
            works: outcomes.reduce(0) { $0 + $1.records }, parts: layout.parts,
            uncompressedBytes: outcomes.reduce(0) { $0 + $1.uncompressedBytes },
            compressedBytes: outcomes.reduce(0) { $0 + $1.compressedBytes },
            files: layout.manifestOrder.map(layout.partPath), manifestPath: layout.manifestPath,
            seconds: Self.seconds(since: started), modelSeconds: modelSeconds, patentCitations: patents)
        progress?(
            GenerationProgress(
                phase: .finished, worksWritten: summary.works, worksTotal: total,
                uncompressedBytes: summary.uncompressedBytes))
        return summary
    }

    /// Serialises works `part`, `part + parts`, … into one gzip file, streaming through a
    /// 1 MB buffer.
    private static func writePart(
        _ part: Int, layout: SnapshotLayout, serializer: RecordSerializer,
        report: (Int, Int) -> Void
    ) throws -> PartOutcome {
        let writer = try GzipFileWriter(path: layout.partPath(part), level: layout.compressionLevel)
        var sink = ByteSink(capacity: (1 << 20) + (1 << 17))
        var scratch = RecordScratch(wordCount: serializer.phrases.words.count)
        let folder = layout.folder(ofPart: part)
        var records = 0, reportedRecords = 0, reportedBytes = 0
        for work in stride(from: part, to: serializer.corpus.workCount, by: layout.parts) {
            serializer.write(work: work, folder: folder, into: &sink, scratch: &scratch)
            records += 1
            if sink.count >= 1 << 20 {
                try sink.withBytes { try writer.write($0) }
                sink.removeAll()
                report(records - reportedRecords, writer.uncompressedByteCount - reportedBytes)
                reportedRecords = records
                reportedBytes = writer.uncompressedByteCount
            }
        }
        try sink.withBytes { try writer.write($0) }
        try writer.close()
        report(records - reportedRecords, writer.uncompressedByteCount - reportedBytes)
        return PartOutcome(
            records: records, uncompressedBytes: writer.uncompressedByteCount,
            compressedBytes: writer.compressedByteCount)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}

/// Counts of one written part.
struct PartOutcome: Sendable {
    var records = 0
    var uncompressedBytes = 0
    var compressedBytes = 0
}

/// Results and progress shared by the part writers (a lock around plain values).
private final class PartResults: @unchecked Sendable {
    // Every access goes through `lock`.
    private let lock = NSLock()
    private var stored: [PartOutcome]
    private var errors: [any Error] = []
    private var writtenRecords = 0
    private var writtenBytes = 0

    init(count: Int) { stored = Array(repeating: PartOutcome(), count: count) }

    func store(_ part: Int, _ outcome: PartOutcome) { lock.withLock { stored[part] = outcome } }
    func fail(_ error: any Error) { lock.withLock { errors.append(error) } }
    func addProgress(records: Int, bytes: Int) -> (Int, Int) {
        lock.withLock {
            writtenRecords += records
            writtenBytes += bytes
            return (writtenRecords, writtenBytes)
        }
    }
    var outcomes: [PartOutcome] { lock.withLock { stored } }
    var firstError: (any Error)? { lock.withLock { errors.first } }
}
