extension StoreSchema {
    /// v9: patent citations to stored works (METHOD §10), as `ingest-patents` reads them.
    ///
    /// - `patent_file`: one row per file read, with its counts (which reconcile:
    ///   `rows_read = citations_new + citations_updated + citations_unchanged + not_in_store +
    ///   rows_rejected + duplicate_rows`) and its cut-off (`latest_year`). The row is made when
    ///   the read starts and its counts are brought up to date in every batch's transaction, so
    ///   it always describes what was committed; `finished_at` stays NULL for a read that
    ///   stopped part way.
    /// - `patent_citation`: one row per (work, patent), only for works in the store. The key
    ///   orders the rows by work, the order the analysis reads them in. `file_id` is the last
    ///   read that held the citation (a `patent_file` id): a pair met again in the same read is a
    ///   duplicate row. It is not declared a foreign key: `patent_file` rows are never deleted,
    ///   and the check would cost a lookup per citation written.
    static let patentCitations = StoreMigration(
        identifier: "v9-patent-citations",
        sql: """
            CREATE TABLE patent_file (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                path TEXT NOT NULL,
                size INTEGER NOT NULL,
                layout TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                rows_read INTEGER NOT NULL DEFAULT 0,
                citations_new INTEGER NOT NULL DEFAULT 0,
                citations_updated INTEGER NOT NULL DEFAULT 0,
                citations_unchanged INTEGER NOT NULL DEFAULT 0,
                not_in_store INTEGER NOT NULL DEFAULT 0,
                rows_rejected INTEGER NOT NULL DEFAULT 0,
                duplicate_rows INTEGER NOT NULL DEFAULT 0,
                latest_year INTEGER
            );
            CREATE TABLE patent_citation (
                work_id INTEGER NOT NULL REFERENCES work (id),
                patent TEXT NOT NULL,
                confidence INTEGER,
                reference_type TEXT,
                place TEXT,
                self_citation INTEGER,
                family TEXT,
                year INTEGER,
                file_id INTEGER NOT NULL,
                PRIMARY KEY (work_id, patent)
            ) WITHOUT ROWID;
            """)
}
