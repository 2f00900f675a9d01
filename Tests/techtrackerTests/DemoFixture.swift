import Foundation
import Testing

/// The demo on a small corpus, run once for every suite that reads its store: the suites share
/// one classified and analysed store instead of each building its own. Tests only read the
/// store (or run commands that are refused before they change it).
enum DemoFixture {
    /// What the demo left and printed.
    struct Run: Sendable {
        /// The demo's `--dir`.
        var folder: String
        /// What it printed and returned.
        var outcome: Techtracker.Outcome

        /// The store the demo built.
        var store: String { folder + "/techtracker.sqlite" }
    }

    /// Works in the corpus: enough for every technology to have figures, few enough for a
    /// debug build to run the whole pipeline in seconds.
    static let works = 3000

    /// The run, started on first use; every test awaits the same one.
    static let run = Task { () async throws -> Run in
        let folder = try temporaryFolder() + "/demo"
        let outcome = try await Techtracker.run(["demo", "--works", String(works), "--dir", folder, "--quiet"])
        return Run(folder: folder, outcome: outcome)
    }

    /// The demo's store; fails the test when the demo failed.
    static func store() async throws -> String {
        let run = try await run.value
        try #require(run.outcome.status == 0, "the demo failed: \(run.outcome.error)")
        return run.store
    }
}
