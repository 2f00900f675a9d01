import Foundation
import Testing

/// Every numeric option has a documented range: a value outside it (negative, absurd) is
/// refused with exit code 2 and the range, never a trap or an endless run; a negative number
/// after a space is read as the value, so the message is the range, not "Missing value".
@Suite(.serialized)
struct CliNumberTests {
    static let cases: [(arguments: [String], message: String)] = [
        (["stats", "--countries=-1"], "--countries must be in 1…250 (got -1)"),
        (["stats", "--countries", "-1"], "--countries must be in 1…250 (got -1)"),
        (["stats", "--institutions", "-1"], "--institutions must be in 1…1000 (got -1)"),
        (["query", "qubit", "--samples=-1"], "--samples must be in 0…1000 (got -1)"),
        (["query", "qubit", "--samples", "1001"], "--samples must be in 0…1000 (got 1001)"),
        (["query", "qubit", "--years", "1700-2020"], "--years must be in 1800…2200 (got 1700)"),
        (
            ["query", "qubit", "--years", "2024-2020"],
            "--years expects FROM-TO, e.g. 2020-2024, with years in 1800…2200 (got '2024-2020')"
        ),
        (["explain", "quantum-computing", "--samples", "-1"], "--samples must be in 0…1000 (got -1)"),
        (["classify", "--threads", "100000"], "--threads must be in 1…256 (got 100000)"),
        (["classify", "--threads", "0"], "--threads must be in 1…256 (got 0)"),
        (["analyze", "--bootstrap", "-1"], "--bootstrap must be in 0…100000 (got -1)"),
        (["analyze", "--bootstrap", "1000000000"], "--bootstrap must be in 0…100000 (got 1000000000)"),
        (["analyze", "--window-length", "0"], "--window-length must be in 1…50 (got 0)"),
        (["analyze", "--window-length", "51"], "--window-length must be in 1…50 (got 51)"),
        (["analyze", "--from", "-5"], "--from must be in 1800…2200 (got -5)"),
        (["analyze", "--to", "99999"], "--to must be in 1800…2200 (got 99999)"),
        (["analyze", "--types", ","], "--types needs at least one work type, e.g. --types article,review"),
        (["report", "--window", "19-1994"], "--window must be in 1800…2200 (got 19)"),
        (["generate", "--works", "0", "out"], "--works must be in 1…100000000 (got 0)"),
        (["generate", "--works", "100000001", "out"], "--works must be in 1…100000000 (got 100000001)"),
        (["generate", "--works", "5", "--from", "1850", "out"], "--from must be in 1900…2200 (got 1850)"),
        (["generate", "--works", "5", "--parts", "-2", "out"], "--parts must be in 1…999 (got -2)"),
        (["demo", "--works", "-1"], "--works must be in 1…100000000 (got -1)"),
        (["bench", "ingest", "--scan-sample-mb", "-1"], "--scan-sample-mb must be in 1…65536 (got -1)"),
        (["analyze", "--seed", "-1"], "The value '-1' is invalid for '--seed <seed>'"),
        (
            ["analyze", "--bootstrap", "99999999999999999999999"],
            "The value '99999999999999999999999' is invalid for '--bootstrap <bootstrap>'"
        ),
    ]

    @Test(arguments: cases)
    func outOfRangeValuesAreRefusedWithTheRange(arguments: [String], message: String) async throws {
        // A store path that does not exist: validation must fail before anything is opened.
        let outcome = try await Techtracker.run(
            arguments
                + ["--store", "/nonexistent/never.sqlite"].filter { _ in
                    !["generate", "demo", "bench"].contains(arguments[0])
                })
        #expect(outcome.status == 2, "\(arguments): \(outcome.error)")
        #expect(outcome.error.hasPrefix("Error: \(message)"), "\(arguments): \(outcome.error)")
        #expect(!outcome.error.contains("Backtrace"))
    }

    @Test func helpStatesTheRanges() async throws {
        let help = [
            "analyze": ["0…100000", "1…50", "1800…2200", "0…18446744073709551615"],
            "classify": ["1…256"], "stats": ["1…250", "1…1000"], "query": ["0…1000", "1800…2200"],
            "explain": ["0…1000"], "generate": ["1…100000000", "1900…2200", "1…999"], "demo": ["1…100000000"],
        ]
        for (command, ranges) in help {
            // Help wraps long lines: compare with the line breaks and indentation folded away.
            let text = try await Techtracker.run(["help", command]).out.split(whereSeparator: \.isWhitespace).joined(
                separator: " ")
            for range in ranges { #expect(text.contains(range), "\(command) help lacks \(range)") }
        }
    }
}
