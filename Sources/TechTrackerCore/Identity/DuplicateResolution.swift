/// Which stored records are the same paper read from different sources (a Web of Science
/// record, a Scopus row and an OpenAlex work of one article), and which of them stands for
/// the paper: the analysis counts each paper once, from that record.
///
/// The rule (docs/METHOD.md, "One paper, several sources"):
/// - Two records of different sources match when they have the same DOI (`WorkMatchKey.doi`),
///   or, when at least one of them has no DOI, the same title + year + first-author key
///   (`WorkMatchKey.titleKey`). Records with two different DOIs never match, whatever their
///   titles. Records of one source never match each other: a source's own id already tells
///   its records apart.
/// - Matching is transitive (a WoS record matched to a Scopus row by DOI and the Scopus row to
///   an OpenAlex work by title are one paper), but a group that would hold two records of the
///   same source, or two different DOIs, is ambiguous: none of its records is merged, and it is
///   counted.
/// - The record that stands for a group is the one of the first source in
///   `sourcePrecedence` (OpenAlex, then Web of Science, then Scopus), ties by smaller source id:
///   its citation count, authorships and references are the paper's. The others stay stored,
///   marked as duplicates of it, and their ids resolve to it when cited.
///
/// Pure and order-free: the result depends only on the set of records, never on their order.
public enum DuplicateResolution {
    /// One stored record, with what matching needs.
    public struct Record: Sendable, Equatable {
        /// The store's row id.
        public var rowID: Int64
        /// Where it came from.
        public var source: WorkSource
        /// The source's id, which breaks ties.
        public var sourceID: String
        /// `WorkMatchKey.doi` of its DOI, when it has one.
        public var doi: String?
        /// `WorkMatchKey.titleKey` of it, when it has one.
        public var titleKey: String?

        /// Makes a record.
        public init(rowID: Int64, source: WorkSource, sourceID: String, doi: String?, titleKey: String?) {
            self.rowID = rowID
            self.source = source
            self.sourceID = sourceID
            self.doi = doi
            self.titleKey = titleKey
        }
    }

    /// How a duplicate was matched to its group.
    public enum Match: String, Sendable, Equatable {
        /// The group shares a DOI.
        case doi
        /// Matched by title, year and first author (at least one record had no DOI).
        case title
    }

    /// A record that is another's duplicate.
    public struct Duplicate: Sendable, Equatable {
        /// The duplicate's row id.
        public var rowID: Int64
        /// The row id of the record that stands for the paper.
        public var canonicalRowID: Int64
        /// `doi` when every record of the group has the same DOI, else `title`.
        public var match: Match
    }

    /// What a resolution found.
    public struct Outcome: Sendable, Equatable {
        /// Every duplicate, by row id.
        public var duplicates: [Duplicate] = []
        /// Groups of records from several sources left unmerged because they held two records
        /// of one source, or records without a DOI whose title key is shared by two DOIs.
        public var ambiguousGroups = 0
    }

    /// Sources in the order their records stand for a paper.
    public static let sourcePrecedence: [WorkSource] = [.openalex, .wos, .scopus, .synthetic]

    /// Finds the duplicates among `records`.
    public static func resolve(_ records: [Record]) -> Outcome {
        var groups = UnionFind(count: records.count)
        // Same DOI, different sources.
        var firstByDOI: [String: Int] = [:]
        for (index, record) in records.enumerated() {
            guard let doi = record.doi else { continue }
            if let first = firstByDOI[doi] { groups.union(first, index) } else { firstByDOI[doi] = index }
        }
        // Same title key where a DOI is missing on one side: joined through the key's first record
        // without a DOI, so that two records with different DOIs are never joined by title alone.
        var byTitle: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let key = record.titleKey { byTitle[key, default: []].append(index) }
        }
        var ambiguousTitles = 0
        for (_, members) in byTitle where members.count > 1 {
            let withoutDOI = members.filter { records[$0].doi == nil }
            guard let hub = withoutDOI.first else { continue }
            let dois = Set(members.compactMap { records[$0].doi })
            if dois.count > 1 && Set(members.map { records[$0].source }).count > 1 {
                // Records without a DOI whose title is that of two papers with different DOIs:
                // which one they are cannot be told, so they are matched to neither.
                ambiguousTitles += 1
            }
            for member in members where records[member].doi == nil || dois.count == 1 {
                groups.union(hub, member)
            }
        }
        var members: [Int: [Int]] = [:]
        for index in records.indices { members[groups.find(index), default: []].append(index) }
        var outcome = Outcome(ambiguousGroups: ambiguousTitles)
        for (_, group) in members where group.count > 1 {
            let sources = group.map { records[$0].source }
            let dois = Set(group.compactMap { records[$0].doi })
            let distinctSources = Set(sources).count
            guard distinctSources == sources.count, dois.count <= 1 else {
                // Records of one source sharing a DOI are that source's own affair, not a
                // cross-source ambiguity.
                if distinctSources > 1 { outcome.ambiguousGroups += 1 }
                continue
            }
            guard let canonical = group.min(by: { precedes(records[$0], records[$1]) }) else { continue }
            let sharesDOI = group.allSatisfy { records[$0].doi != nil }
            for index in group where index != canonical {
                outcome.duplicates.append(
                    Duplicate(
                        rowID: records[index].rowID, canonicalRowID: records[canonical].rowID,
                        match: sharesDOI ? .doi : .title))
            }
        }
        outcome.duplicates.sort { $0.rowID < $1.rowID }
        return outcome
    }

    /// Whether `lhs` stands for a paper before `rhs`: source precedence, then smaller source id.
    static func precedes(_ lhs: Record, _ rhs: Record) -> Bool {
        let left = sourcePrecedence.firstIndex(of: lhs.source) ?? sourcePrecedence.count
        let right = sourcePrecedence.firstIndex(of: rhs.source) ?? sourcePrecedence.count
        if left != right { return left < right }
        return Array(lhs.sourceID.utf8).lexicographicallyPrecedes(Array(rhs.sourceID.utf8))
    }
}

/// Disjoint sets over 0..<count, with path halving.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    mutating func find(_ element: Int) -> Int {
        var current = element
        while parent[current] != current {
            parent[current] = parent[parent[current]]
            current = parent[current]
        }
        return current
    }

    mutating func union(_ a: Int, _ b: Int) {
        let rootA = find(a), rootB = find(b)
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}
