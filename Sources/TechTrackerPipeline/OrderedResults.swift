import Foundation

/// Results of work done out of order (several worker threads), handed out in order: each is
/// put with its sequence number, and `take` waits for the next one. Producers are bounded by
/// the queue that feeds them, so at most that many results wait here.
final class OrderedResults<Element: Sendable>: @unchecked Sendable {
    private var waiting: [Int: Element] = [:]
    private var finishedProducers = 0
    private let producers: Int
    private let condition = NSCondition()

    /// Results from `producers` threads, each of which calls `producerFinished` when done.
    init(producers: Int) {
        self.producers = max(1, producers)
    }

    /// Hands over the result with number `sequence`.
    func put(_ element: Element, sequence: Int) {
        condition.lock()
        waiting[sequence] = element
        condition.broadcast()
        condition.unlock()
    }

    /// One producer will put nothing more.
    func producerFinished() {
        condition.lock()
        finishedProducers += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The result numbered `sequence`, waiting until it is put; `nil` once every producer has
    /// finished without putting it (there are no more).
    func take(_ sequence: Int) -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let element = waiting.removeValue(forKey: sequence) { return element }
            if finishedProducers >= producers { return nil }
            condition.wait()
        }
    }
}
