import ArgumentParser
import TechTrackerPipeline
import TechTrackerPresent

/// `techtracker explain TECH`: how one technology's query behaves on the store.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a technology's query, works by year, most-matched terms, overlaps and a sample of titles.",
        discussion: "Reads the memberships saved by the last `classify`; the title sample is seeded (--seed) for a repeatable precision spot-check."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The technology id, e.g. quantum-computing.")
    var technology: String

    @Option(parsing: .unconditional, help: "How many titles to sample (\(OptionRange.text(OptionRange.samples))).")
    var samples = 10

    @Option(parsing: .unconditional, help: "Seed of the samples (\(OptionRange.seedText)).")
    var seed: UInt64 = 1

    func validate() throws {
        try OptionRange.check(samples, OptionRange.samples, option: "--samples")
    }

    func run() throws {
        let store = try storeOptions.openForReading()
        guard let last = try store.lastClassification() else {
            throw CommandFailure("the store has no classification yet: run `techtracker classify` first")
        }
        guard let explanation = try TechnologyExplanation.build(technologyID: technology, store: store, sampleSize: samples, seed: seed) else {
            let known = try store.storedTechnologies().map(\.id)
            throw UsageFailure("unknown technology '\(technology)'; \(CloseMatches.hint(for: technology, among: known, listed: 100))")
        }
        var notes: [String] = ["memberships from the taxonomy \(last.taxonomySource) (hash \(last.taxonomyHash)), classified \(last.finishedAt)"]
        if try store.classificationIsOutdated() { notes.append("works were ingested after that classification: run classify again") }
        let synthetic = (try store.workCountsBySource()[.synthetic] ?? 0) > 0
        Console.out(ExplanationReport.render(explanation, notes: notes, synthetic: synthetic))
    }
}

/// The explain command's output.
enum ExplanationReport {
    static func render(_ explanation: TechnologyExplanation, notes: [String], synthetic: Bool) -> String {
        var out: [String] = []
        if synthetic { out.append(Banner.synthetic) }
        let technology = explanation.technology
        out.append("\(technology.name) (\(technology.id)), \(technology.category)")
        if !technology.scope.isEmpty { out.append("Scope: \(technology.scope)") }
        out.append("Query: \(technology.query)")
        out += notes.map { "Note: \($0)" }
        out.append("Works: \(NumberFormatting.grouped(explanation.works))")
        var years = TextTable(headers: ["year", "works"])
        for (year, count) in explanation.worksByYear.sorted(by: { $0.key < $1.key }) {
            years.append([String(year), NumberFormatting.grouped(count)])
        }
        out.append("\nWorks by publication year\n" + years.render())
        var terms = TextTable(headers: ["query term", "works", "share"], alignments: [.left, .right, .right])
        for (term, count) in explanation.termCounts.prefix(15) {
            terms.append([term, NumberFormatting.grouped(count),
                          NumberFormatting.percent(Double(count) / Double(max(explanation.termSampleSize, 1)))])
        }
        out.append("\nTerms that matched most often (in \(NumberFormatting.grouped(explanation.termSampleSize)) works examined)\n" + terms.render())
        var overlaps = TextTable(headers: ["other technology", "shared works", "Jaccard"])
        for overlap in explanation.overlaps.prefix(10) {
            overlaps.append([overlap.technology, NumberFormatting.grouped(overlap.shared), String(format: "%.3f", overlap.jaccard)])
        }
        out.append("\nOverlap with other technologies\n" + (explanation.overlaps.isEmpty ? "  none" : overlaps.render()))
        out.append("\nSeeded sample of titles for a precision check (matched title words in [brackets])")
        for (text, match) in explanation.samples {
            out.append("  \(text.publicationYear.map(String.init) ?? "----")  \(MatchMarking.markTitle(text.title, explanation: match))")
        }
        if synthetic { out.append(Banner.synthetic) }
        return out.joined(separator: "\n")
    }
}
