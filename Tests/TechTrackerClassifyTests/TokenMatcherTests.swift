import Testing
@testable import TechTrackerClassify

/// The re-classification path: texts cut into word ids on several threads, ids kept in their
/// stored form, matched again from that form. Every answer is held to the text matcher's.
@Suite struct TokenMatcherTests {
    static func randomCase(seed: UInt64) -> (queries: [(id: String, query: Query)], documents: [ClassifiableText]) {
        var corpus = RandomCorpus(seed: seed)
        let queries = (0..<300).map { (id: "q\($0)", query: corpus.query(depth: 3)) }
        return (queries, (0..<90).map { _ in corpus.document() })
    }

    /// Tokenising on 1, 2, 3 or 7 threads gives the ids one thread reading in order gives,
    /// and the same vocabulary: what a store keeps does not depend on the machine.
    @Test(arguments: [1, 2, 3, 7])
    func idsDoNotDependOnTheThreadCount(threads: Int) throws {
        let (queries, documents) = Self.randomCase(seed: 21)
        var sequential = Vocabulary()
        let expected = documents.map { sequential.tokenize($0).serializedBytes() }
        var tokens = try #require(TokenMatcher(matcher: CompiledMatcher(queries: queries)))
        // Two batches, so the second starts from a vocabulary the first made.
        let first = tokens.tokenizeAndMatch(Array(documents[..<40]), threads: threads)
        let second = tokens.tokenizeAndMatch(Array(documents[40...]), threads: threads)
        #expect((first + second).map(\.tokens) == expected)
        #expect(tokens.words(from: 0) == sequential.words)
        #expect(tokens.wordCount == sequential.count)
    }

    /// On text, on fresh ids and on stored ids read back with a reloaded vocabulary, the
    /// queries matched are the text matcher's.
    @Test(arguments: [31, 32, 33] as [UInt64])
    func everyPathMatchesWhatTheTextMatcherMatches(seed: UInt64) throws {
        let (queries, documents) = Self.randomCase(seed: seed)
        let matcher = CompiledMatcher(queries: queries)
        let expected = documents.map { matcher.matchingQueries(in: $0) }
        var tokens = try #require(TokenMatcher(matcher: matcher))
        let made = tokens.tokenizeAndMatch(documents, threads: 2)
        #expect(made.map(\.queries) == expected)
        #expect(tokens.match(stored: made.map(\.tokens), threads: 3) == expected)
        let reloaded = try #require(TokenMatcher(matcher: matcher, words: tokens.words(from: 0)))
        #expect(reloaded.match(stored: made.map(\.tokens), threads: 1) == expected)
        // Matches are common in this corpus, or the comparison would prove little.
        #expect(expected.reduce(0) { $0 + $1.count } > 90 * 300 / 20)
    }

    /// Keyword runs: a phrase never crosses two keywords, on stored ids as on text.
    @Test func storedKeywordsKeepTheirBoundaries() throws {
        let matcher = CompiledMatcher(queries: [
            (id: "phrase", query: try QueryParser.parse(#"AK="solid state""#)),
            (id: "near", query: try QueryParser.parse("TS=(battery NEAR/1 solid)")),
            (id: "title", query: try QueryParser.parse(#"TI="state battery""#)),
        ])
        let texts = [
            ClassifiableText(title: "state", abstract: "battery", keywords: ["solid", "state"]),
            ClassifiableText(title: "", abstract: "", keywords: ["solid state", "battery"]),
            ClassifiableText(title: "state battery", abstract: "", keywords: []),
            ClassifiableText(title: "", abstract: "", keywords: ["", "battery solid"]),
        ]
        var tokens = try #require(TokenMatcher(matcher: matcher))
        let made = tokens.tokenizeAndMatch(texts, threads: 2)
        let expected = texts.map { matcher.matchingQueries(in: $0) }
        #expect(expected == [[], [0], [2], [1]])
        #expect(made.map(\.queries) == expected)
        #expect(tokens.match(stored: made.map(\.tokens), threads: 2) == expected)
    }

    /// A form with an id the vocabulary lacks, a cut varint, or too few fields is refused
    /// (the caller reads the text again), never matched as if it were another text.
    @Test func unreadableFormsAreRefused() throws {
        let matcher = CompiledMatcher(queries: [(id: "laser", query: try QueryParser.parse("TS=laser"))])
        var tokens = try #require(TokenMatcher(matcher: matcher))
        let made = tokens.tokenizeAndMatch([ClassifiableText(title: "laser light")], threads: 1)
        #expect(made[0].queries == [0])
        let good = made[0].tokens
        let unknownID: [UInt8] = [0x7F, 0, 0]  // id 126, the vocabulary has 2 words
        let cut: [UInt8] = good + [0x81]
        let oneField: [UInt8] = [1, 0]
        let overlong: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0, 0]
        #expect(
            tokens.match(stored: [good, unknownID, cut, oneField, overlong, []], threads: 2) == [
                [0], nil, nil, nil, nil, nil,
            ])
    }

    /// A vocabulary that repeats a word, or holds an empty one, is not loaded.
    @Test func damagedVocabulariesAreRefused() {
        let matcher = CompiledMatcher(queries: [])
        #expect(TokenMatcher(matcher: matcher, words: ["a", "b", "a"]) == nil)
        #expect(TokenMatcher(matcher: matcher, words: ["a", ""]) == nil)
        #expect(TokenMatcher(matcher: matcher, words: ["a", "b"])?.wordCount == 2)
    }

    /// No texts: nothing made, nothing matched.
    @Test func emptyBatches() throws {
        var tokens = try #require(TokenMatcher(matcher: CompiledMatcher(queries: [])))
        #expect(tokens.tokenizeAndMatch([], threads: 2).isEmpty)
        #expect(tokens.match(stored: [], threads: 2).isEmpty)
        #expect(TokenMatcher.slices(of: 5, threads: 1) == [0..<5])
        #expect(TokenMatcher.slices(of: 10, threads: 2) == [0..<2, 2..<4, 4..<6, 6..<8, 8..<10])
        #expect(TokenMatcher.slices(of: 2, threads: 8) == [0..<1, 1..<2])
    }
}
