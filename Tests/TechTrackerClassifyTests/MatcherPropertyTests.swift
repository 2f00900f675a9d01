import Testing
@testable import TechTrackerClassify

/// Seeded property tests: random queries render to text that parses back equal, and the
/// compiled matcher (on text and on token ids) agrees with the reference evaluator on random
/// documents.
@Suite struct MatcherPropertyTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func renderThenParseGivesTheSameQuery(seed: UInt64) {
        var corpus = RandomCorpus(seed: seed)
        for _ in 0..<1000 {
            let query = corpus.query(depth: 4)
            let text = QueryRenderer.render(query)
            #expect(parseResult(text) == .success(query), "\(text)")
        }
    }

    /// 800 queries per seed compiled into one matcher (so leaves and stems are shared between
    /// queries), 60 documents, three evaluators.
    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func matcherAgreesWithReference(seed: UInt64) {
        var corpus = RandomCorpus(seed: seed)
        let queries = (0..<800).map { (id: "q\($0)", query: corpus.query(depth: 3)) }
        let documents = (0..<60).map { _ in corpus.document() }
        let matcher = CompiledMatcher(queries: queries)
        var vocabulary = Vocabulary()
        let tokenized = documents.map { vocabulary.tokenize($0) }
        let bound = matcher.bound(to: vocabulary)
        var scratch = matcher.makeScratch()
        let reference = ReferenceEvaluator()
        var totalMatches = 0
        for (document, tokens) in zip(documents, tokenized) {
            let folded = FoldedText(document)
            let expected = queries.indices.filter { reference.matches(queries[$0].query, folded) }
            totalMatches += expected.count
            let fromText = matcher.matchingQueries(in: document, scratch: &scratch)
            let fromTokens = bound.matchingQueries(in: tokens, scratch: &scratch)
            #expect(fromText == expected, "document \(document)")
            #expect(fromTokens == expected, "document \(document)")
            if fromText != expected {
                for index in Set(fromText).symmetricDifference(expected).sorted().prefix(3) {
                    Issue.record("query \(queries[index].query) differs on \(document)")
                }
            }
        }
        // The corpus is built so that matches are common, or the test would prove little.
        #expect(totalMatches > 60 * 800 / 20)
    }

    @Test func scratchFromAnotherMatcherIsReplaced() {
        let small = CompiledMatcher(queries: [(id: "a", query: term("laser"))])
        let large = CompiledMatcher(queries: [(id: "a", query: term("laser")), (id: "b", query: term("ion*"))])
        var scratch = small.makeScratch()
        let text = ClassifiableText(title: "Laser ions")
        #expect(large.matchingQueries(in: text, scratch: &scratch) == [0, 1])
        #expect(small.matchingQueries(in: text, scratch: &scratch) == [0])
    }

    /// Marks carry a document number; when it wraps, old marks must not look current.
    @Test func documentNumberWrapKeepsAnswers() {
        let matcher = CompiledMatcher(queries: [
            (id: "a", query: term("laser")), (id: "b", query: near(["ion*"], ["battery"], 2)),
        ])
        let texts = [
            ClassifiableText(title: "laser"), ClassifiableText(abstract: "ion battery"),
            ClassifiableText(title: "none"),
        ]
        let expected = [[0], [1], []]
        var scratch = matcher.makeScratch()
        scratch.generation = UInt32.max - 3
        for round in 0..<12 {
            #expect(matcher.matchingQueries(in: texts[round % 3], scratch: &scratch) == expected[round % 3])
        }
        #expect(scratch.generation < 20)
    }

    @Test func idsOutsideTheBoundVocabularyMatchNothing() {
        let matcher = CompiledMatcher(queries: [(id: "a", query: term("laser")), (id: "b", query: term("new*"))])
        var vocabulary = Vocabulary()
        _ = vocabulary.tokenize(ClassifiableText(title: "laser"))
        let bound = matcher.bound(to: vocabulary)
        let later = vocabulary.tokenize(ClassifiableText(title: "newer laser"))
        var scratch = bound.makeScratch()
        #expect(bound.matchingQueries(in: later, scratch: &scratch) == [0])
        #expect(matcher.bound(to: vocabulary).matchingQueries(in: later, scratch: &scratch) == [0, 1])
    }

    @Test func explanationNamesTrueLeavesAndSpans() throws {
        let query = try QueryParser.parse("TS=(\"quantum comput*\" OR qubit*) NOT TI=review OR AK=laser")
        let matcher = CompiledMatcher(queries: [(id: "quantum", query: query), (id: "none", query: term("photon"))])
        let text = ClassifiableText(
            title: "A review of qubits", abstract: "Quantum computers and qubit arrays",
            keywords: ["laser"])
        let explanations = matcher.explain(text)
        #expect(explanations.map(\.queryID) == ["quantum"])
        let leaves = explanations.first?.trueLeaves ?? []
        #expect(leaves.map(\.text) == ["TS=\"quantum comput*\"", "TS=qubit*", "TI=review", "AK=laser"])
        #expect(leaves.first?.spans == [MatchedSpan(segment: .abstract, words: 0..<2, text: "quantum computers")])
        #expect(leaves.dropFirst().first?.spans.map(\.segment) == [.title, .abstract])
        #expect(matcher.explainQuery(1, in: text).trueLeaves.isEmpty)
    }
}
