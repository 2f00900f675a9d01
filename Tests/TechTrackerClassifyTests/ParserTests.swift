import Testing
@testable import TechTrackerClassify

/// The parser: each operator, precedence written out as trees, truncation, phrases, NEAR,
/// field tags and case-insensitive operators.
@Suite struct ParserTests {
    @Test func singleTermIsSearchedAsTopic() {
        #expect(parsed("quantum") == term("quantum"))
        #expect(parsed("  Quantum\n") == term("quantum"))
    }

    @Test func eachBinaryOperator() {
        #expect(parsed("a AND b") == .and(term("a"), term("b")))
        #expect(parsed("a OR b") == .or(term("a"), term("b")))
        #expect(parsed("a NOT b") == .not(term("a"), term("b")))
        #expect(parsed("a AND NOT b") == .not(term("a"), term("b")))
    }

    @Test func operatorsAreCaseInsensitive() {
        #expect(parsed("a and b Or c nOt d") == parsed("a AND b OR c NOT d"))
        #expect(parsed("a near/3 b") == near(["a"], ["b"], 3))
        #expect(parsed("a Near b") == near(["a"], ["b"], 15))
        #expect(parsed("a and not b") == .not(term("a"), term("b")))
    }

    @Test func precedenceNearThenNotThenAndThenOr() {
        // a OR (b AND c)
        #expect(parsed("a OR b AND c") == .or(term("a"), .and(term("b"), term("c"))))
        // (a AND b) OR c
        #expect(parsed("a AND b OR c") == .or(.and(term("a"), term("b")), term("c")))
        // a AND (b NOT c)
        #expect(parsed("a AND b NOT c") == .and(term("a"), .not(term("b"), term("c"))))
        // (a NOT b) AND c
        #expect(parsed("a NOT b AND c") == .and(.not(term("a"), term("b")), term("c")))
        // (a NOT b) OR c
        #expect(parsed("a NOT b OR c") == .or(.not(term("a"), term("b")), term("c")))
        // (a NEAR b) NOT c
        #expect(parsed("a NEAR/2 b NOT c") == .not(near(["a"], ["b"], 2), term("c")))
        // a OR (b NEAR c)
        #expect(parsed("a OR b NEAR/3 c") == .or(term("a"), near(["b"], ["c"], 3)))
        // a NOT (b NEAR c)
        #expect(parsed("a NOT b NEAR c") == .not(term("a"), near(["b"], ["c"])))
        // a AND NOT b AND c: (a NOT b) AND c
        #expect(parsed("a AND NOT b AND c") == .and(.not(term("a"), term("b")), term("c")))
    }

    @Test func operatorsAreLeftAssociative() {
        #expect(parsed("a OR b OR c") == .or(.or(term("a"), term("b")), term("c")))
        #expect(parsed("a AND b AND c") == .and(.and(term("a"), term("b")), term("c")))
        #expect(parsed("a NOT b NOT c") == .not(.not(term("a"), term("b")), term("c")))
    }

    @Test func parenthesesOverridePrecedence() {
        #expect(parsed("(a OR b) AND c") == .and(.or(term("a"), term("b")), term("c")))
        #expect(parsed("a NOT (b OR c)") == .not(term("a"), .or(term("b"), term("c"))))
        #expect(parsed("((a))") == term("a"))
        #expect(parsed("a OR (b OR c)") == .or(term("a"), .or(term("b"), term("c"))))
    }

    @Test func adjacentOperandsAreAnImpliedAnd() {
        #expect(parsed("quantum computing") == .and(term("quantum"), term("computing")))
        #expect(parsed("a b OR c") == .or(.and(term("a"), term("b")), term("c")))
        #expect(parsed("a b NOT c") == .and(term("a"), .not(term("b"), term("c"))))
        #expect(parsed("(a) \"b c\" TI=d") == .and(.and(term("a"), term("b c")), term("d", .title)))
    }

    @Test func phrasesAndHyphens() {
        #expect(parsed("\"lithium ion battery\"") == term("lithium ion battery"))
        #expect(parsed("lithium-ion") == term("lithium ion"))
        #expect(parsed("\"lithium-ion\"") == term("lithium ion"))
        #expect(parsed("\"qubit\"") == term("qubit"))
        #expect(parsed("Alzheimer's") == term("alzheimer s"))
        #expect(parsed("\u{201C}solid state\u{201D}") == term("solid state"))
        #expect(parsed("\"Schrödinger equation\"") == term("schrodinger equation"))
        #expect(parsed("5G OR 6G OR 2D") == .or(.or(term("5g"), term("6g")), term("2d")))
    }

