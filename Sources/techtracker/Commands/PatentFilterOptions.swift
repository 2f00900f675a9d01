import ArgumentParser
import TechTrackerCore

/// The options of `analyze` that say which patent citations count (METHOD §10); they matter
/// only when the store holds patent citations (`ingest-patents`).
struct PatentFilterOptions: ParsableArguments {
    @Option(
        name: .customLong("patent-min-confidence"), parsing: .unconditional,
        help: """
            Lowest confidence of a patent-to-paper match that counts \
            (\(OptionRange.text(OptionRange.patentConfidence)); citations without a confidence count).
            """
    )
    var minimumConfidence = PatentCitationFilter.defaultMinimumConfidence

    @Flag(
        name: .customLong("patent-applicant-only"),
        help: "Count only references the patent's applicant supplied (reftype app), not the examiner's.")
    var applicantOnly = false

    @Flag(
        name: .customLong("patent-exclude-self"),
        help: "Leave out citations where an inventor of the patent is an author of the paper.")
    var excludeSelf = false

    @Flag(
        name: .customLong("patent-front-page-only"),
        help: "Count only references on the patent's front page (citations without a place count).")
    var frontPageOnly = false

    func validate() throws {
        try OptionRange.check(minimumConfidence, OptionRange.patentConfidence, option: "--patent-min-confidence")
    }

    /// The filter the options give.
    var filter: PatentCitationFilter {
        PatentCitationFilter(
            minimumConfidence: minimumConfidence, applicantOnly: applicantOnly, excludeSelfCitations: excludeSelf,
            frontPageOnly: frontPageOnly)
    }
}
