import Foundation
import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// One bad result never costs the good ones: per-result recovery in API pages and arrays,
/// truncated pages, and telling a page from a work that merely has a `results` field.
@Suite struct PageRecoveryTests {
    /// The biodiversity page (200 real works) with `insertion` spliced into the title of
    /// result `number` (1-based); returns the text and that result's id.
    static func biodiversityPage(
        damagingResult number: Int, with insertion: [UInt8]
    ) throws -> (text: [UInt8], id: String) {
        let page = try fixtureBytes("openalex_api_page_biodiversity", "json")
        let works = parseReport(page).works
        try #require(works.count == 200)
        let marker = Array(#""title": ""#.utf8)
        var from = 0
        for _ in 1..<number {
            from = try #require(offset(of: marker, in: page, from: from)) + marker.count
        }
        var text = page
        text.insert(contentsOf: insertion, at: try #require(offset(of: marker, in: page, from: from)) + marker.count)
        return (text, works[number - 1].id)
    }

    @Test(arguments: [
        (Array(#"\ud800"#.utf8), "lone surrogate in \\u escape"),
        ([0xED, 0xA0, 0x80], "invalid UTF-8"),
        ([0xC3, 0x28], "invalid UTF-8"),
        ([0x01], "control character in string"),
    ])
    func oneBadResultOfTwoHundredCostsOnlyItself(insertion: [UInt8], reason: String) throws {
        let (text, id) = try Self.biodiversityPage(damagingResult: 57, with: insertion)
        let report = parseReport(text)
        #expect(report.works.count == 199)
        #expect(!report.works.contains { $0.id == id })
        #expect(report.rejections.map(\.reason) == ["\(reason) in result 57"])
        #expect(report.rejections.first?.recordID == id)  // the id comes before the title
        // The works around it are read exactly as from the intact page.
        let intact = parseReport(try fixtureBytes("openalex_api_page_biodiversity", "json")).works
        #expect(report.works == intact.filter { $0.id != id })
    }

    @Test func badNumbersLiteralsAndDeepNestingCostOnlyTheirResult() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        for bad in [#""cited_by_count":01"#, #""x":tru"#, #""x":\#(deep)"#, #""x":"a\qb""#] {
            let report = parseReport(#"{"results":[{"id":"W1"},{"id":"W2",\#(bad)},{"id":"W3"}],"meta":{}}"#)
            #expect(report.works.map(\.id) == ["W1", "W3"], "\(bad.prefix(30))")
            #expect(report.rejections.count == 1 && report.rejections[0].reason.hasSuffix(" in result 2"))
            #expect(report.rejections.first?.recordID == "W2")
        }
        // A result that is a bad string, not an object, is stepped over too.
        let report = parseReport(Array(#"[{"id":"W1"},""#.utf8) + [0xFF] + Array(#"",{"id":"W2"}]"#.utf8))
        #expect(report.sequence == ["W1", "!invalid UTF-8 in result 2", "W2"])
    }

    @Test func truncatedPrettyPrintedPageKeepsItsCompleteResults() throws {
        let page = try JSONSerialization.jsonObject(with: Data(try fixtureBytes("openalex_api_snowball_2", "json")))
        // Sorted keys, so that where the cut falls does not depend on dictionary order.
        let pretty = [UInt8](try JSONSerialization.data(withJSONObject: page, options: [.prettyPrinted, .sortedKeys]))
        let whole = readAsFile(pretty, name: "page.json")
        try #require(whole.works.count == 5 && whole.rejections.isEmpty)
        // Cut inside the fourth result: the first three are kept, the rest is one rejection.
        let fourth = try #require(whole.works.dropFirst(3).first)
        let idAt = try #require(offset(of: Array("\(fourth.id)\"".utf8), in: pretty))
        let truncated = readAsFile(Array(pretty.prefix(idAt + 200)), name: "page.json")
        #expect(truncated.works.map(\.id) == whole.works.prefix(3).map(\.id))
        #expect(truncated.works == Array(whole.works.prefix(3)))
        #expect(truncated.rejections.count == 1)
        let rejection = try #require(truncated.rejections.first)
        // Cut inside a string or between tokens, the text ends too soon.
        #expect(["unexpected end of input", "unterminated string"].contains { rejection.reason.hasPrefix($0) })
        #expect(
            rejection.reason.hasSuffix(
                " in result 4; the 3 complete results before it were read, the rest of the text is lost"))
        #expect(rejection.recordID == fourth.id)
        #expect(rejection.line > 1)
    }

    @Test func damageAfterTheResultsKeepsThemAll() {
        let report = parseReport(#"{"results":[{"id":"W1"},{"id":"W2"}],"meta":{"count":2} } trailing"#)
        #expect(report.works.map(\.id) == ["W1", "W2"])
        #expect(
            report.rejections.map(\.reason) == [
                "trailing characters after JSON value; the 2 results before it were all read"
            ])
        let array = parseReport(#"[{"id":"W1"},{"id":"W2"}"#)
        #expect(array.works.map(\.id) == ["W1", "W2"])
        #expect(array.rejections.count == 1)
    }

    @Test func aWorkWithAResultsFieldIsAWorkNotAnEmptyPage() {
        // Both orders: `results` after the id, and before it.
        for text in [
            #"{"id":"https://openalex.org/W11","title":"T","results":[]}"#,
            #"{"results":[],"id":"https://openalex.org/W11","title":"T"}"#,
            #"{"results":[{"id":"W99"}],"id":"W11","title":"T"}"#,
            #"{"id":"W11","results":[{"id":"W99"}],"title":"T"}"#,
        ] {
            let report = parseReport(text)
            #expect(report.sequence == ["W11"], "\(text)")
            #expect(report.works.first?.title == "T")
        }
        // A page is an object with a results array and no work id (its id, if any, is another kind).
        #expect(parseReport(#"{"meta":{"count":1},"results":[{"id":"W5"}]}"#).sequence == ["W5"])
        #expect(parseReport(#"{"id":"https://openalex.org/A5","results":[{"id":"W5"}]}"#).sequence == ["W5"])
        #expect(parseReport(#"{"meta":{"count":0},"results":[]}"#).sequence.isEmpty)
    }

    @Test func aWorkWhoseResultsFieldIsDamagedIsRejectedWhole() {
        let text = Array(#"{"results":[{"id":"W99","title":""#.utf8) + [0xFF] + Array(#""}],"id":"W11"}"#.utf8)
        let report = parseReport(text)
        #expect(report.works.isEmpty)
        #expect(report.rejections.map(\.reason) == ["invalid UTF-8"])
        #expect(report.rejections.first?.recordID == "W11")
        // Once the work id is known, damage anywhere condemns the work, not keeps its "results".
        let cut = parseReport(#"{"id":"W11","results":[{"id":"W99"},{"id":"W98""#)
        #expect(cut.works.isEmpty && cut.rejections.map(\.reason) == ["unexpected end of input"])
    }
}
