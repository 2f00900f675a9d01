import ArgumentParser
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore

/// `techtracker explain TECH`: how one technology's query behaves on the store.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a technology's query, works by year, most-matched terms, overlaps and a sample of titles.",
        discussion:
            "Reads the memberships saved by the last `classify`; "
            + "the title sample is seeded (--seed) for a repeatable precision spot-check."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The technology id, e.g. quantum-computing.")
    var technology: String

    @OptionGroup var sampleOptions: TitleSampleOptions

    func run() throws {
        let store = try storeOptions.openForReading()
        guard let last = try store.lastClassification() else {
            throw CommandFailure("the store has no classification yet: run `techtracker classify` first")
        }
        guard
            let explanation = try TechnologyExplanation.build(
                technologyID: technology, store: store,
                sampleSize: sampleOptions.samples, seed: sampleOptions.seed)
        else {
            let known = try store.storedTechnologies().map(\.id)
            throw UsageFailure(
                "unknown technology '\(technology)'; \(CloseMatches.hint(for: technology, among: known, listed: 100))")
        }
        var notes: [String] = [
            "memberships from the taxonomy \(last.taxonomySource) (hash \(last.taxonomyHash)), "
                + "classified \(last.finishedAt)"
        ]
        if try store.classificationIsOutdated() {
            notes.append("works were ingested after that classification: run classify again")
        }
        let synthetic = try store.storedSources().contains(.synthetic)
        Console.out(ExplanationReport.render(Self.figures(explanation), notes: notes, synthetic: synthetic))
    }

    /// The explanation as the plain values the report renders.
    static func figures(_ explanation: TechnologyExplanation) -> ExplanationReport.Figures {
        let technology = explanation.technology
        var figures = ExplanationReport.Figures(
            id: technology.id, name: technology.name, category: technology.category,
            scope: technology.scope, query: technology.query)
        figures.works = explanation.works
        figures.worksByYear = explanation.worksByYear
        figures.termCounts = explanation.termCounts
        figures.termSampleSize = explanation.termSampleSize
        figures.overlaps = explanation.overlaps.map { ($0.technology, $0.shared, $0.jaccard) }
        figures.samples = explanation.samples.map {
            SampledTitle(title: $0.text.title, publicationYear: $0.text.publicationYear, explanation: $0.explanation)
        }
        return figures
    }
}
