public import Foundation
import Synchronization
public import TechTrackerClassify
import TechTrackerIngest

/// How a scan runs.
public struct ScanOptions: Sendable {
    /// Threads that parse and match lines (the reading and writing threads come on top).
    public var threads: Int
    /// The longest line read; a longer one is rejected and skipped in bounded memory.
    public var maximumLineBytes = RecordFileReader.defaultMaximumTextLength
    /// About how many bytes of whole lines a worker takes at a time.
    public var batchBytes = 2 << 20
    /// How many rejection messages are printed before only counting them (as `ingest` does).
    public var printedRejectionLimit = 20

    /// Defaults: one matching thread per core.
    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.threads = max(1, threads)
    }
}

/// What a scan did. Counts reconcile: `read == matching + notMatching + rejected` (blank lines
/// are not records and are not counted).
public struct ScanSummary: Sendable, Equatable {
    /// Non-blank lines read.
    public var read = 0
    /// Lines holding a work that matches a technology: the lines written.
    public var matching = 0
    /// Lines holding a work that matches none.
    public var notMatching = 0
    /// Lines that are not a valid work.
    public var rejected = 0
    /// Bytes read (compressed, for gzip input).
    public var inputBytes = 0
    /// Bytes of text (decompressed).
    public var textBytes = 0
    /// Whether the input was gzip.
    public var isGzip = false
    /// Threads that matched.
    public var threads = 0
    /// Seconds from start to end.
    public var seconds = 0.0
    /// The input or output failure that ended the run early, if any: the counts then cover the
    /// lines handled before it.
    public var failure: ScanStreamError?

    /// `scan: read N, matching M (written), not matching K, rejected R`.
    public var countsLine: String {
        "scan: read \(read), matching \(matching) (written), not matching \(notMatching), rejected \(rejected)"
    }
}

/// `techtracker scan`: reads OpenAlex works as JSON Lines (plain or gzip) from one file
/// descriptor and writes to another exactly the lines, byte for byte and in input order, of the
/// works that match at least one technology: the decision `ingest --only-matching` makes
/// (`TechnologyFilter`), without a store, so that a cluster can reduce a snapshot to the
/// tracker's corpus in parallel.
///
/// The calling thread reads and cuts the input into batches of whole lines; `threads` workers
/// parse and match them; one writer thread writes the kept lines of each batch in batch order,
/// and prints rejections in line order. Queues are bounded, so memory stays at a few batches
/// whatever the input's size.
public struct ScanRun: Sendable {
    /// The technologies a work must match one of.
    public let matcher: CompiledMatcher
    /// Settings.
    public let options: ScanOptions
    /// Where rejections go (one line each); the summary is the caller's to print.
    public let log: @Sendable (String) -> Void

    /// Prepares a scan.
    public init(matcher: CompiledMatcher, options: ScanOptions, log: @escaping @Sendable (String) -> Void) {
        self.matcher = matcher
        self.options = options
        self.log = log
    }

    /// Scans `input` to its end, writing kept lines to `output`. Never throws: an input or output
    /// failure stops the run and is returned in the summary's `failure`.
    public func run(input: Int32, output: Int32) -> ScanSummary {
        let started = Date()
        let workers = max(1, options.threads)
        let queue = BoundedQueue<ScanMessage>(capacity: workers * 2)
        let results = OrderedResults<ScanBatchResult>(producers: workers)
        let finished = BoundedQueue<ScanSummary>(capacity: 1)
        let stopFlag = StopFlag()

        for _ in 0..<workers {
            let worker = ScanWorker(
                filter: TechnologyFilter(matcher: matcher), limit: options.maximumLineBytes,
                keptRejections: options.printedRejectionLimit)
            Thread.detachNewThread { worker.run(queue: queue, results: results) }
        }
        let writer = ScanWriter(
            output: ScanOutput(fileDescriptor: output, name: "standard output"), log: log,
            printedRejectionLimit: options.printedRejectionLimit)
        Thread.detachNewThread { finished.push(writer.run(results: results, stop: stopFlag)) }

        var reader = ScanInput(fileDescriptor: input, name: "standard input")
        var batcher = ScanLineBatcher(targetBytes: options.batchBytes, maximumLineLength: options.maximumLineBytes)
        var textBytes = 0
        var inputFailure: ScanStreamError?
        do {
            try reader.forEachChunk(shouldStop: { stopFlag.isSet }) { chunk in
                textBytes += chunk.count
                batcher.append(chunk) { queue.push(.batch($0)) }
            }
        } catch let error as ScanStreamError {
            inputFailure = error
        } catch {
            inputFailure = ScanStreamError(stream: .input, description: "\(error)")
        }
        // After a failure the unfinished line is lost with the rest of the input: it is not
        // judged as if it were whole.
        batcher.finish(keepingUnfinishedLine: inputFailure == nil && !stopFlag.isSet) { queue.push(.batch($0)) }
        for _ in 0..<workers { queue.push(.finished) }

        var summary = finished.pop()
        summary.failure = summary.failure ?? inputFailure
        summary.inputBytes = reader.bytesRead
        summary.textBytes = textBytes
        summary.isGzip = reader.isGzip
        summary.threads = workers
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}

/// Set once by the writer when output fails, so that the reader stops.
final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func set() { flag.store(true, ordering: .relaxed) }
    var isSet: Bool { flag.load(ordering: .relaxed) }
}

