import Foundation

/// Runs `scripts/duckdb_peer.py`, the core figure of `PeerBenchmark` in DuckDB, as a separate
/// process: the peer's time is then DuckDB's own, in its own process, with its own threads.
public struct PeerScript: Sendable {
    /// The Python interpreter (a name looked up on PATH, or a path).
    public var python: String
    /// The script's path.
    public var script: String

    /// Makes a runner.
    public init(python: String = "python3", script: String) {
        self.python = python
        self.script = script
    }

    /// What the script reports on its JSON line.
    public struct Report: Sendable, Decodable, Equatable {
        /// Seconds to load the three CSV tables into DuckDB's in-memory tables.
        public var loadSeconds: Double
        /// Seconds to compute the core figure in SQL (into a DuckDB table).
        public var computeSeconds: Double
        /// Seconds to fetch the rows into Python and write them as CSV.
        public var writeSeconds: Double
        /// Rows of the result.
        public var rows: Int
        /// DuckDB's threads.
        public var threads: Int
        /// The script's peak resident memory, MB.
        public var peakMegabytes: Double
        /// DuckDB's version.
        public var duckDBVersion: String

        enum CodingKeys: String, CodingKey {
            case loadSeconds = "load_s", computeSeconds = "compute_s", writeSeconds = "write_s", rows, threads
            case peakMegabytes = "peak_mb", duckDBVersion = "duckdb"
        }
    }

    /// Whether `python` runs and imports DuckDB.
    public static func duckDBAvailable(python: String = "python3") -> Bool {
        (try? Self(python: python, script: "").checkDuckDB()) != nil
    }

    /// Throws `PeerScriptError.noPython` or `.noDuckDB` unless `python` runs and imports DuckDB
    /// (checked before anything long is started).
    public func checkDuckDB() throws {
        let status = try launch(["-c", "import duckdb"], output: nil, quiet: true)
        switch status {
        case 0: return
        case 127: throw PeerScriptError.noPython(python)
        default: throw PeerScriptError.noDuckDB(python)
        }
    }

    /// Runs the script on the tables in `tables` with `threads` DuckDB threads; with `expect`,
    /// the script compares its shares with that CSV and fails unless they agree (its list of
    /// differences goes to standard error). Returns its report.
    public func run(tables: String, expect: String?, threads: Int, out: String? = nil) throws -> Report {
        guard FileManager.default.fileExists(atPath: script) else { throw PeerScriptError.noScript(script) }
        var arguments = [script, tables, "--threads", String(threads)]
        if let expect { arguments += ["--expect", expect] }
        if let out { arguments += ["--out", out] }
        let output = Pipe()
        let status = try launch(arguments, output: output, quiet: false)
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let report = text.split(separator: "\n").last { $0.hasPrefix("{") }.flatMap {
            try? JSONDecoder().decode(Report.self, from: Data($0.utf8))
        }
        switch status {
        case 0:
            guard let report else { throw PeerScriptError.unreadableReport(text) }
            return report
        case 1 where expect != nil && report != nil: throw PeerScriptError.disagree
        case 3: throw PeerScriptError.noDuckDB(python)
        case 127: throw PeerScriptError.noPython(python)
        default: throw PeerScriptError.failed(status)
        }
    }

    /// Runs `python arguments…` through `/usr/bin/env` (so that a bare name is found on PATH),
    /// standard output to `output` (or nowhere), standard error to ours unless `quiet`, and
    /// waits for its exit status. The output is read after the exit: the script prints one line.
    private func launch(_ arguments: [String], output: Pipe?, quiet: Bool) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = quiet ? FileHandle.nullDevice : FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Why the DuckDB peer did not give its figures.
public enum PeerScriptError: Error, CustomStringConvertible, Equatable {
    /// The interpreter was not found.
    case noPython(String)
    /// The interpreter cannot import DuckDB.
    case noDuckDB(String)
    /// The script is not where it was looked for.
    case noScript(String)
    /// DuckDB's shares and TechTracker's differ (the script listed the differences).
    case disagree
    /// The script failed with this exit status.
    case failed(Int32)
    /// The script ended well but printed no readable report.
    case unreadableReport(String)

    public var description: String {
        switch self {
        case .noPython(let python):
            "\(python) not found: the DuckDB peer needs Python 3 with DuckDB (pip install duckdb)"
        case .noDuckDB(let python):
            "\(python) cannot import duckdb: pip install duckdb"
        case .noScript(let path):
            "no DuckDB peer script at \(path): run from the package's folder or give --script"
        case .disagree:
            "DuckDB's shares differ from TechTracker's (differences listed above)"
        case .failed(let status):
            "the DuckDB peer script failed (exit status \(status); its message is above)"
        case .unreadableReport(let text):
            "the DuckDB peer script printed no report line: \(text.prefix(200))"
        }
    }
}
