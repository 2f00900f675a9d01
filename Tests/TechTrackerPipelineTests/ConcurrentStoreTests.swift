import Foundation
import GRDB
import Testing
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerStore
import TechTrackerTaxonomy

/// Two processes, one store: writers wait for each other's lock instead of failing, and
/// every run completes with all its works stored and its counts reconciled.
@Suite(.serialized)
struct ConcurrentStoreTests {
    /// Runs each body on its own thread, all at once, and returns when all have returned.
    func onThreads(_ bodies: [@Sendable () -> Void]) {
        let group = DispatchGroup()
        for body in bodies {
            group.enter()
            Thread.detachNewThread {
                body()
                group.leave()
            }
        }
        group.wait()
    }

    /// Two inputs that overlap: `a` holds W1…W1500, `b` holds W1001…W2500, where W1001…W1200
    /// are newer in `b` and W1201…W1500 are the same records in both.
    func overlappingInputs(in folder: String, scale: Int = 1) throws -> (a: String, b: String) {
        let a = folder + "/a.jsonl", b = folder + "/b.jsonl"
        try write((1...1500 * scale).map { workLine($0, year: 2003 + $0 % 20) }.joined(separator: "\n") + "\n", to: a)
        try write(
            (1000 * scale + 1...2500 * scale).map { number in
                number <= 1200 * scale
                    ? workLine(number, updated: "2025-06-01", year: 2003 + number % 20)
                    : workLine(number, year: 2003 + number % 20)
            }.joined(separator: "\n") + "\n", to: b)
        return (a, b)
    }

    /// The records with the newest date, whichever ingest stored them first.
    func updatedDates(_ store: WorkStore) throws -> [String: Int] {
        try readStoreFile(store) { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT updated_date, COUNT(*) FROM work GROUP BY updated_date") {
                counts[row[0]] = row[1]
            }
            return counts
        }
    }

    @Test func twoIngestsIntoOneNewStoreAtOnceBothCompleteAndReconcile() throws {
        let folder = try temporaryFolder()
        let (a, b) = try overlappingInputs(in: folder)
        let path = folder + "/shared.sqlite"
        final class Outcomes: @unchecked Sendable {
            let lock = NSLock()
            var summaries: [String: IngestSummary] = [:]
            var failures: [String] = []
        }
        let outcomes = Outcomes()
        onThreads(
            [a, b].map { input in
                {
                    do {
                        // Each run on its own connection, as two processes would be; both create
                        // the store at once, then interleave batches of 7 works.
                        let summary = try ingest([input], into: WorkStore(path: path))
                        outcomes.lock.withLock { outcomes.summaries[input] = summary }
                    } catch {
                        outcomes.lock.withLock { outcomes.failures.append("\(input): \(error)") }
                    }
                }
            })
        #expect(outcomes.failures == [])
        let first = try #require(outcomes.summaries[a]), second = try #require(outcomes.summaries[b])
        for summary in [first, second] {
            #expect(summary.read == 1500 && summary.rejected == 0 && reconciles(summary))
        }
        #expect(first.outcomes.new + second.outcomes.new == 2500)
        let store = try WorkStore(path: path, mode: .readOnly)
        #expect(try store.workCount() == 2500)
        #expect(try updatedDates(store) == ["2025-01-01": 2300, "2025-06-01": 200])
        let runs = try readStoreFile(store) { try Int.fetchAll($0, sql: "SELECT records_read FROM ingest_run") }
        #expect(runs == [1500, 1500])
        #expect(try store.integrityCheck() == [])
    }

    /// The built `techtracker` next to the test bundle, when it was built.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("techtracker").path

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
    func twoIngestProcessesOnOneStoreBothCompleteAndReconcile() throws {
        let folder = try temporaryFolder()
        let (a, b) = try overlappingInputs(in: folder, scale: 4)
        let path = folder + "/shared.sqlite"
        let processes = try [a, b].map { input in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.executable)
            process.arguments = ["ingest", "--quiet", "--store", path, input]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            return (process, output)
        }
        for (process, output) in processes {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(text)")
            // read N, new N, updated N, unchanged N, conflicting N, rejected N
            let counts = (text.split(separator: "\n").first ?? "").split(separator: ",").compactMap {
                Int($0.split(separator: " ").last ?? "")
            }
            #expect(counts.count == 6 && counts[0] == 6000 && counts[0] == counts[1...].reduce(0, +), "\(text)")
        }
        let store = try WorkStore(path: path, mode: .readOnly)
        #expect(try store.workCount() == 10_000)
        #expect(try updatedDates(store) == ["2025-01-01": 9200, "2025-06-01": 800])
    }

    /// Holds the write lock of `path` on another connection for `seconds` while `body` runs:
    /// a strict ingest session holds it from its start to its end, as another process's
    /// `ingest --strict` would (this one stores nothing and rolls back).
    func whileAnotherWriterHoldsTheLock(
        of path: String, for seconds: Double, _ body: @escaping @Sendable () -> Void
    ) throws {
        let holder = try WorkStore(path: path)
        let taken = DispatchSemaphore(value: 0)
        onThreads([
            {
                _ = try? holder.ingest(strict: true, inputs: [], startedAt: Date()) { _ in
                    taken.signal()
                    Thread.sleep(forTimeInterval: seconds)
                }
            },
            {
                taken.wait()
                body()
            },
        ])
    }

    @Test func classifyAndAnalyzeWaitForAnotherWriterInsteadOfFailingAtTheEnd() throws {
        let folder = try temporaryFolder()
        let (a, _) = try overlappingInputs(in: folder)
        let path = folder + "/shared.sqlite"
        _ = try ingest([a], into: WorkStore(path: path))
        let taxonomy = try Taxonomy.load(path: nil)
        final class Failures: @unchecked Sendable {
            var messages: [String] = []
        }
        let failures = Failures()
        // The "waiting for another techtracker process" notice is the lock tests' subject.
        let quiet: @Sendable (String) -> Void = { _ in }
        try whileAnotherWriterHoldsTheLock(of: path, for: 1.5) {
            do { _ = try ClassifyRun(taxonomy: taxonomy).run(on: WorkStore(path: path, messages: quiet)) } catch {
                failures.messages.append("classify: \(error)")
            }
        }
        try whileAnotherWriterHoldsTheLock(of: path, for: 1.5) {
            var settings = AnalysisSettings()
            settings.bootstrapDraws = 10
            do { _ = try AnalyzeRun(settings: settings).run(on: WorkStore(path: path, messages: quiet)) } catch {
                failures.messages.append("analyze: \(error)")
            }
        }
        #expect(failures.messages == [])
        let store = try WorkStore(path: path, mode: .readOnly)
        #expect(try store.lastClassification()?.works == 1500)
        #expect(try store.storedResults() != nil)
    }
}
