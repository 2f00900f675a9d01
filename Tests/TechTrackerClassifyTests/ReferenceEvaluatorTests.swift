import Testing
@testable import TechTrackerClassify

/// What queries mean, on hand-written texts, checked on both evaluators.
@Suite struct ReferenceEvaluatorTests {
    static let text = ClassifiableText(
        title: "Lithium-ion batteries for drones",
        abstract: "We study Schrödinger's cat states. A swarm of small UAVs flies near the coast; "
            + "quantum computing needs error correction.",
        keywords: ["Bluetooth Low Energy", "indoor localization", "5G"])

    /// Checks a query's verdict with the reference evaluator, the compiled matcher, and the
    /// matcher on token ids.
    func verdict(_ query: String) -> Bool? {
        guard let parsedQuery = parsed(query) else { return nil }
        let reference = ReferenceEvaluator().matches(parsedQuery, Self.text)
        let matcher = CompiledMatcher(queries: [(id: "q", query: parsedQuery)])
        var vocabulary = Vocabulary()
        let tokens = vocabulary.tokenize(Self.text)
        let bound = matcher.bound(to: vocabulary)
        var scratch = bound.makeScratch()
        #expect(matcher.matchingQueries(in: Self.text) == (reference ? [0] : []), "\(query)")
        #expect(bound.matchingQueries(in: tokens, scratch: &scratch) == (reference ? [0] : []), "\(query)")
        return reference
    }

    @Test(arguments: [
        ("lithium-ion", true), ("\"lithium ion batteries\"", true), ("\"ion lithium\"", false),
        ("batter*", true), ("\"lithium ion batter*\"", true), ("drone", false), ("drone*", true),
        ("schrodinger", true), ("\"schrödinger s cat\"", true), ("\"schrodinger's\"", true),
        ("TI=quantum", false), ("AB=quantum", true), ("AK=quantum", false), ("AK=\"low energy\"", true),
        ("TI=lithium AND AB=quantum", true), ("lithium NOT quantum", false), ("lithium NOT photon", true),
        ("photon OR 5g", true), ("AK=5G", true), ("TI=5g", false),
    ])
    func termsPhrasesFieldsAndBooleans(query: String, expected: Bool) {
        #expect(verdict(query) == expected)
    }

    @Test func phrasesStayInsideOneField() {
        // "drones" ends the title and "we" starts the abstract.
        #expect(verdict("\"drones we\"") == false)
        // Two keywords do not make a phrase.
        #expect(verdict("\"energy indoor\"") == false)
        #expect(verdict("\"low energy\"") == true)
    }

    @Test func nearCountsWordsBetweenInEitherOrder() {
        // swarm of small uavs: two words between.
        #expect(verdict("swarm NEAR/2 uavs") == true)
        #expect(verdict("swarm NEAR/1 uavs") == false)
        #expect(verdict("uavs NEAR/2 swarm") == true)
        // quantum computing needs error correction: two words between.
        #expect(verdict("\"error correction\" NEAR/2 quantum") == true)
        #expect(verdict("\"error correction\" NEAR/1 quantum") == false)
        #expect(verdict("needs NEAR/0 error") == true)
        #expect(verdict("(drone* OR uav*) NEAR/5 swarm*") == true)
        #expect(verdict("AB=(uav* NEAR/3 coast)") == true)
        #expect(verdict("TI=(uav* NEAR/3 coast)") == false)
        // Not across fields or keywords.
        #expect(verdict("drones NEAR/3 study") == false)
        #expect(verdict("energy NEAR/3 indoor") == false)
        // Overlapping occurrences are not "near": one word cannot be both sides.
        #expect(verdict("swarm NEAR/3 swarm") == false)
        #expect(verdict("cat NEAR/0 (cat OR states)") == true)
    }

    @Test func nearDefaultIsFifteen() {
        // lithium (title 0) … drones (title 4): same field, three words between.
        #expect(verdict("lithium NEAR drones") == true)
        // "we" (abstract word 0) and "correction" (word 19): 18 words between.
        #expect(verdict("we NEAR correction") == false)
        #expect(verdict("we NEAR/18 correction") == true)
        #expect(verdict("we NEAR/17 correction") == false)
    }
}
