import ArgumentParser
import Foundation

/// The `techtracker` command: its subcommands follow the pipeline.
struct TechTrackerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "techtracker",
        abstract: "Which countries and institutions lead research in each critical technology, and how that changes.",
        discussion: """
            Exit codes: 0 success, 1 failure, 2 bad usage or a --strict rejection.
            Every command that reads or writes the store takes --store PATH (default \(StoreOptions.defaultFileName)).
            """,
        subcommands: [
            DemoCommand.self, GenerateCommand.self, HarvestCommand.self, IngestCommand.self, IngestPatentsCommand.self,
            ScanCommand.self,
            StatsCommand.self,
            ClassifyCommand.self, QueryCommand.self, ExplainCommand.self, GroupsCommand.self, AnalyzeCommand.self,
            ReportCommand.self,
            ExportCommand.self, ServeCommand.self, BenchCommand.self,
        ]
    )
}

/// Runs the command, mapping errors to the documented exit codes: ArgumentParser's usage
/// errors (its code 64) and `UsageFailure` become 2, other failures 1.
@main
enum Main {
    static func main() {
        do {
            var command = try TechTrackerCommand.parseAsRoot()
            try command.run()
        } catch let error as UsageFailure {
            Console.error("Error: \(error)")
            Foundation.exit(2)
        } catch {
            let code = TechTrackerCommand.exitCode(for: error)
            if code == .validationFailure {
                Console.error(TechTrackerCommand.fullMessage(for: error))
                Foundation.exit(2)
            }
            TechTrackerCommand.exit(withError: error)
        }
    }
}
