import TechTrackerCore
import TechTrackerPresent
import TechTrackerStore

/// The dashboard's model read from a store once: the figures of the last `analyze` and the
/// technologies of the last `classify`. Shared by `serve` and `report --html`.
enum DashboardLoading {
    /// The model of `store`, or a failure saying to run `analyze` first.
    static func model(_ store: WorkStore) throws -> DashboardModel {
        let results = try ReportCommand.storedResults(store)
        let technologies = try store.storedTechnologies().map {
            DashboardTechnology(id: $0.id, name: $0.name, category: $0.category, scope: $0.scope, query: $0.query)
        }
        return DashboardModel(results: results, technologies: technologies)
    }
}
