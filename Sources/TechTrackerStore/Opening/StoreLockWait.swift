public import Foundation
import Synchronization

/// How long a connection waits for a lock that another connection (another `techtracker`
/// process, a colleague's script) holds, before it gives up.
///
/// SQLite lets one writer in at a time; without waiting, a second writer fails at once with
/// "database is locked", which made a second `ingest` stop half-way and a `classify` or
/// `analyze` fail after all its work. Waiting is almost always what the user wants, so the
/// limit is long (10 minutes) and can be set with `TECHTRACKER_BUSY_TIMEOUT` (seconds).
public struct StoreLockWait: Sendable, Equatable {
    /// The environment variable that sets `limit`, in seconds.
    public static let environmentVariable = "TECHTRACKER_BUSY_TIMEOUT"
    /// The default limit: 10 minutes, long enough for another ingest's batch or another
    /// analysis's final write, short enough that a forgotten lock holder is noticed.
    public static let defaultLimit: Double = 600

    /// Seconds to wait for one lock before giving up (0: give up at once).
    public var limit: Double
    /// Seconds of waiting after which the user is told once why nothing seems to happen.
    public var noticeAfter: Double

    /// A policy with the given limits.
    public init(limit: Double = StoreLockWait.defaultLimit, noticeAfter: Double = 1) {
        self.limit = limit
        self.noticeAfter = noticeAfter
    }

    /// The policy set by `TECHTRACKER_BUSY_TIMEOUT` in `environment`, or the default when it
    /// is unset or empty. A value that is not a number of seconds ≥ 0 is an error rather than
    /// silently the default: a user who set it expects it to apply.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> StoreLockWait {
        guard let text = environment[environmentVariable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return StoreLockWait()
        }
        // Bounded so that the waiter's clock arithmetic cannot overflow (a year is plenty).
        guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 31_536_000 else {
            throw StoreError.invalidSetting(
                name: environmentVariable, value: text,
                expected: "a number of seconds from 0 to 31536000 (default 600)")
        }
        return StoreLockWait(limit: seconds)
    }

    /// Seconds as the messages print them: whole seconds without decimals.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}

/// The busy handler of one connection: SQLite calls it while a lock it needs is held
/// elsewhere; it sleeps a little and asks for another try until the limit is reached.
///
/// SQLite numbers the calls of one wait from 0, so a wait's start is the time of call 0. The
/// "waiting for another techtracker process" notice is printed once per store, not once per
/// wait: two ingests that alternate batches would otherwise print it for every batch.
final class BusyWaiter: Sendable {
    private struct State {
        var waitStarted = ContinuousClock.now
        var noticed = false
    }

    private let policy: StoreLockWait
    private let path: String
    private let messages: @Sendable (String) -> Void
    private let state = Mutex(State())
    /// Sleeps between tries, as SQLite's own busy timeout uses them: short at first, so a
    /// lock released quickly costs little, then 100 ms.
    private static let delays: [Double] = [
        0.001, 0.002, 0.005, 0.010, 0.015, 0.020, 0.025, 0.025, 0.025, 0.050, 0.050, 0.100,
    ]

    init(policy: StoreLockWait, path: String, messages: @escaping @Sendable (String) -> Void) {
        self.policy = policy
        self.path = path
        self.messages = messages
    }

    /// True to make SQLite try again (after a sleep), false to give up with SQLITE_BUSY.
    func shouldRetry(afterTries tries: Int) -> Bool {
        let now = ContinuousClock.now
        let (elapsed, notice) = state.withLock { state -> (Double, Bool) in
            if tries == 0 { state.waitStarted = now }
            let elapsed = Self.seconds(now - state.waitStarted)
            let notice = !state.noticed && elapsed >= policy.noticeAfter && elapsed < policy.limit
            if notice { state.noticed = true }
            return (elapsed, notice)
        }
        if elapsed >= policy.limit {
            messages(StoreError.gaveUpWaiting(path: path, seconds: policy.limit).description)
            return false
        }
        if notice { messages("waiting for another techtracker process on \(path)…") }
        let delay = min(Self.delays[min(tries, Self.delays.count - 1)], policy.limit - elapsed)
        Thread.sleep(forTimeInterval: max(delay, 0))
        return true
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
