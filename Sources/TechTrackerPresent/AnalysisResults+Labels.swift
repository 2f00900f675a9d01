public import TechTrackerCore

// What every output says the same way about a set of results: whether it is synthetic, and
// which windows are complete for patent citations.

extension PatentDataSummary {
    /// The last window end that is not "incomplete (patent lag)" under the cut-off
    /// (`isIncomplete`), nil without a cut-off.
    public var lastCompleteWindowEnd: Int? {
        cutoffYear.map { $0 - Self.lagYears - 1 }
    }
}

extension AnalysisResults {
    /// Whether a display of these results must carry the SYNTHETIC DATA label: the works are
    /// synthetic, or the patent citations are.
    public var needsSyntheticLabel: Bool {
        synthetic || patentData?.isSynthetic == true
    }
}
