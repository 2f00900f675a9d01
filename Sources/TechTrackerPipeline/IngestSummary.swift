import TechTrackerStore

/// What an ingest did. Counts reconcile: `read == outcomes.total + rejected`.
public struct IngestSummary: Sendable, Equatable {
    /// Files read.
    public var files = 0
    /// Records read: works found plus rejected items.
    public var read = 0
    /// New, updated, unchanged and conflicting works.
    public var outcomes = UpsertCounts()
    /// Records (or damaged-file remainders) rejected.
    public var rejected = 0
    /// Bytes of the input files on disk.
    public var diskBytes = 0
    /// Bytes of JSON text read (after decompression).
    public var textBytes = 0
    /// Wall-clock seconds.
    public var seconds = 0.0
    /// Whether the run's writes were committed (false for a `--strict` run with rejections).
    public var committed = true

    /// Makes an empty summary.
    public init() {}

    /// `read N, new N, updated N, unchanged N, conflicting N, rejected N`.
    public var countsLine: String {
        "read \(read), new \(outcomes.new), updated \(outcomes.updated), unchanged \(outcomes.unchanged), "
            + "conflicting \(outcomes.conflicting), rejected \(rejected)"
    }

    /// Whether the counts add up: read = new + updated + unchanged + conflicting + rejected.
    public var reconciles: Bool { read == outcomes.total + rejected }

    /// True when no work in the store changed: nothing new, newer or conflicting (a conflict
    /// may or may not have replaced the stored record, so it counts as a possible change).
    public var changedNothing: Bool { !committed || outcomes.new + outcomes.updated + outcomes.conflicting == 0 }
}
