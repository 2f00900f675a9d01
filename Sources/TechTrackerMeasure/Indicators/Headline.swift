public import TechTrackerCore

/// Headline figures (METHOD §9): per window and counting, for each country the technologies
/// it leads and those where it is in the top 5 (ranks among countries with a positive Share),
/// and for each group the technologies where its Share exceeds every non-member country's
/// and those where it would stand in the top 5 among the countries.
public enum Headline {
    /// One country or group in one window and counting.
    public struct Row: Sendable, Hashable {
        public var window: PublicationWindow
        public var counting: Counting
        /// The country code, or the group's name.
        public var unit: String
        public var unitType: UnitType
        /// Technologies led (rank 1 with Share > 0; for a group, ahead of every non-member), sorted.
        public var led: [String]
        /// Technologies with rank ≤ 5 and Share > 0 (for a group, its place among the countries), sorted.
        public var topFive: [String]
        /// Technologies computed in the window (the "of 74").
        var technologies: Int
        /// Of the technologies led, those whose leading figure is low evidence (§5).
        public var ledLowEvidence: Int
        /// Of the technologies led, those led in an exact tie (first by code only).
        public var ledTied: Int
    }

    private struct Key: Hashable { var window: PublicationWindow; var counting: Counting }
    private struct Tally { var led: [String] = [], top: [String] = [], lowEvidence = 0, tied = 0 }

    /// METHOD §9: rows for every (window, counting, unit) that is in some top 5, sorted by
    /// window, counting, unit type (countries first), technologies led (most first), top-5
    /// count, then code or name.
    public static func compute(_ rows: [CountryRow], groups: [GroupRow] = [], topRank: Int = 5) -> [Row] {
        var technologies: [Key: Set<String>] = [:]
        var byUnit: [Key: [String: (UnitType, Tally)]] = [:]
        func add(
            _ key: Key, _ unit: String, _ type: UnitType, technology: String, leads: Bool, top: Bool,
            lowEvidence: Bool, tied: Bool
        ) {
            guard top else { return }
            var entry = byUnit[key, default: [:]][unit] ?? (type, Tally())
            if leads {
                entry.1.led.append(technology)
                if lowEvidence { entry.1.lowEvidence += 1 }
                if tied { entry.1.tied += 1 }
            }
            entry.1.top.append(technology)
            byUnit[key, default: [:]][unit] = entry
        }
        for row in rows {
            let key = Key(window: row.window, counting: row.counting)
            technologies[key, default: []].insert(row.technology)
            add(
                key, row.country.description, .country, technology: row.technology, leads: row.rank == 1,
                top: row.share > 0 && row.rank <= topRank, lowEvidence: row.lowEvidence, tied: row.tied)
        }
        for row in groups {
            let key = Key(window: row.window, counting: row.counting)
            add(
                key, row.name, .group, technology: row.technology, leads: row.leadsOutside,
                top: row.share > 0 && (row.leadsOutside || row.rankAmongCountries <= topRank),
                lowEvidence: row.lowEvidence, tied: false)
        }
        var result: [Row] = []
        for (key, units) in byUnit {
            for (unit, entry) in units {
                result.append(
                    Row(
                        window: key.window, counting: key.counting, unit: unit, unitType: entry.0,
                        led: entry.1.led.sorted(), topFive: entry.1.top.sorted(),
                        technologies: technologies[key]?.count ?? 0, ledLowEvidence: entry.1.lowEvidence,
                        ledTied: entry.1.tied))
            }
        }
        return result.sorted { lhs, rhs in
            if lhs.window != rhs.window { return lhs.window < rhs.window }
            if lhs.counting != rhs.counting { return lhs.counting.rawValue < rhs.counting.rawValue }
            if lhs.unitType != rhs.unitType { return lhs.unitType == .country }
            if lhs.led.count != rhs.led.count { return lhs.led.count > rhs.led.count }
            if lhs.topFive.count != rhs.topFive.count { return lhs.topFive.count > rhs.topFive.count }
            return lhs.unit < rhs.unit
        }
    }
}

extension Headline {
    /// METHOD §9: a country's Share of one technology in each window (0 where it has no row),
    /// e.g. the trend of the latest leader's share; windows in order.
    static func shareTrend(
        of country: CountryCode, technology: String, counting: Counting,
        rows: [CountryRow]
    ) -> [(window: PublicationWindow, share: Double)] {
        var windows: [PublicationWindow: Double] = [:]
        for row in rows where row.technology == technology && row.counting == counting {
            windows[row.window, default: 0] += row.country == country ? row.share : 0
        }
        return windows.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
