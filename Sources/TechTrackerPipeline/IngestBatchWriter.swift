import Foundation
import Synchronization
import TechTrackerCore
import TechTrackerIngest
import TechTrackerStore

/// The writer's side: stores a batch, counts, reports rejections and progress.
struct BatchWriter {
    let options: IngestOptions
    let log: (String) -> Void

    mutating func write(
        _ batch: ReaderBatch, session: IngestSession,
        summary: inout IngestSummary, rejects: inout RejectsFileWriter?
    ) throws {
        // The session commits the batch (or adds it to a strict run's transaction).
        summary.outcomes += try session.upsert(batch.works)
        for rejection in batch.rejections {
            if summary.rejected < options.printedRejectionLimit { log("rejected: \(rejection.message)") }
            summary.rejected += 1
            try rejects?.write(rejection)
        }
        for warning in batch.warnings {
            let shown = summary.warnings[warning.kind.rawValue, default: 0]
            if shown < options.printedWarningLimit { log("warning: \(warning.message)") }
            summary.warnings[warning.kind.rawValue] = shown + 1
            if warning.kind == .unrecognisedCountry, let segment = warning.subject {
                summary.unrecognisedCountries[segment, default: 0] += 1
            }
        }
        summary.notMatching += batch.notMatching
        summary.read += batch.works.count + batch.rejections.count + batch.notMatching
        if let finished = batch.finishedFile { readByFile[finished.path] = finished.records }
        summary.textBytes += batch.textBytes
        progressBytes += batch.diskBytes
        report(recordsRead: summary.read, finished: false)
    }

    /// Says how many warnings of each kind were counted but not printed.
    func logHiddenWarnings(_ summary: IngestSummary) {
        for (kind, count) in summary.warnings.sorted(by: { $0.key < $1.key }) where count > options.printedWarningLimit
        {
            log("… \(count - options.printedWarningLimit) more \"\(kind)\" warning(s) not shown")
        }
    }

    /// Sends the last progress report.
    func finish(recordsRead: Int) {
        report(recordsRead: recordsRead, finished: true)
    }

    private func report(recordsRead: Int, finished: Bool) {
        guard case .report(let send) = options.progress else { return }
        send(
            IngestProgress(
                bytesDone: progressBytes, bytesTotal: totalBytes, recordsRead: recordsRead,
                elapsedSeconds: Self.seconds(ContinuousClock.now - started), finished: finished))
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    private let started = ContinuousClock.now
    private var progressBytes = 0
    private let totalBytes: Int
    /// Records (works and rejections) read per finished file.
    private(set) var readByFile: [String: Int] = [:]

    init(options: IngestOptions, log: @escaping (String) -> Void, totalBytes: Int) {
        self.options = options
        self.log = log
        self.totalBytes = totalBytes
    }
}
