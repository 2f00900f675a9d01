import Foundation
import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// The parser against Foundation's `JSONSerialization` on the real OpenAlex samples: the
/// oracle reads each record with Foundation and derives the expected `Work` independently.
@Suite struct OpenAlexOracleTests {
    static let fixtures: [(name: String, works: Int)] = [
        ("W2741809807", 1),
        ("openalex_api_snowball_1", 2),
        ("openalex_api_snowball_2", 5),
        ("openalex_api_page_biodiversity", 200),
    ]

    @Test(arguments: fixtures)
    func fixtureMatchesFoundationFieldByField(name: String, works expectedCount: Int) throws {
        let bytes = try fixtureBytes(name, "json")
        let report = parseReport(bytes)
        #expect(report.rejections.isEmpty, "\(report.rejections)")
        #expect(report.works.count == expectedCount)

        let root = try JSONSerialization.jsonObject(with: Data(bytes))
        let records: [[String: Any]]
        if let page = root as? [String: Any], let results = page["results"] as? [[String: Any]] {
            records = results
        } else {
            records = [try #require(root as? [String: Any])]
        }
        try #require(records.count == report.works.count)
        for (work, record) in zip(report.works, records) {
            compare(work, with: OracleWork(record))
        }
    }

    @Test func samplesExerciseTheInterestingCases() throws {
        // Guards the oracle test's coverage: the samples must contain escapes, null DOIs,
        // null abstracts, null author ids and abstracts with gaps.
        let report = parseReport(try fixtureBytes("openalex_api_page_biodiversity", "json"))
        #expect(report.works.contains { $0.doi == nil })
        #expect(report.works.contains { $0.abstract.isEmpty })
        #expect(report.works.contains { $0.authorships.contains { $0.authorID == nil } })
        #expect(report.works.contains { $0.title.unicodeScalars.contains { $0.value > 0x7F } })
        let single = try #require(parseReport(try fixtureBytes("W2741809807", "json")).works.first)
        #expect(single.id == "W2741809807")
        #expect(single.doi == "10.7717/peerj.4375")
        #expect(single.abstract.hasPrefix("Despite growing interest in Open Access (OA) to scholarly literature,"))
        #expect(single.authorships.first?.institutions.first?.ror == "05ppvf150")
        #expect(single.authorships.first?.institutions.first?.country == CountryCode("US"))
        #expect(single.authorships.first?.authorName == "Heather Piwowar")
        #expect(single.authorships.first?.position == .first)
        #expect(single.source == .openalex)
    }

    @Test func jsonLinesGiveTheSameWorksAsThePages() throws {
        let lines = try fixtureBytes("snowball", "jsonl").split(separator: 0x0A, omittingEmptySubsequences: false)
        var parser = OpenAlexRecordParser()
        var fromLines: [Work] = []
        for line in lines {
            let report = parseReport(Array(line), parser: &parser)
            #expect(report.rejections.isEmpty)
            fromLines += report.works
        }
        let firstPage = try fixtureBytes("openalex_api_snowball_1", "json")
        let secondPage = try fixtureBytes("openalex_api_snowball_2", "json")
        let fromPages = parseReport(firstPage).works + parseReport(secondPage).works
        #expect(fromLines.count == 7)
        #expect(fromLines == fromPages)
    }

    /// Compares every extracted field, one expectation per field so a failure names it.
    private func compare(_ work: Work, with expected: OracleWork) {
        let context = Comment(rawValue: work.id)
        #expect(work.id == expected.id, context)
        #expect(work.source == .openalex, context)
        #expect(work.doi == expected.doi, context)
        #expect(work.title == expected.title, context)
        #expect(work.publicationYear == expected.publicationYear, context)
        #expect(work.type == expected.type, context)
        #expect(work.language == expected.language, context)
        #expect(work.isRetracted == expected.isRetracted, context)
        #expect(work.citedByCount == expected.citedByCount, context)
        #expect(work.updatedDate == expected.updatedDate, context)
        #expect(work.countsByYear == expected.countsByYear, context)
        #expect(work.referencedWorks == expected.referencedWorks, context)
        #expect(work.keywords == expected.keywords, context)
        #expect(work.topics == expected.topics, context)
        #expect(work.abstract == expected.abstract, context)
        #expect(work.authorships.count == expected.authorships.count, context)
        for (authorship, expectedAuthorship) in zip(work.authorships, expected.authorships) {
            #expect(authorship.position == expectedAuthorship.position, context)
            #expect(authorship.authorID == expectedAuthorship.authorID, context)
            #expect(authorship.authorName == expectedAuthorship.authorName, context)
            #expect(authorship.institutions == expectedAuthorship.institutions, context)
            #expect(authorship.countries == expectedAuthorship.countries, context)
        }
    }
}

/// The expected work, derived from a Foundation-parsed record with plain dictionary code.
private struct OracleWork {
    var id = ""
    var doi: String?
    var title = ""
    var publicationYear: Int?
    var type = ""
    var language: String?
    var isRetracted = false
    var citedByCount = 0
    var updatedDate = ""
    var countsByYear: [YearCount] = []
    var referencedWorks: [String] = []
    var keywords: [String] = []
    var topics: [String] = []
    var abstract = ""
    var authorships: [Authorship] = []

