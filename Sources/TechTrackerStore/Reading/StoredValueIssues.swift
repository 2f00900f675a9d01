/// Stored values a read could not use as they are, counted by kind.
///
/// A store may come from an older version or from another tool, and SQLite keeps whatever
/// it is given (a NULL in a table made without constraints, text in an INTEGER column, a
/// truncated BLOB). No read traps on such a value: each kind has one fixed treatment, below
/// and in README "Sharing a store", and is counted so the command can warn once per read.
///
/// Works are never skipped, only their bad values replaced: every reader of the `work` table
/// must see the same works (the analysis lines up `workIdentities` with `forEachAnalysisRow` by
/// position), and a work whose authorships cannot be read still exists and is counted as a
/// work without a known country, like any work that names none.
public struct StoredValueIssues: Sendable, Equatable {
    /// A kind of unusable value, with what is done with it.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// An `authorships`, `referenced_works` or `counts_by_year` BLOB that is missing or
        /// does not decode: read as an empty list.
        case unreadableList
        /// NULL or a value of the wrong type where a value is expected (`type`, `title`,
        /// `cited_by_count`, `is_retracted`, a technology's name…): read as empty text, 0 or
        /// false.
        case missingValue
        /// A `publication_year` that is not an integer in 1800…2200: read as unknown, as a
        /// work without a year is.
        case yearOutOfRange
        /// A negative `cited_by_count`: read as 0.
        case negativeCount
        /// A row of the classification or the stored figures without its key (a technology
        /// without id, a membership without work, a figure without its country…): skipped.
        case skippedRow

        /// Kinds in the order they are declared (and printed).
        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }

        /// How a count of this kind is worded in a warning.
        func describe(_ count: Int) -> String {
            switch self {
            case .unreadableList: "\(count) unreadable packed list(s) (read as empty)"
            case .missingValue: "\(count) missing or mistyped value(s) (read as empty, 0 or false)"
            case .yearOutOfRange: "\(count) publication year(s) outside 1800-2200 (read as unknown)"
            case .negativeCount: "\(count) negative citation count(s) (read as 0)"
            case .skippedRow: "\(count) row(s) without their key (skipped)"
            }
        }
    }

    /// How many values of each kind were met.
    public private(set) var counts: [Kind: Int] = [:]

    /// An empty count.
    public init() {}

    /// All values met, of every kind.
    public var total: Int { counts.values.reduce(0, +) }

    /// True when every value could be used as stored.
    public var isEmpty: Bool { counts.isEmpty }

    /// Counts one more value (or `count` more) of `kind`.
    public mutating func note(_ kind: Kind, count: Int = 1) {
        guard count > 0 else { return }
        counts[kind, default: 0] += count
    }

    /// Adds the counts of `other`.
    public mutating func add(_ other: StoredValueIssues) {
        for (kind, count) in other.counts { note(kind, count: count) }
    }

    /// The counts as one clause, kinds in a fixed order.
    public var summary: String {
        counts.keys.sorted().compactMap { kind in counts[kind].map { kind.describe($0) } }.joined(separator: ", ")
    }
}
