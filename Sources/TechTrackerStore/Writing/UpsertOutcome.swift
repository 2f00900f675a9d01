/// What happened to one incoming work.
public enum UpsertOutcome: Sendable, Equatable {
    /// The id was not in the store: inserted.
    case new
    /// The stored record was older (`updated_date`): replaced.
    case updated
    /// The stored record was as new or newer: left as it was.
    case unchanged
}

/// Counts of upsert outcomes.
public struct UpsertCounts: Sendable, Equatable {
    /// Works inserted.
    public var new = 0
    /// Works replaced by a newer record.
    public var updated = 0
    /// Works left as stored.
    public var unchanged = 0

    /// Empty counts.
    public init() {}

    /// Adds one outcome.
    public mutating func add(_ outcome: UpsertOutcome) {
        switch outcome {
        case .new: new += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }

    /// All works written or left: new + updated + unchanged.
    public var total: Int { new + updated + unchanged }
}
