import Foundation

/// The process's peak resident memory so far, as the kernel counts it (`getrusage`), for the
/// benchmarks' tables.
public enum PeakMemory {
    /// Peak resident bytes of this process (0 where the kernel does not say).
    public static func bytes() -> Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        // Linux reports kilobytes.
        return Int(usage.ru_maxrss) * 1024
    }
}
