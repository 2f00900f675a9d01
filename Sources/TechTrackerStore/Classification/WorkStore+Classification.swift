import Foundation
import GRDB
import TechTrackerCore

/// The text of a stored work that technology queries search.
public struct StoredWorkText: Sendable {
    /// The work's row id.
    public var rowID: Int64
    /// Title.
    public var title: String
    /// Abstract.
    public var abstract: String
    /// Keywords, then topic and concept names.
    public var keywords: [String]
    /// Publication year.
    public var publicationYear: Int?
}

extension StoredWorkText {
    /// Reads `id, title, abstract, keywords, topics, publication_year`.
    init(row: Row) {
        let keywords: String = row[3]
        let topics: String = row[4]
        var labels = keywords.isEmpty ? [] : keywords.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if !topics.isEmpty { labels += topics.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        self.init(rowID: row[0], title: row[1], abstract: row[2], keywords: labels, publicationYear: row[5])
    }
}

/// A technology as stored with its memberships.
public struct StoredTechnology: Sendable, Hashable {
    /// Slug.
    public var id: String
    /// Display name.
    public var name: String
    /// Category.
    public var category: String
    /// Scope note.
    public var scope: String
    /// Query text.
    public var query: String

    /// Makes a stored technology.
    public init(id: String, name: String, category: String, scope: String, query: String) {
        self.id = id
        self.name = name
        self.category = category
        self.scope = scope
        self.query = query
    }
}

/// The last classification: which taxonomy, when, how much.
public struct ClassificationRecord: Sendable, Equatable {
    /// Content hash of the taxonomy file.
    public var taxonomyHash: String
    /// Its path or `built-in`.
    public var taxonomySource: String
    /// When it finished (ISO 8601).
    public var finishedAt: String
    /// Works searched.
    public var works: Int
    /// Memberships written.
    public var memberships: Int
}

extension WorkStore {
    /// Calls `body` with batches of work texts in row order (batches bound memory).
    ///
    /// Reads through a raw statement: this feeds the matcher at ~100k works/s, where GRDB's
    /// row decoding and Foundation's string splitting would be the bottleneck.
    public func forEachWorkText(batchSize: Int = 20_000, _ body: ([StoredWorkText]) throws -> Void) throws {
        try database.read { db in
            let statement = try RawStatement(db, sql: "SELECT id, title, abstract, keywords, topics, publication_year FROM work ORDER BY id")
            var batch: [StoredWorkText] = []
            batch.reserveCapacity(batchSize)
            while try statement.nextRow(db) {
                let labels = statement.columnLines(3) + statement.columnLines(4)
                batch.append(StoredWorkText(rowID: Int64(statement.columnInt(0)), title: statement.columnText(1),
                                            abstract: statement.columnText(2), keywords: labels,
                                            publicationYear: statement.columnOptionalInt(5)))
                if batch.count >= batchSize {
                    try body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try body(batch) }
        }
    }

    /// Replaces the stored taxonomy and every membership in one transaction, so memberships of
    /// an earlier taxonomy never survive a new classification, and records the run.
    /// `memberships` holds, per technology (in `technologies` order), its works' row ids.
    public func replaceClassification(technologies: [StoredTechnology], memberships: [[Int64]],
                                      taxonomyHash: String, taxonomySource: String,
                                      startedAt: Date, works: Int) throws {
        let iso = ISO8601DateFormatter()
        try database.write { db in
            try db.execute(sql: "DELETE FROM membership; DELETE FROM technology;")
            let insertTechnology = try db.makeStatement(sql: """
                INSERT INTO technology (id, position, name, category, scope, query) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for (position, technology) in technologies.enumerated() {
                try insertTechnology.execute(arguments: [technology.id, position, technology.name,
                                                         technology.category, technology.scope, technology.query])
            }
            let insertMembership = try RawStatement(db, sql: "INSERT INTO membership (technology, work) VALUES (?1, ?2)")
            var total = 0
            for (technology, rowIDs) in zip(technologies, memberships) {
                for rowID in rowIDs.sorted() {
                    insertMembership.reset()
                    insertMembership.bind(1, technology.id)
                    insertMembership.bind(2, Int(rowID))
                    try insertMembership.run(db)
                }
                total += rowIDs.count
            }
            try db.execute(sql: """
                INSERT INTO classification_run (taxonomy_hash, taxonomy_source, started_at, finished_at, works, memberships)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [taxonomyHash, taxonomySource, iso.string(from: startedAt), iso.string(from: Date()), works, total])
        }
    }

    /// The most recent classification, if any.
    public func lastClassification() throws -> ClassificationRecord? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT taxonomy_hash, taxonomy_source, finished_at, works, memberships
                FROM classification_run ORDER BY id DESC LIMIT 1
                """) else { return nil }
            return ClassificationRecord(taxonomyHash: row[0], taxonomySource: row[1], finishedAt: row[2],
                                        works: row[3], memberships: row[4])
        }
    }

    /// True when works were ingested after the last classification (its memberships may miss them).
    public func classificationIsOutdated() throws -> Bool {
        try database.read { db in
            let classified: String? = try String.fetchOne(db, sql: "SELECT MAX(finished_at) FROM classification_run")
            let ingested: String? = try String.fetchOne(db, sql: "SELECT MAX(finished_at) FROM ingest_run WHERE works_new + works_updated > 0")
            guard let classified else { return true }
            return (ingested ?? "") > classified
        }
    }

    /// The technologies of the last classification, in taxonomy order.
    public func storedTechnologies() throws -> [StoredTechnology] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, category, scope, query FROM technology ORDER BY position").map {
                StoredTechnology(id: $0[0], name: $0[1], category: $0[2], scope: $0[3], query: $0[4])
            }
        }
    }

    /// Row ids of the works of `technology`, ascending.
    public func memberWorkIDs(of technology: String) throws -> [Int64] {
        try database.read { db in
            try Int64.fetchAll(db, sql: "SELECT work FROM membership WHERE technology = ? ORDER BY work", arguments: [technology])
        }
    }

    /// Texts of the given works (row ids), in the order given.
    public func workTexts(rowIDs: [Int64]) throws -> [StoredWorkText] {
        try database.read { db in
            let statement = try db.makeStatement(sql: "SELECT id, title, abstract, keywords, topics, publication_year FROM work WHERE id = ?")
            return try rowIDs.compactMap { rowID in
                try Row.fetchOne(statement, arguments: [rowID]).map(StoredWorkText.init(row:))
            }
        }
    }
}

extension WorkStore {
    /// Works per technology in the stored memberships.
    public func membershipCounts() throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT technology, COUNT(*) FROM membership GROUP BY technology") {
                counts[row[0]] = row[1]
            }
            return counts
        }
    }

    /// For each other technology, how many works it shares with `technology`.
    public func sharedWorkCounts(with technology: String) throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT other.technology, COUNT(*) FROM membership AS this
                JOIN membership AS other ON other.work = this.work AND other.technology != this.technology
                WHERE this.technology = ? GROUP BY other.technology
                """, arguments: [technology]) {
                counts[row[0]] = row[1]
            }
            return counts
        }
    }
}
