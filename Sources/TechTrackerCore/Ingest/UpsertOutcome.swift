/// What happened to one incoming work.
public enum UpsertOutcome: Sendable, Equatable {
    /// The id was not in the store: inserted.
    case new
    /// The stored record was older (`updated_date`): replaced.
    case updated
    /// The stored record was newer, or as new with the same content: left as it was.
    case unchanged
    /// The stored record had the same `updated_date` but other content: a same-date conflict,
    /// resolved by content hash (the larger wins, so the stored row is replaced or kept).
    /// Counted the same whichever of the two wins, so counts do not depend on arrival order.
    case conflicting
}

/// Counts of upsert outcomes.
public struct UpsertCounts: Sendable, Equatable {
    /// Works inserted.
    public var new = 0
    /// Works replaced by a newer record.
    public var updated = 0
    /// Works left as stored.
    public var unchanged = 0
    /// Same-date conflicts, resolved by content hash.
    public var conflicting = 0

    /// Empty counts.
    public init() {}

    /// Adds one outcome.
    public mutating func add(_ outcome: UpsertOutcome) {
        switch outcome {
        case .new: new += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .conflicting: conflicting += 1
        }
    }

    /// Adds the counts of another batch.
    public static func += (counts: inout UpsertCounts, other: UpsertCounts) {
        counts.new += other.new
        counts.updated += other.updated
        counts.unchanged += other.unchanged
        counts.conflicting += other.conflicting
    }

    /// All works written or left: new + updated + unchanged + conflicting.
    public var total: Int { new + updated + unchanged + conflicting }
}
