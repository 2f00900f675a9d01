import Foundation
import GRDB
import Testing
import TechTrackerClassify
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerStore
import TechTrackerTaxonomy

/// The token cache of `classify`: works are cut into word ids once, later runs match the
/// cached ids, and the memberships are always those of reading every text.
@Suite(.serialized)
struct TokenCacheTests {
    static let template = Result { try syntheticTemplateStore(works: 3000, seed: 8, classified: false) }

    /// Every technology's members, by technology id.
    func memberships(_ store: WorkStore, _ taxonomy: Taxonomy) throws -> [String: [Int64]] {
        Dictionary(uniqueKeysWithValues: try taxonomy.technologies.map { ($0.id, try store.memberWorkIDs(of: $0.id)) })
    }

    /// Classifies with the cache off, on a copy: the reference memberships.
    func referenceMemberships(_ taxonomy: Taxonomy) throws -> [String: [Int64]] {
        let store = try copyOfStore(try Self.template.get())
        var run = ClassifyRun(taxonomy: taxonomy)
        run.usesTokenCache = false
        let summary = try run.run(on: store)
        #expect(summary.worksFromTokenCache == 0 && summary.worksTokenized == 0)
        #expect(try store.tokenCacheSize().works == 0)
        return try memberships(store, taxonomy)
    }

    @Test func theSecondRunReadsNoTextAndFindsTheSameMembers() throws {
        let store = try copyOfStore(try Self.template.get())
        let shipped = try Taxonomy.load(path: nil)
        let first = try ClassifyRun(taxonomy: shipped).run(on: store)
        #expect(first.worksTokenized == 3000 && first.worksFromTokenCache == 0)
        #expect(try memberships(store, shipped) == referenceMemberships(shipped))
        let cache = try store.tokenCacheSize()
        #expect(cache.works == 3000 && cache.words > 100 && cache.bytes > 3000 * 50)

        // After a taxonomy edit, every work is matched from its ids.
        let own = try twoTechnologies.get()
        let second = try ClassifyRun(taxonomy: own).run(on: store)
        #expect(second.worksFromTokenCache == 3000 && second.worksTokenized == 0)
        #expect(try memberships(store, own) == referenceMemberships(own))
        #expect(second.technologies.allSatisfy { $0.works > 0 })
        // And back: the shipped taxonomy from the cache gives what the texts gave.
        _ = try ClassifyRun(taxonomy: shipped).run(on: store)
        #expect(try memberships(store, shipped) == referenceMemberships(shipped))
    }

    /// What the cache keeps is the same whatever the number of threads.
    @Test func theCacheDoesNotDependOnTheThreadCount() throws {
        var caches: [[String]] = []
        for threads in [1, 2, 3] {
            let store = try copyOfStore(try Self.template.get())
            var run = ClassifyRun(taxonomy: try Taxonomy.load(path: nil))
            run.threads = threads
            _ = try run.run(on: store)
            caches.append(
                try readStoreFile(store) { db in
                    try String.fetchAll(db, sql: "SELECT word FROM token_word ORDER BY id")
                        + String.fetchAll(db, sql: "SELECT work || ':' || hex(tokens) FROM work_tokens ORDER BY work")
                })
        }
        #expect(caches[0] == caches[1] && caches[1] == caches[2])
    }

