import Foundation

/// A blocking first-in first-out queue with a fixed capacity, between reader threads and
/// the single writer thread. A full queue blocks the readers, which keeps memory bounded
/// however fast files are read and however slowly the store writes.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    /// At most `capacity` elements, oldest first. A taken element leaves the array at once:
    /// kept until later, every batch taken would stay in memory (a 2 MB batch of lines times a
    /// thousand).
    private var items: [Element] = []
    private let capacity: Int
    private let condition = NSCondition()

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds `element`, waiting while the queue is full.
    func push(_ element: Element) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(element)
        condition.broadcast()
        condition.unlock()
    }

    /// Takes the oldest element, waiting while the queue is empty.
    func pop() -> Element {
        condition.lock()
        while items.isEmpty { condition.wait() }
        // Shifting the few elements left costs nothing next to what they carry.
        let element = items.removeFirst()
        condition.broadcast()
        condition.unlock()
        return element
    }
}
