import Foundation
import Testing

/// The typed options: the help lists their words and defaults, the parser refuses any other
/// word (exit code 2, naming the valid ones); and the documented exit codes of misuse.
@Suite
struct UsageTests {
    /// Help text with the line breaks and indentation folded away (help wraps long lines).
    func help(_ command: String) async throws -> String {
        try await Techtracker.output(["help", command]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func helpListsTheValuesAndTheDefaults() async throws {
        let analyze = try await help("analyze")
        for text in [
            "(values: fractional, whole, both; default: both)", "(values: year, window; default: year)",
            "(default: 5)", "(default: 1000)", "(default: 42)", "(default: article,review,proceedings-paper;",
        ] {
            #expect(analyze.contains(text), "analyze help lacks \(text)")
        }
        let expected = [
            "report": "(values: fractional, whole; default: fractional)", "export": "(values: csv, json; default: csv)",
            "stats": "(default: 25)", "demo": "(default: DIR/techtracker.sqlite)", "generate": "(default: 2003)",
        ]
        for (command, text) in expected {
            let help = try await help(command)
            #expect(help.contains(text), "\(command) help lacks \(text)")
        }
        let root = try await Techtracker.output(["--help"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(root.contains("takes --store PATH (default techtracker.sqlite)"))
    }

    static let wrongWords: [(arguments: [String], message: String)] = [
        (
            ["analyze", "--counting", "sideways"],
            "The value 'sideways' is invalid for '--counting <counting>'. Please provide one of 'fractional', 'whole' or 'both'."
        ),
        (
            ["report", "--counting", "both"],
            "The value 'both' is invalid for '--counting <counting>'. Please provide one of 'fractional' and 'whole'."
        ),
        (
            ["analyze", "--threshold-scope", "decade"],
            "The value 'decade' is invalid for '--threshold-scope <threshold-scope>'. Please provide one of 'year' and 'window'."
        ),
        (
            ["export", "--format", "xml", "--out", "/nonexistent/out"],
            "The value 'xml' is invalid for '--format <format>'. Please provide one of 'csv' and 'json'."
        ),
    ]

    @Test(arguments: wrongWords)
    func aWordOutsideTheListIsRefusedNamingTheList(arguments: [String], message: String) async throws {
        // A store that does not exist: the parser must refuse before anything is opened.
        let outcome = try await Techtracker.run(arguments + ["--store", "/nonexistent/never.sqlite"])
        #expect(outcome.status == 2)
        #expect(outcome.error.hasPrefix("Error: \(message)\n"), "\(outcome.error)")
        #expect(outcome.out.isEmpty)
    }

    /// 2 for bad usage and a `--strict` rejection, 1 for a failure, 2 for a malformed query
    /// (with the column).
    @Test func exitCodes() async throws {
        let folder = try temporaryFolder()
        let usage = try await Techtracker.run(["ingest", "--store", folder + "/x.sqlite", "--no-such-option"])
        #expect(usage.status == 2)
        try write(#"{"id":"https://openalex.org/W1"}"# + "\n{broken\n", to: folder + "/bad.jsonl")
        let strict = try await Techtracker.run([
            "ingest", "--quiet", "--strict", "--store", folder + "/strict.sqlite", folder + "/bad.jsonl",
        ])
        #expect(strict.status == 2)
        let failure = try await Techtracker.run([
            "ingest", "--quiet", "--store", folder + "/x.sqlite", folder + "/missing.jsonl",
        ])
        #expect(failure.status == 1)
        let query = try await Techtracker.run(["query", "--store", folder + "/x.sqlite", "TS=(qubit AND"])
        #expect(query.status == 2)
        #expect(query.error.contains("column"))
    }

    /// A command that only reads says there is no store, exits with 1 and creates none.
    @Test func aMissingStoreIsNotCreated() async throws {
        let path = try temporaryFolder() + "/no-such-store.sqlite"
        let outcome = try await Techtracker.run(["report", "--store", path])
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("no store at"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
