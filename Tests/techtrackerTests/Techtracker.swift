import Foundation
import TestScratch
import Testing

/// Runs the built `techtracker` binary as a process, as a user or a script would.
enum Techtracker {
    /// What one run printed and returned.
    struct Outcome: Sendable {
        /// The exit status.
        var status: Int32
        /// Standard output.
        var out: String
        /// Standard error.
        var error: String
    }

    /// The binary: `TECHTRACKER_BINARY` if set, else in the products folder that holds the test
    /// bundle (SwiftPM builds the executable first, since this target depends on it, into the
    /// same folder, whatever `--scratch-path` says), else under the package's `.build`.
    static let binary: String? = {
        if let path = ProcessInfo.processInfo.environment["TECHTRACKER_BINARY"] { return path }
        var candidates: [URL] = []
        for start in [URL(fileURLWithPath: CommandLine.arguments[0]), Bundle.main.bundleURL] {
            // The bundle may be a folder (`….xctest/Contents/MacOS/…`) or the executable itself.
            var folder = start.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("techtracker"))
                folder = folder.deletingLastPathComponent()
            }
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/techtracker"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// A process started and not yet waited for.
    final class Running: @unchecked Sendable {
        let process: Process
        let outPath: String
        let errorPath: String

        init(process: Process, outPath: String, errorPath: String) {
            self.process = process
            self.outPath = outPath
            self.errorPath = errorPath
        }

        /// Waits for the process, killing it when `timeout` seconds pass first (then the test
        /// fails rather than hangs). It sleeps between looks rather than blocking, so that the
        /// other tests run meanwhile.
        func wait(timeout: Double = 600) async throws -> Outcome {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                Issue.record("techtracker \(process.arguments ?? []) did not finish within \(timeout) s")
            }
            process.waitUntilExit()
            return Outcome(
                status: process.terminationStatus,
                out: try String(contentsOfFile: outPath, encoding: .utf8),
                error: try String(contentsOfFile: errorPath, encoding: .utf8))
        }

        /// Kills the process at once (SIGKILL: no chance to clean up) and reaps it.
        func killHard() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Starts `techtracker ARGUMENTS` with standard input from the file `stdin` (default: empty);
    /// output goes to files, so that a large output cannot block the child on a full pipe.
    static func start(_ arguments: [String], stdin: String? = nil) throws -> Running {
        let binary = try #require(binary, "the techtracker binary is built with the tests (swift build --build-tests)")
        let folder = try temporaryFolder()
        let outPath = folder + "/out", errorPath = folder + "/err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardInput =
            try stdin.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) }
            ?? FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        return Running(process: process, outPath: outPath, errorPath: errorPath)
    }

    /// Runs `techtracker ARGUMENTS` to completion. At most one run per core at a time: the
    /// tests run in parallel, and more processes than cores only contend for them.
    static func run(_ arguments: [String], stdin: String? = nil, timeout: Double = 600) async throws -> Outcome {
        await slots.acquire()
        do {
            let outcome = try await start(arguments, stdin: stdin).wait(timeout: timeout)
            await slots.release()
            return outcome
        } catch {
            await slots.release()
            throw error
        }
    }

    /// The cores, shared by the runs.
    private static let slots = Slots(count: max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// A counting semaphore that suspends instead of blocking a thread.
    private actor Slots {
        private var free: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(count: Int) { free = count }

        func acquire() async {
            guard free == 0 else {
                free -= 1
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func release() {
            if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
        }
    }

    /// Runs `techtracker ARGUMENTS`, expecting exit status 0, and returns standard output.
    static func output(_ arguments: [String]) async throws -> String {
        let outcome = try await run(arguments)
        #expect(outcome.status == 0, "techtracker \(arguments): \(outcome.error)")
        return outcome.out
    }
}

/// A fresh temporary folder.
func temporaryFolder() throws -> String {
    let path = TestScratch.url("techtracker-tests")
        .path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes text to a file.
func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// A small valid OpenAlex work as one JSON line.
func workLine(_ number: Int, title: String? = nil, year: Int = 2020) -> String {
    #"{"id":"https://openalex.org/W\#(number)","title":"\#(title ?? "Work \(number)")","publication_year":\#(year),"type":"article","cited_by_count":\#(number % 13),"updated_date":"2025-01-01","authorships":[{"author_position":"first","author":{"id":"https://openalex.org/A\#(number)","display_name":"Author \#(number)"},"institutions":[{"id":"https://openalex.org/I\#(number % 7)","display_name":"Inst \#(number % 7)","ror":null,"country_code":"US","type":"education"}],"countries":[]}],"referenced_works":["https://openalex.org/W\#(number + 100000)"]}"#
}
