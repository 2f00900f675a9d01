public import TechTrackerClassify

/// A sampled work as `query` and `explain` list it for a precision spot-check: its year and its
/// title with the matched words in [brackets].
public struct SampledTitle: Sendable {
    /// The title (possibly shortened by the reader; `MatchMarking` shortens it further).
    public var title: String
    /// Publication year, `nil` when unknown.
    public var publicationYear: Int?
    /// The parts of the query that matched the title, to mark its words.
    public var explanation: QueryExplanation

    /// Makes a sample.
    public init(title: String, publicationYear: Int?, explanation: QueryExplanation) {
        self.title = title
        self.publicationYear = publicationYear
        self.explanation = explanation
    }

    /// `  2021  A [quantum] [computer] …`: the line of the sample lists.
    public var line: String {
        "  \(publicationYear.map(String.init) ?? "----")  \(MatchMarking.markTitle(title, explanation: explanation))"
    }
}
