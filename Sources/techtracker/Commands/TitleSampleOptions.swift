import ArgumentParser

/// `--samples N` and `--seed S`: the seeded sample of matching titles that `query` and
/// `explain` print for a precision spot-check, defined once so that both draw the same way.
struct TitleSampleOptions: ParsableArguments {
    @Option(
        parsing: .unconditional, help: "How many matching titles to sample (\(OptionRange.text(OptionRange.samples))).")
    var samples = 10

    @Option(parsing: .unconditional, help: "Seed of the title sample (\(OptionRange.seedText)).")
    var seed: UInt64 = 1

    func validate() throws {
        try OptionRange.check(samples, OptionRange.samples, option: "--samples")
    }
}
