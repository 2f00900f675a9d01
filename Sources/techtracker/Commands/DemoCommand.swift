import ArgumentParser
import Foundation
import TechTrackerCore
import TechTrackerMeasure
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore
import TechTrackerSynth
import TechTrackerTaxonomy

/// `techtracker demo`: the whole pipeline on a synthetic corpus, from nothing.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Generate a SYNTHETIC corpus and patent citations, then ingest, classify, analyze and report: "
            + "the whole pipeline, ending with the headlines by Share and by patent-cited share.",
        discussion: """
            Writes the corpus to DIR/corpus and the store to DIR/\(StoreOptions.defaultFileName) (or --store). \
            An existing corpus with the same settings is reused; the store is rebuilt.
            """
    )

    @Option(parsing: .unconditional, help: "Number of works to generate (\(OptionRange.text(OptionRange.works))).")
    var works = 200_000

    @Option(parsing: .unconditional, help: "Random seed (\(OptionRange.seedText)).")
    var seed = SyntheticCorpusConfiguration.defaultSeed

    @Option(help: ArgumentHelp("Folder for the corpus and store.", valueName: "dir"))
    var dir = "demo"

    @Option(help: ArgumentHelp("The store (default: DIR/\(StoreOptions.defaultFileName)).", valueName: "path"))
    var store: String?

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    func validate() throws {
        try OptionRange.check(works, OptionRange.works, option: "--works")
    }

    // Each step calls what its command runs, with the command's defaults, so that the demo
    // prints exactly what an analyst running the commands one by one would see.
    func run() throws {
        let corpus = dir + "/corpus-\(works)-seed\(seed)"
        let storePath = store ?? dir + "/" + StoreOptions.defaultFileName
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)

        let patents = SyntheticCorpusGenerator.patentCitationsPath(in: corpus)
        Console.error("== 1/7 generate: \(works) synthetic works and their patent citations into \(corpus)")
        // A corpus made before patent citations were generated has none: made again.
        if CorpusGeneration.isComplete(corpus) && FileManager.default.fileExists(atPath: patents) {
            Console.error("   (reusing the corpus already there)")
        } else {
            let summary = try CorpusGeneration.run(
                works: works, seed: seed, from: SyntheticCorpusConfiguration.defaultFromYear,
                to: SyntheticCorpusConfiguration.defaultToYear, parts: nil,
                outDir: corpus, quiet: quiet, patents: true)
            Console.error(CorpusGeneration.describe(summary, outDir: corpus))
        }

        Console.error("== 2/7 ingest into \(storePath)")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        let workStore = try StoreOptions.openForWriting(storePath)
        var options = IngestOptions()
        options.progress = IngestProgressPrinter.style(quiet: quiet)
        // The works only: the patent-citation table beside them is read in the next step.
        let summary = try IngestRun(inputs: [corpus + "/data/works"], options: options, log: Console.error)
            .run(into: workStore)
        Console.error(IngestReport.render(summary, strict: false))

        // The generator's patents cite up to its last year: that is the files' cut-off (METHOD §10).
        let cutoff = SyntheticCorpusConfiguration.defaultToYear
        Console.error("== 3/7 ingest-patents \(patents) --cutoff-year \(cutoff)")
        var patentOptions = PatentIngestOptions(cutoffYear: cutoff)
        patentOptions.progress = IngestProgressPrinter.style(quiet: quiet, unit: "rows")
        let patentSummary = try PatentIngestRun(paths: [patents], options: patentOptions, log: Console.error)
            .run(into: workStore)
        Console.error(PatentIngestReport.render(patentSummary, cutoffGiven: true))

        Console.error("== 4/7 stats")
        let statistics = try CorpusStatistics.compute(
            from: workStore, topInstitutions: CorpusStatistics.defaultTopInstitutions)
        Console.out(
            StatisticsReport.render(
                statistics, institutions: try workStore.institutions(),
                countryLimit: StatisticsReport.defaultCountryLimit))

        let taxonomy = try TaxonomyOptions.load(path: nil)
        Console.error("== 5/7 classify with the shipped \(taxonomy.technologies.count)-technology taxonomy")
        try ClassifyCommand.classify(store: workStore, taxonomy: taxonomy, threads: nil, quiet: quiet)

        let settings = try AnalyzeCommand.defaultSettings()
        Console.error(
            "== 6/7 analyze (\(CountingChoice(settings.countings).rawValue) countings, "
                + "\(settings.windowLength)-year windows, \(settings.bootstrapDraws) bootstrap draws)")
        try AnalyzeCommand.analyze(store: workStore, settings: settings, checkingTypes: false, quiet: quiet)

        Console.error("== 7/7 report")
        try ReportCommand.report(store: workStore, selection: AnalysisReport.Selection())
        Console.out("\n\(try ReportCommand.headline(store: workStore))")
        Console.out("")
        try ReportCommand.writeHTML(store: workStore, to: dir + "/report.html")
        Console.out("Dashboard: techtracker serve --store \(storePath)   (then open http://127.0.0.1:8080/)")
    }
}
