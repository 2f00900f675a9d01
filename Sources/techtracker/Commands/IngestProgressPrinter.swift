import Synchronization
import TechTrackerPipeline
import TechTrackerPresent

/// Draws an ingest's progress reports on standard error (a bar on a terminal, a plain line
/// every 10 s otherwise): the pipeline reports through a callback and knows nothing of the
/// terminal.
final class IngestProgressPrinter: Sendable {
    private let display = Mutex(ProgressDisplay(quiet: false))

    /// The progress style that sends reports here, or `.quiet`.
    /// `unit` names what is counted (works, or the rows of a patent-citation file).
    static func style(quiet: Bool, unit: String = "works") -> IngestOptions.ProgressStyle {
        guard !quiet else { return .quiet }
        let printer = IngestProgressPrinter(unit: unit)
        return .report { printer.show($0) }
    }

    private let unit: String

    private init(unit: String) {
        self.unit = unit
    }

    private func show(_ progress: IngestProgress) {
        display.withLock { display in
            guard !progress.finished else {
                display.finish()
                return
            }
            let rate = Double(progress.recordsRead) / max(progress.elapsedSeconds, 1e-6)
            display.update(
                fraction: progress.fraction,
                figures: "\(ProgressDisplay.bytes(progress.bytesDone))/\(ProgressDisplay.bytes(progress.bytesTotal)), "
                    + "\(progress.recordsRead) \(unit), \(Int(rate)) \(unit)/s")
        }
    }
}
