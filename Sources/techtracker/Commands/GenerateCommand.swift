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
            it says SYNTHETIC DATA. The same --seed always gives byte-identical files. Beside the works, \
            OUT_DIR/\(SyntheticCorpusGenerator.patentCitationsFileName) lists the patents citing them \
            (Reliance on Science's _pcs_oa.csv columns, no dates: read it with the patent cut-off year \
            printed, the last publication year).
            """
    )

    @Option(parsing: .unconditional, help: "Number of works to write (\(OptionRange.text(OptionRange.works))).")
    var works: Int

    @Option(parsing: .unconditional, help: "Random seed, same seed, same bytes (\(OptionRange.seedText)).")
    var seed = SyntheticCorpusConfiguration.defaultSeed

    @Option(parsing: .unconditional, help: "First publication year (\(OptionRange.text(OptionRange.generatedYears))).")
    var from = SyntheticCorpusConfiguration.defaultFromYear

    @Option(
        parsing: .unconditional,
        help: "Last publication year (\(OptionRange.text(OptionRange.generatedYears)); at most 199 years after --from)."
    )
    var to = SyntheticCorpusConfiguration.defaultToYear

    @Option(
        parsing: .unconditional,
        help: """
            Number of .gz parts (\(OptionRange.text(OptionRange.parts)); \
            default: about 50,000 works each, at least 2).
            """
    )
    var parts: Int?

    @Flag(
        help: """
            Do not write the SYNTHETIC patent-citation file \
            (\(SyntheticCorpusGenerator.patentCitationsFileName), Reliance on Science's layout; \
            its patent cut-off year is --to).
            """)
    var noPatents = false

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    @Argument(help: ArgumentHelp("Folder to write (data/works/... is created inside).", valueName: "out-dir"))
    var outDir: String

    func validate() throws {
        try OptionRange.check(works, OptionRange.works, option: "--works")
        try OptionRange.check(from, OptionRange.generatedYears, option: "--from")
        try OptionRange.check(to, OptionRange.generatedYears, option: "--to")
        guard from <= to else { throw ValidationError("--from must not be after --to") }
        // The generator's calibration covers spans of under 200 years.
        guard to - from < 200 else { throw ValidationError("--from \(from) --to \(to) spans more than 199 years") }
        try OptionRange.check(parts, OptionRange.parts, option: "--parts")
    }

    func run() throws {
        let summary = try CorpusGeneration.run(
            works: works, seed: seed, from: from, to: to, parts: parts,
            outDir: outDir, quiet: quiet, patents: !noPatents)
        Console.out(CorpusGeneration.describe(summary, outDir: outDir))
    }
}
