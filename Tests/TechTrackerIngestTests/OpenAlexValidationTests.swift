import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// Values out of range are rejected when parsed, with the value in the reason, and never
/// reach the store; null or absent stays allowed (unknown).
@Suite struct OpenAlexValidationTests {
    static let latest = OpenAlexLimits.latestYear

    /// The one outcome of `{"id":"W1", <field>}` next to a good work.
    func outcome(_ field: String) -> [String] {
        parseReport(#"[{"id":"W1",\#(field)},{"id":"W2"}]"#).sequence
    }

    @Test(arguments: ["9223372036854775807", "-9223372036854775807", "100000", "3000", "0", "1", "1799"])
    func publicationYearOutOfRangeIsRejected(year: String) {
        #expect(
            outcome(#""publication_year":\#(year)"#) == [
                "!field 'publication_year' is \(year), outside 1800…\(Self.latest)", "W2",
            ])
    }

    @Test func publicationYearAtTheBoundsOrUnknownIsKept() {
        for year in ["1800", "\(Self.latest)", "2020", "null"] {
            #expect(outcome(#""publication_year":\#(year)"#) == ["W1", "W2"], "\(year)")
        }
        #expect(Self.latest >= 2026)
        #expect(
            outcome(#""publication_year":\#(Self.latest + 1)"#).first?.hasPrefix("!field 'publication_year'") == true)
        #expect(
            outcome(#""publication_year":9223372036854775808"#) == [
                "!field 'publication_year' is not an integer", "W2",
            ])
    }

    @Test func citedByCountMustBeZeroToTenMillion() {
        #expect(outcome(#""cited_by_count":-1"#) == ["!field 'cited_by_count' is -1, outside 0…10,000,000", "W2"])
        #expect(
            outcome(#""cited_by_count":10000001"#) == [
                "!field 'cited_by_count' is 10000001, outside 0…10,000,000", "W2",
            ])
        #expect(outcome(#""cited_by_count":-9223372036854775807"#).first?.contains("-9223372036854775807") == true)
        #expect(outcome(#""cited_by_count":10000000"#) == ["W1", "W2"])
        #expect(outcome(#""cited_by_count":0"#) == ["W1", "W2"])
    }

    @Test(arguments: [
        "2025-06-11", "2025-06-11T00:03:37.532706", "2025-06-11T00:03", "2025-06-11T00:03:37Z",
        "2025-06-11T00:03:37+02:00", "",
    ])
    func isoUpdatedDatesAreKept(date: String) throws {
        let report = parseReport(#"{"id":"W1","updated_date":"\#(date)"}"#)
        #expect(report.works.first?.updatedDate == date)
    }

    @Test(arguments: [
        "yesterday", "9999", "2025-13-01", "2025-06-00", "2025/06/11", "2025-06-11 00:03:37",
        "2025-06-11Tnoon", "2025-06-11T25:00", "2025-6-1", "２０２５-06-11", "2025-06-11T00:03:37 junk",
    ])
    func updatedDatesThatAreNotISODatesAreRejected(date: String) throws {
        let report = parseReport(#"[{"id":"W1","updated_date":"\#(date)"},{"id":"W2"}]"#)
        #expect(report.works.map(\.id) == ["W2"])
        let reason = try #require(report.rejections.first?.reason)
        #expect(reason.hasPrefix("field 'updated_date' is not an ISO date"))
        #expect(reason.contains(date))
        #expect(report.rejections.first?.recordID == "W1")
        #expect(report.rejections.first?.offset == #"[{"id":"W1","updated_date":"#.utf8.count)  // the value
    }

    @Test func updatedDateNotAStringIsRejected() {
        #expect(outcome(#""updated_date":20250611"#) == ["!field 'updated_date' is not a string", "W2"])
        #expect(outcome(#""updated_date":null"#) == ["W1", "W2"])
    }

    @Test func countsByYearWithAbsurdYearsOrCountsAreRejected() {
        #expect(
            outcome(#""counts_by_year":[{"year":2024,"cited_by_count":3},{"year":99999,"cited_by_count":1}]"#)
                == ["!field 'counts_by_year[].year' is 99999, outside 1800…\(Self.latest)", "W2"])
        #expect(
            outcome(#""counts_by_year":[{"year":2024,"cited_by_count":-4}]"#)
                == ["!field 'counts_by_year[].cited_by_count' is -4, outside 0…10,000,000", "W2"])
        #expect(outcome(#""counts_by_year":[{"year":2024,"cited_by_count":3},{"year":null}]"#) == ["W1", "W2"])
    }

    @Test func overLongListsAreRejected() {
        func list(_ count: Int, _ item: String) -> String {
            "[" + Array(repeating: item, count: count).joined(separator: ",") + "]"
        }
        let authorship = #"{"author_position":"middle","author":{"id":null},"institutions":[]}"#
        #expect(outcome(#""authorships":\#(list(10_000, authorship))"#) == ["W1", "W2"])
        #expect(
            outcome(#""authorships":\#(list(10_001, authorship))"#)
                == ["!field 'authorships' has more than 10,000 entries", "W2"])
        let institution = #"{"id":"https://openalex.org/I1","country_code":"US"}"#
        #expect(outcome(#""authorships":[{"institutions":\#(list(1_000, institution))}]"#) == ["W1", "W2"])
        #expect(
            outcome(#""authorships":[{"institutions":\#(list(1_001, institution))}]"#)
                == ["!field 'authorships[].institutions' has more than 1000 entries", "W2"])
        #expect(outcome(#""referenced_works":\#(list(100_000, #""W7""#))"#) == ["W1", "W2"])
        #expect(
            outcome(#""referenced_works":\#(list(100_001, #""W7""#))"#)
                == ["!field 'referenced_works' has more than 100,000 entries", "W2"])
        // The list is not kept past the limit, and the offset points at the list.
        let report = parseReport(#"{"id":"W1","referenced_works":\#(list(100_001, #""W7""#))}"#)
        #expect(report.rejections.first?.offset == #"{"id":"W1","referenced_works":"#.utf8.count)
    }

    @Test func theReasonReachesTheFileMessage() {
        let text = #"{"id":"W1"}"# + "\n" + #"{"id":"https://openalex.org/W2","publication_year":3000}"# + "\n"
        let read = readAsFile(text, name: "works.jsonl")
        #expect(read.works.map(\.id) == ["W1"])
        #expect(
            read.rejections.map(\.message) == [
                "works.jsonl:2 (byte \(#"{"id":"https://openalex.org/W2","publication_year":"#.utf8.count)): field 'publication_year' is 3000, outside 1800…\(Self.latest) [record W2]"
            ])
    }
}
