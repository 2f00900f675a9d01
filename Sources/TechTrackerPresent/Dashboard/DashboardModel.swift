public import TechTrackerCore

/// What the dashboard and the HTML report show: the figures the last `analyze` stored, and the
/// technologies' definitions. Built once (the store is read once); every page is rendered from
/// it and never recomputes a figure.
public struct DashboardModel: Sendable {
    /// The stored figures with their settings.
    public let results: AnalysisResults
    /// The technologies in taxonomy order, with their queries.
    public let technologies: [DashboardTechnology]

    /// Makes the model.
    public init(results: AnalysisResults, technologies: [DashboardTechnology]) {
        self.results = results
        self.technologies = technologies
    }

    /// The windows analysed, by first year, in order.
    public var windowStarts: [Int] {
        Array(Set(results.technologySummaries.map(\.windowStart))).sorted()
    }

    /// The countings analysed.
    public var countings: [Counting] {
        Counting.allCases.filter { counting in results.technologySummaries.contains { $0.counting == counting } }
    }

    /// The default selection: the latest window, fractional counting when it was computed.
    public var defaultSelection: DashboardSelection {
        DashboardSelection(
            windowStart: windowStarts.last ?? 0,
            counting: countings.contains(.fractional) ? .fractional : (countings.first ?? .fractional))
    }
}

/// One technology as the taxonomy defines it.
public struct DashboardTechnology: Sendable, Equatable {
    /// The id (`quantum-computing`).
    public var id: String
    /// The display name.
    public var name: String
    /// The category it is grouped under.
    public var category: String
    /// The scope note.
    public var scope: String
    /// The query that selects its works.
    public var query: String

    /// Makes a technology.
    public init(id: String, name: String, category: String, scope: String, query: String) {
        self.id = id
        self.name = name
        self.category = category
        self.scope = scope
        self.query = query
    }
}

/// The window and counting a page shows.
public struct DashboardSelection: Sendable, Equatable, Hashable {
    /// The first year of the window.
    public var windowStart: Int
    /// The counting.
    public var counting: Counting

    /// Makes a selection.
    public init(windowStart: Int, counting: Counting) {
        self.windowStart = windowStart
        self.counting = counting
    }
}
