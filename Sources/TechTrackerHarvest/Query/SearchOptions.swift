/// How OpenAlex is searched: which index, and whether full texts are searched too.
public struct SearchOptions: Hashable, Sendable, Codable {
    /// Search full texts as well as titles and abstracts (`search.exact`, or `search` when
    /// stemmed): finds some works whose match is only in their keywords or topics, retrieves
    /// many more others, and drops every `NOT` (full texts are in no field of the query).
    public var fullText: Bool
    /// Search OpenAlex's stemmed index (`….search`, `search`) instead of the unstemmed one: a
    /// fallback should the unstemmed forms be refused. Stemming finds other forms of a word
    /// (more works), but a stemmer may rewrite the end of a word a prefix search needs
    /// (`batteries` is indexed as `battery`, which `batteri*` does not reach), and an excluded
    /// word would exclude its other forms too, so every `NOT` is dropped.
    public var stemmed: Bool

    /// The default: titles and abstracts, unstemmed.
    public init(fullText: Bool = false, stemmed: Bool = false) {
        self.fullText = fullText
        self.stemmed = stemmed
    }

    private enum CodingKeys: String, CodingKey {
        case fullText = "full_text", stemmed
    }
}
