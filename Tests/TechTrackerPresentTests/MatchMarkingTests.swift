import Testing
import TechTrackerClassify
@testable import TechTrackerPresent

struct MatchMarkingTests {
    @Test func marksMatchedWordsAndJoinsNeighbours() {
        #expect(
            MatchMarking.mark("Fault-tolerant quantum computing with qubits", wordRanges: [2..<4, 5..<6])
                == "Fault-tolerant [quantum computing] with [qubits]")
        #expect(MatchMarking.mark("Lithium-ion batteries", wordRanges: [0..<2]) == "[Lithium-ion] batteries")
        #expect(MatchMarking.mark("no match here", wordRanges: []) == "no match here")
        #expect(MatchMarking.mark("Schrödinger cats.", wordRanges: [0..<1]) == "[Schrödinger] cats.")
    }
}

struct TextTableTests {
    @Test func alignsColumns() {
        var table = TextTable(headers: ["country", "works"])
        table.append(["CN", "1,234"])
        table.append(["US", "56"])
        #expect(table.render(indent: "") == "country  works\n-------  -----\nCN       1,234\nUS          56")
    }

    @Test func formatsNumbers() {
        #expect(NumberFormatting.grouped(1_234_567) == "1,234,567")
        #expect(NumberFormatting.grouped(-1_000) == "-1,000")
        #expect(NumberFormatting.decimal(12_345.67) == "12,345.7")
        #expect(NumberFormatting.percent(0.1234) == "12.3%")
    }
}

/// Sample lines stay one line whatever the stored title.
struct TitleLimitTests {
    static func explanation(_ title: String, _ query: String) throws -> QueryExplanation {
        let matcher = CompiledMatcher(queries: [(id: "q", query: try QueryParser.parse(query))])
        return matcher.explainQuery(0, in: ClassifiableText(title: title))
    }

    @Test func aLongTitleIsCutWithAnEllipsisAndStillMarked() throws {
        let title = "Quantum error correction " + String(repeating: "filler ", count: 100_000) + "qubit"
        let marked = MatchMarking.markTitle(title, explanation: try Self.explanation(title, "TS=(quantum OR qubit)"))
        #expect(marked.hasPrefix("[Quantum] error correction filler"))
        #expect(marked.hasSuffix("…"))
        #expect(marked.count <= MatchMarking.titleLimit + 3)
    }

    @Test func aShortTitleIsUnchangedAndCharactersAreNeverSplit() throws {
        let title = "Fault-tolerant quantum computing"
        #expect(
            MatchMarking.markTitle(title, explanation: try Self.explanation(title, "quantum"))
                == "Fault-tolerant [quantum] computing")
        let accented = String(repeating: "e\u{301}", count: 400)
        let cut = MatchMarking.markTitle(accented, explanation: try Self.explanation(accented, "quantum"), limit: 10)
        #expect(cut == String(repeating: "e\u{301}", count: 10) + "…")
        #expect(MatchMarking.markTitle("abc", explanation: try Self.explanation("abc", "quantum"), limit: -1) == "…")
    }
}
