import ArgumentParser
import TechTrackerPipeline

/// `--samples N` and `--seed S`: the seeded sample of matching titles that `query` and
/// `explain` print for a precision spot-check, defined once so that both draw the same way.
struct TitleSampleOptions: ParsableArguments {
    @Option(
        parsing: .unconditional, help: "How many matching titles to sample (\(OptionRange.text(OptionRange.samples))).")
    var samples = SeededSample.defaultSize

    @Option(parsing: .unconditional, help: "Seed of the title sample (\(OptionRange.seedText)).")
    var seed = SeededSample.defaultSeed

    func validate() throws {
        try OptionRange.check(samples, OptionRange.samples, option: "--samples")
    }
}
