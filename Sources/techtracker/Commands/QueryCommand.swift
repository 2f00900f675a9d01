import ArgumentParser
import TechTrackerClassify
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent

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

    @Option(help: ArgumentHelp("Only works published in these years, e.g. 2020-2024 (years \(OptionRange.text(OptionRange.years))).",
                               valueName: "from-to"))
    var years: String?

    @Option(parsing: .unconditional, help: "How many matching titles to show (\(OptionRange.text(OptionRange.samples))).")
    var samples = 10

    @Option(parsing: .unconditional, help: "Seed of the title sample (\(OptionRange.seedText)).")
    var seed: UInt64 = 1

    func validate() throws {
        try OptionRange.checkYears(years, option: "--years")
        try OptionRange.check(samples, OptionRange.samples, option: "--samples")
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
            guard let range = OptionRange.parseYears(years) else { throw UsageFailure("--years: expected FROM-TO, e.g. 2020-2024") }
            search.years = range
        }
        search.sampleSize = samples
        search.seed = seed
        let store = try storeOptions.openForReading()
        let result = try search.run(on: store)
        let synthetic = (try store.workCountsBySource()[.synthetic] ?? 0) > 0
        Console.out(QueryReport.render(query: QueryRenderer.render(parsed), result: result, synthetic: synthetic, years: years))
    }
}

/// Points at the column of a query syntax error.
enum QueryErrorPointer {
    static func caret(for error: QuerySyntaxError) -> String {
        guard let column = error.column, column >= 1 else { return "" }
        return String(repeating: " ", count: column - 1) + "^"
    }
}

/// The query command's output.
enum QueryReport {
    static func render(query: String, result: QuerySearch.Result, synthetic: Bool, years: String?) -> String {
        var out: [String] = []
        if synthetic { out.append(Banner.synthetic) }
        let share = result.searched > 0 ? Double(result.matches.count) / Double(result.searched) : 0
        out.append("Query: \(query)")
        out.append("Matches: \(NumberFormatting.grouped(result.matches.count)) of \(NumberFormatting.grouped(result.searched)) works "
            + "(\(NumberFormatting.percent(share, digits: 2)))" + (years.map { ", published \($0)" } ?? ""))
        var byYear = TextTable(headers: ["year", "works"])
        for (year, count) in result.matchesByYear.sorted(by: { $0.key < $1.key }) {
            byYear.append([String(year), NumberFormatting.grouped(count)])
        }
        out.append("\nBy publication year\n" + byYear.render())
        var countries = TextTable(headers: ["country", "fractional", "share"])
        let total = Double(max(result.matches.count, 1))
        let ranked = result.countryCredits.sorted { lhs, rhs in
            (lhs.value, rhs.key?.description ?? "~") > (rhs.value, lhs.key?.description ?? "~")
        }
        for (country, credit) in ranked.prefix(10) {
            countries.append([country?.description ?? "unknown", NumberFormatting.decimal(credit), NumberFormatting.percent(credit / total)])
        }
        out.append("\nTop countries (fractional counting, METHOD §3)\n" + countries.render())
        out.append("\nSample of matching titles (matched title words in [brackets]; some works match in the abstract or keywords only)")
        for (text, explanation) in result.samples {
            out.append("  \(text.publicationYear.map(String.init) ?? "----")  \(MatchMarking.markTitle(text.title, explanation: explanation))")
        }
        if synthetic { out.append(Banner.synthetic) }
        return out.joined(separator: "\n")
    }
}
