import Foundation
import TechTrackerStore

/// The store's analysis rows read on a thread of their own (SQLite and the decoding of the
/// packed authorships and references) while the caller builds the columns from the previous
/// batch: the two halves of decoding every work, on two cores.
enum RowReader {
    /// Rows per batch: enough to keep both threads busy, few enough to bound what is held.
    static let batchSize = 4_096

    /// A batch, or the end of the rows with the error that ended them.
    enum Message: Sendable {
        case rows([AnalysisRow])
        case finished((any Error)?)
    }

    /// Calls `body` with the store's analysis rows (`WorkStore.forEachAnalysisRow`) in
    /// batches, in row order, on this thread; rethrows the reader's error.
    static func forEachBatch(of store: WorkStore, _ body: ([AnalysisRow]) throws -> Void) throws {
        // At most two batches wait: the reader stays one batch ahead, and memory stays bounded.
        let queue = BoundedQueue<Message>(capacity: 2)
        Thread.detachNewThread {
            do {
                var batch: [AnalysisRow] = []
                batch.reserveCapacity(batchSize)
                try store.forEachAnalysisRow { row in
                    batch.append(row)
                    if batch.count == batchSize {
                        queue.push(.rows(batch))
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { queue.push(.rows(batch)) }
                queue.push(.finished(nil))
            } catch {
                queue.push(.finished(error))
            }
        }
        while true {
            switch queue.pop() {
            case .rows(let rows):
                do {
                    try body(rows)
                } catch {
                    // Let the reader finish (it blocks on a full queue otherwise), then fail.
                    drain(queue)
                    throw error
                }
            case .finished(let error):
                if let error { throw error }
                return
            }
        }
    }

    /// Takes batches until the reader's end.
    private static func drain(_ queue: BoundedQueue<Message>) {
        while case .rows = queue.pop() {}
    }
}
