public import Foundation
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
    /// The columns `init(statement:issues:)` reads, in its order.
    static let columns = "id, title, abstract, keywords, topics, publication_year"

    /// Reads the `columns` of the current row, with the treatments of `StoredValueIssues`.
    init(statement: RawStatement, issues: inout StoredValueIssues) {
        self.init(
            rowID: Int64(statement.columnInt(0)), title: statement.requiredText(1, &issues),
            abstract: statement.requiredText(2, &issues),
            keywords: statement.requiredLines(3, &issues) + statement.requiredLines(4, &issues),
            publicationYear: statement.publicationYear(5, &issues))
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
        var issues = StoredValueIssues()
        defer { report(issues, reading: "work texts") }
        try database.read { db in
            let statement = try RawStatement(
                db, sql: "SELECT \(StoredWorkText.columns) FROM work WHERE duplicate_of IS NULL ORDER BY id")
            var batch: [StoredWorkText] = []
            batch.reserveCapacity(batchSize)
            while try statement.nextRow(db) {
                batch.append(StoredWorkText(statement: statement, issues: &issues))
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
    /// `memberships` holds, per technology (in `technologies` order), its works' row ids; a
    /// membership of a work or technology that is not stored is refused (SQLite's foreign key
    /// error) and nothing is written.
    ///
    /// Every membership is written again, so it is written the way a bulk load is: keys off
    /// and checked once for the whole table before the commit
    /// (`Database.writeCheckingKeysAtCommit`), rows in key order, and the index by work
    /// dropped and built again after the rows rather than updated row by row. The check walks
    /// the memberships in work order (`membershipKeyCheck`), so it reads the work table's
    /// pages in order; SQLite's own check looked the works up in technology order, at random,
    /// and took longer than writing the rows.
    public func replaceClassification(
        technologies: [StoredTechnology], memberships: [[Int64]],
        taxonomyHash: String, taxonomySource: String,
        startedAt: Date, works: Int
    ) throws {
        let iso = ISO8601DateFormatter()
        try writeCheckingKeysAtCommit(keyCheck: Self.membershipKeyCheck) { db in
            try db.execute(
                sql: """
                    DELETE FROM membership; DELETE FROM technology;
                    DROP INDEX IF EXISTS membership_by_work;
                    """)
            try StoreGeneration.advance(db)
            let insertTechnology = try db.makeStatement(
                sql: """
                    INSERT INTO technology (id, position, name, category, scope, query) VALUES (?, ?, ?, ?, ?, ?)
                    """)
            for (position, technology) in technologies.enumerated() {
                try insertTechnology.execute(arguments: [
                    technology.id, position, technology.name,
                    technology.category, technology.scope, technology.query,
                ])
            }
            let insertMembership = try RawStatement(
                db, sql: "INSERT INTO membership (technology, work) VALUES (?1, ?2)")
            var total = 0
            // In key order: technologies by id, works ascending within each.
            for (technology, rowIDs) in zip(technologies, memberships).sorted(by: { $0.0.id < $1.0.id }) {
                for rowID in rowIDs.sorted() {
                    insertMembership.reset()
                    insertMembership.bind(1, technology.id)
                    insertMembership.bind(2, Int(rowID))
                    try insertMembership.run(db)
                }
                total += rowIDs.count
            }
            try db.execute(sql: "CREATE INDEX membership_by_work ON membership (work)")
            try db.execute(
                sql: """
                    INSERT INTO classification_run (taxonomy_hash, taxonomy_source, started_at, finished_at, \
                    works, memberships)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    taxonomyHash, taxonomySource, iso.string(from: startedAt), iso.string(from: Date()), works, total,
                ])
        }
    }

    /// The keys of `membership` (the only table with keys that a classification writes),
    /// checked as `PRAGMA foreign_key_check` would, but walking the index by work so that
    /// works are looked up in order. A violation throws SQLite's foreign key error.
    static func membershipKeyCheck(_ db: Database) throws {
        let orphan = try Row.fetchOne(
            db,
            sql: """
                SELECT technology, work FROM membership
                WHERE work NOT IN (SELECT id FROM work) OR technology NOT IN (SELECT id FROM technology)
                LIMIT 1
                """)
        if let orphan {
            throw DatabaseError(
                resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                message: "FOREIGN KEY constraint failed: a membership of \"\(StoredValue.text(orphan, 0) ?? "?")\" "
                    + "for work \(StoredValue.integer(orphan, 1).map(String.init) ?? "?")")
        }
    }

    /// The most recent classification, if any. Missing values read as "" or 0 (counted).
    public func lastClassification() throws -> ClassificationRecord? {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "the last classification") }
        return try database.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT taxonomy_hash, taxonomy_source, finished_at, works, memberships
                        FROM classification_run ORDER BY id DESC LIMIT 1
                        """)
            else { return nil }
            return ClassificationRecord(
                taxonomyHash: StoredValue.requiredText(row, 0, &issues),
                taxonomySource: StoredValue.requiredText(row, 1, &issues),
                finishedAt: StoredValue.requiredText(row, 2, &issues),
                works: StoredValue.requiredInteger(row, 3, &issues),
                memberships: StoredValue.requiredInteger(row, 4, &issues))
        }
    }

    /// True when works were ingested after the last classification (its memberships may miss them).
    public func classificationIsOutdated() throws -> Bool {
        try database.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT MAX(finished_at) FROM classification_run),
                           (SELECT MAX(finished_at) FROM ingest_run WHERE works_new + works_updated > 0)
                    """)
            guard let row, let classified = StoredValue.text(row, 0) else { return true }
            return (StoredValue.text(row, 1) ?? "") > classified
        }
    }

    /// The technologies of the last classification, in taxonomy order. A technology without
    /// an id is skipped; other missing values read as "" (both counted).
    public func storedTechnologies() throws -> [StoredTechnology] {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "technologies") }
        return try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, category, scope, query FROM technology ORDER BY position")
                .compactMap { row in
                    guard let id = StoredValue.text(row, 0), !id.isEmpty else {
                        issues.note(.skippedRow)
                        return nil
                    }
                    return StoredTechnology(
                        id: id, name: StoredValue.requiredText(row, 1, &issues),
                        category: StoredValue.requiredText(row, 2, &issues),
                        scope: StoredValue.requiredText(row, 3, &issues),
                        query: StoredValue.requiredText(row, 4, &issues))
                }
        }
    }

    /// Row ids of the works of `technology`, ascending; a membership without an integer work
    /// id is skipped (counted).
    public func memberWorkIDs(of technology: String) throws -> [Int64] {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "memberships of \(technology)") }
        return try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT work FROM membership WHERE technology = ? ORDER BY work", arguments: [technology]
            )
            .compactMap { row in
                guard let work = StoredValue.integer(row, 0) else {
                    issues.note(.skippedRow)
                    return nil
                }
                return Int64(work)
            }
        }
    }

    /// Texts of the given works (row ids), in the order given; missing ids are skipped.
    public func workTexts(rowIDs: [Int64]) throws -> [StoredWorkText] {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "work texts") }
        return try database.read { db in
            let statement = try RawStatement(db, sql: "SELECT \(StoredWorkText.columns) FROM work WHERE id = ?1")
            var result: [StoredWorkText] = []
            for rowID in rowIDs {
                statement.reset()
                statement.bind(1, Int(rowID))
                if try statement.nextRow(db) { result.append(StoredWorkText(statement: statement, issues: &issues)) }
            }
            statement.reset()
            return result
        }
    }
}

extension WorkStore {
    /// Works per technology in the stored memberships (rows without a technology are left out).
    public func membershipCounts() throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT technology, COUNT(*) FROM membership GROUP BY technology") {
                guard let technology = StoredValue.text(row, 0) else { continue }
                counts[technology, default: 0] += StoredValue.integer(row, 1) ?? 0
            }
            return counts
        }
    }

    /// Works of `technology` per publication year, counted in SQL (no text is read). A year
    /// that is not an integer in `plausiblePublicationYears` is left out, as every reader of
    /// works reads it as unknown.
    public func memberCountsByYear(of technology: String) throws -> [Int: Int] {
        try database.read { db in
            let years = Self.plausiblePublicationYears
            var counts: [Int: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT work.publication_year, COUNT(*) FROM membership JOIN work ON work.id = membership.work
                    WHERE membership.technology = ? AND typeof(work.publication_year) = 'integer'
                        AND work.publication_year BETWEEN ? AND ?
                    GROUP BY work.publication_year
                    """, arguments: [technology, years.lowerBound, years.upperBound])
            {
                guard let year = StoredValue.integer(row, 0) else { continue }
                counts[year] = StoredValue.integer(row, 1) ?? 0
            }
            return counts
        }
    }

    /// For each other technology, how many works it shares with `technology`.
    public func sharedWorkCounts(with technology: String) throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT other.technology, COUNT(*) FROM membership AS this
                    JOIN membership AS other ON other.work = this.work AND other.technology != this.technology
                    WHERE this.technology = ? GROUP BY other.technology
                    """, arguments: [technology])
            {
                guard let other = StoredValue.text(row, 0) else { continue }
                counts[other, default: 0] += StoredValue.integer(row, 1) ?? 0
            }
            return counts
        }
    }
}
