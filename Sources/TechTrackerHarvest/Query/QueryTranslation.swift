public import TechTrackerClassify

/// A technology query turned into one OpenAlex search that retrieves every work the query
/// matches on its title and abstract, and usually more (a superset): the harvest then keeps
/// what the exact query matches.
///
/// What carries over as it is: `AND`, `OR`, whole words and phrases. What is widened:
/// - a truncated word `comput*` stays a prefix search (OpenAlex's trailing wildcard); inside a
///   phrase it cannot (a wildcard in quotes is not one), so the phrase falls apart at it:
///   `"quantum comput*"` becomes `quantum AND comput*`, and `"lithium ion batter*"` becomes
///   `"lithium ion" AND batter*`;
/// - `a NEAR/n b` becomes `a AND b` (OpenAlex's proximity operator is not relied on);
/// - a `NOT` is kept only when its excluded part can be searched exactly, i.e. when every work
///   OpenAlex finds for it is one the query excludes: a `NOT` over a widened part, a `NEAR`, a
///   field the scope does not match or full texts would exclude works the query keeps, so such
///   a `NOT` is dropped (the search widens instead).
///
/// The scope is the narrowest that covers every field the query names (``SearchScope``);
/// keywords (`AK`, and the keyword part of `TS`) cannot be searched on OpenAlex, so a work the
/// query matches only through its keywords or topics is not guaranteed to be retrieved.
public struct QueryTranslation: Hashable, Sendable {
    /// Where the search looks.
    public var scope: SearchScope
    /// The search.
    public var expression: SearchExpression

    /// Translates `query` for a search made with `options` (``SearchOptions``: full texts and
    /// the stemmed index each cost every `NOT`).
    public init(_ query: Query, options: SearchOptions = SearchOptions()) {
        let scope = options.fullText ? .fullText : Self.scope(of: query)
        self.scope = scope
        expression = Self.widened(query, in: scope, keepingExclusions: !options.stemmed)
    }

    /// The narrowest scope covering every field the query searches.
    static func scope(of query: Query) -> SearchScope {
        var scope: SearchScope?
        for leaf in query.leaves {
            let field: QueryField
            switch leaf {
            case .term(let term): field = term.field
            case .near(let clause): field = clause.field
            }
            let covering = SearchScope.covering(field)
            scope = scope?.joined(with: covering) ?? covering
        }
        return scope ?? .titleAndAbstract
    }

    /// A search that matches at least every work `query` matches (title and abstract).
    /// `keepingExclusions` false drops every `NOT` (a stemmed index searches no word exactly).
    static func widened(
        _ query: Query, in scope: SearchScope, keepingExclusions: Bool = true
    ) -> SearchExpression {
        switch query {
        case .term(let term):
            return widened(term.phrase)
        case .near(let clause):
            return .allOf([
                .anyOf(clause.left.map(widened)), .anyOf(clause.right.map(widened)),
            ])
        case .and(let a, let b):
            return .allOf([
                widened(a, in: scope, keepingExclusions: keepingExclusions),
                widened(b, in: scope, keepingExclusions: keepingExclusions),
            ])
        case .or(let a, let b):
            return .anyOf([
                widened(a, in: scope, keepingExclusions: keepingExclusions),
                widened(b, in: scope, keepingExclusions: keepingExclusions),
            ])
        case .not(let kept, let dropped):
            let kept = widened(kept, in: scope, keepingExclusions: keepingExclusions)
            guard keepingExclusions, let dropped = narrowed(dropped, in: scope) else { return kept }
            return .excluding(kept, dropped)
        }
    }

    /// A search that matches only works `query` matches, or `nil` when none can be written
    /// (what a `NOT` may exclude without losing a work the query keeps).
    static func narrowed(_ query: Query, in scope: SearchScope) -> SearchExpression? {
        switch query {
        case .term(let term):
            guard scope.isWithin(term.field) else { return nil }
            return exact(term.phrase)
        case .near:
            return nil
        case .and(let a, let b):
            guard let a = narrowed(a, in: scope), let b = narrowed(b, in: scope) else { return nil }
            return .allOf([a, b])
        case .or(let a, let b):
            let parts = [narrowed(a, in: scope), narrowed(b, in: scope)].compactMap { $0 }
            return parts.isEmpty ? nil : .anyOf(parts)
        case .not(let kept, let dropped):
            // Kept ∖ (a superset of dropped) lies inside kept ∖ dropped.
            guard let kept = narrowed(kept, in: scope) else { return nil }
            return .excluding(kept, widened(dropped, in: scope))
        }
    }

    /// A phrase widened: runs of whole words stay phrases, each truncated word becomes a
    /// prefix search, and the pieces are joined by `AND`.
    static func widened(_ phrase: SearchPhrase) -> SearchExpression {
        var pieces: [SearchExpression] = []
        var run: [String] = []
        func closeRun() {
            if run.count == 1 { pieces.append(.word(run[0])) } else if run.count > 1 { pieces.append(.phrase(run)) }
            run = []
        }
        for word in phrase.words {
            if word.isTruncated {
                closeRun()
                pieces.append(.prefix(word.text))
            } else {
                run.append(word.text)
            }
        }
        closeRun()
        return .allOf(pieces)
    }

    /// A phrase searched exactly, or `nil` when it holds a truncated word among others.
    static func exact(_ phrase: SearchPhrase) -> SearchExpression? {
        if phrase.words.count == 1, let only = phrase.words.first {
            return only.isTruncated ? .prefix(only.text) : .word(only.text)
        }
        guard phrase.words.allSatisfy({ !$0.isTruncated }) else { return nil }
        return .phrase(phrase.words.map(\.text))
    }
}
