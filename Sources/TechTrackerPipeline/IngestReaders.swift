import Foundation
import Synchronization
import TechTrackerClassify
import TechTrackerCore
import TechTrackerIngest
import TechTrackerStore

/// A message from a reader thread to the writer.
enum ReaderMessage: Sendable {
    case batch(ReaderBatch)
    case finished
}

/// Works and rejections read since the last message, with the bytes they took.
struct ReaderBatch: Sendable {
    var works: [WorkRow] = []
    var rejections: [IngestRejection] = []
    var warnings: [IngestWarning] = []
    /// Works read and dropped by `--only-matching`.
    var notMatching = 0
    var diskBytes = 0
    var textBytes = 0
    /// Set on the batch that ends a file: its path and how many records it gave.
    var finishedFile: (path: String, records: Int)?
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
struct ReaderLoop: RecordFileConsumer {
    let queue: BoundedQueue<ReaderMessage>
    let control: ReaderControl
    let batchSize: Int
    let fileReader: InputFileReader
    /// `--only-matching`: the technologies a work must match to be stored (this thread's own
    /// filter, the one `scan` uses).
    var filter: TechnologyFilter?
    var batch = ReaderBatch()
    var recordsInFile = 0

    init(
        queue: BoundedQueue<ReaderMessage>, control: ReaderControl, batchSize: Int, fileReader: InputFileReader,
        matcher: CompiledMatcher?
    ) {
        self.queue = queue
        self.control = control
        self.batchSize = batchSize
        self.fileReader = fileReader
        filter = matcher.map { TechnologyFilter(matcher: $0) }
    }

    func run() {
        var loop = self
        var parser = OpenAlexRecordParser()
        while let file = control.nextFile() {
            loop.recordsInFile = 0
            fileReader.read(file, parser: &parser, into: &loop)
            loop.batch.finishedFile = (file.path, loop.recordsInFile)
            loop.send()
        }
        queue.push(.finished)
    }

    mutating func accept(_ work: Work) {
        recordsInFile += 1
        if var filter {
            // Moved out while in use, so that matching does not copy its buffers (copy on write).
            self.filter = nil
            let matches = filter.matches(work)
            self.filter = filter
            guard matches else {
                batch.notMatching += 1
                return
            }
        }
        batch.works.append(WorkRow(work))
        if batch.works.count >= batchSize { send() }
    }

    mutating func reject(_ rejection: IngestRejection) {
        recordsInFile += 1
        batch.rejections.append(rejection)
    }

    mutating func warn(_ warning: IngestWarning) {
        batch.warnings.append(warning)
    }

    mutating func consumed(diskBytes: Int, textBytes: Int) {
        batch.diskBytes += diskBytes
        batch.textBytes += textBytes
    }

    var shouldStop: Bool { control.isCancelled }

    private mutating func send() {
        guard
            !batch.works.isEmpty || !batch.rejections.isEmpty || !batch.warnings.isEmpty || batch.notMatching > 0
                || batch.diskBytes > 0
                || batch.finishedFile != nil
        else { return }
        if !control.isCancelled { queue.push(.batch(batch)) }
        batch = ReaderBatch()
        batch.works.reserveCapacity(batchSize)
    }
}
