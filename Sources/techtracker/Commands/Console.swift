import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output helpers: results to standard output, messages and progress to standard error.
enum Console {
    static func out(_ text: String) {
        print(text)
    }

    /// Writes one message line to standard error. With write(2), not FileHandle, whose write
    /// traps when it fails: a message that cannot be shown (standard error closed, its reader
    /// gone) is lost, and the command goes on to its own exit code.
    static func error(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let wrote = write(STDERR_FILENO, base + done, raw.count - done)
                if wrote > 0 {
                    done += wrote
                } else if wrote < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
