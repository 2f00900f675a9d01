import Foundation
import Synchronization
public import TechTrackerCore
import TechTrackerIngest
public import TechTrackerStore

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
        let discovery = try InputDiscovery(
            paths: inputs, outputs: Self.outputs(store: store, rejectsPath: options.rejectsPath))
        for skip in discovery.skipped {
            log("\(skip.isWarning ? "warning" : "note"): skipped \(skip.path): \(skip.reason)")
        }
        var summary = IngestSummary()
        summary.onlyMatching = options.onlyMatching != nil
        summary.files = discovery.files.count
        summary.diskBytes = discovery.totalBytes
        var rejects = try options.rejectsPath.map { try RejectsFileWriter(path: $0) }

        let readerCount = min(options.readers, max(1, discovery.files.count))
        let queue = BoundedQueue<ReaderMessage>(capacity: readerCount * 4)
        let control = ReaderControl(files: discovery.files)
        for _ in 0..<readerCount {
            let batchSize = options.batchSize
            var fileReader = InputFileReader(forcedFormat: options.format)
            fileReader.maximumTextLength = options.maximumLineBytes
            let matcher = options.onlyMatching
            Thread.detachNewThread { [fileReader] in
                ReaderLoop(
                    queue: queue, control: control, batchSize: batchSize, fileReader: fileReader, matcher: matcher
                ).run()
            }
        }

        var writer = BatchWriter(options: options, log: log, totalBytes: discovery.totalBytes)
        var finishedReaders = 0
        var failure: (any Error)?
        do {
            // The store owns the transactions (one per batch, or one for a strict run) and the
            // run's record; this side reads the queue, counts, and decides when a strict run
            // stops: at its first rejection, before it records the run, so that it rolls back.
            let committed = try store.ingest(strict: options.strict, inputs: inputs, startedAt: started) { session in
                while finishedReaders < readerCount {
                    switch queue.pop() {
                    case .finished: finishedReaders += 1
                    case .batch(let batch):
                        try writer.write(batch, session: session, summary: &summary, rejects: &rejects)
                        if options.strict && summary.rejected > 0 {
                            control.cancel()
                            return
                        }
                    }
                }
                try session.finish(recordsRead: summary.read, rejected: summary.rejected)
            }
            summary.committed = committed
        } catch {
            failure = error
            control.cancel()
        }
        // Let every reader finish (they stop early once cancelled) before returning.
        while finishedReaders < readerCount {
            if case .finished = queue.pop() { finishedReaders += 1 }
        }
        writer.finish(recordsRead: summary.read)
        try rejects?.close()
        if let failure { throw failure }
        if summary.committed {
            // Works of several sources: the same paper read from two is marked as one.
            summary.crossSource = try store.resolveDuplicates()
        }
        checkManifests(discovery.manifests, readByFile: writer.readByFile)
        writer.logHiddenWarnings(summary)
        if summary.rejected > options.printedRejectionLimit {
            let hidden = summary.rejected - options.printedRejectionLimit
            log(
                "… \(hidden) more rejection(s) not shown"
                    + (options.rejectsPath.map { "; all are in \($0)" } ?? "; --rejects FILE keeps them all"))
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The files this run writes, never to be read back as input: the store with its journal
    /// files, and the rejects file. Writing rejects over the store would destroy it: refused.
    private static func outputs(store: WorkStore, rejectsPath: String?) throws -> [(path: String, role: String)] {
        var outputs: [(path: String, role: String)] = [(store.path, "the store")]
        for suffix in ["-wal", "-shm", "-journal"] {
            outputs.append((store.path + suffix, "the store's \(suffix.dropFirst()) file"))
        }
        if let rejectsPath {
            if let rejects = FileIdentity(path: rejectsPath), rejects == FileIdentity(path: store.path) {
                throw IngestError.rejectsFileIsStore(rejectsPath)
            }
            outputs.append((rejectsPath, "the --rejects file"))
        }
        return outputs
    }

    /// Compares what each listed part gave with its manifest's record count.
    private func checkManifests(_ manifests: [String], readByFile: [String: Int]) {
        for path in manifests {
            guard let manifest = try? SnapshotManifest(path: path) else {
                log("note: \(path) is not an OpenAlex manifest; not checked")
                continue
            }
            var expected = 0, read = 0, matched = 0
            for (file, count) in readByFile {
                guard let entry = manifest.entry(matching: file) else { continue }
                matched += 1
                expected += entry.recordCount
                read += count
                if count != entry.recordCount {
                    log("warning: \(file): the manifest lists \(entry.recordCount) records, \(count) were read")
                }
            }
            if matched < manifest.entries.count {
                log("warning: \(path) lists \(manifest.entries.count) parts, \(matched) of them were read")
            } else if read == expected {
                log("manifest \(path): all \(matched) parts read, \(read) records as listed")
            }
        }
    }
}