    @Test func quotedOperatorWordsAreSearched() {
        #expect(parsed("\"and\"") == term("and"))
        #expect(parsed("\"research and development\"") == term("research and development"))
        #expect(parsed("\"near\" OR \"NOT\"") == .or(term("near"), term("not")))
    }

    @Test func truncation() {
        #expect(parsed("comput*") == term("comput*"))
        #expect(parsed("\"quantum comput*\"") == term("quantum comput*"))
        #expect(parsed("\"quant* comput*\"") == term("quant* comput*"))
        #expect(parsed("lithium-ion*") == term("lithium ion*"))
        #expect(parsed("ion*-based") == term("ion* based"))
        #expect(parsed("abc*") == term("abc*"))
    }

    @Test func nearWithDistanceAndBare() {
        #expect(parsed("a NEAR/5 b") == near(["a"], ["b"], 5))
        #expect(parsed("a NEAR b") == near(["a"], ["b"], 15))
        #expect(parsed("a NEAR/0 b") == near(["a"], ["b"], 0))
        #expect(parsed("\"spider bite\" NEAR brown") == near(["spider bite"], ["brown"]))
        #expect(parsed("(drone* OR UAV*) NEAR/5 swarm*") == near(["drone*", "uav*"], ["swarm*"], 5))
        #expect(parsed("(a OR (b OR \"c d\")) NEAR/2 (e)") == near(["a", "b", "c d"], ["e"], 2))
        #expect(parsed("TI=(a NEAR/1 b)") == near(["a"], ["b"], 1, .title))
        #expect(parsed("TI=a NEAR/1 TI=b") == near(["a"], ["b"], 1, .title))
        #expect(parsed("TS=(chemistry NEAR/3 quantum)") == near(["chemistry"], ["quantum"], 3))
    }

    @Test func fieldTagsApplyToTermsPhrasesAndGroups() {
        #expect(parsed("TI=quantum") == term("quantum", .title))
        #expect(parsed("AB=\"error correction\"") == term("error correction", .abstract))
        #expect(parsed("AK=qubit*") == term("qubit*", .keywords))
        #expect(parsed("ts = quantum") == term("quantum"))
        #expect(
            parsed("TS=(quantum AND (qubit* OR \"error correction\"))")
                == .and(term("quantum"), .or(term("qubit*"), term("error correction"))))
        #expect(parsed("TI=(a OR b) AND c") == .and(.or(term("a", .title), term("b", .title)), term("c")))
        // A tag inside a tagged group wins for its own operand.
        #expect(parsed("TS=(TI=a OR b)") == .or(term("a", .title), term("b")))
        // A tag applies to one operand, not to what follows it.
        #expect(parsed("AB=a AND b") == .and(term("a", .abstract), term("b")))
        #expect(parsed("AB=a AB=b") == .and(term("a", .abstract), term("b", .abstract)))
        #expect(parsed("TS=a b") == .and(term("a"), term("b")))
        #expect(parsed("AB=(a) b") == .and(term("a", .abstract), term("b")))
    }

    @Test func methodExampleParses() {
        let query = parsed("TS=(\"quantum comput*\" OR qubit*) AND NOT TS=(chemistry NEAR/3 quantum)")
        #expect(query == .not(.or(term("quantum comput*"), term("qubit*")), near(["chemistry"], ["quantum"], 3)))
    }

    @Test func renderingIsCanonicalAndParsesBack() {
        let cases: [(String, String)] = [
            ("a or b and c", "TS=a OR TS=b AND TS=c"),
            ("(a OR b) AND c", "(TS=a OR TS=b) AND TS=c"),
            ("a NOT (b NOT c)", "TS=a NOT (TS=b NOT TS=c)"),
            ("a NOT b NOT c", "TS=a NOT TS=b NOT TS=c"),
            ("TI=(lithium-ion OR \"and\")", "TI=\"lithium ion\" OR TI=\"and\""),
            ("(drone* OR UAV*) NEAR/5 swarm*", "TS=((drone* OR uav*) NEAR/5 swarm*)"),
            ("AK=(a NEAR b)", "AK=(a NEAR/15 b)"),
            ("order", "TS=order"),
        ]
        for (input, rendered) in cases {
            let query = parsed(input)
            #expect(query?.description == rendered)
            #expect(query.flatMap { parsed($0.description) } == query)
        }
    }

    @Test func leavesAreListedInOrder() {
        let query = parsed("a AND (b NEAR c OR TI=a)")
        #expect(
            query?.leaves == [
                .term(SearchTerm(phrase("a"))),
                .near(NearClause(left: [phrase("b")], right: [phrase("c")], distance: 15)),
                .term(SearchTerm(phrase("a"), in: .title)),
            ])
    }
}
