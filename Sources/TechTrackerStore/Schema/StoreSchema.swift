import GRDB

/// The store's schema as named migrations, applied in order when a store is opened.
///
/// Tables (README "The store" lists every column):
/// - `work`: one row per work, list fields packed as BLOBs (`WorkBlobCodec`);
/// - `institution`: each institution once (id, name, ROR, country, type);
/// - `ingest_run`: one row per `ingest`, with its inputs and counts, for provenance.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-works") { db in
            try db.execute(sql: """
                CREATE TABLE work (
                    id INTEGER PRIMARY KEY,
                    source_id TEXT NOT NULL UNIQUE,
                    source TEXT NOT NULL,
                    doi TEXT,
                    title TEXT NOT NULL,
                    abstract TEXT NOT NULL,
                    keywords TEXT NOT NULL,
                    topics TEXT NOT NULL,
                    publication_year INTEGER,
                    type TEXT NOT NULL,
                    language TEXT,
                    is_retracted INTEGER NOT NULL,
                    cited_by_count INTEGER NOT NULL,
                    counts_by_year BLOB NOT NULL,
                    referenced_works BLOB NOT NULL,
                    authorships BLOB NOT NULL,
                    updated_date TEXT NOT NULL
                );
                CREATE TABLE institution (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    ror TEXT,
                    country_code TEXT,
                    type TEXT
                ) WITHOUT ROWID;
                CREATE TABLE ingest_run (
                    id INTEGER PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL,
                    inputs TEXT NOT NULL,
                    records_read INTEGER NOT NULL,
                    works_new INTEGER NOT NULL,
                    works_updated INTEGER NOT NULL,
                    works_unchanged INTEGER NOT NULL,
                    records_rejected INTEGER NOT NULL
                );
                """)
        }
        return migrator
    }
}
