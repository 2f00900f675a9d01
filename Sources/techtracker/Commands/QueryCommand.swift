import ArgumentParser
import TechTrackerClassify
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore

/// `techtracker query`: an ad-hoc search in the query language of the taxonomy.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search the store with one query: count, counts by year, top countries, sample titles.",
        discussion: """
            The language is Web of Science's: TS= (title, abstract, keywords), TI=, AB=, AK=; AND, OR, NOT, \
            parentheses; "phrases"; right truncation comput*; NEAR/n. Example: \
            techtracker query 'TS=("quantum comput*" NEAR/3 error)' --years 2020-2024
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The query, e.g. 'TS=(qubit* AND \"error correction\")'.")
    var query: String

    @Option(
        help: ArgumentHelp(
            "Only works published in these years, e.g. 2020-2024 (years \(OptionRange.text(OptionRange.years))).",
            valueName: "from-to"))
    var years: String?

    @OptionGroup var sampleOptions: TitleSampleOptions

    func validate() throws {
        try OptionRange.checkYears(years, option: "--years")
    }

    func run() throws {
        let parsed: Query
        do {
            parsed = try QueryParser.parse(query)
        } catch {
            throw UsageFailure("query: \(error)\n  \(query)\n  \(QueryErrorPointer.caret(for: error))")
        }
        var search = QuerySearch(query: parsed)
        if let years {
            guard let range = OptionRange.parseYears(years) else {
                throw UsageFailure("--years: expected FROM-TO, e.g. 2020-2024")
            }
            search.years = range
        }
        search.sampleSize = sampleOptions.samples
        search.seed = sampleOptions.seed
        let store = try storeOptions.openForReading()
        let result = try search.run(on: store)
        let synthetic = try store.storedSources().contains(.synthetic)
        Console.out(
            QueryReport.render(
                query: QueryRenderer.render(parsed), figures: Self.figures(result), synthetic: synthetic, years: years))
    }

    /// The search's result as the plain values the report renders.
    static func figures(_ result: QuerySearch.Result) -> QueryReport.Figures {
        var figures = QueryReport.Figures()
        figures.searched = result.searched
        figures.matches = result.matches.count
        figures.matchesByYear = result.matchesByYear
        figures.countryCredits = result.countryCredits
        figures.samples = result.samples.map {
            SampledTitle(title: $0.text.title, publicationYear: $0.text.publicationYear, explanation: $0.explanation)
        }
        return figures
    }
}
