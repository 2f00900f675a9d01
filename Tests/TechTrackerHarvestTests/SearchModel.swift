@testable import TechTrackerClassify
@testable import TechTrackerHarvest

/// OpenAlex's unstemmed search (`search.exact`, `….search.no_stem`) as these tests model it, from
/// its documentation: a work's title, abstract and full text are each cut into words (here
/// exactly as the query language cuts them); a word matches an equal word, `stem*` every word
/// starting with the stem, a quoted phrase consecutive words within one field; `AND`, `OR`,
/// `NOT` are boolean over the whole work (a query string's terms expand over every searched
/// field, so the two sides of an `AND` may lie in different fields).
struct SearchModel {
    var title: [String]
    var abstract: [String]
    var fullText: [String] = []

    init(title: String, abstract: String, fullText: String = "") {
        self.title = WordFolding.words(in: title)
        self.abstract = WordFolding.words(in: abstract)
        self.fullText = WordFolding.words(in: fullText)
    }

    /// The fields a scope searches.
    func fields(_ scope: SearchScope) -> [[String]] {
        switch scope {
        case .title: return [title]
        case .abstract: return [abstract]
        case .titleAndAbstract: return [title, abstract]
        case .fullText: return [title, abstract, fullText]
        }
    }

    /// Whether OpenAlex finds the work with `expression` in `scope`.
    func matches(_ expression: SearchExpression, in scope: SearchScope) -> Bool {
        switch expression {
        case .word(let word): return fields(scope).contains { $0.contains(word) }
        case .prefix(let stem): return fields(scope).contains { $0.contains { $0.utf8.starts(with: stem.utf8) } }
        case .phrase(let words):
            return fields(scope).contains { field in
                guard field.count >= words.count else { return false }
                return (0...(field.count - words.count)).contains { start in
                    words.indices.allSatisfy { field[start + $0] == words[$0] }
                }
            }
        case .all(let operands): return operands.allSatisfy { matches($0, in: scope) }
        case .any(let operands): return operands.contains { matches($0, in: scope) }
        case .excluding(let kept, let dropped): return matches(kept, in: scope) && !matches(dropped, in: scope)
        }
    }

    /// Whether any request of `plan` for `technology` finds the work.
    func isRetrieved(by plan: HarvestPlan, technology: String) -> Bool {
        plan.requests.contains { $0.technology == technology && matches($0.search, in: $0.scope) }
    }
}
