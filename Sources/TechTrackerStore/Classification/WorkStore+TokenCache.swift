import GRDB
import GRDBSQLite

/// A stored work as classification reads it: its cached word ids when they were made from its
/// current content, its text otherwise.
public struct ClassificationSource: Sendable {
    /// The work's row id.
    public var rowID: Int64
    /// Publication year.
    public var publicationYear: Int?
    /// The work's content hash (nil for a row stored before hashes, whose tokens are never
    /// cached: nothing could tell when they went stale).
    public var contentHash: Int64?
    /// Its word ids in their stored form, when cached for its current content.
    public var cachedTokens: [UInt8]?
    /// Its text, read only when no current tokens are cached.
    public var text: StoredWorkText?
}

/// One work's word ids to keep: its stored form and the content hash they were made from.
public struct CachedTokens: Sendable {
    /// The work's row id.
    public var rowID: Int64
    /// The work's content hash when its text was read.
    public var contentHash: Int64
    /// The ids' stored form.
    public var tokens: [UInt8]

    /// Makes one.
    public init(rowID: Int64, contentHash: Int64, tokens: [UInt8]) {
        self.rowID = rowID
        self.contentHash = contentHash
        self.tokens = tokens
    }
}

extension WorkStore {
    /// Calls `body` with batches of the works a classification reads, in row order: each with
    /// its current cached tokens or, failing them, its text (the other is not even read).
    ///
    /// Each batch is read in its own read transaction (by row id range), so the caller may
    /// write between batches (`saveTokenCache`) on this store's one connection, and a long
    /// run never pins the write-ahead log. A work is read exactly once, as it is when its
    /// batch is read.
    public func forEachClassificationSource(
        batchSize: Int = 20_000, _ body: ([ClassificationSource]) throws -> Void
    ) throws {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "work texts") }
        let current = "t.content_hash = w.content_hash"
        let sql = """
            SELECT w.id, w.publication_year, w.content_hash, CASE WHEN \(current) THEN t.tokens END,
                CASE WHEN \(current) THEN NULL ELSE w.title END, CASE WHEN \(current) THEN NULL ELSE w.abstract END,
                CASE WHEN \(current) THEN NULL ELSE w.keywords END, CASE WHEN \(current) THEN NULL ELSE w.topics END
            FROM work w LEFT JOIN work_tokens t ON t.work = w.id
            WHERE w.duplicate_of IS NULL AND w.id > ?1 ORDER BY w.id LIMIT ?2
            """
        var after = Int64.min
        while true {
            let batch: [ClassificationSource] = try database.read { db in
                let statement = try RawStatement(db, sql: sql)
                statement.bind(1, Int(after))
                statement.bind(2, max(1, batchSize))
                var batch: [ClassificationSource] = []
                batch.reserveCapacity(batchSize)
                while try statement.nextRow(db) {
                    batch.append(ClassificationSource(statement: statement, issues: &issues))
                }
                return batch
            }
            guard let last = batch.last else { return }
            after = last.rowID
            try body(batch)
        }
    }

    /// One work by row id, read as text with its content hash from the same row: for a work
    /// whose cached tokens could not be read. Nil when the work is not stored.
    public func classificationSourceAsText(rowID: Int64) throws -> ClassificationSource? {
        var issues = StoredValueIssues()
        defer { report(issues, reading: "work \(rowID)") }
        return try database.read { db in
            let statement = try RawStatement(
                db, sql: "SELECT \(StoredWorkText.columns), content_hash FROM work WHERE id = ?1")
            statement.bind(1, Int(rowID))
            guard try statement.nextRow(db) else { return nil }
            let text = StoredWorkText(statement: statement, issues: &issues)
            return ClassificationSource(
                rowID: rowID, publicationYear: text.publicationYear,
                contentHash: statement.columnOptionalInt(6).map(Int64.init), cachedTokens: nil, text: text)
        }
    }

    /// The token cache's vocabulary (word `i` at index `i`); empty when there is none. A
    /// vocabulary with a gap or a missing word cannot be trusted: the cache is cleared (with
    /// a warning) and classification starts again from the texts.
    public func tokenCacheWords() throws -> [String] {
        if let words = try usableTokenCacheWords() { return words }
        messages("warning: \(path): the token cache's vocabulary is damaged; the cache is cleared and rebuilt")
        try clearTokenCache()
        return []
    }

    /// The token cache's vocabulary as `tokenCacheWords` reads it, without repairing
    /// anything: nil when it has a gap or a missing word (for readers of a read-only store).
    public func usableTokenCacheWords() throws -> [String]? {
        try database.read { db -> [String]? in
            let statement = try RawStatement(db, sql: "SELECT id, word FROM token_word ORDER BY id")
            var words: [String] = []
            while try statement.nextRow(db) {
                guard statement.columnInt(0) == words.count, statement.columnType(1) == SQLITE_TEXT else { return nil }
                words.append(statement.columnText(1))
            }
            return words
        }
    }

    /// Deletes the token cache (the next classification reads every text).
    public func clearTokenCache() throws {
        try database.write { db in try db.execute(sql: "DELETE FROM work_tokens; DELETE FROM token_word;") }
    }

    /// Adds words to the cache's vocabulary (ids from `firstWordID`) and keeps works' tokens,
    /// in one transaction. Returns false, writing nothing, when the vocabulary no longer has
    /// `firstWordID` words: another process saved to the cache meanwhile, and ids from two
    /// vocabularies must never mix.
    @discardableResult
    public func saveTokenCache(firstWordID: Int, words: [String], tokens: [CachedTokens]) throws -> Bool {
        try database.write { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM token_word") ?? 0
            let next = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id) + 1, 0) FROM token_word") ?? 0
            guard count == firstWordID, next == firstWordID else { return false }
            let insertWord = try RawStatement(db, sql: "INSERT INTO token_word (id, word) VALUES (?1, ?2)")
            for (offset, word) in words.enumerated() {
                insertWord.reset()
                insertWord.bind(1, firstWordID + offset)
                insertWord.bind(2, word)
                try insertWord.run(db)
            }
            let insertTokens = try RawStatement(
                db, sql: "INSERT OR REPLACE INTO work_tokens (work, content_hash, tokens) VALUES (?1, ?2, ?3)")
            for entry in tokens {
                insertTokens.reset()
                insertTokens.bind(1, Int(entry.rowID))
                insertTokens.bind(2, Int(entry.contentHash))
                insertTokens.bind(3, blob: entry.tokens)
                try insertTokens.run(db)
            }
            return true
        }
    }

    /// The token cache's size: works with cached tokens, vocabulary words, bytes of tokens.
    public func tokenCacheSize() throws -> (works: Int, words: Int, bytes: Int) {
        try database.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM work_tokens), (SELECT COUNT(*) FROM token_word),
                        (SELECT COALESCE(SUM(LENGTH(tokens)), 0) FROM work_tokens)
                    """)
            guard let row else { return (0, 0, 0) }
            return (
                StoredValue.integer(row, 0) ?? 0, StoredValue.integer(row, 1) ?? 0, StoredValue.integer(row, 2) ?? 0
            )
        }
    }
}

extension ClassificationSource {
    /// A work read as text only (no cache: its hash is not needed).
    public init(text: StoredWorkText) {
        self.init(
            rowID: text.rowID, publicationYear: text.publicationYear, contentHash: nil, cachedTokens: nil, text: text)
    }

    /// Reads a row of `forEachClassificationSource`'s statement.
    init(statement: RawStatement, issues: inout StoredValueIssues) {
        let rowID = Int64(statement.columnInt(0))
        let year = statement.publicationYear(1, &issues)
        let hash = statement.columnOptionalInt(2).map(Int64.init)
        if statement.columnType(3) == SQLITE_BLOB {
            self.init(
                rowID: rowID, publicationYear: year, contentHash: hash, cachedTokens: statement.columnBlob(3), text: nil
            )
        } else {
            let text = StoredWorkText(
                rowID: rowID, title: statement.requiredText(4, &issues), abstract: statement.requiredText(5, &issues),
                keywords: statement.requiredLines(6, &issues) + statement.requiredLines(7, &issues),
                publicationYear: year)
            self.init(rowID: rowID, publicationYear: year, contentHash: hash, cachedTokens: nil, text: text)
        }
    }
}

extension WorkStore {
    /// Runs `body` with SQLite's memory map of the file turned off, and turns it back on
    /// after: for reads that go through the work table once in row order (`classify`,
    /// `query`). Such a read gains nothing from the map (each page is read once), while every
    /// mapped page it touches stays in the process's resident memory: on 1,000,000 works,
    /// classify peaked at 0.57-0.61 GB with the map and 0.31-0.34 GB without, at the same
    /// speed.
    public func withoutMemoryMap<T>(_ body: () throws -> T) throws -> T {
        let mapped = try database.inDatabase { db in
            let size = try Int.fetchOne(db, sql: "PRAGMA mmap_size") ?? 0
            try db.execute(sql: "PRAGMA mmap_size = 0")
            return size
        }
        defer { try? database.inDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(mapped)") } }
        return try body()
    }
}
