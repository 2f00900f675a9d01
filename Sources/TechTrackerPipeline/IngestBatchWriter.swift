import Foundation
import GRDB
import Synchronization
import TechTrackerCore
import TechTrackerIngest
import TechTrackerPresent
import TechTrackerStore

/// The writer's side: stores a batch, counts, reports rejections and progress.
struct BatchWriter {
    let options: IngestOptions
    let log: (String) -> Void
    var progress: ProgressDisplay

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
                do {
                    try db.inTransaction(.immediate) {
                        try apply(&counts)
                        return .commit
                    }
                } catch {
                    // The rollback took back institution rows the upserter remembers writing.
                    upserter.reloadInstitutionsAfterRollback()
                    throw error
                }
            }
            summary.outcomes += counts
        }
        for rejection in batch.rejections {
            if summary.rejected < options.printedRejectionLimit { log("rejected: \(rejection.message)") }
            summary.rejected += 1
            try rejects?.write(rejection)
        }
        summary.read += batch.works.count + batch.rejections.count
        if let finished = batch.finishedFile { readByFile[finished.path] = finished.records }
        summary.textBytes += batch.textBytes
        progressBytes += batch.diskBytes
        let rate = Double(summary.read) / max(progress.elapsed, 1e-6)
        progress.update(fraction: totalBytes > 0 ? Double(progressBytes) / Double(totalBytes) : 0,
                        figures: "\(ProgressDisplay.bytes(progressBytes))/\(ProgressDisplay.bytes(totalBytes)), "
                            + "\(summary.read) works, \(Int(rate)) works/s")
    }

    private var progressBytes = 0
    private let totalBytes: Int
    /// Records (works and rejections) read per finished file.
    private(set) var readByFile: [String: Int] = [:]

    init(options: IngestOptions, log: @escaping (String) -> Void, totalBytes: Int) {
        self.options = options
        self.log = log
        self.totalBytes = totalBytes
        progress = ProgressDisplay(quiet: options.progress == .quiet)
    }
}
