import ArgumentParser
import Foundation
import TechTrackerMeasure
import TechTrackerPipeline
import TechTrackerPresent

/// `techtracker demo`: the whole pipeline on a synthetic corpus, from nothing.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a SYNTHETIC corpus, then ingest, classify, analyze and report: the whole pipeline, ending with the headline.",
        discussion: """
            Writes the corpus to DIR/corpus and the store to DIR/techtracker.sqlite (or --store). \
            An existing corpus with the same settings is reused; the store is rebuilt.
            """
    )

    @Option(parsing: .unconditional, help: "Number of works to generate (\(OptionRange.text(OptionRange.works))).")
    var works = 200_000

    @Option(parsing: .unconditional, help: "Random seed (\(OptionRange.seedText)).")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Folder for the corpus and store.", valueName: "dir"))
    var dir = "demo"

    @Option(help: ArgumentHelp("The store (default: DIR/techtracker.sqlite).", valueName: "path"))
    var store: String?

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    func validate() throws {
        try OptionRange.check(works, OptionRange.works, option: "--works")
    }

    func run() throws {
        let corpus = dir + "/corpus-\(works)-seed\(seed)"
        let storePath = store ?? dir + "/techtracker.sqlite"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)

        Console.error("== 1/6 generate: \(works) synthetic works into \(corpus)")
        if CorpusGeneration.isComplete(corpus) {
            Console.error("   (reusing the corpus already there)")
        } else {
            let summary = try CorpusGeneration.run(works: works, seed: seed, from: 2003, to: 2024, parts: nil,
                                                   outDir: corpus, quiet: quiet)
            Console.error(CorpusGeneration.describe(summary, outDir: corpus))
        }

        Console.error("== 2/6 ingest into \(storePath)")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        let workStore = try StoreOptions(storePath: storePath).openForWriting()
        var options = IngestOptions()
        options.progress = IngestProgressPrinter.style(quiet: quiet)
        let summary = try IngestRun(inputs: [corpus], options: options, log: Console.error).run(into: workStore)
        Console.error(IngestReport.render(summary, strict: false))

        Console.error("== 3/6 stats")
        let statistics = try CorpusStatistics.compute(from: workStore)
        Console.out(StatisticsReport.render(statistics, institutions: try workStore.institutions()))

        Console.error("== 4/6 classify with the shipped 74-technology taxonomy")
        // The same command an analyst runs next, so the demo shows exactly its output.
        try ClassifyCommand.parse(["--store", storePath] + (quiet ? ["--quiet"] : [])).run()

        Console.error("== 5/6 analyze (both countings, 5-year windows, 1000 bootstrap draws)")
        try AnalyzeCommand.parse(["--store", storePath] + (quiet ? ["--quiet"] : [])).run()

        Console.error("== 6/6 report")
        try ReportCommand.parse(["--store", storePath]).run()
        let headline = try ReportCommand.headline(storePath: storePath)
        Console.out("\n\(headline)")
    }
}

extension StoreOptions {
    init(storePath: String) {
        self.init()
        store = storePath
    }
}
