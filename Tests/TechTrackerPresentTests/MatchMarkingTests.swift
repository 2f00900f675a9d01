import Testing
@testable import TechTrackerPresent

struct MatchMarkingTests {
    @Test func marksMatchedWordsAndJoinsNeighbours() {
        #expect(MatchMarking.mark("Fault-tolerant quantum computing with qubits", wordRanges: [2..<4, 5..<6])
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
