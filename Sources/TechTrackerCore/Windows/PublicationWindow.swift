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
    /// 2020-2024. A span shorter than `length` gives the one window it covers.
    public static func rolling(over years: ClosedRange<Int>, length: Int = 5) -> [PublicationWindow] {
        let length = max(1, length)
        guard years.count >= length else { return [PublicationWindow(start: years.lowerBound, end: years.upperBound)] }
        return (years.lowerBound...(years.upperBound - length + 1)).map { PublicationWindow(start: $0, end: $0 + length - 1) }
    }

    /// Parses `2020-2024` (or a single year `2021`).
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts[parts.count - 1]), first <= last else { return nil }
        self.init(start: first, end: last)
    }
}
