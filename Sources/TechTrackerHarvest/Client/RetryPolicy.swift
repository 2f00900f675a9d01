import Foundation

/// When a failed request is tried again, and after how long.
///
/// Rate limits (429, and 403, which OpenAlex's error table also gives for "slow down"), server
/// errors (5xx), timeouts, dropped connections and pages cut short are tried again, up to
/// ``maximumRetries`` times. The wait is the server's `Retry-After` when it sends one (seconds or
/// an HTTP date), else exponential backoff with jitter: attempt n waits a random share between
/// half and all of `min(maximumDelay, baseDelay × 2^(n-1))`. The randomness comes from a fixed
/// seed and the request's position, so a rerun waits exactly as long: nothing about a harvest
/// depends on the clock or on chance.
public struct RetryPolicy: Hashable, Sendable {
    /// How many times a request is tried again after its first attempt.
    public var maximumRetries: Int
    /// The wait before the first retry, before jitter (seconds).
    public var baseDelay: Double
    /// The longest backoff wait (seconds).
    public var maximumDelay: Double
    /// The longest `Retry-After` obeyed (seconds); a server asking for more (OpenAlex's daily
    /// limit) stops the run, to be resumed later, rather than sleeping for hours.
    public var longestRetryAfter: Double
    /// The seed of the jitter.
    public var seed: UInt64

    /// The default number of retries.
    public static let defaultMaximumRetries = 8
    /// The jitter's seed: fixed, so that waits are reproducible.
    public static let defaultSeed: UInt64 = 0x7EC4_7AC4_E5EE_D001

    /// Makes a policy; the defaults suit OpenAlex (1 s doubling up to 60 s, `Retry-After` up to
    /// 10 minutes).
    public init(
        maximumRetries: Int = defaultMaximumRetries, baseDelay: Double = 1, maximumDelay: Double = 60,
        longestRetryAfter: Double = 600, seed: UInt64 = defaultSeed
    ) {
        self.maximumRetries = maximumRetries
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.longestRetryAfter = longestRetryAfter
        self.seed = seed
    }

    /// The backoff before retry `retry` (1 for the first) of the request identified by `key`.
    func backoff(retry: Int, key: UInt64) -> Double {
        let exponent = min(max(retry - 1, 0), 62)
        let ceiling = min(maximumDelay, baseDelay * pow(2, Double(exponent)))
        var state = seed ^ (key &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(retry) &* 0xBF58_476D_1CE4_E5B9)
        let unit = Double(Self.splitMix64(&state) >> 11) / Double(1 << 53)
        return ceiling * (0.5 + 0.5 * unit)
    }

    /// SplitMix64: a small, well-mixed generator for the jitter.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The wait a `Retry-After` header asks for, in seconds from `now`: a number of seconds, or
    /// an HTTP date (a date in the past is 0); `nil` when the value is neither.
    static func retryAfter(_ value: String, now: Date) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds.isFinite, seconds >= 0 { return seconds }
        for format in httpDateFormats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }

    /// HTTP's date formats (RFC 9110 §5.6.7): the preferred one, then the two obsolete ones.
    private static let httpDateFormats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy",
    ]

    /// Whether a response status is worth trying again.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 403 || status == 408 || (500...599).contains(status)
    }
}
