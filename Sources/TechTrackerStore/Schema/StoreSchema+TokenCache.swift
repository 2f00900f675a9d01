extension StoreSchema {
    /// v11: the classification's token cache, so that re-classifying after a query edit reads
    /// each work's word ids instead of cutting its text again.
    ///
    /// - `token_word`: the vocabulary, word `id` numbered from 0 with no gaps, in order of
    ///   first appearance; it only grows.
    /// - `work_tokens`: one row per tokenised work: its title, abstract and keywords as word
    ///   ids (varints, 0 between fields and keywords), and the work's `content_hash` when they
    ///   were made. A row is used only while that hash is still the work's, so a work stored
    ///   again with other content is tokenised again, whatever wrote it. Rows are written by
    ///   `classify`, never read by an analysis, and change no figure.
    static let tokenCacheMigration = StoreMigration(
        identifier: "v11-token-cache",
        sql: """
            CREATE TABLE token_word (
                id INTEGER PRIMARY KEY,
                word TEXT NOT NULL
            );
            CREATE TABLE work_tokens (
                work INTEGER PRIMARY KEY,
                content_hash INTEGER NOT NULL,
                tokens BLOB NOT NULL
            );
            """)
}
