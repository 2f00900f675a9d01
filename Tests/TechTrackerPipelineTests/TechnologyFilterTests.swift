import Foundation
import Testing
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerStore
import TechTrackerTaxonomy

/// A valid work line with its own title (the text the queries search).
func titledWorkLine(_ number: Int, _ title: String) -> String {
    workLine(number).replacingOccurrences(of: #""title":"Work \#(number)""#, with: #""title":"\#(title)""#)
}

/// The one decision `ingest --only-matching` and `scan` share, line by line.
@Suite struct TechnologyFilterTests {
    func judge(_ line: String) throws -> TechnologyFilter.LineVerdict {
        var filter = TechnologyFilter(matcher: try twoTechnologies.get().makeMatcher())
        return Array(line.utf8).withUnsafeBytes { filter.judge(line: $0) }
    }

    @Test func aWorkMatchesWhenATechnologyFindsItsTitleAbstractOrKeywords() throws {
        #expect(try judge(titledWorkLine(1, "Qubit arrays")) == .matching)
        #expect(try judge(titledWorkLine(2, "Lithium-ion batteries at scale")) == .matching)
        #expect(try judge(titledWorkLine(3, "Soil carbon")) == .notMatching)
    }

    @Test func blankLinesAreNotRecords() throws {
        for line in ["", " ", "\t \r", "\n"] { #expect(try judge(line) == .blank) }
    }

    @Test func aLineThatIsNotOneWorkIsRejectedWithIngestsReason() throws {
        let truncated = #"{"id":"https://openalex.org/W7","title":"#
        guard case .rejected(let offset, let reason, let id) = try judge(truncated) else {
            Issue.record("a truncated work is not rejected")
            return
        }
        #expect(offset == truncated.utf8.count && reason == "unexpected end of input" && id == "W7")
        let page = #"{"meta":{},"results":[\#(workLine(1)),\#(workLine(2))]}"#
        #expect(
            try judge(page)
                == .rejected(
                    offset: nil, reason: "2 works in one line (an API page or a list); scan reads one work per line",
                    recordID: nil))
        #expect(
            try judge("[]")
                == .rejected(offset: nil, reason: "no work in this line (an empty list or API page)", recordID: nil))
        // A page of one work is that work, as ingest reads it.
        #expect(try judge(#"{"meta":{},"results":[\#(titledWorkLine(5, "Qubit"))]}"#) == .matching)
    }

    /// Every rejection `ingest` reports for a line, `scan` reports with the same place and reason.
    @Test func rejectionsAgreeWithIngest() throws {
        let lines = [
            #"{"id":"https://openalex.org/W9","publication_year":"x"}"#, "not json", #"{"title":"no id"}"#,
            workLine(4) + "}", #"{"id":"https://openalex.org/W1","title":"\#u{1}"}"#,
        ]
        let folder = try temporaryFolder()
        try write(lines.joined(separator: "\n") + "\n", to: folder + "/bad.jsonl")
        let log = MessageLog()
        let store = try WorkStore(path: folder + "/s.sqlite")
        let summary = try ingest([folder + "/bad.jsonl"], into: store, log: log)
        #expect(summary.rejected == lines.count)
        for (index, line) in lines.enumerated() {
            guard case .rejected(let offset, let reason, let id) = try judge(line) else {
                Issue.record("line \(index + 1) is not rejected")
                continue
            }
            let place = "bad.jsonl:\(index + 1)" + (offset.map { " (byte \($0))" } ?? "")
            let expected = "\(place): \(reason)" + (id.map { " [record \($0)]" } ?? "")
            #expect(log.lines.contains { $0.hasSuffix(expected) }, "\(expected) not in \(log.lines)")
        }
    }
}
