import Foundation
import Testing

/// `techtracker scan` as a user, a pipe or a cluster's task runs it: OpenAlex works on standard
/// input, the matching lines on standard output, messages and the summary on standard error.
@Suite struct ScanCommandTests {
    /// A generated snapshot in `folder/corpus`, its parts end to end as one (multi-member) gzip
    /// file `folder/all.gz`, and the same text plain in `folder/all.jsonl`.
    func snapshot(works: Int, in folder: String) async throws {
        _ = try await Techtracker.output(["generate", "--works", "\(works)", "--parts", "2", folder + "/corpus"])
        let works = folder + "/corpus/data/works"
        var gzip = Data()
        for part in try FileManager.default.subpathsOfDirectory(atPath: works).filter({ $0.hasSuffix(".gz") }).sorted()
        {
            gzip += try Data(contentsOf: URL(fileURLWithPath: works + "/" + part))
        }
        try gzip.write(to: URL(fileURLWithPath: folder + "/all.gz"))
        try shell("gzip -dc '\(folder)/all.gz' > '\(folder)/all.jsonl'")
    }

    /// Runs a shell command line, expecting success.
    func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(command)")
    }

    /// The OpenAlex id of a work line (`W…`).
    func id(_ line: Substring) -> String {
        line.components(separatedBy: "\"")[3].components(separatedBy: "/").last ?? ""
    }

    @Test func itWritesTheInputLinesOfExactlyTheWorksOnlyMatchingKeeps() async throws {
        let folder = try temporaryFolder()
        try await snapshot(works: 2000, in: folder)
        let plain = try await Techtracker.run(["scan"], stdin: folder + "/all.jsonl")
        #expect(plain.status == 0, "\(plain.error)")
        let gzip = try await Techtracker.run(["scan", "--threads", "1"], stdin: folder + "/all.gz")
        #expect(gzip.status == 0 && gzip.out == plain.out && gzip.error == plain.error)

        let ingest = try await Techtracker.run([
            "ingest", "--quiet", "--only-matching", "--store", folder + "/kept.sqlite", folder + "/corpus",
        ])
        #expect(ingest.status == 0, "\(ingest.error)")
        let kept = Set(try StoreProbe.values("SELECT source_id FROM work", in: folder + "/kept.sqlite"))
        #expect(!kept.isEmpty && kept.count < 2000)
        let input = try String(contentsOfFile: folder + "/all.jsonl", encoding: .utf8).split(separator: "\n")
        let written = plain.out.split(separator: "\n")
        #expect(Set(written.map(id)) == kept)
        #expect(written == input.filter { kept.contains(id($0)) })
        #expect(
            plain.error
                == "scan: read 2000, matching \(kept.count) (written), not matching \(2000 - kept.count), rejected 0\n")
    }

    @Test func badLinesAreReportedWithTheirLineNumbersAndCounted() async throws {
        let folder = try temporaryFolder()
        let lines = [
            workLine(1, title: "Qubit arrays"), "", "{not json", workLine(2, title: "Soil carbon"),
            #"{"title":"a work without id"}"#, workLine(3, title: "Superconducting qubits"),
        ]
        try write(lines.joined(separator: "\n"), to: folder + "/in.jsonl")
        let run = try await Techtracker.run(["scan"], stdin: folder + "/in.jsonl")
        #expect(run.status == 0)
        #expect(run.out == lines[0] + "\n" + lines[5] + "\n")
        let messages = run.error.split(separator: "\n")
        #expect(messages.count == 3, "\(run.error)")
        #expect(messages.first?.hasPrefix("stdin:3 (byte 1): ") == true)
        #expect(messages.dropFirst().first?.hasPrefix("stdin:5") == true)
        #expect(messages.last == "scan: read 5, matching 2 (written), not matching 1, rejected 2")
        let quiet = try await Techtracker.run(["scan", "--quiet"], stdin: folder + "/in.jsonl")
        #expect(quiet.status == 0 && quiet.out == run.out)
        #expect(quiet.error.split(separator: "\n").count == 2)
    }

    @Test func emptyInputWritesNothingAndSaysSo() async throws {
        let run = try await Techtracker.run(["scan"])
        #expect(run.status == 0 && run.out.isEmpty)
        #expect(run.error == "scan: read 0, matching 0 (written), not matching 0, rejected 0\n")
        let quiet = try await Techtracker.run(["scan", "--quiet"])
        #expect(quiet.status == 0 && quiet.out.isEmpty && quiet.error.isEmpty)
    }

    @Test func misuseIsRefusedWithCode2() async throws {
        let missing = try await Techtracker.run(["scan", "--taxonomy", "/nonexistent/t.yaml"])
        #expect(missing.status == 2 && missing.error.contains("no such file: /nonexistent/t.yaml"))
        let threads = try await Techtracker.run(["scan", "--threads", "0"])
        #expect(threads.status == 2 && threads.error.contains("--threads"))
    }

    /// A reader that goes away (`| head`, a killed task) ends the scan with a message and exit
    /// code 1, never a crash or a signal.
    @Test func aClosedStandardOutputIsAFailureNotACrash() async throws {
        let folder = try temporaryFolder()
        try await snapshot(works: 600, in: folder)
        let binary = try #require(Techtracker.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["scan"]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: folder + "/all.gz"))
        let output = Pipe()
        process.standardOutput = output
        let errorPath = folder + "/err"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try output.fileHandleForReading.close()
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        let error = try String(contentsOfFile: errorPath, encoding: .utf8)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        #expect(error.contains("Error: cannot write standard output: broken pipe"), "\(error)")
        #expect(!error.contains("Fatal error") && !error.contains("Stack dump"))
    }

    /// Messages that cannot be shown (standard error's reader gone) are let go: the scan still
    /// writes its lines and ends normally.
    @Test func aClosedStandardErrorDoesNotStopTheScan() async throws {
        let folder = try temporaryFolder()
        let lines = [workLine(1, title: "Qubit arrays"), "{not json", workLine(2, title: "Soil")]
        try write(lines.joined(separator: "\n") + "\n", to: folder + "/in.jsonl")
        let binary = try #require(Techtracker.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["scan"]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: folder + "/in.jsonl"))
        let outPath = folder + "/out"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let error = Pipe()
        process.standardError = error
        try error.fileHandleForReading.close()
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(try String(contentsOfFile: outPath, encoding: .utf8) == lines[0] + "\n")
    }

    /// The binary carries the shipped taxonomy: a copy of it alone, run from an empty folder (as
    /// on a cluster node), scans with it.
    @Test func aCopyOfTheBinaryAloneScansWithTheShippedTaxonomy() async throws {
        let binary = try #require(Techtracker.binary)
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: binary, toPath: folder + "/bin/techtracker")
        // Nothing in the binary looks for the taxonomy's resource bundle.
        let image = try Data(contentsOf: URL(fileURLWithPath: binary))
        #expect(image.range(of: Data("TechTracker_TechTrackerTaxonomy".utf8)) == nil)

        let lines = [workLine(1, title: "Superconducting qubits for error correction"), workLine(2, title: "Soil")]
        try write(lines.joined(separator: "\n") + "\n", to: folder + "/in.jsonl")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: folder + "/bin/techtracker")
        process.arguments = ["scan"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder + "/bin")
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: folder + "/in.jsonl"))
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let written = output.fileHandleForReading.readDataToEndOfFile()
        let message = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: message, as: UTF8.self))")
        #expect(String(decoding: written, as: UTF8.self) == lines[0] + "\n")
        #expect(
            String(decoding: message, as: UTF8.self)
                == "scan: read 2, matching 1 (written), not matching 1, rejected 0\n")
    }
}
