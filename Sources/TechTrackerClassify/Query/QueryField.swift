/// The part of a work a search term is looked for in: Web of Science field tags.
///
/// A term with no tag is searched as ``topic`` (`TS`), as in Web of Science's Topic search.
public enum QueryField: String, Hashable, Sendable, CaseIterable {
    /// `TS=`: title, abstract and keywords.
    case topic = "TS"
    /// `TI=`: the title only.
    case title = "TI"
    /// `AB=`: the abstract only.
    case abstract = "AB"
    /// `AK=`: the keywords only (author keywords and indexer keywords or topic names).
    case keywords = "AK"

    /// The tag as written in a query, e.g. `TS`.
    public var tag: String { rawValue }

    /// The field named by a tag, case-insensitively (`ts` → ``topic``); nil for an unknown tag.
    init?(tag: String) {
        self.init(rawValue: tag.uppercased())
    }
}
