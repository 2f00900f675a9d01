import ArgumentParser

/// `techtracker bench`: throughput measurements, printed as a table (never asserted).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput on a generated corpus and print a table.",
        subcommands: [
            BenchIngestCommand.self, BenchExportsCommand.self, BenchClassifyCommand.self, BenchAnalyzeCommand.self,
            BenchPeerCommand.self, BenchPatentsCommand.self,
        ],
        defaultSubcommand: BenchIngestCommand.self
    )

    /// The benchmarks' folder when no `--dir` is given.
    static let defaultDir = "bench-data"
}
