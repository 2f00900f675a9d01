/// Spaces request starts at least `1 / requestsPerSecond` apart, whoever asks: OpenAlex's
/// polite limit is 10 requests per second, and every attempt (retries included) counts.
actor RateLimiter {
    private let interval: Duration
    private var nextStart: ContinuousClock.Instant?
    private let clock = ContinuousClock()

    /// A limiter allowing `requestsPerSecond` starts per second (more than 0).
    init(requestsPerSecond: Double) {
        interval = .nanoseconds(Int64((1e9 / max(requestsPerSecond, 1e-6)).rounded(.up)))
    }

    /// Returns once the next request may start; throws `CancellationError` when the task is
    /// cancelled while waiting.
    func waitForTurn() async throws {
        let now = clock.now
        let start = max(now, nextStart ?? now)
        // Reserved before sleeping, so that concurrent callers queue behind each other.
        nextStart = start + interval
        if start > now { try await clock.sleep(until: start) }
    }
}
