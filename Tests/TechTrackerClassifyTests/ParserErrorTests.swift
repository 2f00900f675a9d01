import Testing
@testable import TechTrackerClassify

/// Malformed queries: each gives a message with the exact column, and nothing ever traps.
@Suite struct ParserErrorTests {
    static let cases: [(query: String, message: String)] = [
        ("", "empty query"),
        ("   \n ", "empty query"),
        ("TS=(quantum AND (qubit* OR \"error correction\")", "expected ')' at column 47"),
        ("TS=(quantum AND (qubit* OR \"error correction\") OR laser", "expected ')' at column 56"),
        ("(a b", "expected ')' at column 5"),
        ("TS=\"quantum", "unterminated phrase starting at column 4"),
        ("a OR \"b", "unterminated phrase starting at column 6"),
        ("XX=foo", "unknown field tag 'XX' at column 1"),
        ("a AND SO=nature", "unknown field tag 'SO' at column 7"),
        ("TS=quantum AND ", "expected a term after AND at column 16"),
        ("a OR", "expected a term after OR at column 5"),
        ("a AND )", "expected a term after AND at column 7"),
        ("a AND OR b", "expected a term after AND at column 7"),
        ("AND a", "expected a term before AND at column 1"),
        ("NEAR a", "expected a term before NEAR at column 1"),
        ("NOT a", "expected a term before NOT at column 1 (NOT is binary: write 'a NOT b')"),
        ("a OR NOT b", "expected a term after OR at column 6 (NOT is binary: write 'a NOT b')"),
        ("()", "expected a term after '(' at column 2"),
        ("a)", "unexpected ')' at column 2"),
        (")", "unexpected ')' at column 1"),
        ("TS=", "expected a term, phrase or '(' after TS= at column 4"),
        ("TS=TI=a", "expected a term, phrase or '(' after TS= at column 4"),
        ("TS=)", "expected a term, phrase or '(' after TS= at column 4"),
        ("=a", "unexpected '=' at column 1"),
        ("\"\"", "empty phrase at column 1"),
        ("a OR \"  \"", "empty phrase at column 6"),
        ("\"-\"", "phrase \"-\" has no searchable word at column 1"),
        ("a AND -", "term '-' has no searchable word at column 7"),
        ("*ium", "'*' must end a word of at least 3 characters (a leading '*' is too broad) at column 1"),
        ("\"quantum *\"", "'*' must end a word of at least 3 characters (a leading '*' is too broad) at column 10"),
        ("comput**", "'*' must end a word of at least 3 characters (a leading '*' is too broad) at column 8"),
        ("ab*", "truncated stem 'ab*' is shorter than 3 characters (too broad) at column 3"),
        ("TS=(x OR \"quantum qu*\")", "truncated stem 'qu*' is shorter than 3 characters (too broad) at column 21"),
        ("comp*uter", "'*' is only allowed at the end of a word at column 5"),
        ("wom?n", "wildcard '?' is not supported (only a trailing '*') at column 4"),
        ("\"colo$r\"", "wildcard '$' is not supported (only a trailing '*') at column 6"),
        ("a NEAR/x b", "expected a number after NEAR/ at column 8"),
        ("a NEAR/ b", "expected a number after NEAR/ at column 8"),
        ("a NEAR/5000 b", "NEAR distance 5000 is larger than 1000 at column 8"),
        ("a NEAR/99999999999999999999 b", "NEAR distance 99999999999999999999 is larger than 1000 at column 8"),
        (
            "a NEAR (b AND c)",
            "the operands of NEAR may only be terms, phrases or OR-groups of them; found AND at column 11"
        ),
        (
            "(a NOT b) NEAR/2 c",
            "the operands of NEAR/2 may only be terms, phrases or OR-groups of them; found NOT at column 4"
        ),
        (
            "a NEAR b NEAR c",
            "the operands of NEAR may only be terms, phrases or OR-groups of them; found NEAR at column 3"
        ),
        (
            "(a b) NEAR c",
            "the operands of NEAR may only be terms, phrases or OR-groups of them; found an implied AND at column 4"
        ),
        (
            "TS=(Brown NEAR spider bite)",
            "two operands without an operator next to NEAR (an implied AND); quote the phrase or write AND at column 23"
        ),
        (
            "bite spider NEAR brown",
            "two operands without an operator next to NEAR (an implied AND); quote the phrase or write AND at column 6"
        ),
        (
            "TI=a NEAR b",
            "NEAR joins operands searched in different fields (TI and TS); tag the whole expression, e.g. TI=(a NEAR b) at column 6"
        ),
        (
            "TI=quantum computing",
            "TI= covers only the term after it; put the terms in parentheses, TI=(...), or join them with AND at column 12"
        ),
        (
            "TS=(x OR AK=\"solid state\" battery)",
            "AK= covers only the term after it; put the terms in parentheses, AK=(...), or join them with AND at column 27"
        ),
        (
            "(TI=a OR b) NEAR c",
            "an operand of NEAR mixes fields (TS and TI); a NEAR operand must be searched in one field at column 13"
        ),
    ]

