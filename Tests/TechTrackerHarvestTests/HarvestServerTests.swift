import Foundation
import HarvestTestServer
import Synchronization
import TechTrackerCore
import TechTrackerIngest
import Testing

@testable import TechTrackerClassify
@testable import TechTrackerHarvest

/// Whole harvests against a real HTTP server on localhost serving the recorded pages, with
/// faults injected; short timeouts and retry waits, no timed assertions, no internet.
@Suite(.serialized) struct HarvestServerTests {
    /// Two technologies: `biodiversity` finds the 200 works of the biodiversity page, `snowball`
    /// the 7 of the snowball pages; each is paged 40 at a time.
    static let catalog: FakeOpenAlex.Catalog = { search in
        let works = HarvestFixtures.works
        return search.contains("biodivers") ? Array(works.prefix(200)) : Array(works.dropFirst(200))
    }

    static let technologies: [(id: String, query: Query)] = [
        (id: "biodiversity", query: try! QueryParser.parse("TS=(biodivers* OR \"species richness\")")),
        (id: "snowball", query: try! QueryParser.parse("TS=(snowball NOT bee)")),
    ]

    static func run(
        _ baseURL: String, folder: String, timeout: Double = 5, maximumRetries: Int = 8, apiKey: String? = nil,
        events: @escaping @Sendable (HarvestEvent) -> Void = { _ in }
    ) async throws -> HarvestOutcome {
        let plan = try HarvestPlan(
            technologies: technologies, filters: HarvestFilters(fromYear: 2000, types: ["article"], perPage: 40),
            baseURL: baseURL)
        let run = HarvestRun(
            plan: plan, folder: folder,
            connection: HarvestConnection(
                mailto: "test@example.org", apiKey: apiKey, requestsPerSecond: 100, timeout: timeout,
                retry: RetryPolicy(maximumRetries: maximumRetries, baseDelay: 0.01, maximumDelay: 0.05)))
        return try await run.run(events: events)
    }

    /// The works of `folder` are exactly the fixture's, each request's pages once.
    static func expectComplete(_ folder: String) throws {
        let lines = try HarvestFixtures.harvestedLines(folder)
        let expected = HarvestFixtures.works.map(HarvestFixtures.id)
        #expect(lines.count == expected.count)
        #expect(lines.map { HarvestFixtures.id($0.line) }.sorted() == expected.sorted())
        // Verbatim: every line is one of the API's work objects, byte for byte.
        let originals = Set(HarvestFixtures.works)
        #expect(lines.allSatisfy { originals.contains($0.line) })
        #expect(Set(lines.map(\.file)).count == 5 + 1)  // 200 works in 5 pages of 40, 7 in 1
    }