    /// A work stored again with other content is read and cut again, and its new text decides.
    @Test func aWorkStoredAgainIsReadAgain() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        let works = [
            Work(id: "W1", title: "A qubit register", updatedDate: "2025-01-01"),
            Work(id: "W2", title: "Lithium ion batteries", updatedDate: "2025-01-01"),
            Work(id: "W3", title: "Coral reefs", updatedDate: "2025-01-01"),
        ]
        try upsert(works, into: store)
        let own = try twoTechnologies.get()
        _ = try ClassifyRun(taxonomy: own).run(on: store)
        #expect(try memberships(store, own) == ["qubits": [1], "batteries": [2]])
        try upsert([Work(id: "W2", title: "Qubits in silicon", updatedDate: "2025-02-01")], into: store)
        let again = try ClassifyRun(taxonomy: own).run(on: store)
        #expect(again.worksFromTokenCache == 2 && again.worksTokenized == 1)
        #expect(try memberships(store, own) == ["qubits": [1, 2], "batteries": []])
        let third = try ClassifyRun(taxonomy: own).run(on: store)
        #expect(third.worksFromTokenCache == 3)
    }

    /// Damaged tokens are read from the text again; a damaged vocabulary is cleared with a
    /// warning and rebuilt. The memberships stay right in both cases.
    @Test func aDamagedCacheIsNeverTrusted() throws {
        let shipped = try Taxonomy.load(path: nil)
        let log = MessageLog()
        let path = try copyOfStore(try Self.template.get()).path
        let store = try WorkStore(path: path, messages: { log.lines.append($0) })
        _ = try ClassifyRun(taxonomy: shipped).run(on: store)
        let writer = try DatabaseQueue(path: path)
        try writer.write { db in
            // An id past the vocabulary, a cut varint, and a form with one field.
            try db.execute(sql: "UPDATE work_tokens SET tokens = X'FFFFFF0F0000' WHERE work % 3 = 0")
            try db.execute(sql: "UPDATE work_tokens SET tokens = X'0181' WHERE work % 3 = 1")
            try db.execute(sql: "UPDATE work_tokens SET tokens = X'0100' WHERE work % 7 = 2")
        }
        let repaired = try ClassifyRun(taxonomy: shipped).run(on: store)
        #expect(repaired.worksTokenized > 2000 && repaired.worksFromTokenCache > 500)
        #expect(try memberships(store, shipped) == referenceMemberships(shipped))
        #expect(try ClassifyRun(taxonomy: shipped).run(on: store).worksFromTokenCache == 3000)

        try writer.write { db in try db.execute(sql: "DELETE FROM token_word WHERE id = 5") }
        let rebuilt = try ClassifyRun(taxonomy: shipped).run(on: store)
        #expect(log.lines.contains { $0.contains("token cache's vocabulary is damaged") })
        #expect(rebuilt.worksTokenized == 3000)
        #expect(try memberships(store, shipped) == referenceMemberships(shipped))
    }

    /// Two vocabularies never mix: a save made from a vocabulary the store no longer has is
    /// refused and writes nothing.
    @Test func aSaveFromAnOutdatedVocabularyIsRefused() throws {
        let store = try WorkStore(path: try temporaryFolder() + "/s.sqlite")
        #expect(try store.saveTokenCache(firstWordID: 0, words: ["alpha", "beta"], tokens: []))
        #expect(try !store.saveTokenCache(firstWordID: 0, words: ["gamma"], tokens: []))
        #expect(try !store.saveTokenCache(firstWordID: 5, words: ["gamma"], tokens: []))
        #expect(try store.tokenCacheWords() == ["alpha", "beta"])
        #expect(try store.saveTokenCache(firstWordID: 2, words: ["gamma"], tokens: []))
        #expect(try store.tokenCacheWords() == ["alpha", "beta", "gamma"])
        try store.clearTokenCache()
        #expect(try store.tokenCacheWords().isEmpty)
    }

    /// `query` reads the cache where it is current (on a read-only store too) and finds what
    /// reading every text finds, including a work stored again since the cache was made.
    @Test func querySearchesTheCacheAndFindsWhatTheTextsGive() throws {
        let store = try copyOfStore(try Self.template.get())
        _ = try ClassifyRun(taxonomy: try Taxonomy.load(path: nil)).run(on: store)
        let first = try #require(try store.memberWorkIDs(of: "quantum-computing").first)
        let writer = try DatabaseQueue(path: store.path)
        try writer.write { db in
            // Another content for one cached work: its hash changes, so its ids are stale.
            try db.execute(
                sql: "UPDATE work SET title = 'Coral reefs', abstract = '', keywords = '', topics = '', "
                    + "content_hash = content_hash + 1 WHERE id = ?",
                arguments: [first])
        }
        let readOnly = try WorkStore(path: store.path, mode: .readOnly)
        for text in [#"TS=(qubit* OR "quantum comput*")"#, #"TI="lithium ion" NOT AB=solid"#, "AK=vaccine*"] {
            var cached = QuerySearch(query: try QueryParser.parse(text))
            var plain = cached
            plain.usesTokenCache = false
            let fromCache = try cached.run(on: readOnly)
            let fromTexts = try plain.run(on: readOnly)
            #expect(fromCache.matches == fromTexts.matches, "\(text)")
            #expect(fromCache.matchesByYear == fromTexts.matchesByYear)
            #expect(fromCache.worksFromTokenCache == fromCache.searched - 1)
            #expect(fromTexts.worksFromTokenCache == 0)
            cached.years = 2018...2020
            plain.years = 2018...2020
            #expect(try cached.run(on: readOnly).matches == plain.run(on: readOnly).matches)
        }
        #expect(try !QuerySearch(query: try QueryParser.parse("TS=qubit*")).run(on: readOnly).matches.contains(first))
    }
}
