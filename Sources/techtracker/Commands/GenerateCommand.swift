import ArgumentParser
import TechTrackerSynth

/// `techtracker generate`: writes the calibrated synthetic corpus.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a SYNTHETIC corpus in the OpenAlex snapshot layout (gzipped JSON Lines parts and a manifest).",
        discussion: """
            The corpus follows the public record closely enough to exercise the whole analysis (the USA \
            first in most technologies in 2003-2007, China in most by 2020-2024, a handful kept by the \
            USA), but it is generated: every record carries "synthetic": true and every output built on \
            it says SYNTHETIC DATA. The same --seed always gives byte-identical files.
            """
    )

    @Option(help: "Number of works to write.")
    var works: Int

    @Option(help: "Random seed (same seed, same bytes).")
    var seed: UInt64 = 42

    @Option(help: "First publication year.")
    var from = 2003

    @Option(help: "Last publication year.")
    var to = 2024

    @Option(help: "Number of .gz parts (default: about 50,000 works each, at least 2).")
    var parts: Int?

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    @Argument(help: ArgumentHelp("Folder to write (data/works/... is created inside).", valueName: "out-dir"))
    var outDir: String

    func validate() throws {
        guard works >= 1 else { throw ValidationError("--works must be at least 1") }
        guard from <= to else { throw ValidationError("--from must not be after --to") }
        if let parts, parts < 1 { throw ValidationError("--parts must be at least 1") }
    }

    func run() throws {
        let summary = try CorpusGeneration.run(works: works, seed: seed, from: from, to: to, parts: parts,
                                               outDir: outDir, quiet: quiet)
        Console.out(CorpusGeneration.describe(summary, outDir: outDir))
    }
}
