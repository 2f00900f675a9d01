import Foundation
import Testing

/// Filters and lookups that match nothing, files that cannot be written or read, and huge
/// stored titles: each gives one clear message and the documented exit code, never a stack
/// trace, an empty table or a flood of output.
@Suite(.serialized)
struct CliMessageTests {
    /// Runs on the demo's classified, analysed store (no test here changes its figures).
    func run(_ arguments: [String]) async throws -> Techtracker.Outcome {
        try await Techtracker.run(arguments + ["--store", try await DemoFixture.store()])
    }

    @Test func unknownAndEmptyTypesAreRefusedNamingTheStoresTypes() async throws {
        let bogus = try await run(["analyze", "--types", "bogus", "--bootstrap", "0", "--quiet"])
        #expect(bogus.status == 2)
        #expect(
            bogus.error.hasPrefix(
                "Error: --types: the store holds no work of type 'bogus'; types in the store: article ("))
        let typo = try await run(["analyze", "--types", "articel,review", "--bootstrap", "0", "--quiet"])
        #expect(typo.status == 2)
        #expect(typo.error.contains("'articel' (did you mean article?)"))
        let empty = try await run(["analyze", "--types", "", "--quiet"])
        #expect(empty.status == 2)
        #expect(empty.error.hasPrefix("Error: --types needs at least one work type"))
    }

    /// No kept work in the years asked for: exit 1 with the reason, and the stored figures stay.
    @Test func anAnalysisWithNothingToAnalyseFailsAndKeepsTheFigures() async throws {
        let rows = "SELECT count(*) FROM country_share"
        let store = try await DemoFixture.store()
        let before = try StoreProbe.count(rows, in: store)
        #expect(before > 0)
        let outcome = try await run(["analyze", "--from", "2100", "--to", "2110", "--bootstrap", "0", "--quiet"])
        #expect(outcome.status == 1)
        #expect(
            outcome.error
                == "Error: no kept work (types article,review,proceedings-paper) was published in 2100-2110, so there is nothing to analyse; "
                + "the stored figures are left as they were\n")
        #expect(try StoreProbe.count(rows, in: store) == before)
    }

    @Test func reportSelectionsThatMatchNothingAreRefused() async throws {
        let technology = try await run(["report", "--technology", "quantum-computin"])
        #expect(technology.status == 2)
        #expect(
            technology.error
                == "Error: --technology: no figures for 'quantum-computin'; close matches: quantum-computing\n")
        #expect(technology.out.isEmpty)
        let country = try await run(["report", "--country", "XX"])
        #expect(country.status == 2)
        #expect(country.error.hasPrefix("Error: --country: no figures for 'XX' (an ISO alpha-2 code); "))
        let window = try await run(["report", "--window", "1990-1994"])
        #expect(window.status == 2)
        #expect(
            window.error.hasPrefix(
                "Error: --window 1990-1994 was not analysed; windows with figures: 2003-2007, 2004-2008"))
        let counting = try await run(["report", "--counting", "sideways"])
        #expect(counting.status == 2)
        #expect(
            counting.error.hasPrefix(
                "Error: The value 'sideways' is invalid for '--counting <counting>'. "
                    + "Please provide one of 'fractional' and 'whole'."))
        let fine = try await run(["report", "--technology", "quantum-computing", "--country", "us"])
        #expect(fine.status == 0, "\(fine.error)")
    }

    @Test func explainSuggestsCloseTechnologyIds() async throws {
        let outcome = try await run(["explain", "quantum"])
        #expect(outcome.status == 2)
        #expect(
            outcome.error
                == "Error: unknown technology 'quantum'; close matches: quantum-communication, quantum-computing, quantum-sensors\n"
        )
    }

    @Test func exportFailuresSayWhatAndWhere() async throws {
        let folder = try temporaryFolder()
        let file = folder + "/a-file"
        try write("x", to: file)
        let onFile = try await run(["export", "--out", file])
        #expect(onFile.status == 1)
        #expect(onFile.error == "Error: cannot create folder \(file): a file is in the way\n")
        let underFile = try await run(["export", "--out", file + "/out"])
        #expect(underFile.error == "Error: cannot create folder \(file)/out: a file is in the way (\(file))\n")
        // Memberships go through the same temporary-then-rename write as the other files.
        try FileManager.default.createDirectory(
            atPath: folder + "/out/memberships.csv/x", withIntermediateDirectories: true)
        let blocked = try await run(["export", "--out", folder + "/out"])
        #expect(blocked.status == 1)
        #expect(blocked.error == "Error: cannot write \(folder)/out/memberships.csv: a folder is in the way\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder + "/out").allSatisfy { !$0.hasSuffix(".tmp") })
        let written = try await run(["export", "--out", folder + "/fine"])
        #expect(written.status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder + "/fine").sorted().contains("memberships.csv"))
    }

    @Test func taxonomyFilesThatCannotBeUsedSayWhy() async throws {
        let folder = try temporaryFolder()
        let missing = try await run(["classify", "--quiet", "--taxonomy", folder + "/none.yaml"])
        #expect(missing.status == 2)
        #expect(missing.error == "Error: no such file: \(folder)/none.yaml\n")
        try write(
            "version: 2\ntechnologies:\n  - {id: a, name: A, category: C, query: TS=x}\n", to: folder + "/v2.yaml")
        let version = try await run(["classify", "--quiet", "--taxonomy", folder + "/v2.yaml"])
        #expect(version.status == 2)
        #expect(
            version.error
                == "Error: \(folder)/v2.yaml:1:10: taxonomy version 2 is not supported by this TechTracker (supports 1)\n"
        )
        try write("technologies:\n  - id: a\n    name: [A\n", to: folder + "/broken.yaml")
        let broken = try await run(["classify", "--quiet", "--taxonomy", folder + "/broken.yaml"])
        #expect(broken.status == 2)
        #expect(broken.error.hasPrefix("Error: \(folder)/broken.yaml:4:1: not valid YAML: "))
        #expect(!broken.error.contains("DecodingError"))
    }

    /// `classify` says what its token cache did: cut every text, then match the kept ids;
    /// `--no-token-cache` reads the texts and deletes the cache, which the next run builds again.
    @Test func classifySaysWhatTheTokenCacheDid() async throws {
        let folder = try temporaryFolder()
        try write([workLine(1), workLine(2), workLine(3)].joined(separator: "\n"), to: folder + "/works.jsonl")
        _ = try await Techtracker.output([
            "ingest", "--quiet", "--store", folder + "/s.sqlite", folder + "/works.jsonl",
        ])
        try write("technologies:\n  - {id: w, name: W, category: C, query: TS=work}\n", to: folder + "/w.yaml")
        let classify = ["classify", "--quiet", "--store", folder + "/s.sqlite", "--taxonomy", folder + "/w.yaml"]
        let runs = [classify, classify, classify + ["--no-token-cache"], classify]
        var footers: [String] = []
        for arguments in runs {
            let outcome = try await Techtracker.run(arguments)
            #expect(outcome.status == 0, "\(outcome.error)")
            footers.append(
                outcome.out.split(separator: "\n").first { $0.hasPrefix("Classified") }.map(String.init) ?? "")
        }
        #expect(footers[0].contains("0 from cached word ids, 3 read and cut"), "\(footers[0])")
        #expect(footers[1].contains("3 from cached word ids, 0 read and cut"), "\(footers[1])")
        #expect(footers[2].contains("token cache off and deleted"), "\(footers[2])")
        #expect(footers[3].contains("0 from cached word ids, 3 read and cut"), "\(footers[3])")
        #expect(footers.allSatisfy { $0.contains("Classified 3 works") })
    }

    /// A 1 MB stored title prints as one short line in `query` and `explain`.
    @Test func hugeTitlesArePrintedShortened() async throws {
        let folder = try temporaryFolder()
        let title = "Quantum qubit " + String(repeating: "noise ", count: 200_000)
        let line = workLine(1).replacingOccurrences(of: #""title":"Work 1""#, with: #""title":"\#(title)""#)
        try write([line, workLine(2)].joined(separator: "\n"), to: folder + "/works.jsonl")
        _ = try await Techtracker.output([
            "ingest", "--quiet", "--store", folder + "/s.sqlite", folder + "/works.jsonl",
        ])
        try write("technologies:\n  - {id: q, name: Q, category: C, query: TS=qubit}\n", to: folder + "/q.yaml")
        _ = try await Techtracker.output([
            "classify", "--quiet", "--store", folder + "/s.sqlite", "--taxonomy", folder + "/q.yaml",
        ])
        for arguments in [["query", "qubit"], ["explain", "q"]] {
            let outcome = try await Techtracker.run(arguments + ["--store", folder + "/s.sqlite"])
            #expect(outcome.status == 0, "\(outcome.error)")
            #expect(outcome.out.utf8.count < 10_000, "\(arguments) printed \(outcome.out.utf8.count) bytes")
            let sample = try #require(
                outcome.out.split(separator: "\n").first { $0.contains("[Quantum] [qubit]") || $0.contains("[qubit]") })
            #expect(sample.hasSuffix("…"))
            #expect(sample.count < 330)
        }
    }

    /// `bench peer` without Python, or without the benchmark store: one line saying what to do.
    @Test func benchPeerSaysWhatIsMissing() async throws {
        let folder = try temporaryFolder()
        let noPython = try await Techtracker.run(["bench", "peer", "--dir", folder, "--python", "no-such-python-3"])
        #expect(noPython.status == 1)
        #expect(
            noPython.error
                == "Error: no-such-python-3 not found: the DuckDB peer needs Python 3 with DuckDB (pip install duckdb)\n"
        )
        let noScript = try await Techtracker.run(["bench", "peer", "--dir", folder, "--script", folder + "/none.py"])
        #expect(noScript.status == 1)
        #expect(noScript.error.split(separator: "\n").count == 1)
        // With DuckDB, the store is what is missing; without it, DuckDB.
        #expect(
            noScript.error.contains("cannot import duckdb: pip install duckdb")
                || noScript.error
                    == "Error: no \(folder)/bench.sqlite: run `techtracker bench ingest` and `bench classify` "
                    + "with --dir \(folder) first\n"
        )
    }
}
