import Foundation
import HarvestTestServer
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `techtracker harvest` as a process against a local stand-in for OpenAlex: a harvest killed
/// mid-run and run again ends with every page once, `ingest` reads the folder, and misuse is
/// refused with exit code 2.
@Suite(.serialized) struct HarvestCommandTests {
    static let taxonomy = """
        version: 1
        technologies:
          - id: snowball
            name: Snowball sampling
            category: Test
            query: 'TS=(snowball NOT bee)'
          - id: quantum
            name: Quantum computing
            category: Test
            query: 'TS="quantum comput*"'
        """

    /// `snowball` finds works 1…130 (the even ones are about bees); `quantum` finds works
    /// 1001…1050 (the odd ones say "quantum computing") and, again, works 1…10.
    static let catalog: FakeOpenAlex.Catalog = { search in
        if search.contains("snowball") {
            return (1...130).map {
                Array(workLine($0, title: $0 % 2 == 0 ? "Bee snowball \($0)" : "Snowball sampling \($0)").utf8)
            }
        }
        let quantum = (1001...1050).map {
            Array(workLine($0, title: $0 % 2 == 1 ? "Quantum computing \($0)" : "Computing quantum \($0)").utf8)
        }
        return quantum
            + (1...10).map {
                Array(workLine($0, title: $0 % 2 == 0 ? "Bee snowball \($0)" : "Snowball sampling \($0)").utf8)
            }
    }

    /// The fake server's cursor of the page that starts at `offset`.
    static func cursor(offset: Int) -> String { Data("offset:\(offset)".utf8).base64EncodedString() }

    static func arguments(_ base: String, _ folder: String, _ out: String) -> [String] {
        [
            "harvest", "--all", "--taxonomy", folder + "/taxonomy.yaml", "--base-url", base, "--per-page", "40",
            "--from", "2000", "--to", "2024", "--api-key", "SECRET-KEY", "--timeout", "10", out,
        ]
    }

