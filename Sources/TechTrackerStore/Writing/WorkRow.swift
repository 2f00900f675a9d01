public import TechTrackerCore

/// A work in the form it is stored: text columns joined and list columns packed.
///
/// Made on the reader threads, so that the single writer thread only binds and steps:
/// packing costs about as much as the SQLite write itself, and the writer is the one stage
/// of ingest that cannot run in parallel.
public struct WorkRow: Sendable {
    /// The work's source id (`W…`).
    public let id: String
    let source: String
    let doi: String?
    let title: String
    let abstract: String
    let keywords: String
    let topics: String
    let publicationYear: Int?
    let type: String
    let language: String?
    let isRetracted: Bool
    let citedByCount: Int
    let countsByYear: [UInt8]
    let referencedWorks: [UInt8]
    let authorships: [UInt8]
    /// The source's update stamp, compared to decide whether to replace a stored record.
    public let updatedDate: String
    /// The distinct identified institutions of the work, for the `institution` table.
    let institutions: [Institution]
    /// The 64-bit hash of the stored columns (`ContentHasher`): decides between two records of the
    /// same id and `updated_date`. Computed here, on a reader thread, to keep it off the writer.
    public private(set) var contentHash: UInt64 = 0

    /// Packs `work`.
    public init(_ work: Work) {
        id = work.id
        source = work.source.rawValue
        doi = work.doi
        title = work.title
        abstract = work.abstract
        keywords = work.keywords.joined(separator: "\n")
        topics = work.topics.joined(separator: "\n")
        publicationYear = work.publicationYear
        type = work.type
        language = work.language
        isRetracted = work.isRetracted
        citedByCount = work.citedByCount
        countsByYear = WorkBlobCodec.encodeCountsByYear(work.countsByYear)
        referencedWorks = WorkBlobCodec.encodeReferences(work.referencedWorks)
        authorships = WorkBlobCodec.encodeAuthorships(work.authorships)
        updatedDate = work.updatedDate
        var seen = Set<String>()
        var institutions: [Institution] = []
        for authorship in work.authorships {
            for institution in authorship.institutions
            where !institution.id.isEmpty && seen.insert(institution.id).inserted {
                institutions.append(institution)
            }
        }
        self.institutions = institutions
        // Hashed in the list form whatever form is stored, so that a record hashes as it did
        // when stores held only that form (an old store's hashes stay comparable).
        contentHash = Self.contentHash(of: self, referenceList: WorkBlobCodec.encodeReferenceList(work.referencedWorks))
    }
}
