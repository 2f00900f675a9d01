public import TechTrackerClassify

/// Which parts of a work one OpenAlex request searches, and how it is asked for.
///
/// OpenAlex's `search` parameter covers title, abstract and full text; the `title.search`,
/// `abstract.search` and `title_and_abstract.search` filters cover what they name. None covers
/// keywords or topics. All of them stem words (Kstem) unless asked not to: the unstemmed forms
/// (`search.exact`, `….search.no_stem`) compare whole words exactly, as the query language
/// does, so a word, a phrase and a `stem*` prefix mean there what they mean here (a stemmed
/// index would turn `batteries` into `battery`, which `batteri*` no longer reaches). Sources:
/// developers.openalex.org/guides/searching, docs.openalex.org "Search entities" (`.no_stem`).
public enum SearchScope: String, Hashable, Sendable, Codable, CaseIterable {
    /// Titles only: `filter=title.search.no_stem:…`.
    case title
    /// Abstracts only: `filter=abstract.search.no_stem:…`.
    case abstract
    /// Titles and abstracts: `filter=title_and_abstract.search.no_stem:…`.
    case titleAndAbstract
    /// Titles, abstracts and full texts: `search.exact=…`.
    case fullText

    /// The query parameter that carries the search, with its name and the prefix of its value;
    /// `stemmed` asks for the stemmed index.
    func parameter(stemmed: Bool) -> (name: String, valuePrefix: String) {
        let unstemmed = stemmed ? "" : ".no_stem"
        switch self {
        case .title: return ("filter", "title.search\(unstemmed):")
        case .abstract: return ("filter", "abstract.search\(unstemmed):")
        case .titleAndAbstract: return ("filter", "title_and_abstract.search\(unstemmed):")
        case .fullText: return (stemmed ? "search" : "search.exact", "")
        }
    }

    /// Whether the search runs in a filter (so the other filters join it after a comma).
    var isFilter: Bool { self != .fullText }

    /// The scope that covers both: title and abstract together cover each alone.
    func joined(with other: SearchScope) -> SearchScope {
        if self == other { return self }
        if self == .fullText || other == .fullText { return .fullText }
        return .titleAndAbstract
    }

    /// Whether every part of a work this scope searches is also searched by `field`, so that a
    /// match here is a match of the query term (what a `NOT` needs to be kept).
    func isWithin(_ field: QueryField) -> Bool {
        switch (self, field) {
        case (.fullText, _): return false  // full texts are in no field of the query language
        case (_, .topic): return true  // TS covers title and abstract (and keywords)
        case (.title, .title), (.abstract, .abstract): return true
        default: return false
        }
    }

    /// The narrowest scope that searches everything `field` covers that OpenAlex can search:
    /// `TI` its title, `AB` its abstract, `TS` both. `AK` (keywords) has no searchable
    /// counterpart; its words are looked for in titles and abstracts, where keywords usually
    /// come from.
    static func covering(_ field: QueryField) -> SearchScope {
        switch field {
        case .title: return .title
        case .abstract: return .abstract
        case .topic, .keywords: return .titleAndAbstract
        }
    }
}
