/// What an ingest did. Counts reconcile: `read == outcomes.total + rejected + notMatching`.
public struct IngestSummary: Sendable, Equatable {
    /// Files read.
    public var files = 0
    /// Records read: works found plus rejected items.
    public var read = 0
    /// New, updated, unchanged and conflicting works.
    public var outcomes = UpsertCounts()
    /// Records (or damaged-file remainders) rejected.
    public var rejected = 0
    /// Whether the run stored only works matching a technology (`--only-matching`).
    public var onlyMatching = false
    /// Works read and not stored because they match no technology (`--only-matching`).
    public var notMatching = 0
    /// Bytes of the input files on disk.
    public var diskBytes = 0
    /// Bytes of JSON text read (after decompression).
    public var textBytes = 0
    /// Wall-clock seconds.
    public var seconds = 0.0
    /// Whether the run's writes were committed (false for a `--strict` run with rejections).
    public var committed = true
    /// Warnings by kind (`unrecognised country`, `author without an address`, …): parts of
    /// stored records that could not be attributed. Not records: they do not enter `read`.
    public var warnings: [String: Int] = [:]
    /// Address segments that named no known country, with how many addresses ended in each.
    public var unrecognisedCountries: [String: Int] = [:]
    /// The store across sources after the run (duplicates merged, references linked).
    public var crossSource = CrossSourceSummary()

    /// Makes an empty summary.
    public init() {}

    /// `read N, new N, updated N, unchanged N, conflicting N, rejected N` (and `, not matching N`
    /// with `--only-matching`).
    public var countsLine: String {
        "read \(read), new \(outcomes.new), updated \(outcomes.updated), unchanged \(outcomes.unchanged), "
            + "conflicting \(outcomes.conflicting), rejected \(rejected)"
            + (onlyMatching ? ", not matching \(notMatching)" : "")
    }

    /// Whether the counts add up: read = new + updated + unchanged + conflicting + rejected (+ not
    /// matching).
    public var reconciles: Bool { read == outcomes.total + rejected + notMatching }

    /// True when no work in the store changed: nothing new, newer or conflicting (a conflict
    /// may or may not have replaced the stored record, so it counts as a possible change).
    public var changedNothing: Bool { !committed || outcomes.new + outcomes.updated + outcomes.conflicting == 0 }

    /// What the run did to the store, when the counts line alone could mislead; `nil` when
    /// new or newer records were stored. Says why nothing was stored (no files, no records,
    /// everything rejected, a `--strict` rollback) rather than calling every case "unchanged".
    public func outcomeLine(strict: Bool) -> String? {
        if strict && rejected > 0 {
            return "strict: \(rejected) rejection(s); nothing was committed (stopped at the first)"
        }
        if !committed { return "nothing was committed" }
        if read == 0 {
            return files == 0
                ? "nothing stored: no input files were found" : "nothing stored: the inputs held no records"
        }
        if onlyMatching && notMatching + rejected == read {
            return "nothing stored: none of the \(notMatching) works read matches a technology"
                + (rejected > 0 ? "; \(rejected) rejected" : "")
        }
        if rejected == read {
            return read == 1
                ? "nothing stored: the one record read was rejected"
                : "nothing stored: all \(read) records were rejected"
        }
        let stored = outcomes.new + outcomes.updated
        if stored + outcomes.conflicting == 0 {
            if rejected == 0 {
                return "the store is unchanged: every record was already stored with the same or a newer updated_date"
            }
            return "the store is unchanged: the \(outcomes.unchanged) record(s) not rejected were already stored "
                + "with the same or a newer updated_date; \(rejected) rejected"
        }
        if stored == 0 {
            // Only same-date conflicts: say so rather than claim a change that may not have happened.
            return "no new or newer records; \(outcomes.conflicting) same-date conflict(s) "
                + "resolved by content hash (the larger is kept)"
        }
        return nil
    }
}
