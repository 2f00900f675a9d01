/// The store's schema as named migrations, applied in order when a store is opened for
/// writing (`StoreSchema+Upgrade`); a store opened read-only must already be current.
///
/// Tables (README "The store" lists every column):
/// - `work`: one row per work, list fields packed as BLOBs (`WorkBlobCodec`), with the
///   content hash that settles same-date conflicts (`WorkUpserter`);
/// - `institution`: each institution once (id, name, ROR, country, type) with the values of
///   the best record seen and that record's date (`InstitutionEvidence`);
/// - `ingest_run`: one row per `ingest`, with its inputs and counts, for provenance;
/// - `technology`, `membership`, `classification_run`: the taxonomy last applied, which works
///   each technology holds (foreign keys to `technology` and `work`), and when and with which
///   taxonomy (by content hash) that was done;
/// - `analysis_run`, `country_share`, `technology_summary`, `institution_share`,
///   `mobility_flow`, `headline`: the figures of the last `analyze`, with its settings;
/// - `patent_file`, `patent_citation`: patent citations to stored works and the files they
///   came from (`StoreSchema+Patents`);
/// - `token_word`, `work_tokens`: the classification's token cache (`StoreSchema+TokenCache`).
enum StoreSchema {
    /// The migrations in the order they apply. Their identifiers are recorded in GRDB's
    /// `grdb_migrations` table, as stores made by earlier versions (which ran GRDB's
    /// `DatabaseMigrator`) hold them; `StoreSchema+Upgrade` applies them.
    static let migrations: [StoreMigration] = [
        StoreMigration(
            identifier: "v1-works",
            sql: """
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
                """),
        StoreMigration(
            identifier: "v2-memberships",
            sql: """
                CREATE TABLE technology (
                    id TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    category TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    query TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE membership (
                    technology TEXT NOT NULL,
                    work INTEGER NOT NULL,
                    PRIMARY KEY (technology, work)
                ) WITHOUT ROWID;
                CREATE INDEX membership_by_work ON membership (work);
                CREATE TABLE classification_run (
                    id INTEGER PRIMARY KEY,
                    taxonomy_hash TEXT NOT NULL,
                    taxonomy_source TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL,
                    works INTEGER NOT NULL,
                    memberships INTEGER NOT NULL
                );
                """),
        StoreMigration(
            identifier: "v3-indicators",
            sql: """
                CREATE TABLE analysis_run (
                    id INTEGER PRIMARY KEY,
                    created_at TEXT NOT NULL,
                    taxonomy_hash TEXT NOT NULL,
                    settings TEXT NOT NULL,
                    synthetic INTEGER NOT NULL
                );
                CREATE TABLE country_share (
                    technology TEXT NOT NULL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL,
                    counting TEXT NOT NULL, country TEXT NOT NULL, p REAL NOT NULL, p_top REAL NOT NULL,
                    share REAL NOT NULL, pp_top REAL NOT NULL, rank INTEGER NOT NULL, h_index INTEGER NOT NULL,
                    ci_low REAL, ci_high REAL, p_leader REAL, adjusted_share REAL NOT NULL,
                    adjusted_rank INTEGER NOT NULL, inwardness REAL, low_evidence INTEGER NOT NULL,
                    PRIMARY KEY (technology, window_start, window_end, counting, country)
                ) WITHOUT ROWID;
                CREATE TABLE technology_summary (
                    technology TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL,
                    window_start INTEGER NOT NULL, window_end INTEGER NOT NULL, counting TEXT NOT NULL,
                    works INTEGER NOT NULL, top_works REAL NOT NULL, leader TEXT, leader_share REAL,
                    runner_up TEXT, runner_up_share REAL, lead_ratio REAL,
                    leader_institutions_in_top10 INTEGER NOT NULL, tmr TEXT NOT NULL, p_leader REAL,
                    adjusted_leader TEXT, whole_counting_leader TEXT, low_evidence INTEGER NOT NULL,
                    PRIMARY KEY (technology, window_start, window_end, counting)
                ) WITHOUT ROWID;
                CREATE TABLE institution_share (
                    technology TEXT NOT NULL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL,
                    counting TEXT NOT NULL, rank INTEGER NOT NULL, institution_id TEXT NOT NULL, name TEXT NOT NULL,
                    country TEXT NOT NULL, p_top REAL NOT NULL, share REAL NOT NULL,
                    PRIMARY KEY (technology, window_start, window_end, counting, rank)
                ) WITHOUT ROWID;
                CREATE TABLE mobility_flow (
                    technology TEXT NOT NULL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL,
                    origin TEXT NOT NULL, destination TEXT NOT NULL, authors INTEGER NOT NULL,
                    PRIMARY KEY (technology, window_start, window_end, origin, destination)
                ) WITHOUT ROWID;
                CREATE TABLE headline (
                    window_start INTEGER NOT NULL, window_end INTEGER NOT NULL, counting TEXT NOT NULL,
                    country TEXT NOT NULL, technologies_led INTEGER NOT NULL, technologies_top5 INTEGER NOT NULL,
                    PRIMARY KEY (window_start, window_end, counting, country)
                ) WITHOUT ROWID;
                """),
        // Order-independent ingest: `work.content_hash` (a 64-bit hash of the stored columns, as
        // a signed INTEGER with the hash's bits) decides same-date conflicts, and
        // `institution.evidence_date` (the `updated_date` of the work record an institution's
        // values came from) ranks records for the institution rule; `ingest_run` counts the
        // conflicts so its counts still add up to `records_read`. Existing rows get NULL:
        // hashes are computed when a conflict needs them, and NULL evidence ranks oldest.
        StoreMigration(
            identifier: "v4-content-hash-and-institution-evidence",
            sql: """
                ALTER TABLE work ADD COLUMN content_hash INTEGER;
                ALTER TABLE institution ADD COLUMN evidence_date TEXT;
                ALTER TABLE ingest_run ADD COLUMN works_conflicting INTEGER NOT NULL DEFAULT 0;
                """),
        // Figures are derived data: the result tables are rebuilt with the columns of units
        // (countries and groups), ties, top-1% shares, low-evidence flags and mobility gains.
        // A store analysed by an earlier version needs `analyze` again.
        StoreMigration(
            identifier: "v5-results-units-and-ties",
            sql: """
                DROP TABLE country_share; DROP TABLE technology_summary; DROP TABLE institution_share;
                DROP TABLE mobility_flow; DROP TABLE headline; DELETE FROM analysis_run;
                CREATE TABLE country_share (
                    technology TEXT NOT NULL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL,
                    counting TEXT NOT NULL, unit_type TEXT NOT NULL, country TEXT NOT NULL, p REAL NOT NULL,
                    p_top REAL NOT NULL, share REAL NOT NULL, pp_top REAL NOT NULL, rank INTEGER NOT NULL,
                    tied INTEGER NOT NULL, p_top1 REAL NOT NULL, share_top1 REAL NOT NULL, h_index INTEGER NOT NULL,
                    ci_low REAL, ci_high REAL, p_leader REAL, adjusted_share REAL NOT NULL,
                    adjusted_rank INTEGER NOT NULL, inwardness REAL, low_evidence INTEGER NOT NULL,
                    rank_among_countries INTEGER, ratio_to_best_outside REAL,
                    PRIMARY KEY (technology, window_start, window_end, counting, unit_type, country)
                ) WITHOUT ROWID;
                CREATE TABLE technology_summary (
                    technology TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL,
                    window_start INTEGER NOT NULL, window_end INTEGER NOT NULL, counting TEXT NOT NULL,
                    works INTEGER NOT NULL, top_works REAL NOT NULL, leader TEXT, leader_share REAL,
                    leader_share_top1 REAL, leader_tied INTEGER NOT NULL,
                    runner_up TEXT, runner_up_share REAL, lead_ratio REAL,
                    leader_institutions_in_top10 INTEGER NOT NULL, tmr TEXT NOT NULL, p_leader REAL,
                    adjusted_leader TEXT, whole_counting_leader TEXT, low_evidence INTEGER NOT NULL,
                    eu_unit_leader TEXT, eu_unit_lead_ratio REAL, eu_unit_tmr TEXT NOT NULL,
                    PRIMARY KEY (technology, window_start, window_end, counting)
                ) WITHOUT ROWID;
                CREATE TABLE institution_share (
                    technology TEXT NOT NULL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL,
                    counting TEXT NOT NULL, rank INTEGER NOT NULL, institution_id TEXT NOT NULL, name TEXT NOT NULL,
                    country TEXT NOT NULL, p_top REAL NOT NULL, share REAL NOT NULL, low_evidence INTEGER NOT NULL,
                    PRIMARY KEY (technology, window_start, window_end, counting, rank)
                ) WITHOUT ROWID;
                CREATE TABLE mobility_flow (
                    technology TEXT NOT NULL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL,
                    origin TEXT NOT NULL, destination TEXT NOT NULL, authors INTEGER NOT NULL,
                    low_evidence INTEGER NOT NULL,
                    PRIMARY KEY (technology, window_start, window_end, origin, destination)
                ) WITHOUT ROWID;
                CREATE TABLE mobility_gain (
                    technology TEXT NOT NULL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL,
                    country TEXT NOT NULL, inflow INTEGER NOT NULL, outflow INTEGER NOT NULL,
                    net_gain INTEGER NOT NULL, low_evidence INTEGER NOT NULL,
                    PRIMARY KEY (technology, window_start, window_end, country)
                ) WITHOUT ROWID;
                CREATE TABLE headline (
                    window_start INTEGER NOT NULL, window_end INTEGER NOT NULL, counting TEXT NOT NULL,
                    unit_type TEXT NOT NULL, country TEXT NOT NULL, technologies_led INTEGER NOT NULL,
                    technologies_top5 INTEGER NOT NULL, led_low_evidence INTEGER NOT NULL, led_tied INTEGER NOT NULL,
                    PRIMARY KEY (window_start, window_end, counting, unit_type, country)
                ) WITHOUT ROWID;
                """),
        // The references the schema always implied, declared so that SQLite refuses a
        // membership of a work or technology that does not exist. (The result tables get no
        // keys: they are a snapshot of one analysis, described by `analysis_run`, and keep
        // naming its technologies and institutions whatever a later classify stores.) SQLite
        // cannot add a key to a table, so `membership` is rebuilt as its documentation says:
        // create, copy, drop, rename, index again; `upgrade` runs it with keys off and checks
        // every key before committing. Memberships of a missing work or technology, or that
        // the old primary key never allowed (possible only in a table another tool rebuilt),
        // mean nothing and are not copied: classify writes only stored works and technologies.
        StoreMigration(
            identifier: "v6-membership-foreign-keys",
            sql: """
                CREATE TABLE membership_new (
                    technology TEXT NOT NULL REFERENCES technology (id),
                    work INTEGER NOT NULL REFERENCES work (id),
                    PRIMARY KEY (technology, work)
                ) WITHOUT ROWID;
                INSERT OR IGNORE INTO membership_new (technology, work)
                    SELECT technology, work FROM membership
                    WHERE technology IN (SELECT id FROM technology) AND work IN (SELECT id FROM work);
                DROP TABLE membership;
                ALTER TABLE membership_new RENAME TO membership;
                CREATE INDEX membership_by_work ON membership (work);
                """),
        // v7: one paper from several sources (Web of Science, Scopus, OpenAlex) is one work. Every
        // record stays stored under its own source id; `duplicate_of` marks a record that
        // another stands for (`DuplicateResolution`), and `duplicate_match` says how they were
        // matched (`doi` or `title`). `work_source` lists the sources the store holds, so that an
        // ingest knows without scanning the works whether matching across sources is needed.
        StoreMigration(
            identifier: "v7-cross-source-duplicates",
            sql: """
                ALTER TABLE work ADD COLUMN duplicate_of INTEGER REFERENCES work (id);
                ALTER TABLE work ADD COLUMN duplicate_match TEXT;
                CREATE TABLE work_source (source TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
                INSERT INTO work_source (source) SELECT DISTINCT source FROM work;
                """),
        // v8: the analysis reads its columns from a snapshot (`AnalysisCorpus.snapshotBytes`)
        // kept in `analysis_snapshot`, in parts, instead of decoding every work again. Each
        // write that changes what an analysis reads (works stored or updated, duplicates
        // marked, a classification) advances `store_generation` and deletes the snapshot in
        // its own transaction; a snapshot is used only while its generation is the store's.
        StoreMigration(
            identifier: "v8-analysis-snapshot",
            sql: """
                CREATE TABLE store_generation (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    value INTEGER NOT NULL
                );
                INSERT INTO store_generation (id, value) VALUES (1, 0);
                CREATE TABLE analysis_snapshot (
                    part INTEGER PRIMARY KEY,
                    generation INTEGER NOT NULL,
                    bytes BLOB NOT NULL
                );
                """),
        patentCitations,
        patentResultsMigration,
        tokenCacheMigration,
    ]
}

/// One named step of the schema: SQL run once per store, in a transaction with the others.
struct StoreMigration: Sendable {
    /// The name recorded in `grdb_migrations` (`vN-…`: N is the schema version it makes).
    let identifier: String
    /// The statements.
    let sql: String
}
