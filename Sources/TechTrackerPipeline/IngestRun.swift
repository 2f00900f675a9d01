import Foundation
import GRDB
import Synchronization
import TechTrackerCore
import TechTrackerIngest
import TechTrackerStore

/// Ingests files into the store: reader threads parse files in parallel (one file each at a
/// time, a reusable parser per thread) and send batches through a bounded queue to the one
/// writer, the calling thread, which upserts each batch in its own transaction.
///
/// A `--strict` run writes everything in one transaction and rolls it back at the first
/// rejection, so it commits all or nothing.
public struct IngestRun {
    /// Paths given by the user (files or folders).
    public let inputs: [String]
    /// Settings.
    public let options: IngestOptions
    /// Where messages go (rejections, notes); the summary is the caller's to print.
    public let log: (String) -> Void

    /// Prepares a run.
    public init(inputs: [String], options: IngestOptions, log: @escaping (String) -> Void) {
        self.inputs = inputs
        self.options = options
        self.log = log
    }

    /// Runs the ingest into `store` and returns its counts.
    public func run(into store: WorkStore) throws -> IngestSummary {
        let started = Date()
        let discovery = try InputDiscovery(paths: inputs)
        for (path, reason) in discovery.skipped { log("note: skipped \(path): \(reason)") }
        var summary = IngestSummary()
        summary.files = discovery.files.count
        summary.diskBytes = discovery.totalBytes
        var rejects = try options.rejectsPath.map { try RejectsFileWriter(path: $0) }

        let readerCount = min(options.readers, max(1, discovery.files.count))
        let queue = BoundedQueue<ReaderMessage>(capacity: readerCount * 4)
        let control = ReaderControl(files: discovery.files)
        for _ in 0..<readerCount {
            let batchSize = options.batchSize
            Thread.detachNewThread { ReaderLoop(queue: queue, control: control, batchSize: batchSize).run() }
        }

        var writer = BatchWriter(options: options, log: log,
                                 progress: ProgressReporter(style: options.progress, totalBytes: discovery.totalBytes))
        var finishedReaders = 0
        var failure: Error?
        do {
            try store.database.inDatabase { db in
                let upserter = try WorkUpserter(db)
                let consume: (Database) throws -> Bool = { db in
                    while finishedReaders < readerCount {
                        switch queue.pop() {
                        case .finished: finishedReaders += 1
                        case .batch(let batch):
                            try writer.write(batch, upserter: upserter, db: db, summary: &summary, rejects: &rejects)
                            if options.strict && summary.rejected > 0 {
                                control.cancel()
                                return false
                            }
                        }
                    }
                    return true
                }
                if options.strict {
                    try db.inTransaction(.immediate) {
                        let clean = try consume(db)
                        summary.committed = clean
                        if clean { try Self.recordRun(db, inputs: inputs, started: started, summary: summary) }
                        return clean ? .commit : .rollback
                    }
                } else {
                    _ = try consume(db)
                    try Self.recordRun(db, inputs: inputs, started: started, summary: summary)
                }
            }
        } catch {
            failure = error
            control.cancel()
        }
        // Let every reader finish (they stop early once cancelled) before returning.
        while finishedReaders < readerCount {
            if case .finished = queue.pop() { finishedReaders += 1 }
        }
        writer.progress.finish()
        try rejects?.close()
        if let failure { throw failure }
        if summary.rejected > options.printedRejectionLimit {
            let hidden = summary.rejected - options.printedRejectionLimit
            log("… \(hidden) more rejection(s) not shown" + (options.rejectsPath.map { "; all are in \($0)" } ?? "; --rejects FILE keeps them all"))
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    private static func recordRun(_ db: Database, inputs: [String], started: Date, summary: IngestSummary) throws {
        let iso = ISO8601DateFormatter()
        try db.execute(sql: """
            INSERT INTO ingest_run (started_at, finished_at, inputs, records_read, works_new,
                works_updated, works_unchanged, records_rejected)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [iso.string(from: started), iso.string(from: Date()), inputs.joined(separator: "\n"),
                             summary.read, summary.outcomes.new, summary.outcomes.updated,
                             summary.outcomes.unchanged, summary.rejected])
    }
}

/// The writer's side: stores a batch, counts, reports rejections and progress.
private struct BatchWriter {
    let options: IngestOptions
    let log: (String) -> Void
    var progress: ProgressReporter

    mutating func write(_ batch: ReaderBatch, upserter: WorkUpserter, db: Database,
                        summary: inout IngestSummary, rejects: inout RejectsFileWriter?) throws {
        if !batch.works.isEmpty {
            let apply = { (counts: inout UpsertCounts) throws in
                for work in batch.works { counts.add(try upserter.upsert(work)) }
            }
            var counts = UpsertCounts()
            if options.strict || db.isInsideTransaction {
                try apply(&counts)
            } else {
                let known = upserter.knownInstitutionSnapshot
                do {
                    try db.inTransaction(.immediate) {
                        try apply(&counts)
                        return .commit
                    }
                } catch {
                    upserter.restoreKnownInstitutions(known)
                    throw error
                }
            }
            summary.outcomes.new += counts.new
            summary.outcomes.updated += counts.updated
            summary.outcomes.unchanged += counts.unchanged
        }
        for rejection in batch.rejections {
            if summary.rejected < options.printedRejectionLimit { log("rejected: \(rejection.message)") }
            summary.rejected += 1
            try rejects?.write(rejection)
        }
        summary.read += batch.works.count + batch.rejections.count
        summary.textBytes += batch.textBytes
        progressBytes += batch.diskBytes
        progress.update(doneBytes: progressBytes, works: summary.read)
    }

    private var progressBytes = 0

    init(options: IngestOptions, log: @escaping (String) -> Void, progress: ProgressReporter) {
        self.options = options
        self.log = log
        self.progress = progress
    }
}

/// A message from a reader thread to the writer.
enum ReaderMessage: Sendable {
    case batch(ReaderBatch)
    case finished
}

/// Works and rejections read since the last message, with the bytes they took.
struct ReaderBatch: Sendable {
    var works: [Work] = []
    var rejections: [IngestRejection] = []
    var diskBytes = 0
    var textBytes = 0
}

/// Hands out files to readers and carries the stop signal.
final class ReaderControl: Sendable {
    private let files: [InputFile]
    private let next = Mutex(0)
    private let cancelled = Atomic<Bool>(false)

    init(files: [InputFile]) {
        self.files = files
    }

    func nextFile() -> InputFile? {
        guard !isCancelled else { return nil }
        return next.withLock { index in
            guard index < files.count else { return nil }
            defer { index += 1 }
            return files[index]
        }
    }

    func cancel() { cancelled.store(true, ordering: .relaxed) }
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}

/// One reader thread: takes files until none are left, parses them, sends batches.
private struct ReaderLoop: RecordFileConsumer {
    let queue: BoundedQueue<ReaderMessage>
    let control: ReaderControl
    let batchSize: Int
    var batch = ReaderBatch()

    init(queue: BoundedQueue<ReaderMessage>, control: ReaderControl, batchSize: Int) {
        self.queue = queue
        self.control = control
        self.batchSize = batchSize
    }

    func run() {
        var loop = self
        var parser = OpenAlexRecordParser()
        while let file = control.nextFile() {
            RecordFileReader(file: file).read(parser: &parser, into: &loop)
            loop.send()
        }
        queue.push(.finished)
    }

    mutating func accept(_ work: Work) {
        batch.works.append(work)
        if batch.works.count >= batchSize { send() }
    }

    mutating func reject(_ rejection: IngestRejection) {
        batch.rejections.append(rejection)
    }

    mutating func consumed(diskBytes: Int, textBytes: Int) {
        batch.diskBytes += diskBytes
        batch.textBytes += textBytes
    }

    var shouldStop: Bool { control.isCancelled }

    private mutating func send() {
        guard !batch.works.isEmpty || !batch.rejections.isEmpty || batch.diskBytes > 0 else { return }
        if !control.isCancelled { queue.push(.batch(batch)) }
        batch = ReaderBatch()
        batch.works.reserveCapacity(batchSize)
    }
}
