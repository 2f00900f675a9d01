import Foundation
import Synchronization
import TechTrackerCore
import TechTrackerIngest
import TechTrackerStore

/// A message from the thread that reads (and inflates) a patent-citation file to the one that
/// parses it.
enum PatentChunkMessage: Sendable {
    /// The next chunk of text, and the bytes read from disk for it.
    case chunk([UInt8], diskBytes: Int)
    /// The rest of the file could not be read (a cut-off gzip): why.
    case damaged(String)
    /// The end of the file.
    case end
}

/// Rows parsed since the last message, from the parsing thread to the writer.
struct PatentParsedBatch: Sendable {
    /// Citations to stored works, sorted in key order.
    var writes = PatentCitationBatch()
    /// The batch's rows read, not in store and rejected.
    var rows = PatentFileCounts()
    /// The latest year its valid rows gave.
    var latestYear: Int?
    /// Its first bad rows (a few per file; the rest only counted).
    var problems: [PatentRowProblem] = []
    /// Bytes of text and of disk it covers.
    var textBytes = 0
    var diskBytes = 0
}

/// A message from the parsing thread to the writer.
enum PatentBatchMessage: Sendable {
    case batch(PatentParsedBatch)
    case end
}

/// The stop signal the writer gives the two threads of a file when it fails.
final class PatentFileControl: Sendable {
    private let cancelled = Atomic<Bool>(false)

    func cancel() { cancelled.store(true, ordering: .relaxed) }
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}

/// The first two stages of reading one file, each on its own thread: the file read and
/// inflated into chunks, then the chunks parsed, matched to stored works and sorted into
/// batches. The caller (the writer) pops `batches` until `.end`.
///
/// Inflating (about 330 MB/s of text) and parsing run on two cores side by side, and the
/// queues between them and the writer hold a few chunks and two batches at most, so memory
/// stays bounded whatever the file's size.
struct PatentFileStages {
    let file: PatentCitationFile
    let index: PatentWorkIndex
    /// Citations per batch (a sorted batch is written in one pass over the table).
    let batchRows: Int
    /// Bad rows kept with their messages per file.
    let keptProblems: Int
    let control = PatentFileControl()
    /// Text read between two batches at most, so that progress is reported whatever the share
    /// of rows kept.
    static let progressBytes = 64 << 20
    /// Chunks of text between the two threads at most (4 MB each).
    static let chunkBuffers = 4
    /// One batch waits while the writer writes another: parsing is several times faster than
    /// writing, so a deeper queue would only hold more memory.
    let batches = BoundedQueue<PatentBatchMessage>(capacity: 1)

    /// Starts both threads.
    func start() {
        let chunks = BoundedQueue<PatentChunkMessage>(capacity: Self.chunkBuffers)
        // The chunks' buffers go round between the two threads: fresh ones, of a few megabytes
        // each, would cost a page fault every 4 KB (SWIFT-NOTES snag 3).
        let free = BoundedQueue<[UInt8]>(capacity: Self.chunkBuffers)
        for _ in 0..<Self.chunkBuffers { free.push([]) }
        let file = file, control = control
        Thread.detachNewThread {
            do {
                var diskBytes = 0
                try file.forEachChunk(diskBytesRead: { diskBytes += $0 }) { chunk in
                    if control.isCancelled { throw CancellationError() }
                    var buffer = free.pop()
                    buffer.removeAll(keepingCapacity: true)
                    buffer.append(contentsOf: chunk)
                    chunks.push(.chunk(buffer, diskBytes: diskBytes))
                    diskBytes = 0
                }
            } catch is CancellationError {
            } catch {
                chunks.push(.damaged("\(error)"))
            }
            chunks.push(.end)
        }
        let index = index, batchRows = batchRows, keptProblems = keptProblems, batches = batches
        Thread.detachNewThread {
            var parser = PatentTextParser(columns: file.columns, path: file.path)
            var batcher = PatentBatcher(index: index, batchRows: batchRows, keptProblems: keptProblems)
            loop: while true {
                switch chunks.pop() {
                case .chunk(let bytes, let diskBytes):
                    defer { free.push(bytes) }
                    guard !control.isCancelled else { continue }
                    batcher.batch.textBytes += bytes.count
                    batcher.batch.diskBytes += diskBytes
                    bytes.withUnsafeBytes { parser.feed($0, into: &batcher) }
                    // Full, or enough text read for a progress report (a file of few stored works).
                    if batcher.batch.writes.count >= batchRows || batcher.batch.textBytes >= Self.progressBytes {
                        batches.push(.batch(batcher.take()))
                    }
                case .damaged(let reason):
                    parser.damaged(by: PatentReadFailure(reason: reason), into: &batcher)
                case .end:
                    break loop
                }
            }
            if !control.isCancelled {
                parser.finish(into: &batcher)
                batches.push(.batch(batcher.take()))
            }
            batches.push(.end)
        }
    }

