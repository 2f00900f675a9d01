import Testing

@testable import TechTrackerClassify
@testable import TechTrackerHarvest
@testable import TechTrackerTaxonomy

/// The harvest's promise: every work the exact query matches on its title and abstract is
/// retrieved by one of the technology's requests. Checked with the compiled matcher (what
/// `classify` runs) against `SearchModel` (OpenAlex's search as documented) on generated
/// queries and texts, on the 74 shipped queries with texts made of their own words, and with
/// URL budgets small enough to force every kind of split.
@Suite struct SupersetPropertyTests {
    /// A small generator (SplitMix64), seeded: the same cases every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 { RetryPolicy.splitMix64(&state) }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    /// Words that share stems, so that truncation, phrases and NEAR meet in the texts.
    static let words = [
        "quantum", "qubit", "qubits", "computer", "computing", "comput", "ion", "ions", "trap", "trapped", "spin",
        "noise", "error", "correction", "bee", "bees", "drone", "drones",
    ]
    static let stems = ["qubit", "comput", "trap", "drone", "correct", "quant"]

    static func term(_ generator: inout Generator) -> String {
        switch generator.below(4) {
        case 0: return generator.pick(stems) + "*"
        case 1: return "\"\(generator.pick(words)) \(generator.pick(words))\""
        case 2: return "\"\(generator.pick(words)) \(generator.pick(stems))*\""
        default: return generator.pick(words)
        }
    }

    static func query(_ generator: inout Generator, depth: Int) -> String {
        if depth == 0 || generator.chance(30) {
            let tag = generator.chance(70) ? "" : generator.pick(["TS=", "TI=", "AB=", "AK="])
            if generator.chance(20) {
                return
                    "\(tag)(\(term(&generator)) NEAR/\(generator.below(4)) (\(term(&generator)) OR \(term(&generator))))"
            }
            return tag + term(&generator)
        }
        let op = generator.pick(["AND", "OR", "NOT", "OR"])
        return "(\(query(&generator, depth: depth - 1)) \(op) \(query(&generator, depth: depth - 1)))"
    }

    static func text(_ generator: inout Generator, words: [String], length: Int) -> String {
        (0..<generator.below(length + 1)).map { _ in generator.pick(words) }.joined(
            separator: generator.pick([" ", "-", ", "]))
    }

    /// Checks the promise for one technology on `texts`; returns how many texts the query matched.
    @discardableResult
    static func check(
        _ query: Query, id: String, texts: [(title: String, abstract: String)], budgets: [Int?], fullText: Bool = false
    ) throws -> Int {
        let matcher = CompiledMatcher(queries: [(id: id, query: query)])
        var plans: [HarvestPlan] = []
        for budget in budgets {
            var plan = try HarvestPlan(
                technologies: [(id: id, query: query)], filters: HarvestFilters(),
                options: SearchOptions(fullText: fullText))
            if let budget {
                // Re-split the translation with a small budget, as a long query would be.
                let translation = QueryTranslation(query, options: SearchOptions(fullText: fullText))
                plan.requests = try SearchSplitter.split(translation.expression, budget: budget).enumerated().map {
                    HarvestPlan.Request(
                        technology: id, part: $0.offset + 1, parts: 0, scope: translation.scope, search: $0.element,
                        query: "")
                }
                for request in plan.requests { #expect(request.search.encodedLength <= budget, "\(request.search)") }
            }
            plans.append(plan)
        }
        var matched = 0
        for text in texts {
            let classified = ClassifiableText(title: text.title, abstract: text.abstract)
            guard !matcher.matchingQueries(in: classified).isEmpty else { continue }
            matched += 1
            let model = SearchModel(title: text.title, abstract: text.abstract)
            for plan in plans {
                #expect(
                    model.isRetrieved(by: plan, technology: id),
                    "\(QueryRenderer.render(query)) matches \(text) but \(plan.requests.map(\.search.text)) does not")
            }
        }
        return matched
    }

    @Test func generatedQueriesNeverLoseAMatch() throws {
        var generator = Generator(state: 20_260_101)
        var matched = 0
        var queries = 0
        while queries < 400 {
            let text = Self.query(&generator, depth: 3)
            guard let query = try? QueryParser.parse(text) else { continue }
            queries += 1
            let texts = (0..<60).map { _ in
                (
                    Self.text(&generator, words: Self.words, length: 6),
                    Self.text(&generator, words: Self.words, length: 14)
                )
            }
            matched += try Self.check(query, id: "q\(queries)", texts: texts, budgets: [nil, 60, 40])
            matched += try Self.check(query, id: "q\(queries)", texts: texts, budgets: [nil], fullText: true)
        }
        // Not vacuous: many texts matched.
        #expect(matched > 2000, "\(matched)")
    }

    /// The words a query searches, truncated ones completed in several ways, and its phrases.
    static func vocabulary(of query: Query) -> [String] {
        var result: [String] = []
        func add(_ phrase: SearchPhrase) {
            for suffix in ["", "s", "ing"] {
                result.append(phrase.words.map { $0.isTruncated ? $0.text + suffix : $0.text }.joined(separator: " "))
            }
            for word in phrase.words {
                result += word.isTruncated ? [word.text, word.text + "ation"] : [word.text]
            }
        }
        for leaf in query.leaves {
            switch leaf {
            case .term(let term): add(term.phrase)
            case .near(let clause): (clause.left + clause.right).forEach(add)
            }
        }
        return result + ["the", "of", "new"]
    }

    @Test func everyShippedQueryNeverLosesAMatch() throws {
        let taxonomy = try Taxonomy.load(path: nil)
        #expect(taxonomy.technologies.count == 74)
        var generator = Generator(state: 74)
        var technologiesMatched = 0
        for technology in taxonomy.technologies {
            let words = Self.vocabulary(of: technology.query)
            let texts = (0..<150).map { _ in
                (Self.text(&generator, words: words, length: 5), Self.text(&generator, words: words, length: 12))
            }
            let matched = try Self.check(technology.query, id: technology.id, texts: texts, budgets: [nil, 300])
            if matched > 0 { technologiesMatched += 1 }
        }
        #expect(technologiesMatched >= 70, "\(technologiesMatched)")
    }
}