    init(_ record: [String: Any]) {
        id = Self.dropping("https://openalex.org/", from: record["id"] as? String ?? "")
        doi = (record["doi"] as? String).map { Self.dropping("https://doi.org/", from: $0) }
        title = record["title"] as? String ?? record["display_name"] as? String ?? ""
        publicationYear = record["publication_year"] as? Int
        type = record["type"] as? String ?? ""
        language = record["language"] as? String
        isRetracted = record["is_retracted"] as? Bool ?? false
        citedByCount = record["cited_by_count"] as? Int ?? 0
        updatedDate = record["updated_date"] as? String ?? ""
        countsByYear = (record["counts_by_year"] as? [[String: Any]] ?? []).compactMap { item in
            guard let year = item["year"] as? Int else { return nil }
            return YearCount(year: year, count: item["cited_by_count"] as? Int ?? 0)
        }
        referencedWorks = (record["referenced_works"] as? [String] ?? []).map {
            Self.dropping("https://openalex.org/", from: $0)
        }
        keywords = Self.displayNames(record["keywords"])
        topics = Self.displayNames(record["topics"]) + Self.displayNames(record["concepts"])
        let index =
            record["abstract_inverted_index"] as? [String: Any] ?? record["abstract_inverted_index_v3"]
            as? [String: Any]
        abstract = index.map(Self.abstract) ?? ""
        authorships = (record["authorships"] as? [[String: Any]] ?? []).map(Self.authorship)
    }

    static func dropping(_ prefix: String, from text: String) -> String {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    static func displayNames(_ value: Any?) -> [String] {
        (value as? [[String: Any]] ?? []).compactMap { $0["display_name"] as? String }
    }

    /// Words placed at their positions, joined with single spaces in position order.
    static func abstract(_ index: [String: Any]) -> String {
        var wordAt: [Int: String] = [:]
        for (word, positions) in index {
            for position in positions as? [Int] ?? [] where position >= 0 && position <= 100_000 {
                wordAt[position] = word
            }
        }
        return wordAt.keys.sorted().compactMap { wordAt[$0] }.joined(separator: " ")
    }

    static func authorship(_ item: [String: Any]) -> Authorship {
        let author = item["author"] as? [String: Any] ?? [:]
        let institutions = (item["institutions"] as? [[String: Any]] ?? []).map { institution in
            Institution(
                id: dropping("https://openalex.org/", from: institution["id"] as? String ?? ""),
                name: institution["display_name"] as? String ?? "",
                ror: (institution["ror"] as? String).map { dropping("https://ror.org/", from: $0) },
                country: (institution["country_code"] as? String).flatMap { CountryCode($0) },
                type: institution["type"] as? String)
        }
        return Authorship(
            position: AuthorPosition(openAlexName: item["author_position"] as? String ?? ""),
            authorID: (author["id"] as? String).map { dropping("https://openalex.org/", from: $0) },
            authorName: author["display_name"] as? String ?? "",
            institutions: institutions,
            countries: (item["countries"] as? [String] ?? []).compactMap { CountryCode($0) })
    }
}
