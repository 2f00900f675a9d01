import Foundation

/// A blocking first-in first-out queue with a fixed capacity, between reader threads and
/// the single writer thread. A full queue blocks the readers, which keeps memory bounded
/// however fast files are read and however slowly the store writes.
///
/// A ring of `capacity` slots: a popped element leaves its slot at once, so the queue never
/// holds more than `capacity` elements (batches of thousands of works each), whatever the
/// number pushed through it.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private var slots: [Element?]
    private var head = 0
    private var count = 0
    private let condition = NSCondition()

    init(capacity: Int) {
        slots = Array(repeating: nil, count: max(1, capacity))
    }

    /// Elements waiting (for the tests).
    var waiting: Int {
        condition.lock()
        defer { condition.unlock() }
        return count
    }

    /// Adds `element`, waiting while the queue is full.
    func push(_ element: Element) {
        condition.lock()
        while count == slots.count { condition.wait() }
        slots[(head + count) % slots.count] = element
        count += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Takes the oldest element, waiting while the queue is empty.
    func pop() -> Element {
        condition.lock()
        while count == 0 { condition.wait() }
        guard let element = slots[head].take() else {
            condition.unlock()
            preconditionFailure("a counted slot of the queue is empty")
        }
        head = (head + 1) % slots.count
        count -= 1
        condition.broadcast()
        condition.unlock()
        return element
    }
}
