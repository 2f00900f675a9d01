import Foundation
import Synchronization
import Testing

@testable import TechTrackerPipeline

/// The queue between reader threads and the writer: order kept, capacity respected, and a
/// popped element released at once (a queue that kept popped batches held a whole corpus).
struct BoundedQueueTests {
    /// Counts live instances, so a test can see what the queue still holds.
    final class Tracked: Sendable {
        static let live = Atomic<Int>(0)
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.live.add(1, ordering: .relaxed)
        }
        deinit { Self.live.subtract(1, ordering: .relaxed) }
    }

    @Test func poppedElementsAreReleasedAndOrderIsKept() {
        let queue = BoundedQueue<Tracked>(capacity: 3)
        let before = Tracked.live.load(ordering: .relaxed)
        var popped: [Int] = []
        for round in 0..<2_000 {
            queue.push(Tracked(2 * round))
            queue.push(Tracked(2 * round + 1))
            popped.append(queue.pop().value)
            popped.append(queue.pop().value)
            // Nothing popped survives in the queue: only what the test still holds is live.
            #expect(Tracked.live.load(ordering: .relaxed) == before)
        }
        #expect(popped == Array(0..<4_000))
        #expect(queue.waiting == 0)
    }

    @Test func aFullQueueBlocksItsProducerUntilAPop() {
        let queue = BoundedQueue<Int>(capacity: 2)
        let pushed = Atomic<Int>(0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            for value in 0..<5 {
                queue.push(value)
                pushed.add(1, ordering: .relaxed)
            }
            done.signal()
        }
        var received: [Int] = []
        // Whatever the scheduling, the producer is never more than the capacity ahead.
        for _ in 0..<5 {
            let value = queue.pop()
            received.append(value)
            #expect(pushed.load(ordering: .relaxed) <= received.count + 2)
            #expect(queue.waiting <= 2)
        }
        done.wait()
        #expect(received == [0, 1, 2, 3, 4])
    }
}
