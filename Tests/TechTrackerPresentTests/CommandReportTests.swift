import Testing
@testable import TechTrackerClassify
import TechTrackerCore
@testable import TechTrackerPresent

/// The closing lines of an ingest: the counts line, the rates, and what happened to the store
/// when the counts alone could mislead.
struct IngestReportTests {
    @Test func rendersTheCountsTheRatesAndNoOutcomeWhenWorksWereStored() {
        var summary = IngestSummary()
        summary.files = 2
        summary.read = 1000
        summary.outcomes.new = 990
        summary.rejected = 10
        summary.textBytes = 25_000_000
        summary.seconds = 2
        #expect(
            IngestReport.render(summary, strict: false) == """
                read 1000, new 990, updated 0, unchanged 0, conflicting 0, rejected 10
                2 file(s), 25.0 MB of text in 2.0 s (500 works/s, 12 MB/s)
                """)
    }

    @Test func saysWhyNothingWasStored() {
        let empty = IngestReport.render(IngestSummary(), strict: false)
        #expect(
            empty == "read 0, new 0, updated 0, unchanged 0, conflicting 0, rejected 0\n"
                + "0 file(s), 0.0 MB of text in 0.0 s (0 works/s, 0 MB/s)\nnothing stored: no input files were found")
        var strict = IngestSummary()
        strict.files = 1
        strict.read = 2
        strict.rejected = 1
        strict.outcomes.new = 1
        strict.committed = false
        #expect(
            IngestReport.render(strict, strict: true).hasSuffix(
                "\nstrict: 1 rejection(s); nothing was committed (stopped at the first)"))
    }
}

/// `query`'s report from plain figures.
struct QueryReportTests {
    static func sample(_ title: String, year: Int?, query: String) throws -> SampledTitle {
        let matcher = CompiledMatcher(queries: [(id: "q", query: try QueryParser.parse(query))])
        return SampledTitle(
            title: title, publicationYear: year,
            explanation: matcher.explainQuery(0, in: ClassifiableText(title: title)))
    }

    @Test func rendersCountsYearsCountriesAndMarkedSamples() throws {
        var figures = QueryReport.Figures()
        figures.searched = 400
        figures.matches = 4
        figures.matchesByYear = [2021: 3, 2020: 1]
        figures.countryCredits = [CountryCode("US"): 1.5, CountryCode("CN"): 1.5, nil: 1]
        figures.samples = [
            try Self.sample("A qubit array", year: 2021, query: "TS=qubit*"),
            try Self.sample("Qubits again", year: nil, query: "TS=qubit*"),
        ]
        let text = QueryReport.render(query: "TS=qubit*", figures: figures, synthetic: true, years: "2020-2021")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(text.hasPrefix(Banner.synthetic + "\n") && text.hasSuffix("\n" + Banner.synthetic))
        #expect(lines.contains("Query: TS=qubit*"))
        #expect(lines.contains("Matches: 4 of 400 works (1.00%), published 2020-2021"))
        // Equal credits by country code, unknown last.
        let countries = lines.compactMap { line in ["CN", "US", "unknown"].first { line.hasPrefix("  \($0) ") } }
        #expect(countries == ["CN", "US", "unknown"])
        #expect(lines.contains("  2021  A [qubit] array"))
        #expect(lines.contains("  ----  [Qubits] again"))
        #expect(lines.firstIndex { $0.hasPrefix("  2020 ") }! < lines.firstIndex { $0.hasPrefix("  2021 ") }!)
    }

    @Test func noMatchesGiveZeroShareAndNoBanner() {
        let text = QueryReport.render(query: "TS=x", figures: QueryReport.Figures(), synthetic: false, years: nil)
        #expect(text.contains("Matches: 0 of 0 works (0.00%)\n"))
        #expect(!text.contains(Banner.synthetic))
    }

    @Test func theCaretPointsAtTheErrorsColumn() {
        #expect(QueryErrorPointer.caret(for: QuerySyntaxError("expected a term", column: 4)) == "   ^")
        #expect(QueryErrorPointer.caret(for: QuerySyntaxError("empty query", column: nil)).isEmpty)
        #expect(QueryErrorPointer.caret(for: QuerySyntaxError("odd", column: 0)).isEmpty)
    }
}

/// `explain`'s report from plain figures.
struct ExplanationReportTests {
    @Test func rendersTheTechnologyItsTermsOverlapsAndSamples() throws {
        var figures = ExplanationReport.Figures(
            id: "quantum-computing", name: "Quantum computing", category: "Quantum",
            scope: "Computers that use qubits.", query: "TS=qubit*")
        figures.works = 1234
        figures.worksByYear = [2020: 1000, 2019: 234]
        figures.termCounts = [("qubit*", 9)]
        figures.termSampleSize = 10
        figures.overlaps = [("quantum-sensors", 12, 0.0125)]
        figures.samples = [try QueryReportTests.sample("A qubit array", year: 2021, query: "TS=qubit*")]
        let text = ExplanationReport.render(figures, notes: ["classified today"], synthetic: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            Array(lines.prefix(5)) == [
                "Quantum computing (quantum-computing), Quantum", "Scope: Computers that use qubits.",
                "Query: TS=qubit*", "Note: classified today", "Works: 1,234",
            ])
        #expect(text.contains("Terms that matched most often (in 10 works examined)"))
        #expect(lines.contains { $0.contains("qubit*") && $0.hasSuffix("90.0%") })
        #expect(lines.contains { $0.contains("quantum-sensors") && $0.hasSuffix("0.013") })
        #expect(lines.last == "  2021  A [qubit] array")
    }

    @Test func noOverlapSaysNone() {
        let figures = ExplanationReport.Figures(id: "a", name: "A", category: "C", scope: "", query: "TS=a")
        let text = ExplanationReport.render(figures, notes: [], synthetic: true)
        #expect(text.contains("Overlap with other technologies\n  none"))
        #expect(!text.contains("Scope:"))
        #expect(text.hasPrefix(Banner.synthetic) && text.hasSuffix(Banner.synthetic))
    }
}