    @Test func aKilledHarvestRunAgainEndsWithEveryPageOnceAndIngestReadsIt() async throws {
        let folder = try temporaryFolder()
        try write(Self.taxonomy, to: folder + "/taxonomy.yaml")
        let out = folder + "/out"
        let server = FakeOpenAlex(catalog: Self.catalog) { seen in
            // The first page is refused once; the third never comes.
            guard seen.search.contains("snowball") else { return nil }
            if seen.cursor == "*" && seen.repeats == 0 { return .status(503, retryAfter: "1") }
            return seen.cursor == Self.cursor(offset: 80) ? .hold : nil
        }
        let store = folder + "/store.sqlite"
        let firstRun = Mutex(0)
        // One server for both runs: a harvest continues only against the server it started with.
        let (second, ingest) = try await server.serve { base in
            let running = try Techtracker.start(Self.arguments(base, folder, out))
            let checkpoint = out + "/harvest-checkpoint.json"
            let deadline = Date().addingTimeInterval(120)
            var pages = 0
            while pages < 2 && running.process.isRunning && Date() < deadline {
                try await Task.sleep(for: .milliseconds(50))
                let text = (try? String(contentsOfFile: checkpoint, encoding: .utf8)) ?? ""
                pages = text.components(separatedBy: "\"pages\" : ").dropFirst().compactMap {
                    Int($0.prefix { $0.isNumber })
                }.reduce(0, +)
            }
            running.killHard()
            #expect(pages == 2)
            firstRun.withLock { $0 = server.seen.count }
            server.setFaults { _ in nil }
            let second = try await Techtracker.run(Self.arguments(base, folder, out))
            let ingest = try await Techtracker.run(["ingest", "--quiet", "--store", store, out])
            return (second, ingest)
        }
        #expect(second.status == 0, "\(second.error)")
        #expect(!second.out.contains("SECRET") && !second.error.contains("SECRET"))
        let rows = second.out.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("snowball 1 4 130 65 50.0%"), "\(second.out)")
        #expect(rows.contains("quantum 1 2 60 25 41.7%"), "\(second.out)")
        #expect(second.out.contains("In all: 180 distinct works in 6 pages"))
        #expect(second.out.contains("Next: techtracker ingest \(out)"))
        #expect(second.error.contains("continuing: 0 requests and 2 pages already done"), "\(second.error)")
        // Works found by both technologies are stored once: ingest's upsert by id.
        #expect(ingest.status == 0, "\(ingest.error)")
        #expect(
            ingest.out.contains("read 190, new 180, updated 0, unchanged 10, conflicting 0, rejected 0"),
            "\(ingest.out)")
        #expect(ingest.error.contains("skipped \(out)/harvest-checkpoint.json: the checkpoint of techtracker harvest"))
        // The second run fetched no page the first one had recorded, and each of its pages once.
        // (A page may be asked for twice when an answer is slower than the timeout.)
        let secondRun = server.seen.dropFirst(firstRun.withLock { $0 })
        let snowball = Set(secondRun.filter { $0.search.contains("snowball") }.map(\.cursor))
        #expect(snowball == Set([80, 120, 130].map { Self.cursor(offset: $0) }))
        #expect(secondRun.filter { !$0.search.contains("snowball") }.map(\.cursor).count >= 3)
        #expect(secondRun.first?.cursor == Self.cursor(offset: 80))
    }

    @Test func ctrlCStopsBetweenTwoStepsAndSaysHowToContinue() async throws {
        let folder = try temporaryFolder()
        try write(Self.taxonomy, to: folder + "/taxonomy.yaml")
        let out = folder + "/out"
        // The second page never comes: the harvest waits for it when Ctrl-C arrives.
        let server = FakeOpenAlex(catalog: Self.catalog) { seen in seen.cursor == "*" ? nil : .hold }
        let outcome = try await server.serve { base in
            let running = try Techtracker.start(Self.arguments(base, folder, out))
            let deadline = Date().addingTimeInterval(120)
            while !server.seen.contains(where: { $0.cursor != "*" }) && running.process.isRunning
                && Date() < deadline
            {
                try await Task.sleep(for: .milliseconds(50))
            }
            kill(running.process.processIdentifier, SIGINT)
            return try await running.wait(timeout: 60)
        }
        #expect(outcome.status == 1, "\(outcome.error)")
        #expect(outcome.error.contains("interrupted: finishing the current step"))
        #expect(
            outcome.error.contains(
                "Error: harvest interrupted: 0 of 2 requests and 1 pages done in \(out); run the same command again to continue"
            ), "\(outcome.error)")
    }

    @Test func misuseIsRefusedWithExitCodeTwo() async throws {
        let folder = try temporaryFolder()
        try write(Self.taxonomy, to: folder + "/taxonomy.yaml")
        let taxonomy = ["--taxonomy", folder + "/taxonomy.yaml"]
        let cases: [([String], String)] = [
            (["harvest", folder + "/a"] + taxonomy, "name the technologies to harvest with --technology ID"),
            (["harvest", "--all", "--technology", "quantum", folder + "/a"], "--all harvests every technology"),
            (
                ["harvest", "--technology", "quantun", folder + "/a"] + taxonomy,
                "unknown technology 'quantun'; close matches: quantum"
            ),
            (
                ["harvest", "--all", "--types", "articel", folder + "/a"],
                "--types: 'articel' is not an OpenAlex work type; close matches: article"
            ),
            (
                ["harvest", "--all", "--requests-per-second", "0", folder + "/a"],
                "--requests-per-second must be in 0.01…100 (got 0)"
            ),
            (["harvest", "--all", "--max-retries", "-1", folder + "/a"], "--max-retries must be in 0…100 (got -1)"),
            (
                ["harvest", "--all", "--base-url", "ftp://x", folder + "/a"],
                "--base-url must be an http or https address"
            ),
        ]
        for (arguments, message) in cases {
            let outcome = try await Techtracker.run(arguments)
            #expect(outcome.status == 2, "\(arguments): \(outcome.error)")
            #expect(outcome.error.contains(message), "\(arguments): \(outcome.error)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/a"))
        }
    }

    @Test func aFolderHoldingAnotherHarvestIsRefusedAndDryRunShowsTheRequests() async throws {
        let folder = try temporaryFolder()
        try write(Self.taxonomy, to: folder + "/taxonomy.yaml")
        let out = folder + "/out"
        let server = FakeOpenAlex(catalog: Self.catalog)
        let (first, other) = try await server.serve { base in
            let first = try await Techtracker.run(Self.arguments(base, folder, out) + ["--quiet"])
            var changed = Self.arguments(base, folder, out)
            changed[changed.firstIndex(of: "2000")!] = "2010"
            return (first, try await Techtracker.run(changed))
        }
        #expect(first.status == 0, "\(first.error)")
        #expect(first.error.isEmpty)
        #expect(other.status == 2)
        #expect(other.error.contains("holds a harvest made with other settings (years 2000-2024, not 2010-2024)"))
        let dryRun = try await Techtracker.run(
            [
                "harvest", "--technology", "quantum", "--taxonomy", folder + "/taxonomy.yaml", "--api-key",
                "SECRET-KEY",
                "--dry-run", folder + "/never",
            ])
        #expect(dryRun.status == 0)
        #expect(dryRun.out.contains("search: quantum AND comput*"))
        #expect(
            dryRun.out.contains(
                "https://api.openalex.org/works?filter=title_and_abstract.search.no_stem:quantum%20AND%20comput*,type:article%7Creview&per-page=200&cursor=*&api_key=***"
            ), "\(dryRun.out)")
        #expect(!dryRun.out.contains("SECRET"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/never"))
    }
}