    /// Stops both threads (after a failure of the writer) and waits for the parser's end.
    func cancel() {
        control.cancel()
        while case .batch = batches.pop() {}
    }
}

/// Why the rest of a file could not be read, as the reading thread said it.
private struct PatentReadFailure: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

/// Collects the parsed rows of a file into batches: each citation matched to a stored work or
/// counted as not in the store, each bad row counted (and the first few kept).
struct PatentBatcher: PatentCitationConsumer {
    let index: PatentWorkIndex
    let batchRows: Int
    let keptProblems: Int
    var batch = PatentParsedBatch()
    private var problemsKept = 0
    /// Citations not yet matched to stored works. They are matched a group at a time: in a
    /// store of millions of works each lookup misses the caches, and a loop of lookups alone
    /// lets the processor wait for several misses at once, where one lookup per parsed row
    /// waits for each in turn.
    private var pending: [PatentCitation] = []
    private var pendingRows: [Int64?] = []
    private static let group = 64

    init(index: PatentWorkIndex, batchRows: Int, keptProblems: Int) {
        self.index = index
        self.batchRows = batchRows
        self.keptProblems = keptProblems
        batch.writes = PatentCitationBatch(capacity: batchRows)
        pending.reserveCapacity(Self.group)
        pendingRows = Array(repeating: nil, count: Self.group)
    }

    mutating func accept(_ citation: PatentCitation, line: Int) {
        batch.rows.rowsRead += 1
        if let year = citation.year, year > batch.latestYear ?? Int.min { batch.latestYear = year }
        pending.append(citation)
        if pending.count == Self.group { match() }
    }

    mutating func reject(_ problem: PatentRowProblem) {
        batch.rows.rowsRead += 1
        batch.rows.rejected += 1
        if problemsKept < keptProblems {
            batch.problems.append(problem)
            problemsKept += 1
        }
    }

    /// Matches the pending citations to stored works: those of stored works join the batch, in
    /// the order read; the others are counted.
    private mutating func match() {
        let index = index
        pending.withUnsafeBufferPointer { citations in
            pendingRows.withUnsafeMutableBufferPointer { rows in
                for place in citations.indices { rows[place] = index.rowID(for: citations[place].work) }
            }
        }
        for place in pending.indices {
            if let row = pendingRows[place] {
                batch.writes.append(PatentCitationWrite(workRowID: row, citation: pending[place]))
            } else {
                batch.rows.notInStore += 1
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The batch so far, sorted in key order, and a fresh one in its place.
    mutating func take() -> PatentParsedBatch {
        match()
        var taken = batch
        batch = PatentParsedBatch()
        batch.writes = PatentCitationBatch(capacity: batchRows)
        // Off the writer's thread; of equal keys the file's first stays first (the writer keeps
        // it and counts the others as duplicates).
        taken.writes.sort()
        return taken
    }
}
