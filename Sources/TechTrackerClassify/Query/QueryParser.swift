/// Parses query text into a ``Query``.
///
/// Grammar, loosest first, every binary operator left-associative (Web of Science precedence):
///
///     query   := and (OR and)*
///     and     := not ((AND | implied AND) not)*
///     not     := near (NOT near)*            -- `AND NOT` is read as NOT
///     near    := operand (NEAR[/n] operand)*
///     operand := TAG= operand | '(' query ')' | term | "phrase"
///
/// So `a OR b AND c` is `a OR (b AND c)` and `a AND b NOT c` is `a AND (b NOT c)`. Two
/// operands with no operator between them are joined by an implied AND, as in Web of Science
/// (`quantum computing` means `quantum AND computing`; quote it for the phrase).
///
/// A term with no field tag is searched as `TS`. A tag applies to the operand after it; a tag
/// inside a tagged group wins for its own operand (`TS=(TI=a OR b)` is `TI=a OR TS=b`). A
/// tagged term followed by an untagged one with no operator (`TI=quantum computing`) is an
/// error, not `TI=quantum AND TS=computing`: Web of Science users may expect the tag to
/// cover both, so the query must say which it means.
///
/// The operands of NEAR may only be terms, phrases or parenthesised OR-groups of them, all in
/// one field; anything else (AND, NOT, another NEAR, an implied AND inside) is an error, and so
/// is an implied AND right next to a NEAR (`a NEAR spider bite` is rejected, as Web of Science
/// does: write `a NEAR "spider bite"`).
///
/// Limits, so that no input can exhaust the stack of the recursive code that walks a query:
/// at most ``maximumTermCount`` terms and ``maximumNesting`` levels of parentheses.
public enum QueryParser {
    /// The most terms (words or phrases) one query may hold.
    static let maximumTermCount = 2000
    /// The deepest parentheses may nest.
    static let maximumNesting = 100

    /// Parses a query, or says what is wrong with it and where.
    public static func parse(_ text: String) throws(QuerySyntaxError) -> Query {
        var parser = Parser(tokens: try QueryLexer.tokens(of: text))
        return try parser.parseWholeQuery()
    }
}

extension Query {
    /// Parses query text (see ``QueryParser``).
    init(parsing text: String) throws(QuerySyntaxError) {
        self = try QueryParser.parse(text)
    }
}

/// A parsed sub-expression plus the first thing in it (in text order) that would stop it
/// from being a NEAR operand.
private struct Parsed {
    var query: Query
    /// What disqualifies the expression as a NEAR operand: "AND", "NOT", "NEAR", "implied AND".
    var nearBlocker: (what: String, column: Int)?
    /// The tag, when the expression ends with a tagged term or phrase (`… TI=quantum`).
    var endingTag: QueryField? = nil
}

private struct Parser {
    let tokens: [QueryToken]
    var index = 0
    var termCount = 0
    var nesting = 0

    init(tokens: [QueryToken]) {
        self.tokens = tokens
    }

    private var peek: QueryToken { tokens[min(index, tokens.count - 1)] }

