import Foundation
import Testing
@testable import TechTrackerClassify

/// Fuzzing from real queries: the shipped taxonomy's 74 queries, mutated (deletions,
/// insertions of operators, parentheses, quotes, `*`, NEAR/n with huge n), nested very deep,
/// repeated very long, and decoded from invalid UTF-8. Every input either parses (and then
/// compiles and matches without trapping, as the reference evaluator does) or is refused with
/// a column inside the input (or just past its end). Fixed seeds: the same inputs every run.
extension ParserErrorTests {
    /// The shipped queries, read from `technologies.yaml` (every query there is a folded
    /// `query: >-` block), so the fuzzing starts from what analysts actually write.
    static let shippedQueries: [String] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TechTrackerTaxonomy/technologies.yaml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        var queries: [String] = [], current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("    query: >-") {
                current = []
            } else if current != nil, line.hasPrefix("      ") {
                current?.append(line.trimmingCharacters(in: .whitespaces))
            } else if let lines = current {
                queries.append(lines.joined(separator: " "))
                current = nil
            }
        }
        if let lines = current { queries.append(lines.joined(separator: " ")) }
        return queries
    }()

    /// Pieces inserted by mutation: the language's operators and punctuation, and the
    /// numbers that once overflowed.
    static let insertions = [
        "(", ")", "((", "))", "\"", "\u{201C}", "*", "**", " AND ", " OR ", " NOT ", " NEAR ", " NEAR/",
        " NEAR/3 ", " NEAR/0 ", " NEAR/1000 ", " NEAR/1001 ", " NEAR/99999999999999999999 ",
        " NEAR/-1 ", "TS=", "TI=", "AB=", "AK=", "XX=", "=", " ", "-", "?", "é", "\u{301}", "\n", "\0",
    ]

    /// One mutation of `text`: delete a run, insert a piece, or duplicate a run.
    static func mutate(_ text: String, using generator: inout SeededGenerator) -> String {
        var characters = Array(text)
        let position = characters.isEmpty ? 0 : Int.random(in: 0...characters.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0 where !characters.isEmpty:
            let start = min(position, characters.count - 1)
            let end = min(characters.count, start + Int.random(in: 1...8, using: &generator))
            characters.removeSubrange(start..<end)
        case 1 where !characters.isEmpty:
            let start = min(position, characters.count - 1)
            let end = min(characters.count, start + Int.random(in: 1...20, using: &generator))
            characters.insert(contentsOf: characters[start..<end], at: end)
        default:
            characters.insert(contentsOf: insertions.randomElement(using: &generator) ?? "", at: position)
        }
        return String(characters)
    }

    /// Parses `text`; a success must compile and match a document without trapping, the
    /// compiled matcher agreeing with the reference evaluator; a failure must point inside.
    static func checkNeverTraps(_ text: String, document: ClassifiableText) -> Bool {
        switch parseResult(text) {
        case .success(let query):
            let compiled = CompiledMatcher(queries: [(id: "q", query: query)]).matchingQueries(in: document) == [0]
            #expect(
                compiled == ReferenceEvaluator().matches(query, document), "matchers disagree on \(text.prefix(200))")
            return true
        case .failure(let problem):
            if let column = problem.column {
                #expect(
                    (1...text.count + 1).contains(column),
                    "column \(column) of '\(problem.message)' outside \(text.prefix(200))")
            } else {
                #expect(text.allSatisfy { $0.isWhitespace }, "no column for \(text.prefix(200))")
            }
            return false
        }
    }

    @Test func mutatedShippedQueriesParseOrPointInside() throws {
        let queries = Self.shippedQueries
        try #require(queries.count == 74)
        var generator = SeededGenerator(seed: 2024)
        var corpus = RandomCorpus(seed: 99)
        var parsedCount = 0, refusedCount = 0
        for round in 0..<1500 {
            var text = queries[round % queries.count]
            for _ in 0..<Int.random(in: 1...4, using: &generator) { text = Self.mutate(text, using: &generator) }
            if Self.checkNeverTraps(text, document: corpus.document()) { parsedCount += 1 } else { refusedCount += 1 }
        }
        // Both outcomes are exercised, not only one of them.
        #expect(parsedCount > 100 && refusedCount > 100, "parsed \(parsedCount), refused \(refusedCount)")
    }

    @Test func deepLongAndHugeInputsAreErrorsNotCrashes() {
        let document = ClassifiableText(title: "quantum qubit", abstract: "lithium ion battery")
        let base = Self.shippedQueries.first ?? "qubit"
        let inputs = [
            String(repeating: "(", count: 1_000_000),
            String(repeating: "(", count: 5000) + "qubit" + String(repeating: ")", count: 5000),
            String(repeating: "NOT ", count: 50_000),
            String(repeating: "\"", count: 100_001),
            String(repeating: "a NEAR/", count: 10_000),
            "qubit NEAR/" + String(repeating: "9", count: 10_000) + " laser",
            String(repeating: "qubit* ", count: 300_000),
            Array(repeating: "(\(base))", count: 40).joined(separator: " OR "),
            String(repeating: "x", count: 2_000_000),
            "\"" + String(repeating: "quantum ", count: 200_000) + "\"",
        ]
        for text in inputs { _ = Self.checkNeverTraps(text, document: document) }
    }

    @Test func invalidUTF8DecodesToTextThatParsesOrPointsInside() {
        var generator = SeededGenerator(seed: 31)
        let document = ClassifiableText(title: "quantum computing", keywords: ["qubit"])
        for round in 0..<1500 {
            var bytes = Array(
                (Self.shippedQueries.isEmpty ? "qubit" : Self.shippedQueries[round % Self.shippedQueries.count]).utf8)
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 0...bytes.count, using: &generator)
                // Lone continuation bytes, truncated sequences, overlongs and bytes never valid.
                bytes.insert(
                    [0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF5, 0xFF, 0x00].randomElement(using: &generator)
                        ?? 0xFF,
                    at: position)
            }
            _ = Self.checkNeverTraps(String(decoding: bytes, as: UTF8.self), document: document)
        }
    }
}
