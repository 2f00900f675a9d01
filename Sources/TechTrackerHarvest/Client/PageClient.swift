import Foundation
import Synchronization

/// A retry about to happen, for progress messages.
public struct RetryNotice: Sendable, Hashable {
    /// Why the last attempt failed (`HTTP 503`, `timed out after 60 s`, `incomplete page: …`).
    public var reason: String
    /// Which retry this is, from 1.
    public var retry: Int
    /// How many retries are allowed.
    public var maximumRetries: Int
    /// The wait before it (seconds).
    public var wait: Double
    /// Whether the wait is the server's `Retry-After`.
    public var isServerWait: Bool
}

/// Fetches pages of OpenAlex's `/works` with the rate limit and the retries of a harvest.
struct PageClient: Sendable {
    let fetcher: HTTPFetcher
    let limiter: RateLimiter
    let policy: RetryPolicy
    /// Attempts and retries made so far.
    let counters = Counters()

    /// Counts shared by every request of a run.
    final class Counters: Sendable {
        private let values = Mutex((attempts: 0, retries: 0))
        var attempts: Int { values.withLock { $0.attempts } }
        var retries: Int { values.withLock { $0.retries } }
        func countAttempt() { values.withLock { $0.attempts += 1 } }
        func countRetry() { values.withLock { $0.retries += 1 } }
    }

    init(timeout: Double, requestsPerSecond: Double, policy: RetryPolicy) {
        fetcher = HTTPFetcher(timeout: timeout)
        limiter = RateLimiter(requestsPerSecond: requestsPerSecond)
        self.policy = policy
    }

    /// The page at `url`, tried again on rate limits, server errors, timeouts, dropped
    /// connections and cut-short pages. `display` is the URL as messages may show it (no key);
    /// `key` identifies the request for the jitter. Throws `HarvestError` once the retries are
    /// spent or for an answer no retry can fix, `CancellationError` when cancelled.
    func page(url: String, display: String, key: UInt64, onRetry: (RetryNotice) -> Void) async throws -> APIPage {
        // Refused rather than re-encoded: the URL is already encoded, byte for byte.
        guard let requestURL = URL(string: url, encodingInvalidCharacters: false) else {
            throw HarvestError.failure("GET \(display): not a valid URL")
        }
        var retry = 0
        while true {
            try await limiter.waitForTurn()
            counters.countAttempt()
            let outcome: Outcome
            do {
                outcome = Self.evaluate(try await fetcher.get(requestURL))
            } catch let failure as FetchFailure {
                switch failure {
                case .timedOut(let seconds): outcome = .retry("timed out after \(Self.seconds(seconds))", after: nil)
                case .transport(let reason): outcome = .retry(reason, after: nil)
                case .unusable(let reason): outcome = .fail(reason)
                }
            }
            switch outcome {
            case .page(let page):
                return page
            case .fail(let reason):
                throw HarvestError.failure("GET \(display) failed: \(reason)")
            case .retry(let reason, let retryAfter):
                guard retry < policy.maximumRetries else {
                    let attempts = retry + 1
                    throw HarvestError.failure(
                        "GET \(display) failed after \(attempts) attempt\(attempts == 1 ? "" : "s"); last: \(reason)")
                }
                retry += 1
                if let retryAfter, retryAfter > policy.longestRetryAfter {
                    throw HarvestError.failure(
                        "GET \(display): \(reason) and the server asks to wait \(Self.seconds(retryAfter)) "
                            + "(more than \(Self.seconds(policy.longestRetryAfter))); run the same command later "
                            + "to continue")
                }
                let wait = retryAfter ?? policy.backoff(retry: retry, key: key)
                counters.countRetry()
                onRetry(
                    RetryNotice(
                        reason: reason, retry: retry, maximumRetries: policy.maximumRetries, wait: wait,
                        isServerWait: retryAfter != nil))
                try await Task.sleep(for: .milliseconds(Int64((wait * 1000).rounded(.up))))
            }
        }
    }

    /// What one answer means.
    enum Outcome {
        case page(APIPage)
        case retry(String, after: Double?)
        case fail(String)
    }

    /// A response judged: a complete page, worth a retry (with the server's wait), or not.
    static func evaluate(_ response: HTTPResponse, now: Date = Date()) -> Outcome {
        let status = response.status
        if (200...299).contains(status) {
            if let declared = response.headers["content-length"].flatMap({ Int($0) }), declared != response.body.count {
                return .retry("page cut short (\(response.body.count) of \(declared) bytes)", after: nil)
            }
            do {
                return .page(try APIPage.parse([UInt8](response.body)))
            } catch {
                return .retry("incomplete page: \(error)", after: nil)
            }
        }
        if RetryPolicy.isRetryable(status: status) {
            let wait = response.headers["retry-after"].flatMap { RetryPolicy.retryAfter($0, now: now) }
            return .retry("HTTP \(status)", after: wait)
        }
        if status == 401 {
            return .fail("HTTP 401: OpenAlex wants an API key (--api-key, or the OPENALEX_API_KEY variable)")
        }
        let message = serverMessage(response.body).map { ": \($0)" } ?? ""
        return .fail("HTTP \(status)\(message)")
    }

    /// OpenAlex's error message (`{"error": …, "message": …}`), shortened to one line.
    static func serverMessage(_ body: Data) -> String? {
        guard body.count <= 1 << 20, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let text = (object["message"] as? String) ?? (object["error"] as? String)
        else { return nil }
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 300 ? String(line.prefix(300)) + "…" : line
    }

    /// `2.5` → `2.5 s`, `60` → `60 s`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
