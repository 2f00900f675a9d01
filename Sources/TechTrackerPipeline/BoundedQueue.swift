import Foundation

/// A blocking first-in first-out queue with a fixed capacity, between reader threads and
/// the single writer thread. A full queue blocks the readers, which keeps memory bounded
/// however fast files are read and however slowly the store writes.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private var items: [Element] = []
    private var head = 0
    private let capacity: Int
    private let condition = NSCondition()

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds `element`, waiting while the queue is full.
    func push(_ element: Element) {
        condition.lock()
        while items.count - head >= capacity { condition.wait() }
        items.append(element)
        condition.broadcast()
        condition.unlock()
    }

    /// Takes the oldest element, waiting while the queue is empty.
    func pop() -> Element {
        condition.lock()
        while items.count - head == 0 { condition.wait() }
        let element = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        condition.unlock()
        return element
    }
}
