import TechTrackerCore

/// Headline figures (METHOD §9): per window and counting, for each country the technologies
/// it leads and those where it is in the top 5 (ranks among countries with a positive Share).
public enum Headline {
    /// One country in one window and counting.
    public struct Row: Sendable, Hashable {
        public var window: PublicationWindow
        public var counting: Counting
        public var country: CountryCode
        /// Technologies led (rank 1 with Share > 0), sorted.
        public var led: [String]
        /// Technologies with rank ≤ 5 and Share > 0, sorted.
        public var topFive: [String]
        /// Technologies computed in the window (the "of 74").
        public var technologies: Int
    }

    /// METHOD §9: rows for every (window, counting, country) that is in some top 5, sorted by window,
    /// counting, technologies led (most first), top-5 count, then country code.
    public static func compute(_ rows: [CountryRow], topRank: Int = 5) -> [Row] {
        struct Key: Hashable { var window: PublicationWindow; var counting: Counting }
        var technologies: [Key: Set<String>] = [:]
        var byCountry: [Key: [CountryCode: (led: [String], top: [String])]] = [:]
        for row in rows {
            let key = Key(window: row.window, counting: row.counting)
            technologies[key, default: []].insert(row.technology)
            guard row.share > 0, row.rank <= topRank else { continue }
            var entry = byCountry[key, default: [:]][row.country] ?? ([], [])
            if row.rank == 1 { entry.led.append(row.technology) }
            entry.top.append(row.technology)
            byCountry[key, default: [:]][row.country] = entry
        }
        var result: [Row] = []
        for (key, countries) in byCountry {
            for (country, entry) in countries {
                result.append(Row(window: key.window, counting: key.counting, country: country,
                                  led: entry.led.sorted(), topFive: entry.top.sorted(),
                                  technologies: technologies[key]?.count ?? 0))
            }
        }
        return result.sorted { lhs, rhs in
            if lhs.window != rhs.window { return lhs.window < rhs.window }
            if lhs.counting != rhs.counting { return lhs.counting.rawValue < rhs.counting.rawValue }
            if lhs.led.count != rhs.led.count { return lhs.led.count > rhs.led.count }
            if lhs.topFive.count != rhs.topFive.count { return lhs.topFive.count > rhs.topFive.count }
            return lhs.country < rhs.country
        }
    }
}

extension Headline {
    /// METHOD §9: a country's Share of one technology in each window (0 where it has no row),
    /// e.g. the trend of the latest leader's share; windows in order.
    public static func shareTrend(of country: CountryCode, technology: String, counting: Counting,
                                  rows: [CountryRow]) -> [(window: PublicationWindow, share: Double)] {
        var windows: [PublicationWindow: Double] = [:]
        for row in rows where row.technology == technology && row.counting == counting {
            windows[row.window, default: 0] += row.country == country ? row.share : 0
        }
        return windows.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
