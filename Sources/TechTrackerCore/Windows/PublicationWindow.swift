/// A span of consecutive publication years (METHOD §2: 5 years, rolling by one).
public struct PublicationWindow: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// First year, inclusive.
    public var start: Int
    /// Last year, inclusive.
    public var end: Int

    /// Makes a window; `start` must not be after `end`.
    public init(start: Int, end: Int) {
        self.start = min(start, end)
        self.end = max(start, end)
    }

    /// Whether `year` falls in the window.
    public func contains(_ year: Int) -> Bool { year >= start && year <= end }

    /// `2020-2024`.
    public var description: String { "\(start)-\(end)" }

    public static func < (lhs: PublicationWindow, rhs: PublicationWindow) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// Windows of `length` years rolling by one across `years`: 2003-2024 gives 2003-2007 …
    /// 2020-2024. A span shorter than `length` gives no window: windows are always whole
    /// (METHOD §2).
    public static func rolling(over years: ClosedRange<Int>, length: Int = 5) -> [PublicationWindow] {
        whole(from: years.lowerBound, to: years.upperBound, length: length)
    }

    /// Every whole window of `length` years (rolling by one) that lies within `from`…`to`.
    static func whole(from: Int, to: Int, length: Int) -> [PublicationWindow] {
        let length = max(1, length)
        guard from <= to, to - from + 1 >= length else { return [] }
        return (from...(to - length + 1)).map { PublicationWindow(start: $0, end: $0 + length - 1) }
    }

    /// The span of years to cut into whole windows (METHOD §2) for data whose publication
    /// years run from `dataFirst` to `dataLast`, within `from`/`to` when given: the data's span,
    /// widened to one whole window around the data when it is shorter than `length` (data in
    /// 2015 alone gives 2011-2019, the windows 2011-2015 … 2015-2019 that contain it). The
    /// bounds given are never crossed; `nil` when no whole window fits.
    public static func span(dataFirst: Int?, dataLast: Int?, from: Int?, to: Int?, length: Int) -> ClosedRange<Int>? {
        let length = max(1, length)
        var low: Int, high: Int
        switch (dataFirst, dataLast, from, to) {
        case let (_, _, from?, to?):
            low = from; high = to
        case let (first?, last?, from?, nil):
            low = from; high = max(last, first + length - 1, from + length - 1)
        case let (first?, last?, nil, to?):
            low = min(first, last - length + 1, to - length + 1); high = to
        case let (first?, last?, nil, nil):
            low = min(first, last - length + 1); high = max(last, first + length - 1)
        default:
            return nil
        }
        if let from { low = max(low, from) }
        if let to { high = min(high, to) }
        guard low <= high, high - low + 1 >= length else { return nil }
        return low...high
    }

    /// Parses `2020-2024` (or a single year `2021`).
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts[parts.count - 1]),
            first <= last
        else { return nil }
        self.init(start: first, end: last)
    }
}
