import Foundation
import Testing
@testable import TechTrackerPipeline
import TechTrackerStore
import TechTrackerTaxonomy

/// Runs the built `techtracker` binary, as a user would.
enum Techtracker {
    /// What one run printed and returned.
    struct Outcome {
        var status: Int32
        var out: String
        var error: String
    }

    /// The binary: `TECHTRACKER_BINARY` if set, else beside the test bundle (SwiftPM builds
    /// the executable with the tests, into the same folder).
    static let binary: String? = {
        if let path = ProcessInfo.processInfo.environment["TECHTRACKER_BINARY"] { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("techtracker").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// Runs `techtracker ARGUMENTS` to completion; output goes through files, so that a large
    /// output cannot block the child on a full pipe.
    static func run(_ arguments: [String]) throws -> Outcome {
        let binary = try #require(binary, "the techtracker binary is built with the tests (swift build --build-tests)")
        let folder = try temporaryFolder()
        let outPath = folder + "/out", errorPath = folder + "/err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       out: try String(contentsOfFile: outPath, encoding: .utf8),
                       error: try String(contentsOfFile: errorPath, encoding: .utf8))
    }
}

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
        (["query", "qubit", "--years", "2024-2020"], "--years expects FROM-TO, e.g. 2020-2024, with years in 1800…2200 (got '2024-2020')"),
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
        (["analyze", "--bootstrap", "99999999999999999999999"], "The value '99999999999999999999999' is invalid for '--bootstrap <bootstrap>'"),
    ]

    @Test(arguments: cases)
    func outOfRangeValuesAreRefusedWithTheRange(arguments: [String], message: String) throws {
        // A store path that does not exist: validation must fail before anything is opened.
        let outcome = try Techtracker.run(arguments + ["--store", "/nonexistent/never.sqlite"].filter { _ in
            !["generate", "demo", "bench"].contains(arguments[0])
        })
        #expect(outcome.status == 2, "\(arguments): \(outcome.error)")
        #expect(outcome.error.hasPrefix("Error: \(message)"), "\(arguments): \(outcome.error)")
        #expect(!outcome.error.contains("Backtrace"))
    }

    @Test func helpStatesTheRanges() throws {
        let help = [
            "analyze": ["0…100000", "1…50", "1800…2200", "0…18446744073709551615"],
            "classify": ["1…256"], "stats": ["1…250", "1…1000"], "query": ["0…1000", "1800…2200"],
            "explain": ["0…1000"], "generate": ["1…100000000", "1900…2200", "1…999"], "demo": ["1…100000000"],
        ]
        for (command, ranges) in help {
            // Help wraps long lines: compare with the line breaks and indentation folded away.
            let text = try Techtracker.run(["help", command]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for range in ranges { #expect(text.contains(range), "\(command) help lacks \(range)") }
        }
    }

    /// The traps behind the ranges are fixed where they were, for other callers.
    @Test func libraryCallsNeverTrapOnOddCounts() throws {
        #expect(SeededSample.pick(-1, from: [1, 2, 3], seed: 1).isEmpty)
        #expect(SeededSample.pick(0, from: [1, 2, 3], seed: 1).isEmpty)
        let folder = try temporaryFolder()
        try write((1...5).map { workLine($0) }.joined(separator: "\n"), to: folder + "/works.jsonl")
        let store = try WorkStore(path: folder + "/s.sqlite")
        _ = try ingest([folder + "/works.jsonl"], into: store)
        let taxonomy = try Taxonomy.parse(yaml: "technologies:\n  - {id: w, name: W, category: C, query: TS=work}\n", source: "w")
        for threads in [100_000, 0, -3] {
            var run = ClassifyRun(taxonomy: taxonomy)
            run.threads = threads
            #expect(try run.run(on: store).technologies.map(\.works) == [5])
        }
        let matcher = taxonomy.makeMatcher()
        #expect(ClassifyRun.match([], with: matcher, threads: 3).isEmpty)
    }
}
