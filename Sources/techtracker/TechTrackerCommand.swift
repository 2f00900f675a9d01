import ArgumentParser

@main
struct TechTrackerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "techtracker",
        abstract: "Which countries and institutions lead research in each critical technology."
    )
}
