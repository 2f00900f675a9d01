extension StoreSchema {
    /// v10: the figures by patent citations (METHOD §10) beside the other results. The three
    /// tables hold the rows of `patent_linkage.csv`, `patent_summary.csv` and
    /// `patent_headline.csv`, and `analysis_run.patent_data` the patent data the analysis read
    /// (`PatentDataSummary` as JSON, as `settings` is stored; NULL when it read none). A store
    /// analysed before it simply has no patent figures: nothing is rebuilt or dropped.
    static let patentResultsMigration = StoreMigration(
        identifier: "v10-patent-results",
        sql: """
            ALTER TABLE analysis_run ADD COLUMN patent_data TEXT;
            CREATE TABLE patent_linkage (
                technology TEXT NOT NULL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL,
                counting TEXT NOT NULL, unit_type TEXT NOT NULL, country TEXT NOT NULL, pc REAL NOT NULL,
                patent_cited_share REAL NOT NULL, patent_rate REAL, rti REAL, rank INTEGER NOT NULL,
                ci_low REAL, ci_high REAL, incomplete INTEGER NOT NULL, low_evidence INTEGER NOT NULL,
                PRIMARY KEY (technology, window_start, window_end, counting, unit_type, country)
            ) WITHOUT ROWID;
            CREATE TABLE patent_summary (
                technology TEXT NOT NULL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL,
                counting TEXT NOT NULL, top_works REAL NOT NULL, patent_cited_top_works REAL NOT NULL,
                leader_by_share TEXT, leader TEXT, leader_patent_cited_share REAL, leader_tied INTEGER NOT NULL,
                leaders_differ INTEGER NOT NULL, incomplete INTEGER NOT NULL, low_evidence INTEGER NOT NULL,
                PRIMARY KEY (technology, window_start, window_end, counting)
            ) WITHOUT ROWID;
            CREATE TABLE patent_headline (
                window_start INTEGER NOT NULL, window_end INTEGER NOT NULL, counting TEXT NOT NULL,
                unit_type TEXT NOT NULL, country TEXT NOT NULL, technologies_led INTEGER NOT NULL,
                technologies_top5 INTEGER NOT NULL, led_low_evidence INTEGER NOT NULL, led_tied INTEGER NOT NULL,
                PRIMARY KEY (window_start, window_end, counting, unit_type, country)
            ) WITHOUT ROWID;
            """)
}
