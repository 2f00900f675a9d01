public import Foundation
import Synchronization

/// Where the tests put their files: one folder per test process, under the system's temporary
/// folder, removed when the process exits.
///
/// Tests write stores, corpora and exports of up to a few hundred megabytes each; left behind,
/// a few hundred test runs fill the disk. A test makes its own folder or file under `root` with a
/// unique name (`TestScratch.url("label")`) and need not clean up after itself. Names are kept
/// short: a Unix socket's path (made by a test) must fit in 108 bytes.
public enum TestScratch {
    /// The process's folder, made on first use and removed (with everything in it) at exit.
    public static let root: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tt-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
        return folder
    }()

    /// Paths handed out so far (each name unique within the process).
    private static let handedOut = Atomic<Int>(0)

    /// A path under `root` that nothing uses yet: `label`, a number and `fileExtension` (with
    /// its dot, or empty). Nothing is created.
    public static func url(_ label: String, fileExtension: String = "") -> URL {
        let number = handedOut.add(1, ordering: .relaxed).newValue
        return root.appendingPathComponent("\(label)-\(number)\(fileExtension)")
    }
}
