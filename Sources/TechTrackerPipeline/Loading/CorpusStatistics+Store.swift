public import TechTrackerMeasure
public import TechTrackerStore

extension CorpusStatistics {
    /// Reads every stored work once and computes the statistics.
    public static func compute(
        from store: WorkStore, topInstitutions: Int = CorpusStatistics.defaultTopInstitutions
    ) throws -> CorpusStatistics {
        var accumulator = CorpusStatisticsAccumulator()
        try store.forEachWorkSummary { work in
            accumulator.add(
                year: work.publicationYear, type: work.type, source: work.source,
                isRetracted: work.isRetracted, authorships: work.authorships)
        }
        return accumulator.result(topInstitutions: topInstitutions)
    }
}
