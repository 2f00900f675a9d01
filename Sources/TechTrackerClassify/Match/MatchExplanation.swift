/// Why a query matched a text: its leaves that are true there, with where they matched.
public struct QueryExplanation: Sendable {
    /// The query's index in the matcher.
    var queryIndex: Int
    /// The query's id.
    var queryID: String
    /// The query's leaves that are true in the text, in query order, each once. A true leaf
    /// under a NOT is listed too: it is what excluded the text when the query does not match.
    public var trueLeaves: [LeafExplanation]
}

/// One true leaf and where it matched.
public struct LeafExplanation: Sendable {
    /// The leaf.
    var leaf: QueryLeaf
    /// The leaf as query text, e.g. `TS="bluetooth low energy"`.
    public var text: String
    /// Where it matched; for NEAR, each close pair as two consecutive spans.
    public var spans: [MatchedSpan]
}

extension CompiledMatcher {
    /// Explanations for the queries a text matches, in query order.
    func explain(_ text: ClassifiableText) -> [QueryExplanation] {
        let folded = FoldedText(text)
        return matchingQueries(in: text).map { explainQuery($0, folded) }
    }

    /// The explanation of one query on a text, whether it matches or not (for a query that
    /// does not, the true leaves show what was there and what excluded it).
    public func explainQuery(_ index: Int, in text: ClassifiableText) -> QueryExplanation {
        explainQuery(index, FoldedText(text))
    }

    private func explainQuery(_ index: Int, _ text: FoldedText) -> QueryExplanation {
        let evaluator = ReferenceEvaluator()
        var seen: Set<QueryLeaf> = []
        var leaves: [LeafExplanation] = []
        for leaf in queries[index].leaves where seen.insert(leaf).inserted {
            let spans = evaluator.spans(of: leaf, in: text)
            if !spans.isEmpty { leaves.append(LeafExplanation(leaf: leaf, text: leaf.rendered, spans: spans)) }
        }
        return QueryExplanation(queryIndex: index, queryID: queryIDs[index], trueLeaves: leaves)
    }
}