    @Test(arguments: cases)
    func malformedQueryIsExplained(query: String, message: String) {
        #expect(parseError(query) == message)
    }

    @Test func errorCarriesItsColumn() throws {
        let error = parseResult("a AND (b OR").failure
        #expect(error?.column == 12)
        #expect(error?.description == "expected a term after OR at column 12")
        #expect(throws: QuerySyntaxError("empty query", column: nil)) { try Query(parsing: "") }
    }

    @Test func sizeLimitsAreErrorsNotCrashes() {
        let deep = String(repeating: "(", count: 100_000) + "a"
        #expect(parseError(deep) == "parentheses nested more than 100 deep at column 101")
        let nested = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(parsed(nested) == term("a"))
        let many = (0..<2001).map { "w\($0)" }.joined(separator: " OR ")
        #expect(parseError(many) == "more than 2000 terms in one query at column \(many.count - 4)")
    }

    /// The largest query allowed goes through every recursive walk: render, parse, compile,
    /// evaluate, hash, and release.
    @Test func largestQueryIsHandled() throws {
        let text = (0..<2000).map { "w\($0 % 7)" }.joined(separator: " OR ")
        let query = try QueryParser.parse(text)
        #expect(parsed(query.description) == query)
        let document = ClassifiableText(title: "w6")
        #expect(ReferenceEvaluator().matches(query, document))
        #expect(CompiledMatcher(queries: [(id: "big", query: query)]).matchingQueries(in: document) == [0])
        #expect(Set([query]).count == 1)
    }

    /// Random text from the language's own characters and words: never traps; errors point
    /// inside the text (or just past it); what parses renders to text that parses back equal.
    @Test func randomGarbageNeverTraps() {
        let pieces = [
            "(", ")", "\"", "*", "=", " ", " ", "-", "'", "?", "/", "TS=", "TI", "AB=", "XX=",
            "AND", "or", "NOT", "NEAR", "NEAR/3", "near/", "NEAR/0", "a", "quantum", "comput*",
            "ab*", "5G", "é", "Schrödinger", "\u{201C}", "\n", "\u{301}", "量子", "0", "🙂",
        ]
        var generator = SeededGenerator(seed: 42)
        var parsedCount = 0
        for _ in 0..<4000 {
            let length = Int.random(in: 0...12, using: &generator)
            var text = ""
            for _ in 0..<length {
                text += pieces.randomElement(using: &generator) ?? ""
                if Bool.random(using: &generator) { text += " " }
            }
            switch parseResult(text) {
            case .success(let query):
                parsedCount += 1
                #expect(parsed(query.description) == query, "round trip of \(text)")
            case .failure(let problem):
                if let column = problem.column {
                    #expect(column >= 1 && column <= text.count + 1, "column of \(problem.message) in \(text)")
                } else {
                    #expect(text.allSatisfy { $0.isWhitespace })
                }
            }
        }
        #expect(parsedCount > 200)
    }

    /// Arbitrary bytes decoded as text: still no trap.
    @Test func randomScalarsNeverTrap() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                let value =
                    Bool.random(using: &generator)
                    ? UInt32.random(in: 0x20...0x7E, using: &generator)
                    : UInt32.random(in: 0...0x2FFFF, using: &generator)
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            _ = parseError(String(scalars))
        }
    }
}
