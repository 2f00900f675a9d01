/// What became of the rows of one patent-citation file (`ingest-patents`). Every row read is
/// counted once, so the counts reconcile:
/// `rowsRead == new + updated + unchanged + notInStore + rejected + duplicates`.
public struct PatentFileCounts: Sendable, Equatable {
    /// Data rows read (the header and blank lines are not rows).
    public var rowsRead = 0
    /// Citations stored that the store did not hold.
    public var new = 0
    /// Citations the store held with other values (confidence, type, place, flag, family or
    /// year), replaced by this file's.
    public var updated = 0
    /// Citations the store already held with the same values.
    public var unchanged = 0
    /// Valid rows whose cited work is not in the store (not kept).
    public var notInStore = 0
    /// Rows that could not be read (wrong field count, a value out of range…), skipped.
    public var rejected = 0
    /// Rows that repeat a (work, patent) pair already read from the same file: the first is
    /// kept, the repeats are counted here.
    public var duplicates = 0

    /// No rows yet.
    public init() {}

    /// Makes counts.
    public init(
        rowsRead: Int, new: Int, updated: Int, unchanged: Int, notInStore: Int, rejected: Int, duplicates: Int
    ) {
        self.rowsRead = rowsRead; self.new = new; self.updated = updated; self.unchanged = unchanged
        self.notInStore = notInStore; self.rejected = rejected; self.duplicates = duplicates
    }

    /// Citations the store holds from this file after the read: new, updated and unchanged.
    public var kept: Int { new + updated + unchanged }

    /// Whether the counts add up to the rows read.
    public var reconciles: Bool { rowsRead == kept + notInStore + rejected + duplicates }

    /// Adds another file's (or batch's) counts.
    public static func += (lhs: inout PatentFileCounts, rhs: PatentFileCounts) {
        lhs.rowsRead += rhs.rowsRead; lhs.new += rhs.new; lhs.updated += rhs.updated
        lhs.unchanged += rhs.unchanged; lhs.notInStore += rhs.notInStore; lhs.rejected += rhs.rejected
        lhs.duplicates += rhs.duplicates
    }
}

/// One file read by `ingest-patents`: its counts, its cut-off, and how fast it was read.
public struct PatentFileIngest: Sendable, Equatable {
    /// The path as given.
    public var path: String
    /// The file's name (no folder).
    public var name: String
    /// Its size on disk in bytes.
    public var diskBytes: Int64
    /// Bytes of text read (after decompression).
    public var textBytes: Int64 = 0
    /// The layout it was read as (`reliance-on-science` or `generic`).
    public var layout: String
    /// What became of its rows.
    public var counts = PatentFileCounts()
    /// The latest citation year its year column gave (`nil` without a year column).
    public var latestYearSeen: Int?
    /// The cut-off recorded for it: `--cutoff-year` when given, else `latestYearSeen`.
    public var cutoffYear: Int?
    /// The first rejected rows, as `file:line: reason` (the rest are only counted).
    public var firstProblems: [String] = []
    /// Wall-clock seconds spent on it.
    public var seconds = 0.0

    /// Makes the entry of a file about to be read.
    public init(path: String, name: String, diskBytes: Int64, layout: String) {
        self.path = path; self.name = name; self.diskBytes = diskBytes; self.layout = layout
    }

    /// Rows per second.
    public var rowsPerSecond: Double { Double(counts.rowsRead) / max(seconds, 1e-9) }
    /// Megabytes (10^6 bytes) of text per second.
    public var megabytesPerSecond: Double { Double(textBytes) / 1e6 / max(seconds, 1e-9) }
}

/// What one `ingest-patents` run did, file by file.
public struct PatentIngestSummary: Sendable, Equatable {
    /// The files, in the order read.
    public var files: [PatentFileIngest] = []
    /// Wall-clock seconds of the whole run (the store's index of works included).
    public var seconds = 0.0
    /// Works the store could match citations to (its index, built once per run).
    public var worksIndexed = 0

    /// An empty summary.
    public init() {}

    /// The counts of every file together.
    public var totals: PatentFileCounts {
        var result = PatentFileCounts()
        for file in files { result += file.counts }
        return result
    }

    /// The store's cut-off after the run, as far as these files go: the latest of theirs.
    public var cutoffYear: Int? { files.compactMap(\.cutoffYear).max() }

    /// Whether the patent citations an analysis reads changed (new or updated citations).
    public var changedCitations: Bool { totals.new + totals.updated > 0 }
}
