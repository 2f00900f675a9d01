import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// Rebuilding abstracts from `abstract_inverted_index` (and its `_v3` twin).
@Suite struct OpenAlexAbstractTests {
    private func abstract(_ fields: String) -> String? {
        parseReport(#"{"id":"W1",\#(fields)}"#).works.first?.abstract
    }

    @Test func wordsArePlacedInPositionOrder() {
        #expect(
            abstract(#""abstract_inverted_index":{"world":[1],"Hello":[0],"again":[3],"hello":[2]}"#)
                == "Hello world hello again")
    }

    @Test func repeatedWordsAndGapsAreHandled() {
        // Positions 2 and 5 are missing: gaps are skipped, not turned into double spaces.
        #expect(
            abstract(#""abstract_inverted_index":{"the":[0,3],"cat":[1],"dog":[4],"end":[6]}"#)
                == "the cat the dog end")
    }

    @Test func escapedAndNonASCIIWordsAreDecoded() {
        #expect(
            abstract(#""abstract_inverted_index":{"caf\u00e9":[0],"\"quoted\"":[1],"naïve":[2]}"#)
                == "café \"quoted\" naïve")
    }

    @Test func absurdAndNonIntegerPositionsAreIgnored() {
        let fields = #""abstract_inverted_index":{"a":[0,100001,9999999999999,-1,1.5],"b":[1,"x",null],"c":null}"#
        #expect(abstract(fields) == "a b")
        #expect(abstract(#""abstract_inverted_index":{"far":[100000],"near":[0]}"#) == "near far")
    }

    @Test func laterWordWinsASharedPosition() {
        #expect(abstract(#""abstract_inverted_index":{"first":[0],"second":[0]}"#) == "second")
    }

    @Test func emptyIndexesGiveEmptyAbstracts() {
        #expect(abstract(#""abstract_inverted_index":null"#) == "")
        #expect(abstract(#""abstract_inverted_index":{}"#) == "")
        #expect(abstract("\"x\":1") == "")
    }

    @Test func v3IsUsedOnlyWhenTheMainIndexIsMissing() {
        #expect(abstract(#""abstract_inverted_index":null,"abstract_inverted_index_v3":{"v3":[0]}"#) == "v3")
        #expect(abstract(#""abstract_inverted_index_v3":{"v3":[0]}"#) == "v3")
        #expect(abstract(#""abstract_inverted_index":{"main":[0]},"abstract_inverted_index_v3":{"v3":[0]}"#) == "main")
        #expect(abstract(#""abstract_inverted_index_v3":{"v3":[0]},"abstract_inverted_index":{"main":[0]}"#) == "main")
        #expect(abstract(#""abstract_inverted_index_v3":{"v3":[0]},"abstract_inverted_index":null"#) == "v3")
    }

    @Test func skippedV3IsStillValidated() {
        let report = parseReport(
            #"{"id":"W1","abstract_inverted_index":{"a":[0]},"abstract_inverted_index_v3":{"b":[0}}"#)
        #expect(report.works.isEmpty)
        #expect(report.rejections.map(\.reason) == ["expected ',' or ']' in array"])
    }
}
