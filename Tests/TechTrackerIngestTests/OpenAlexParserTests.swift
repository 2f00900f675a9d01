import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// How texts become works or rejections: pages, arrays, single works, bad items, bad texts.
@Suite struct OpenAlexParserTests {
    @Test func emptyAndWhitespaceTextsReportNothing() {
        for text in ["", " ", "\n", "\r\n", " \t \n"] {
            let report = parseReport(text)
            #expect(report.sequence.isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func pageKeepsGoodResultsAndRejectsBadOnesInOrder() {
        let text = """
            {"meta":{"count":6,"page":null},"results":[\
            {"id":"https://openalex.org/W1","title":"A"},\
            42,\
            {"title":"no id"},\
            {"id":"https://openalex.org/A5","title":"an author id"},\
            {"id":"W2","publication_year":"2020"},\
            {"id":null},\
            {"id":"W3"}],"group_by":[]}
            """
        let report = parseReport(text)
        #expect(
            report.sequence == [
                "W1",
                "!result is not an object",
                "!record has no id",
                "!id is not an OpenAlex work id",
                "!field 'publication_year' is not an integer",
                "!record has no id",
                "W3",
            ])
        let bytes = Array(text.utf8)
        // Item rejections point at the item (or, for a bad field, at the bad value).
        #expect(report.rejections[0].offset == bytes.firstIndex(of: UInt8(ascii: "4")))
        #expect(report.rejections[0].recordID == nil)
        #expect(text.utf8.dropFirst(report.rejections[1].offset).starts(with: #"{"title":"no id"}"#.utf8))
        #expect(report.rejections[2].recordID == "https://openalex.org/A5")
        #expect(text.utf8.dropFirst(report.rejections[3].offset).starts(with: #""2020""#.utf8))
        #expect(report.rejections[3].recordID == "W2")
    }

