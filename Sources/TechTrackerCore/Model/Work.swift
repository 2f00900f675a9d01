/// One publication, with exactly the fields the analysis needs (METHOD §2).
///
/// Ids are the source's own ids as read: OpenAlex `W2741809807`, a Web of Science accession
/// number `WOS:000397201600008`, a Scopus EID `2-s2.0-85012345678`; the store gives each an
/// integer row key besides.
public struct Work: Sendable, Hashable {
    /// The source's id of the work, e.g. `W2741809807`. Never empty.
    public var id: String
    /// Where the record came from.
    public var source: WorkSource
    /// The DOI without its resolver prefix (`10.7717/peerj.4375`), when known.
    public var doi: String?
    /// The title; empty when the record has none.
    public var title: String
    /// The abstract, rebuilt in word order from OpenAlex's inverted index; empty when absent.
    public var abstract: String
    /// Author or indexer keywords (OpenAlex `keywords[].display_name`).
    public var keywords: [String]
    /// Subject labels: OpenAlex `topics[]` and `concepts[]` display names.
    public var topics: [String]
    /// The publication year, when known.
    public var publicationYear: Int?
    /// The work type as the source spells it (`article`, `review`, `preprint`, …).
    public var type: String
    /// The language code, when known (`en`).
    public var language: String?
    /// Whether the work has been retracted.
    public var isRetracted: Bool
    /// Citations received, as counted by the source.
    public var citedByCount: Int
    /// Citations received per year, as the source gives them.
    public var countsByYear: [YearCount]
    /// Ids of the works this work cites (same id scheme as `id`).
    public var referencedWorks: [String]
    /// The source's last-update stamp (`2025-01-17` or an ISO date-time); compared as text
    /// to decide whether a re-ingested record replaces the stored one. Empty when unknown.
    public var updatedDate: String
    /// Authors in byline order.
    public var authorships: [Authorship]

    /// Makes a work; every field but the id has an empty default.
    public init(
        id: String, source: WorkSource = .openalex, doi: String? = nil, title: String = "",
        abstract: String = "", keywords: [String] = [], topics: [String] = [],
        publicationYear: Int? = nil, type: String = "", language: String? = nil,
        isRetracted: Bool = false, citedByCount: Int = 0, countsByYear: [YearCount] = [],
        referencedWorks: [String] = [], updatedDate: String = "", authorships: [Authorship] = []
    ) {
        self.id = id
        self.source = source
        self.doi = doi
        self.title = title
        self.abstract = abstract
        self.keywords = keywords
        self.topics = topics
        self.publicationYear = publicationYear
        self.type = type
        self.language = language
        self.isRetracted = isRetracted
        self.citedByCount = citedByCount
        self.countsByYear = countsByYear
        self.referencedWorks = referencedWorks
        self.updatedDate = updatedDate
        self.authorships = authorships
    }
}

/// Citations a work received in one calendar year.
public struct YearCount: Sendable, Hashable {
    /// The calendar year.
    public var year: Int
    /// Citations received that year.
    public var count: Int

    /// Makes a (year, count) pair.
    public init(year: Int, count: Int) {
        self.year = year
        self.count = count
    }
}