    @Test func faultsAreRetriedUntilEveryPageIsThere() async throws {
        _ = HarvestFixtures.works  // read before the clock of any request runs
        // Each page of the first technology fails once, differently.
        let server = FakeOpenAlex(catalog: Self.catalog) { seen in
            guard seen.repeats == 0, seen.search.contains("biodivers") else { return nil }
            switch seen.cursor {
            case FakeOpenAlexCursor.offset(40): return .status(429, retryAfter: "1")
            case FakeOpenAlexCursor.offset(80): return .status(500, retryAfter: nil)
            case FakeOpenAlexCursor.offset(120): return .slow(seconds: 15)
            case FakeOpenAlexCursor.offset(160): return .dropMidBody
            case FakeOpenAlexCursor.offset(200): return .status(403, retryAfter: nil)
            default: return nil
            }
        }
        let folder = HarvestFixtures.temporaryPath()
        let retries = Mutex<[String]>([])
        let outcome = try await server.serve { base in
            try await Self.run(base, folder: folder) { event in
                if case .retrying(_, _, _, let notice) = event { retries.withLock { $0.append(notice.reason) } }
            }
        }
        #expect(outcome.isComplete)
        try Self.expectComplete(folder)
        // Each fault cost a retry. (On a machine loaded enough for an ordinary answer to take
        // longer than the timeout, that attempt is retried as a timeout instead: the reasons
        // then vary, never the outcome.)
        let reasons = retries.withLock { $0 }
        let known = [
            "HTTP 429", "HTTP 500", "HTTP 403", "timed out after 5 s", "the transfer failed (network error -1)",
        ]
        #expect(reasons.count >= 5, "\(reasons)")
        #expect(
            reasons.allSatisfy {
                known.contains($0) || $0.hasPrefix("page cut short") || $0.hasPrefix("incomplete page")
            }, "\(reasons)")
        // The variety of reasons shows only when the slow page was the one timeout: on a loaded
        // machine, other attempts time out before they meet their fault.
        if reasons.filter({ $0 == "timed out after 5 s" }).count == 1 {
            #expect(Set(reasons).count >= 4, "\(reasons)")
        }
        #expect(outcome.retries == reasons.count)
        #expect(outcome.requestsSent == server.seen.count)
        // Every request carried the contact address, the filters and the page size.
        #expect(
            server.seen.allSatisfy { $0.query.contains("mailto=test@example.org") && $0.query.contains("per-page=40") })
        #expect(server.seen.allSatisfy { $0.search.contains("publication_year:>1999,type:article") })
        // The summary classifies what came with the exact queries.
        let summary = try HarvestSummary.read(
            folder: folder, checkpoint: outcome.checkpoint, technologies: Self.technologies)
        #expect(summary.works == 207)
        #expect(summary.rows.map(\.retrieved) == [200, 7])
        #expect(summary.rows[0].matched > 0 && summary.rows[0].matched <= 200)
    }

    @Test func aRequestThatKeepsFailingStopsWithTheURLAndTheLastStatus() async throws {
        let server = FakeOpenAlex(catalog: Self.catalog) { _ in .status(502, retryAfter: nil) }
        let folder = HarvestFixtures.temporaryPath()
        let error = await #expect(throws: HarvestError.self) {
            try await server.serve { base in
                try await Self.run(base, folder: folder, maximumRetries: 2, apiKey: "SECRET-KEY")
            }
        }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("GET http://localhost:"))
        #expect(message.contains("/works?filter=title_and_abstract.search.no_stem:"))
        #expect(message.hasSuffix("failed after 3 attempts; last: HTTP 502"))
        #expect(message.contains("api_key=***"))
        #expect(!message.contains("SECRET"))
        #expect(error?.kind == .failure)
        #expect(server.seen.count == 3)
    }

    @Test func aServerAskingForALongWaitStopsTheRun() async throws {
        let server = FakeOpenAlex(catalog: Self.catalog) { _ in .status(429, retryAfter: "86400") }
        let folder = HarvestFixtures.temporaryPath()
        let error = await #expect(throws: HarvestError.self) {
            try await server.serve { base in try await Self.run(base, folder: folder) }
        }
        #expect(error?.description.contains("the server asks to wait 86400 s") == true)
        #expect(server.seen.count < 9)  // no retry after the answer that asked for a day
    }

    @Test func anInterruptedHarvestResumesWithoutDuplicatingOrMissingPages() async throws {
        let folder = HarvestFixtures.temporaryPath()
        let server = FakeOpenAlex(catalog: Self.catalog)
        // One server for every run: a harvest continues only against the server it started with.
        try await server.serve { base in
            // Cancel after three pages: the run stops between two steps.
            let holder = TaskHolder()
            let pages = Mutex(0)
            let task = Task<HarvestOutcome, any Error> {
                try await Self.run(base, folder: folder) { event in
                    guard case .page = event else { return }
                    if pages.withLock({
                        $0 += 1; return $0
                    }) == 3 {
                        holder.cancel()
                    }
                }
            }
            holder.set(task)
            let first = try await task.value
            #expect(!first.isComplete)
            #expect(first.checkpoint.pages == 3)
            #expect(try HarvestFixtures.harvestedLines(folder).count == 120)
            let requestsBefore = server.seen.count
            // A crash between writing a page and recording it leaves the page's file, unrecorded,
            // and maybe a file half written: both are put right by the next run.
            let stray = folder + "/works/biodiversity/part1-page000004.jsonl.gz"
            try Data("not a page".utf8).write(to: URL(fileURLWithPath: stray))
            try Data("half".utf8).write(to: URL(fileURLWithPath: stray + ".partial"))
            let second = try await Self.run(base, folder: folder)
            #expect(second.isComplete)
            #expect(second.resumed)
            try Self.expectComplete(folder)
            // No recorded page was fetched again: the second run started at page 4.
            #expect(server.seen.dropFirst(requestsBefore).first?.cursor == FakeOpenAlexCursor.offset(120))
            #expect(!FileManager.default.fileExists(atPath: stray + ".partial"))
            // A third run has nothing left to do.
            let third = try await Self.run(base, folder: folder)
            #expect(third.isComplete && third.requestsSent == 0)
            // A recorded page that was removed is not silently fetched again or skipped.
            try FileManager.default.removeItem(atPath: folder + "/works/snowball/part1-page000001.jsonl.gz")
            let error = await #expect(throws: HarvestError.self) { try await Self.run(base, folder: folder) }
            #expect(error?.description.contains("part1-page000001.jsonl.gz is recorded in") == true)
        }
    }

    @Test func aFolderHoldingAnotherHarvestOrOtherFilesIsRefused() async throws {
        let folder = HarvestFixtures.temporaryPath()
        let server = FakeOpenAlex(catalog: Self.catalog)
        _ = try await server.serve { base in try await Self.run(base, folder: folder) }
        let other = try HarvestPlan(
            technologies: Array(Self.technologies.prefix(1)), filters: HarvestFilters(fromYear: 2010, perPage: 40))
        let error = await #expect(throws: HarvestError.self) {
            try await HarvestRun(plan: other, folder: folder, connection: HarvestConnection()).run()
        }
        #expect(error?.kind == .usage)
        #expect(error?.description.contains("holds a harvest made with other settings") == true)
        #expect(error?.description.contains("technologies biodiversity,snowball, not biodiversity") == true)
        let notEmpty = HarvestFixtures.temporaryPath()
        try FileManager.default.createDirectory(atPath: notEmpty, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: notEmpty + "/notes.txt"))
        let refused = await #expect(throws: HarvestError.self) {
            try await HarvestRun(plan: other, folder: notEmpty, connection: HarvestConnection()).run()
        }
        #expect(refused?.description.contains("is not empty and holds no harvest") == true)
    }

    @Test func ingestReadsTheFolderAndSkipsTheCheckpoint() async throws {
        let folder = HarvestFixtures.temporaryPath()
        let server = FakeOpenAlex(catalog: Self.catalog)
        _ = try await server.serve { base in try await Self.run(base, folder: folder) }
        let discovery = try InputDiscovery(paths: [folder])
        #expect(discovery.files.count == 6)
        #expect(discovery.files.allSatisfy { $0.encoding == .gzip })
        #expect(discovery.skipped.map(\.path) == [folder + "/" + HarvestCheckpoint.fileName])
    }
}

/// The fake server's cursors, as the tests expect them.
enum FakeOpenAlexCursor {
    static func offset(_ offset: Int) -> String { Data("offset:\(offset)".utf8).base64EncodedString() }
}

/// A task to cancel from a callback that runs inside it.
final class TaskHolder: Sendable {
    private let task = Mutex<Task<HarvestOutcome, any Error>?>(nil)
    func set(_ value: Task<HarvestOutcome, any Error>) { task.withLock { $0 = value } }
    func cancel() { task.withLock { $0 }?.cancel() }
}
