/// A token of the query language, with the 1-based column where it starts.
struct QueryToken: Equatable {
    /// What kind of token this is.
    enum Kind: Equatable {
        /// An unquoted run of characters that is not an operator: one term (it may still hold
        /// several words, as `lithium-ion` does). Carries the text as written.
        case bare(String)
        /// The text between double quotes, as written.
        case phrase(String)
        /// `TS=`, `TI=`, `AB=`, `AK=`.
        case fieldTag(QueryField)
        case and, or, not
        /// `NEAR` or `NEAR/n`, with its distance.
        case near(Int)
        case open, close
        case end
    }

    var kind: Kind
    /// Where the token starts (for `end`, one past the last character).
    var column: Int
    /// The token as written, for messages (`near/5`, `TS=`, `(`).
    var spelling: String

    /// Whether this token can start an operand (so that a run of two operands is an implied AND).
    var startsOperand: Bool {
        switch kind {
        case .bare, .phrase, .fieldTag, .open: return true
        default: return false
        }
    }
}

/// Cuts a query into tokens. Operators are case-insensitive words; a bare word followed by
/// `=` (spaces allowed) is a field tag. `AND NOT` is read as `NOT`, so `a AND NOT b` means
/// `a NOT b`. Straight and curly double quotes both delimit phrases.
struct QueryLexer {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// All tokens, ending with `.end`.
    static func tokens(of text: String) throws(QuerySyntaxError) -> [QueryToken] {
        var lexer = QueryLexer(text)
        var raw: [QueryToken] = []
        while true {
            let token = try lexer.nextToken()
            raw.append(token)
            if token.kind == .end { break }
        }
        // Fold `AND NOT` into `NOT`: Web of Science accepts both for its binary NOT.
        var result: [QueryToken] = []
        for token in raw {
            if token.kind == .not, result.last?.kind == .and { result.removeLast() }
            result.append(token)
        }
        return result
    }

    private static func isQuote(_ c: Character) -> Bool {
        c == "\"" || c == "\u{201C}" || c == "\u{201D}"
    }

    /// Characters that end an unquoted run.
    private static func endsBareRun(_ c: Character) -> Bool {
        c.isWhitespace || c == "(" || c == ")" || c == "=" || isQuote(c)
    }

    private mutating func skipWhitespace() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    private mutating func nextToken() throws(QuerySyntaxError) -> QueryToken {
        skipWhitespace()
        let column = index + 1
        guard index < characters.count else { return QueryToken(kind: .end, column: column, spelling: "end of query") }
        let c = characters[index]
        if c == "(" { index += 1; return QueryToken(kind: .open, column: column, spelling: "(") }
        if c == ")" { index += 1; return QueryToken(kind: .close, column: column, spelling: ")") }
        if c == "=" { throw .at(column, "unexpected '='") }
        if Self.isQuote(c) { return try phrase(startingAt: column) }
        return try bareRun(startingAt: column)
    }

    private mutating func phrase(startingAt column: Int) throws(QuerySyntaxError) -> QueryToken {
        index += 1
        let start = index
        while index < characters.count, !Self.isQuote(characters[index]) { index += 1 }
        guard index < characters.count else {
            throw QuerySyntaxError("unterminated phrase starting at column \(column)", column: column)
        }
        let content = String(characters[start..<index])
        index += 1
        return QueryToken(kind: .phrase(content), column: column, spelling: "\"\(content)\"")
    }

    private mutating func bareRun(startingAt column: Int) throws(QuerySyntaxError) -> QueryToken {
        let start = index
        while index < characters.count, !Self.endsBareRun(characters[index]) { index += 1 }
        let text = String(characters[start..<index])
        // A field tag: the run is followed (maybe after spaces) by `=`.
        var lookahead = index
        while lookahead < characters.count, characters[lookahead].isWhitespace { lookahead += 1 }
        if lookahead < characters.count, characters[lookahead] == "=" {
            guard let field = QueryField(tag: text) else {
                throw .at(column, "unknown field tag '\(text)'")
            }
            index = lookahead + 1
            return QueryToken(kind: .fieldTag(field), column: column, spelling: "\(field.tag)=")
        }
        let upper = text.uppercased()
        switch upper {
        case "AND": return QueryToken(kind: .and, column: column, spelling: text)
        case "OR": return QueryToken(kind: .or, column: column, spelling: text)
        case "NOT": return QueryToken(kind: .not, column: column, spelling: text)
        case "NEAR": return QueryToken(kind: .near(NearClause.defaultDistance), column: column, spelling: text)
        default: break
        }
        if upper.hasPrefix("NEAR/") {
            let digits = upper.dropFirst(5)
            let digitsColumn = column + 5
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .at(digitsColumn, "expected a number after NEAR/")
            }
            guard digits.count <= 4, let distance = Int(digits), distance <= NearClause.maximumDistance else {
                throw .at(digitsColumn, "NEAR distance \(digits) is larger than \(NearClause.maximumDistance)")
            }
            return QueryToken(kind: .near(distance), column: column, spelling: text)
        }
        return QueryToken(kind: .bare(text), column: column, spelling: text)
    }
}