    private mutating func advance() -> QueryToken {
        let token = peek
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func parseWholeQuery() throws(QuerySyntaxError) -> Query {
        if peek.kind == .end { throw QuerySyntaxError("empty query", column: nil) }
        let result = try parseOr(.topic, after: nil)
        let rest = peek
        switch rest.kind {
        case .end: return result.query
        case .close: throw .at(rest.column, "unexpected ')'")
        default: throw .at(rest.column, "unexpected '\(rest.spelling)'")
        }
    }

    private mutating func parseOr(_ field: QueryField, after: String?) throws(QuerySyntaxError) -> Parsed {
        var left = try parseAnd(field, after: after)
        while peek.kind == .or {
            let op = advance()
            let right = try parseAnd(field, after: op.spelling)
            left = Parsed(
                query: .or(left.query, right.query), nearBlocker: left.nearBlocker ?? right.nearBlocker,
                endingTag: right.endingTag)
        }
        return left
    }

    private mutating func parseAnd(_ field: QueryField, after: String?) throws(QuerySyntaxError) -> Parsed {
        var left = try parseNot(field, after: after)
        while true {
            if peek.kind == .and {
                let op = advance()
                let right = try parseNot(field, after: op.spelling)
                left = Parsed(
                    query: .and(left.query, right.query), nearBlocker: left.nearBlocker ?? ("AND", op.column),
                    endingTag: right.endingTag)
            } else if peek.startsOperand {
                let column = peek.column
                // `TI=quantum computing`: Web of Science may read the tag as covering both
                // words; here it covers one. Refuse rather than search something else.
                if let tag = left.endingTag, tag != field, !isFieldTag(peek) {
                    throw .at(
                        column,
                        "\(tag.tag)= covers only the term after it; put the terms in parentheses, "
                            + "\(tag.tag)=(...), or join them with AND"
                    )
                }
                let right = try parseNot(field, after: nil)
                if left.query.isNear || right.query.isNear {
                    throw .at(
                        column,
                        "two operands without an operator next to NEAR (an implied AND); quote the phrase or write AND")
                }
                left = Parsed(
                    query: .and(left.query, right.query), nearBlocker: left.nearBlocker ?? ("an implied AND", column),
                    endingTag: right.endingTag)
            } else {
                return left
            }
        }
    }

    private mutating func parseNot(_ field: QueryField, after: String?) throws(QuerySyntaxError) -> Parsed {
        var left = try parseNear(field, after: after)
        while peek.kind == .not {
            let op = advance()
            let right = try parseNear(field, after: op.spelling)
            left = Parsed(
                query: .not(left.query, right.query), nearBlocker: left.nearBlocker ?? ("NOT", op.column),
                endingTag: right.endingTag)
        }
        return left
    }

    private mutating func parseNear(_ field: QueryField, after: String?) throws(QuerySyntaxError) -> Parsed {
        var left = try parseOperand(field, after: after)
        while case .near(let distance) = peek.kind {
            let op = advance()
            let right = try parseOperand(field, after: op.spelling)
            let leftSide = try Self.nearAlternatives(left, operator: op)
            let rightSide = try Self.nearAlternatives(right, operator: op)
            guard leftSide.field == rightSide.field else {
                throw .at(
                    op.column,
                    "\(op.spelling) joins operands searched in different fields "
                        + "(\(leftSide.field.tag) and \(rightSide.field.tag)); "
                        + "tag the whole expression, e.g. \(leftSide.field.tag)=(a NEAR b)"
                )
            }
            let clause = NearClause(
                left: leftSide.phrases, right: rightSide.phrases, distance: distance, field: leftSide.field)
            left = Parsed(query: .near(clause), nearBlocker: ("NEAR", op.column), endingTag: right.endingTag)
        }
        return left
    }

    /// The alternatives of a NEAR operand: a term, a phrase, or an OR-group of them in one field.
    private static func nearAlternatives(
        _ operand: Parsed, operator op: QueryToken
    ) throws(QuerySyntaxError) -> (phrases: [SearchPhrase], field: QueryField) {
        if let blocker = operand.nearBlocker {
            throw .at(
                blocker.column,
                "the operands of \(op.spelling) may only be terms, phrases or OR-groups of them; found \(blocker.what)")
        }
        var terms: [SearchTerm] = []
        operand.query.collectOrTerms(into: &terms)
        let fields = Set(terms.map(\.field))
        guard fields.count == 1, let field = fields.first else {
            let names = QueryField.allCases.filter(fields.contains).map(\.tag).joined(separator: " and ")
            throw .at(
                op.column,
                "an operand of \(op.spelling) mixes fields (\(names)); a NEAR operand must be searched in one field")
        }
        return (terms.map(\.phrase), field)
    }

    private mutating func parseOperand(_ field: QueryField, after: String?) throws(QuerySyntaxError) -> Parsed {
        let token = peek
        switch token.kind {
        case .fieldTag(let tagged):
            _ = advance()
            guard peek.startsOperand, !isFieldTag(peek) else {
                throw .at(peek.column, "expected a term, phrase or '(' after \(token.spelling)")
            }
            let tagsGroup = peek.kind == .open
            var operand = try parseOperand(tagged, after: token.spelling)
            if !tagsGroup { operand.endingTag = tagged }
            return operand
        case .open:
            _ = advance()
            nesting += 1
            guard nesting <= QueryParser.maximumNesting else {
                throw .at(token.column, "parentheses nested more than \(QueryParser.maximumNesting) deep")
            }
            let inner = try parseOr(field, after: "'('")
            guard peek.kind == .close else { throw .at(peek.column, "expected ')'") }
            _ = advance()
            nesting -= 1
            return Parsed(query: inner.query, nearBlocker: inner.nearBlocker)
        case .bare(let text):
            _ = advance()
            try countTerm(at: token.column)
            let phrase = try QueryTermReader.phrase(
                from: text, firstColumn: token.column, tokenColumn: token.column, quoted: false)
            return Parsed(query: .term(SearchTerm(phrase, in: field)), nearBlocker: nil)
        case .phrase(let text):
            _ = advance()
            try countTerm(at: token.column)
            let phrase = try QueryTermReader.phrase(
                from: text, firstColumn: token.column + 1, tokenColumn: token.column, quoted: true)
            return Parsed(query: .term(SearchTerm(phrase, in: field)), nearBlocker: nil)
        case .not:
            let hint = " (NOT is binary: write 'a NOT b')"
            if let after {
                throw QuerySyntaxError(
                    "expected a term after \(after) at column \(token.column)\(hint)", column: token.column)
            }
            throw QuerySyntaxError(
                "expected a term before \(token.spelling) at column \(token.column)\(hint)", column: token.column)
        case .and, .or, .near:
            if let after { throw .at(token.column, "expected a term after \(after)") }
            throw .at(token.column, "expected a term before \(token.spelling)")
        case .close:
            if let after { throw .at(token.column, "expected a term after \(after)") }
            throw .at(token.column, "unexpected ')'")
        case .end:
            throw .at(token.column, "expected a term after \(after ?? "the last operator")")
        }
    }

    private mutating func countTerm(at column: Int) throws(QuerySyntaxError) {
        termCount += 1
        if termCount > QueryParser.maximumTermCount {
            throw .at(column, "more than \(QueryParser.maximumTermCount) terms in one query")
        }
    }

    private func isFieldTag(_ token: QueryToken) -> Bool {
        if case .fieldTag = token.kind { return true }
        return false
    }
}

extension Query {
    /// Whether the top of this query is a NEAR clause.
    fileprivate var isNear: Bool {
        if case .near = self { return true }
        return false
    }

    /// The terms of an OR-tree of terms, left to right (other nodes add nothing: the parser
    /// only calls this on expressions with no AND, NOT or NEAR inside).
    fileprivate func collectOrTerms(into terms: inout [SearchTerm]) {
        switch self {
        case .term(let term): terms.append(term)
        case .or(let a, let b):
            a.collectOrTerms(into: &terms)
            b.collectOrTerms(into: &terms)
        case .and, .not, .near: break
        }
    }
}
