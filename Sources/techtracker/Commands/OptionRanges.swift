import ArgumentParser

/// The documented valid range of every numeric option. Each command checks its options
/// against these in `validate()`, so that a mistyped number (negative, absurdly large) is
/// refused with exit code 2 and the range, before anything runs: without the check, negative
/// counts trap in `prefix`, huge thread counts trap in range arithmetic and huge bootstrap
/// counts run for days. The help texts and the README state the same ranges.
///
/// Numeric options are declared with `parsing: .unconditional`: with the default strategy
/// ArgumentParser takes `-1` in `--bootstrap -1` for an option and reports a "Missing value",
/// hiding the range message that says what is wrong.
enum OptionRange {
    /// `analyze --bootstrap`: 0 (no intervals) to 100,000 draws (about 100× the default).
    static let bootstrap = 0...100_000
    /// `classify --threads`: more threads than this cannot help on any machine TechTracker
    /// targets, and each one holds a matcher scratch.
    static let threads = 1...256
    /// `query` / `explain --samples`: titles printed.
    static let samples = 0...1000
    /// `stats --countries`: there are 249 ISO codes plus XK.
    static let countries = 1...250
    /// `stats --institutions`: rows of the institution table.
    static let institutions = 1...1000
    /// `analyze --window-length`, in years.
    static let windowLength = 1...50
    /// `analyze --patent-min-confidence`: Reliance on Science's confidence scores.
    static let patentConfidence = 1...10
    /// Publication years (`analyze --from/--to`, `query --years`, `report --window`).
    static let years = 1800...2200
    /// `generate --from/--to`: the generator's own limit (it calibrates on years from 1900).
    static let generatedYears = 1900...2200
    /// `generate` / `demo` / `bench ingest --works`: below the generator's id space.
    static let works = 1...100_000_000
    /// `bench patents --rows`: rows of the generated citation file (about 45 bytes each).
    static let patentRows = 1...1_000_000_000
    /// `bench exports --records`: the export is held in memory (about 3 KB a record).
    static let exportRecords = 1...1_000_000
    /// `generate --parts`: the generator's own limit (three-digit part names).
    static let parts = 1...999
    /// `ingest --readers`: reader threads (each holds one line buffer of up to --max-line-mb).
    static let readers = 1...64
    /// `ingest --max-line-mb`: the longest line or pretty-printed document read, in MiB.
    static let maxLineMB = 1...65_536
    /// `bench ingest --scan-sample-mb`: up to 64 GB held in memory.
    static let scanSampleMB = 1...65_536

    /// `serve --port`: a TCP port.
    static let port = 1...65_535
    /// `harvest --max-retries`: retries of one request after its first attempt.
    static let maxRetries = 0...100
    /// `harvest --per-page`: works per page (OpenAlex's largest page is 200).
    static let perPage = 1...200
    /// `harvest --requests-per-second`: OpenAlex allows at most 100 per second with a key.
    static let requestsPerSecond = 0.01...100.0
    /// `harvest --timeout`, in seconds.
    static let timeout = 0.1...3600.0

    /// "0…100000", as help texts, messages and the README write a range.
    static func text(_ range: ClosedRange<Int>) -> String {
        "\(range.lowerBound)…\(range.upperBound)"
    }

    /// The `--seed` range in words: any unsigned 64-bit number.
    static let seedText = "0…\(UInt64.max)"

    /// Refuses `value` outside `range` with the option's name and the range (exit code 2).
    static func check(_ value: Int?, _ range: ClosedRange<Int>, option: String) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(option) must be in \(text(range)) (got \(value))")
    }

    /// "0.01…100", as help texts and messages write a range of decimals.
    static func text(_ range: ClosedRange<Double>) -> String {
        "\(NumberText.plain(range.lowerBound))…\(NumberText.plain(range.upperBound))"
    }

    /// Refuses `value` outside `range` (or not finite) with the option's name and the range.
    static func check(_ value: Double?, _ range: ClosedRange<Double>, option: String) throws {
        guard let value, !(value.isFinite && range.contains(value)) else { return }
        throw ValidationError("\(option) must be in \(text(range)) (got \(NumberText.plain(value)))")
    }

    /// Refuses a `FROM-TO` text whose years are malformed, reversed or outside `years`.
    static func checkYears(_ text: String?, option: String, example: String = "2020-2024") throws {
        guard let text else { return }
        guard let window = parseYears(text) else {
            throw ValidationError(
                "\(option) expects FROM-TO, e.g. \(example), with years in \(Self.text(years)) (got '\(text)')")
        }
        try check(window.lowerBound, years, option: option)
        try check(window.upperBound, years, option: option)
    }

    /// `2020-2024` or `2020` as a range of years, or `nil` when it is not one.
    static func parseYears(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts[parts.count - 1]),
            first <= last
        else { return nil }
        return first...last
    }
}

/// Decimals as the user would write them: `10`, not `10.0`; `0.5` as it is.
enum NumberText {
    static func plain(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