    @Test func malformedPageKeepsTheResultsBeforeTheDamage() {
        let text = #"{"results":[{"id":"W1"},{"id":"W2","title":"x" "type":"article"},{"id":"W3"}]}"#
        let report = parseReport(text)
        #expect(report.works.map(\.id) == ["W1"])
        #expect(report.rejections.count == 1)
        #expect(
            report.rejections.first?.reason == "expected ',' or '}' in object in result 2; "
                + "the 1 complete results before it were read, the rest of the text is lost")
        #expect(report.rejections.first?.offset == Array(text.utf8).firstIndex(of: UInt8(ascii: "x")).map { $0 + 3 })
        #expect(report.rejections.first?.recordID == "W2")
    }

    @Test func invalidUTF8InASkippedFieldRejectsOnlyThatResult() {
        let prefix = Array(#"{"results":[{"id":"W1"},{"id":"W2","mesh":[{"descriptor_name":"ab"#.utf8)
        let text = prefix + [0xC0, 0xAF] + Array(#""}]},{"id":"W3"}]}"#.utf8)
        let report = parseReport(text)
        #expect(report.sequence == ["W1", "!invalid UTF-8 in result 2", "W3"])
        #expect(
            report.rejections == [
                RecordRejection(offset: prefix.count, reason: "invalid UTF-8 in result 2", recordID: "W2")
            ])
    }

    @Test func invalidUTF8InASingleWorkRejectsIt() {
        let prefix = Array(#"{"id":"W2","title":"ab"#.utf8)
        let report = parseReport(prefix + [0xFF] + Array(#""}"#.utf8))
        #expect(report.works.isEmpty)
        #expect(report.rejections == [RecordRejection(offset: prefix.count, reason: "invalid UTF-8", recordID: "W2")])
    }

    @Test func truncatedRecordIsRejected() {
        let text = #"{"id":"https://openalex.org/W7","title":"cut here"#
        let report = parseReport(text)
        #expect(report.works.isEmpty)
        #expect(report.rejections == [RecordRejection(offset: 40, reason: "unterminated string", recordID: "W7")])
    }

    @Test func trailingGarbageRejectsTheText() {
        let report = parseReport(#"{"id":"W1"} {"id":"W2"}"#)
        #expect(report.works.isEmpty)
        #expect(report.rejections == [RecordRejection(offset: 12, reason: "trailing characters after JSON value")])
    }

    @Test(arguments: ["42", "\"W1\"", "null", "true"])
    func topLevelValuesThatAreNeitherWorkNorPage(text: String) {
        #expect(
            parseReport(" " + text).rejections == [
                RecordRejection(offset: 1, reason: "not an OpenAlex work or API page")
            ])
    }

    @Test(arguments: ["{}", #"{"title":"t","meta":{}}"#, #"{"results":null}"#])
    func objectsWithoutIdAreRecordsWithoutId(text: String) {
        #expect(
            parseReport(" " + text).rejections == [
                RecordRejection(offset: 1, reason: "record has no id (neither an OpenAlex work nor an API page)")
            ])
    }

    @Test(arguments: [#"{"id":null}"#, #"{"id":""}"#, #"{"title":"x","id":null}"#])
    func recordWithoutIDIsRejected(text: String) {
        #expect(parseReport(text).rejections == [RecordRejection(offset: 0, reason: "record has no id")])
    }

    @Test(arguments: [#""X1""#, #""W""#, #""W12a""#, #""https://openalex.org/""#, "12", "{}"])
    func recordWithAForeignIDIsRejected(id: String) {
        let report = parseReport(#"{"id":\#(id),"title":"t"}"#)
        #expect(report.works.isEmpty)
        #expect(report.rejections.map(\.reason) == ["id is not an OpenAlex work id"])
    }

    @Test func arrayOfWorksIsJudgedItemByItem() {
        let report = parseReport(#"[{"id":"W1"}, [], {"id":"W2"}]"#)
        #expect(report.sequence == ["W1", "!result is not an object", "W2"])
        #expect(report.rejections.first?.offset == 14)
        #expect(parseReport("[]").sequence.isEmpty)
    }

    @Test func syntheticFlagSetsTheSource() {
        #expect(parseReport(#"{"id":"W1","synthetic":true}"#).works.first?.source == .synthetic)
        #expect(parseReport(#"{"synthetic":true,"id":"W1"}"#).works.first?.source == .synthetic)
        #expect(parseReport(#"{"id":"W1","synthetic":false}"#).works.first?.source == .openalex)
        #expect(parseReport(#"{"id":"W1"}"#).works.first?.source == .openalex)
    }

    @Test func minimalWorkGetsDefaults() throws {
        let work = try #require(parseReport(#"{"id":"W9"}"#).works.first)
        #expect(work == Work(id: "W9"))
        let nulls = #"""
            {"id":"W9","doi":null,"title":null,"display_name":null,"publication_year":null,"type":null,
             "language":null,"is_retracted":null,"cited_by_count":null,"updated_date":null,"counts_by_year":null,
             "abstract_inverted_index":null,"keywords":null,"topics":null,"concepts":null,
             "referenced_works":null,"authorships":null,"synthetic":null}
            """#
        #expect(parseReport(nulls).works == [Work(id: "W9")])
    }

    @Test func scalarFieldsAreRead() throws {
        let text = #"""
            {"id":"https://openalex.org/W2741809807","doi":"https://doi.org/10.7717/peerj.4375",
             "title":"T \"q\" \u00e9","display_name":"ignored","publication_year":2018,"type":"article",
             "language":"en","is_retracted":true,"cited_by_count":1234,"updated_date":"2025-06-11T00:03:37.532706",
             "counts_by_year":[{"year":2025,"cited_by_count":30},{"cited_by_count":5},{"year":2024}],
             "referenced_works":["https://openalex.org/W1","W2",null,"https://openalex.org/A3"],
             "keywords":[{"id":"k","display_name":"Open Access","score":0.5},{"display_name":null}],
             "concepts":[{"display_name":"C1"}],"topics":[{"display_name":"T1"},{"display_name":"T2"}]}
            """#
        let work = try #require(parseReport(text).works.first)
        #expect(work.id == "W2741809807")
        #expect(work.doi == "10.7717/peerj.4375")
        #expect(work.title == "T \"q\" é")
        #expect(work.publicationYear == 2018)
        #expect(work.type == "article")
        #expect(work.language == "en")
        #expect(work.isRetracted)
        #expect(work.citedByCount == 1234)
        #expect(work.updatedDate == "2025-06-11T00:03:37.532706")
        #expect(work.countsByYear == [YearCount(year: 2025, count: 30), YearCount(year: 2024, count: 0)])
        #expect(work.referencedWorks == ["W1", "W2"])
        #expect(work.keywords == ["Open Access"])
        #expect(work.topics == ["T1", "T2", "C1"])
    }

    @Test func titleFallsBackToDisplayName() {
        #expect(parseReport(#"{"display_name":"D \u00e9","id":"W1","title":null}"#).works.first?.title == "D é")
        #expect(parseReport(#"{"id":"W1","display_name":"D"}"#).works.first?.title == "D")
    }

    @Test func authorshipsAreRead() throws {
        let text = #"""
            {"id":"W1","authorships":[
              {"author_position":"first","author":{"id":"https://openalex.org/A5048491430","display_name":"Heather Piwowar","orcid":null},
               "institutions":[{"id":"https://openalex.org/I4210166736","display_name":"Impact","ror":"https://ror.org/05ppvf150",
                                "country_code":"US","type":"company","lineage":["https://openalex.org/I4210166736"]},
                               {"id":null,"display_name":null,"ror":null,"country_code":"USA","type":null}],
               "countries":["US","fr","X",null,"GBR"],"is_corresponding":true,"raw_affiliation_strings":["x"]},
              null,
              {"author_position":"middle","author":{"id":null,"display_name":"Anon"},"institutions":[],"countries":[]},
              {"author_position":"last","author":{},"institutions":null}]}
            """#
        let work = try #require(parseReport(text).works.first)
        try #require(work.authorships.count == 3)
        let first = work.authorships[0]
        #expect(first.position == .first)
        #expect(first.authorID == "A5048491430")
        #expect(first.authorName == "Heather Piwowar")
        #expect(
            first.institutions == [
                Institution(
                    id: "I4210166736", name: "Impact", ror: "05ppvf150", country: CountryCode("US"), type: "company"),
                Institution(id: "", name: "", ror: nil, country: nil, type: nil),
            ])
        #expect(first.countries == [CountryCode("US"), CountryCode("FR")].compactMap { $0 })
        #expect(work.authorships[1] == Authorship(position: .middle, authorID: nil, authorName: "Anon"))
        #expect(work.authorships[2] == Authorship(position: .last))
    }

    @Test func fieldOfTheWrongTypeRejectsOnlyThatWork() {
        // (field, reason, where the problem lies relative to the start of the field's value)
        let cases: [(String, String, Int)] = [
            (#""title":42"#, "field 'title' is not a string", 0),
            (#""cited_by_count":1.5"#, "field 'cited_by_count' is not an integer", 0),
            (#""cited_by_count":99999999999999999999"#, "field 'cited_by_count' is not an integer", 0),
            (#""is_retracted":"no""#, "field 'is_retracted' is not a boolean", 0),
            (#""authorships":{}"#, "field 'authorships' is not an array", 0),
            (#""authorships":[1]"#, "field 'authorships[]' is not an object", 1),
            (#""abstract_inverted_index":[]"#, "field 'abstract_inverted_index' is not an object", 0),
            (#""keywords":["k"]"#, "field 'keywords' is not an object", 1),
        ]
        for (field, reason, delta) in cases {
            let report = parseReport(#"[{"id":"W1",\#(field)},{"id":"W2"}]"#)
            #expect(report.sequence == ["!" + reason, "W2"], "\(field)")
            #expect(report.rejections.first?.recordID == "W1")
            let valueStart = 12 + field.utf8.split(separator: UInt8(ascii: ":"))[0].count + 1
            #expect(report.rejections.first?.offset == valueStart + delta, "\(field)")
        }
    }

    @Test func escapedKeysStillMatch() {
        let work = parseReport(#"{"\u0069d":"W5","t\u0069tle":"x"}"#).works.first
        #expect(work?.id == "W5")
        #expect(work?.title == "x")
    }

    @Test func parserIsReusableWithoutLeakingState() throws {
        var parser = OpenAlexRecordParser()
        let withAbstract = Array(#"{"id":"W1","abstract_inverted_index":{"b":[1],"a":[0]}}"#.utf8)
        let without = Array(#"{"id":"W2"}"#.utf8)
        let bad = Array(#"{"id":"W3""#.utf8)
        #expect(parseReport(withAbstract, parser: &parser).works.first?.abstract == "a b")
        #expect(parseReport(bad, parser: &parser).rejections.count == 1)
        #expect(parseReport(without, parser: &parser).works.first?.abstract == "")
        #expect(parseReport(withAbstract, parser: &parser).works.first?.abstract == "a b")
        let page = try fixtureBytes("openalex_api_snowball_2", "json")
        #expect(parseReport(page, parser: &parser).works == parseReport(page).works)
    }
}
