/// What the store holds across sources: which sources, how many records were merged as one
/// paper read from several of them (`DuplicateResolution`), and how the references of Web of
/// Science and Scopus records (which cite by DOI, not by id) were linked to stored works.
public struct CrossSourceSummary: Sendable, Equatable {
    /// The sources the store holds, in `DuplicateResolution.sourcePrecedence` order.
    public var sources: [WorkSource] = []
    /// Papers counted once, by the source of the record that stands for them (its citation
    /// count is the paper's).
    public var papersBySource: [WorkSource: Int] = [:]
    /// Records that are duplicates of another source's record, matched by DOI.
    public var duplicatesByDOI = 0
    /// Records that are duplicates matched by title, year and first author.
    public var duplicatesByTitle = 0
    /// Groups of records from several sources left unmerged as ambiguous.
    public var ambiguousGroups = 0
    /// References of the Web of Science and Scopus papers.
    public var exportReferences = 0
    /// Of those, references that give a DOI.
    public var exportReferencesWithDOI = 0
    /// Of those, references whose DOI is a stored paper's: the in-corpus citations METHOD §7
    /// needs.
    public var exportReferencesLinked = 0

    /// Makes an empty summary.
    public init() {}

    /// All duplicates.
    public var duplicates: Int { duplicatesByDOI + duplicatesByTitle }

    /// Whether the store holds records of more than one source, so that matching applies.
    public var isMultiSource: Bool { sources.filter { $0 != .synthetic }.count > 1 }

    /// Whether any Web of Science or Scopus record is stored.
    public var hasExportSources: Bool { sources.contains(.wos) || sources.contains(.scopus) }
}
