@testable import TechTrackerClassify

/// A search word from test shorthand: `comput*` is truncated.
func word(_ text: String) -> SearchWord {
    text.hasSuffix("*") ? SearchWord(String(text.dropLast()), truncated: true) : SearchWord(text)
}

/// A phrase from space-separated shorthand words: `"quantum comput*"`.
func phrase(_ text: String) -> SearchPhrase {
    SearchPhrase(text.split(separator: " ").map { word(String($0)) })
}

/// A term leaf from shorthand.
func term(_ text: String, _ field: QueryField = .topic) -> Query {
    .term(SearchTerm(phrase(text), in: field))
}

/// A NEAR leaf from shorthand alternatives.
func near(_ left: [String], _ right: [String], _ distance: Int = 15, _ field: QueryField = .topic) -> Query {
    .near(NearClause(left: left.map(phrase), right: right.map(phrase), distance: distance, field: field))
}

/// The parsed query, or nil.
func parsed(_ text: String) -> Query? {
    try? QueryParser.parse(text)
}

/// The parse error's message, or nil when the text parses.
func parseError(_ text: String) -> String? {
    do {
        _ = try QueryParser.parse(text)
        return nil
    } catch {
        return error.message
    }
}

/// The parse result as a value.
func parseResult(_ text: String) -> Result<Query, QuerySyntaxError> {
    Result { () throws(QuerySyntaxError) -> Query in try QueryParser.parse(text) }
}

extension Result {
    /// The error, if this is a failure.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// A small seeded generator (SplitMix64) so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