/// A message from the reading thread to the workers.
enum ScanMessage: Sendable {
    case batch(ScanBatch)
    case finished
}

/// What a worker made of one batch: the kept lines' bytes, ready to write, and the counts.
struct ScanBatchResult: Sendable {
    var output: [UInt8] = []
    var matching = 0
    var notMatching = 0
    var rejected = 0
    /// The batch's first rejections (no more than are ever printed).
    var rejections: [IngestRejection] = []
}

/// One worker thread: judges every line of the batches it takes.
struct ScanWorker: Sendable {
    var filter: TechnologyFilter
    /// The line limit, named in the rejection of a longer line.
    let limit: Int
    /// How many rejections of a batch are kept for printing.
    let keptRejections: Int

    func run(queue: BoundedQueue<ScanMessage>, results: OrderedResults<ScanBatchResult>) {
        var worker = self
        while case .batch(let batch) = queue.pop() {
            results.put(worker.judge(batch), sequence: batch.sequence)
        }
        results.producerFinished()
    }

    mutating func judge(_ batch: ScanBatch) -> ScanBatchResult {
        var result = ScanBatchResult()
        batch.bytes.withUnsafeBytes { bytes in
            for line in batch.lines {
                let verdict: TechnologyFilter.LineVerdict =
                    line.isOverlong
                    ? .rejected(
                        offset: nil, reason: "line longer than \(describe(limit)); skipped to the next line end",
                        recordID: nil)
                    : filter.judge(line: UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.contentEnd]))
                switch verdict {
                case .blank:
                    continue
                case .matching:
                    result.matching += 1
                    result.output.append(contentsOf: bytes[line.start..<line.end])
                    // The last line of the input may have no line end: the written lines stay lines.
                    if line.end == line.contentEnd { result.output.append(UInt8(ascii: "\n")) }
                case .notMatching:
                    result.notMatching += 1
                case .rejected(let offset, let reason, let recordID):
                    result.rejected += 1
                    if result.rejections.count < keptRejections {
                        result.rejections.append(
                            IngestRejection(
                                path: "stdin", line: line.number, offset: offset, reason: reason, recordID: recordID))
                    }
                }
            }
        }
        return result
    }

    /// `64 MiB` for whole mebibytes, else `N bytes`.
    private func describe(_ byteCount: Int) -> String {
        byteCount % (1 << 20) == 0 ? "\(byteCount >> 20) MiB" : "\(byteCount) bytes"
    }
}

/// The writer thread: takes the workers' results in batch order, writes the kept lines, prints
/// rejections and counts. After an output failure it stops writing and counting, tells the
/// reader to stop, and drains what the workers still hand over.
struct ScanWriter: Sendable {
    let output: ScanOutput
    let log: @Sendable (String) -> Void
    let printedRejectionLimit: Int

    func run(results: OrderedResults<ScanBatchResult>, stop: StopFlag) -> ScanSummary {
        var summary = ScanSummary()
        var printed = 0
        var next = 0
        while let result = results.take(next) {
            next += 1
            guard summary.failure == nil else { continue }
            do {
                if !result.output.isEmpty { try output.writeAll(result.output) }
            } catch {
                summary.failure =
                    error as? ScanStreamError ?? ScanStreamError(stream: .output, description: "\(error)")
                stop.set()
                continue
            }
            for rejection in result.rejections where printed < printedRejectionLimit {
                log(rejection.message)
                printed += 1
            }
            summary.rejected += result.rejected
            summary.matching += result.matching
            summary.notMatching += result.notMatching
        }
        summary.read = summary.matching + summary.notMatching + summary.rejected
        if summary.rejected > printedRejectionLimit {
            log("… \(summary.rejected - printedRejectionLimit) more rejection(s) not shown")
        }
        return summary
    }
}
