import Foundation
import Testing
import TechTrackerCore
import TechTrackerMeasure
import TechTrackerPipeline
import TechTrackerStore

/// The DuckDB peer (`bench peer`): the core figure is `analyze`'s, the tables written for DuckDB
/// hold the corpus the figure was computed from, and DuckDB's figure agrees (when python3 with
/// DuckDB is there).
@Suite(.serialized)
struct PeerBenchmarkTests {
    static let template = Result { try syntheticTemplateStore(works: 3000, seed: 17, classified: true) }

    /// The script, beside the package.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/duckdb_peer.py").path

    /// The corpus of a fresh copy of the template store, and its figure.
    func prepared() throws -> (store: WorkStore, corpus: AnalysisCorpus, figures: FractionalShares) {
        let store = try copyOfStore(try Self.template.get())
        let corpus = try AnalysisCorpusLoader.load(from: store)
        return (store, corpus, FractionalShares(corpus))
    }

    /// A CSV file's data lines, split at commas (the tables hold no quoted field).
    func lines(_ path: String) throws -> (header: String, rows: [[Substring]]) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "ends with a line end")
        lines.removeLast()
        return (String(lines[0]), lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) })
    }

    @Test func theCoreFigureIsAnalyzesFractionalShareBitForBit() throws {
        let (store, corpus, figures) = try prepared()
        let rows = PeerBenchmark.shares(figures, corpus: corpus, threads: 2)
        var settings = AnalysisSettings()
        settings.countings = [.fractional]
        settings.bootstrapDraws = 0
        let (results, _) = try AnalyzeRun(settings: settings).run(on: store)
        let analyzed = results.countryShares.filter { $0.unitType == .country && $0.counting == .fractional }
            .map { "\($0.technology) \($0.windowStart)-\($0.windowEnd) \($0.country) \($0.share.bitPattern)" }
        let ours = rows.map { "\($0.technology) \($0.window) \($0.country) \($0.share.bitPattern)" }
        #expect(ours.count == analyzed.count)
        #expect(Set(ours) == Set(analyzed))
        // The same windows as analyze, and every technology in each.
        #expect(
            Set(rows.map(\.window))
                == Set(results.technologySummaries.map { PublicationWindow(start: $0.windowStart, end: $0.windowEnd) }))
        #expect(Set(rows.map(\.technology)).count == 74)
        // Sorted by technology id, window, country; shares in [0, 1], summing to at most 1.
        #expect(
            rows
                == rows.sorted {
                    ($0.technology, $0.window.start, $0.country.description) < (
                        $1.technology, $1.window.start, $1.country.description
                    )
                })
        #expect(rows.allSatisfy { (0...1).contains($0.share) })
        for (_, group) in Dictionary(grouping: rows, by: { "\($0.technology) \($0.window)" }) {
            #expect(group.reduce(0) { $0 + $1.share } <= 1 + 1e-9)
        }
        // Some countries are listed with no top-10% output: zero shares are rows.
        #expect(rows.contains { $0.share == 0 })
    }

    @Test func theTablesHoldTheCorpusTheFigureIsComputedFrom() throws {
        let (_, corpus, figures) = try prepared()
        let folder = try temporaryFolder()
        let counts = try PeerBenchmark.writeTables(corpus, figures: figures, to: folder)

        let works = try lines(folder + "/works.csv")
        #expect(works.header == "work,year,citations,kept")
        #expect(works.rows.count == corpus.workCount && counts.works == corpus.workCount)
        for (w, row) in works.rows.enumerated() {
            #expect(row.count == 4)
            #expect(Int(row[0]) == w)
            #expect(Int(row[1]) == corpus.year[w] && (row[1].isEmpty == (corpus.year[w] == nil)))
            #expect(Int(row[2]) == corpus.citations[w])
            #expect(row[3] == (figures.kept[w] ? "true" : "false"))
        }
        #expect(counts.keptWorks == figures.kept.filter { $0 }.count)
        #expect(counts.keptWorks > 0 && counts.keptWorks < corpus.workCount, "the filter drops some works")

        let credits = try lines(folder + "/credits.csv")
        #expect(credits.header == "work,country,credit")
        #expect(credits.rows.count == counts.credits)
        var sums = [Double](repeating: 0, count: corpus.workCount)
        var expected: [String] = []
        figures.forEachCredit { w, country, credit in
            expected.append("\(w),\(country >= 0 ? corpus.countries[country].description : ""),\(credit.bitPattern)")
        }
        var read: [String] = []
        for row in credits.rows {
            let w = try #require(Int(row[0]))
            let credit = try #require(Double(row[2]))
            // 17 significant digits: the Double read back is the Double written.
            let mantissa = row[2].split(separator: "e")[0].filter(\.isNumber).drop { $0 == "0" }
            #expect(mantissa.count <= 17)
            #expect(row[1].isEmpty || CountryCode(row[1]) != nil)
            sums[w] += credit
            read.append("\(w),\(row[1]),\(credit.bitPattern)")
        }
        #expect(read == expected)
        // Every work, kept or not, has credits summing to 1 (METHOD §3: the unknown part included).
        #expect(sums.allSatisfy { abs($0 - 1) < 1e-12 })
        #expect(credits.rows.contains { $0[1].isEmpty }, "some credit is unknown")

        let memberships = try lines(folder + "/memberships.csv")
        #expect(memberships.header == "technology,work")
        #expect(memberships.rows.count == corpus.memberships.reduce(0) { $0 + $1.count })
        #expect(counts.memberships == memberships.rows.count)
        let byTechnology = Dictionary(grouping: memberships.rows, by: { String($0[0]) }).mapValues {
            $0.map { Int($0[1])! }
        }
        for (id, list) in zip(corpus.technologyIDs, corpus.memberships) {
            #expect(byTechnology[id, default: []] == list, "\(id)")
        }
        let bytes = try ["works", "credits", "memberships"].reduce(0) {
            $0 + (try FileManager.default.attributesOfItem(atPath: "\(folder)/\($1).csv")[.size] as? Int ?? 0)
        }
        #expect(counts.bytes == bytes)
    }

    @Test(.enabled(if: PeerScript.duckDBAvailable(), "python3 with DuckDB (pip install duckdb)"))
    func duckDBGivesTheSameSharesToOneBillionth() throws {
        let (_, corpus, figures) = try prepared()
        let rows = PeerBenchmark.shares(figures, corpus: corpus, threads: 2)
        let folder = try temporaryFolder()
        _ = try PeerBenchmark.writeTables(corpus, figures: figures, to: folder)
        try PeerBenchmark.writeShares(rows, to: folder + "/shares.csv")
        let peer = PeerScript(script: Self.script)
        let report = try peer.run(tables: folder, expect: folder + "/shares.csv", threads: 2)
        #expect(report.rows == rows.count)
        #expect(report.threads == 2)
        // DuckDB's own file, read here too: the same rows, in the same order, within 1e-9.
        let theirs = try lines(folder + "/duckdb_shares.csv")
        let ours = try lines(folder + "/shares.csv")
        #expect(theirs.header == ours.header)
        #expect(theirs.rows.map { $0[0..<4] } == ours.rows.map { $0[0..<4] })
        for (a, b) in zip(theirs.rows, ours.rows) {
            #expect(abs(Double(a[4])! - Double(b[4])!) <= 1e-9)
        }

        // A share moved by more than 1e-9, or a row missing, fails the comparison.
        var moved = rows
        moved[rows.count / 2].share += 1e-8
        try PeerBenchmark.writeShares(moved, to: folder + "/moved.csv")
        #expect(throws: PeerScriptError.disagree) {
            try peer.run(tables: folder, expect: folder + "/moved.csv", threads: 1, out: folder + "/out.csv")
        }
        try PeerBenchmark.writeShares(Array(rows.dropLast()), to: folder + "/short.csv")
        #expect(throws: PeerScriptError.disagree) {
            try peer.run(tables: folder, expect: folder + "/short.csv", threads: 1, out: folder + "/out.csv")
        }
    }

    @Test func aMissingInterpreterOrScriptIsSaidInOneLine() throws {
        #expect(throws: PeerScriptError.noPython("no-such-python-3")) {
            try PeerScript(python: "no-such-python-3", script: Self.script).checkDuckDB()
        }
        #expect(!PeerScript.duckDBAvailable(python: "no-such-python-3"))
        #expect(throws: PeerScriptError.noScript("/nonexistent/duckdb_peer.py")) {
            try PeerScript(script: "/nonexistent/duckdb_peer.py").run(tables: "/tmp", expect: nil, threads: 1)
        }
        #expect(PeerScriptError.noDuckDB("python3").description == "python3 cannot import duckdb: pip install duckdb")
    }
}
