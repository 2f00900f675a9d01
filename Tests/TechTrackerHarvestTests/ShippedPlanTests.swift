import Testing

@testable import TechTrackerClassify
@testable import TechTrackerHarvest
@testable import TechTrackerTaxonomy

/// The plan of every shipped technology: each URL fits OpenAlex's limit with the longest
/// cursor, contact address and key allowed, and long queries are split rather than cut.
@Suite struct ShippedPlanTests {
    @Test func everyURLOfEveryShippedTechnologyFitsOpenAlexsLimit() throws {
        let taxonomy = try Taxonomy.load(path: nil)
        let technologies = taxonomy.technologies.map { (id: $0.id, query: $0.query) }
        for fullText in [false, true] {
            let plan = try HarvestPlan(
                technologies: technologies,
                filters: HarvestFilters(fromYear: 2003, toYear: 2024, types: ["article", "review"]),
                options: SearchOptions(fullText: fullText))
            #expect(Set(plan.requests.map(\.technology)).count == 74)
            #expect(plan.requests.count >= 74)
            let longestCursor = String(repeating: "A", count: HarvestPlan.cursorRoom)
            let longestMailto = String(repeating: "m", count: HarvestPlan.longestMailto)
            let longestKey = String(repeating: "k", count: HarvestPlan.longestAPIKey)
            for request in plan.requests {
                let url = plan.url(for: request, cursor: longestCursor, mailto: longestMailto, apiKey: longestKey)
                #expect(url.utf8.count <= HarvestPlan.maximumURLBytes, "\(request.technology) part \(request.part)")
                #expect(request.search.encodedLength == URLQueryEncoding.encodedLength(request.search.text))
            }
            // Every technology's parts are numbered 1…parts.
            for technology in taxonomy.technologies {
                let parts = plan.requests.filter { $0.technology == technology.id }
                #expect(parts.map(\.part) == Array(1...parts.count))
                #expect(parts.allSatisfy { $0.parts == parts.count })
            }
        }
    }

    @Test func theShippedPlanIsTheSameEveryTime() throws {
        let technologies = try Taxonomy.load(path: nil).technologies.map { (id: $0.id, query: $0.query) }
        let first = try HarvestPlan(technologies: technologies, filters: HarvestFilters())
        let second = try HarvestPlan(technologies: technologies, filters: HarvestFilters())
        #expect(first.requests == second.requests)
        #expect(first.fingerprint == second.fingerprint)
        let other = try HarvestPlan(technologies: technologies, filters: HarvestFilters(fromYear: 2010))
        #expect(other.fingerprint != first.fingerprint)
    }

    @Test func aLongOrListIsSplitIntoRequestsThatTogetherSearchIt() throws {
        let words = (0..<800).map { "term\($0)x" }
        let query = try QueryParser.parse("TS=(" + words.joined(separator: " OR ") + ") AND TS=anchor NOT TS=bee")
        let plan = try HarvestPlan(technologies: [(id: "long", query: query)], filters: HarvestFilters())
        #expect(plan.requests.count > 1)
        for request in plan.requests {
            #expect(
                plan.url(for: request, cursor: "*", mailto: nil, apiKey: nil).utf8.count <= HarvestPlan.maximumURLBytes)
            #expect(request.search.text.contains("anchor"))
            // `a AND b NOT c` is `a AND (b NOT c)`: the exclusion goes with its part, whole.
            #expect(request.search.text.hasPrefix("(anchor NOT bee) AND ("))
        }
        // Every alternative is in exactly one part.
        let tokens = plan.requests.flatMap {
            $0.search.text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        }
        let counts = Dictionary(tokens.map { ($0, 1) }, uniquingKeysWith: +)
        for word in words { #expect(counts[word] == 1, "\(word)") }
    }
}
