import Testing

@testable import TechTrackerClassify
@testable import TechTrackerHarvest

/// Hand-written queries and the OpenAlex searches they become.
@Suite struct QueryTranslationTests {
    private func translate(_ text: String, fullText: Bool = false, stemmed: Bool = false) throws -> QueryTranslation {
        QueryTranslation(try QueryParser.parse(text), options: SearchOptions(fullText: fullText, stemmed: stemmed))
    }

    @Test func booleanOperatorsWordsAndPhrasesCarryOver() throws {
        let translation = try translate(#"TS=("quantum computing" OR qubit) AND (ion OR "spin chain")"#)
        #expect(translation.scope == .titleAndAbstract)
        #expect(translation.expression.text == #"("quantum computing" OR qubit) AND (ion OR "spin chain")"#)
    }

    @Test func aTruncatedWordStaysAPrefixAndBreaksItsPhrase() throws {
        #expect(try translate("TS=comput*").expression.text == "comput*")
        #expect(try translate(#"TS="quantum comput*""#).expression.text == "quantum AND comput*")
        #expect(
            try translate(#"TS="lithium-ion batter* pack""#).expression.text == #""lithium ion" AND batter* AND pack"#)
        #expect(
            try translate(#"TS="silicon photonic* transceiver*""#).expression.text
                == "silicon AND photonic* AND transceiver*")
    }

    @Test func nearBecomesAnd() throws {
        #expect(
            try translate(#"TS=((drone* OR "unmanned aerial") NEAR/5 swarm*)"#).expression.text
                == #"(drone* OR "unmanned aerial") AND swarm*"#)
    }

    @Test func anExactNotIsKept() throws {
        #expect(
            try translate("TS=(drone* NOT (bee OR bees))").expression.text == "drone* NOT (bee OR bees)")
        #expect(try translate(#"TS=(qubit NOT "spin qubit")"#).expression.text == #"qubit NOT "spin qubit""#)
        #expect(try translate("TS=(qubit NOT spin*)").expression.text == "qubit NOT spin*")
    }

    @Test func aNotOverAWidenedPartIsDropped() throws {
        // Excluding `"ion trap*"` as `ion AND trap*` would drop works with both words apart.
        #expect(try translate(#"TS=(qubit NOT "ion trap*")"#).expression.text == "qubit")
        #expect(try translate("TS=(qubit NOT (ion NEAR/2 trap))").expression.text == "qubit")
        // Only the exact alternatives of an OR are excluded.
        #expect(try translate(#"TS=(qubit NOT (bee OR "ion trap*"))"#).expression.text == "qubit NOT bee")
        // AND of an exact and a widened part: nothing can be excluded.
        #expect(try translate(#"TS=(qubit NOT (bee AND "ion trap*"))"#).expression.text == "qubit")
    }

    @Test func aNotInsideANotWidensTheInnerExclusion() throws {
        // a NOT (b NOT c): excluding b-without-c needs the whole of c, so c may be widened.
        #expect(
            try translate(#"TS=(qubit NOT (bee NOT "ion trap*"))"#).expression.text
                == "qubit NOT (bee NOT (ion AND trap*))")
    }

    @Test func fieldsChooseTheNarrowestScopeThatCoversThem() throws {
        #expect(try translate("TI=qubit").scope == .title)
        #expect(try translate("AB=qubit").scope == .abstract)
        #expect(try translate("TI=qubit AND AB=ion").scope == .titleAndAbstract)
        #expect(try translate("AK=qubit").scope == .titleAndAbstract)
        #expect(try translate("TS=qubit OR TI=ion").scope == .titleAndAbstract)
    }

    @Test func aNotOverANarrowerFieldThanTheScopeIsDropped() throws {
        // Searched in titles and abstracts, `TI=bee` would also exclude works with bee in the
        // abstract only, which the query keeps.
        #expect(try translate("TS=qubit NOT TI=bee").expression.text == "qubit")
        #expect(try translate("TI=qubit NOT TI=bee").expression.text == "qubit NOT bee")
        // Keywords cannot be searched: a NOT over them is dropped.
        #expect(try translate("TS=qubit NOT AK=bee").expression.text == "qubit")
    }

    @Test func theStemmedIndexDropsEveryNot() throws {
        let translation = try translate("TS=(drone* NOT (bee OR bees))", stemmed: true)
        #expect(translation.scope == .titleAndAbstract)
        #expect(translation.expression.text == "drone*")
    }

    @Test func fullTextDropsEveryNot() throws {
        let translation = try translate("TS=(drone* NOT (bee OR bees))", fullText: true)
        #expect(translation.scope == .fullText)
        #expect(translation.expression.text == "drone*")
    }

    @Test func repeatsAreSearchedOnce() throws {
        #expect(try translate("TS=(qubit OR qubit OR (ion AND ion))").expression.text == "qubit OR ion")
    }

    @Test func theRequestCarriesTheSearchAndTheFiltersInOpenAlexsSyntax() throws {
        let plan = try HarvestPlan(
            technologies: [(id: "q", query: try QueryParser.parse(#"TS=("quantum comput*" OR qubit*)"#))],
            filters: HarvestFilters(fromYear: 2003, toYear: 2024, types: ["article", "review"], perPage: 200),
            baseURL: "https://api.openalex.org/")
        let request = try #require(plan.requests.first)
        #expect(
            request.query
                == "filter=title_and_abstract.search.no_stem:%28quantum%20AND%20comput*%29%20OR%20qubit*,"
                + "publication_year:2003-2024,type:article%7Creview&per-page=200")
        #expect(
            plan.url(for: request, cursor: "*", mailto: "a@b.org", apiKey: "SECRET")
                == "https://api.openalex.org/works?" + request.query + "&cursor=*&mailto=a%40b.org&api_key=SECRET")
        #expect(
            plan.displayURL(for: request, cursor: "*", mailto: nil, hasAPIKey: true)
                == "https://api.openalex.org/works?" + request.query + "&cursor=*&api_key=***")
        let fullText = try HarvestPlan(
            technologies: [(id: "q", query: try QueryParser.parse("TS=qubit"))],
            filters: HarvestFilters(fromYear: 2020, types: []), options: SearchOptions(fullText: true))
        #expect(fullText.requests.first?.query == "search.exact=qubit&filter=publication_year:%3E2019&per-page=200")
        let stemmed = try HarvestPlan(
            technologies: [(id: "q", query: try QueryParser.parse("TI=qubit NOT TI=bee"))],
            filters: HarvestFilters(toYear: 2020, types: []), options: SearchOptions(stemmed: true))
        #expect(stemmed.requests.first?.query == "filter=title.search:qubit,publication_year:%3C2021&per-page=200")
    }

    @Test func aBaseURLThatIsNotHTTPIsRefused() {
        for bad in ["ftp://x.org", "api.openalex.org", "http://", "https://x.org/?a=1"] {
            #expect(throws: HarvestError.self) {
                try HarvestPlan(
                    technologies: [(id: "q", query: try QueryParser.parse("qubit"))], filters: HarvestFilters(),
                    baseURL: bad)
            }
        }
    }

    @Test func workTypesMapToOpenAlexs() {
        let mapped = WorkTypeFilter.openAlexTypes(for: ["article", "review", "proceedings-paper", "articel"])
        #expect(mapped.types == ["article", "review"])
        #expect(mapped.unknown == ["articel"])
    }
}
