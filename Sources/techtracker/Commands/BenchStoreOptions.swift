import ArgumentParser
import Foundation
import TechTrackerStore

/// `--dir DIR` of the benchmarks that run on the store `bench ingest` left in DIR/bench.sqlite.
struct BenchStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of the benchmark store (DIR/bench.sqlite).", valueName: "dir"))
    var dir = BenchCommand.defaultDir

    /// Opens the store; says which benchmark to run first when it is missing.
    func open(needs: String) throws -> (store: WorkStore, path: String) {
        let path = dir + "/bench.sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("no \(path): run \(needs) with --dir \(dir) first")
        }
        return (try StoreOptions.openForWriting(path), path)
    }
}
