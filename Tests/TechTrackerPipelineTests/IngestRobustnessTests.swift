import Foundation
import Testing
import TechTrackerCore
import TechTrackerGzip
import TechTrackerIngest
import TechTrackerPipeline
import TechTrackerStore
#if canImport(Glibc)
import Glibc
#endif

/// A messy folder never hangs the run, loses good records or gets them counted wrong.
@Suite struct IngestRobustnessTests {
    /// Ingests quietly with the given line limit, collecting messages.
    func run(
        _ inputs: [String], into store: WorkStore, rejects: String? = nil, maximumLineBytes: Int? = nil,
        log: MessageLog = MessageLog()
    ) throws -> IngestSummary {
        var options = IngestOptions(readers: 2)
        options.progress = .quiet
        options.rejectsPath = rejects
        options.batchSize = 7
        if let maximumLineBytes { options.maximumLineBytes = maximumLineBytes }
        let summary = try IngestRun(inputs: inputs, options: options, log: { log.lines.append($0) }).run(into: store)
        #expect(summary.reconciles, "\(summary.countsLine)")
        return summary
    }

    @Test func aMessyFolderIsIngestedWithoutHangingOrReadingItsOwnOutputs() throws {
        let folder = try temporaryFolder()
        try write((1...10).map { workLine($0) }.joined(separator: "\n") + "\n", to: folder + "/a.jsonl")
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try write((11...20).map { workLine($0) }.joined(separator: "\r") + "\r", to: folder + "/sub/oldmac.jsonl")
        #expect(mkfifo(folder + "/pipe.jsonl", 0o644) == 0)  // would block forever if opened
        try FileManager.default.createSymbolicLink(atPath: folder + "/sub/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder + "/zero.json", withDestinationPath: "/dev/zero")
        // The store and the rejects file sit in the input folder under names that are read.
        let store = try WorkStore(path: folder + "/store.json")
        let log = MessageLog()
        let summary = try run([folder], into: store, rejects: folder + "/rejects.jsonl", log: log)
        #expect(summary.files == 2)
        #expect(summary.outcomes.new == 20 && summary.rejected == 0)
        let warnings = log.lines.filter { $0.hasPrefix("warning: ") }
        #expect(
            warnings == [
                "warning: skipped \(folder)/pipe.jsonl: not a regular file (a FIFO)",
                "warning: skipped \(folder)/zero.json: not a regular file (a character device)",
            ])
        #expect(log.lines.contains("note: skipped \(folder)/store.json: the store, not read as input"))
        // Again, now that the rejects file exists too: still only the two data files.
        let again = try run([folder], into: store, rejects: folder + "/rejects.jsonl")
        #expect(again.files == 2 && again.outcomes.unchanged == 20)
        #expect { try run([folder + "/store.json"], into: store) } throws: {
            "\($0)" == "\(folder)/store.json is the store, not an input"
        }
        #expect { try run([folder], into: store, rejects: folder + "/store.json") } throws: {
            "\($0)" == "--rejects \(folder)/store.json is the store itself; name another file"
        }
        #expect(try store.workCount() == 20)
    }

    @Test func namedInputsThatCannotBeReadSaySoPrecisely() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop", withDestinationPath: folder + "/loop")
        #expect(mkfifo(folder + "/pipe.jsonl", 0o644) == 0)
        #expect { try run([folder + "/none.jsonl"], into: store) } throws: {
            "\($0)" == "no such file or folder: \(folder)/none.jsonl"
        }
        #expect { try run([folder + "/loop"], into: store) } throws: { "\($0)" == "symbolic link loop: \(folder)/loop" }
        #expect { try run([folder + "/pipe.jsonl"], into: store) } throws: {
            "\($0)" == "not a regular file: \(folder)/pipe.jsonl (a FIFO)"
        }
    }

    @Test func aNonDateUpdatedDateIsRejectedSoALaterGenuineUpdateIsNotLost() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        try write(workLine(1, updated: "2025-01-01") + "\n", to: folder + "/1.jsonl")
        try write(workLine(1, updated: "not-a-date") + "\n", to: folder + "/2.jsonl")
        try write(workLine(1, updated: "2025-06-01", country: "DE") + "\n", to: folder + "/3.jsonl")
        let log = MessageLog()
        for (file, expected) in [("1", "new"), ("2", "rejected"), ("3", "updated")] {
            let summary = try run([folder + "/\(file).jsonl"], into: store, log: log)
            #expect(summary.read == 1)
            #expect(
                expected
                    == (summary.outcomes.new == 1
                        ? "new" : summary.rejected == 1 ? "rejected" : summary.outcomes.updated == 1 ? "updated" : "?"))
        }
        #expect(
            log.lines.contains {
                $0.hasPrefix("rejected: \(folder)/2.jsonl:1 (byte ")
                    && $0.contains("field 'updated_date' is not an ISO date")
                    && $0.hasSuffix("[record W1]")
            })
        #expect(try store.work(id: "W1")?.updatedDate == "2025-06-01")
        #expect(try store.work(id: "W1")?.authorships.first?.institutions.first?.country?.description == "DE")
    }

    @Test func outOfRangeValuesNeverReachTheStore() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        let years = ["9223372036854775807", "-9223372036854775807", "100000", "3000", "0", "1"]
        var lines = years.enumerated().map { index, year in
            workLine(index + 1).replacingOccurrences(
                of: #""publication_year":2020"#, with: #""publication_year":\#(year)"#)
        }
        lines.append(workLine(7).replacingOccurrences(of: #""cited_by_count":7"#, with: #""cited_by_count":-3"#))
        lines.append(workLine(8).replacingOccurrences(of: #""cited_by_count":8"#, with: #""cited_by_count":99999999"#))
        lines.append(workLine(9))
        try write(lines.joined(separator: "\n"), to: folder + "/w.jsonl")
        let log = MessageLog()
        let summary = try run([folder + "/w.jsonl"], into: store, log: log)
        #expect(summary.outcomes.new == 1 && summary.rejected == 8)
        #expect(try store.workCount() == 1)
        for year in years {
            #expect(log.lines.contains { $0.contains("field 'publication_year' is \(year), outside 1800…") })
        }
        #expect(
            log.lines.contains {
                $0.contains("w.jsonl:7 (byte ")
                    && $0.contains("field 'cited_by_count' is -3, outside 0…10,000,000 [record W7]")
            })
    }

    @Test func oneBadResultOfAnAPIPageCostsOnlyItself() throws {
        let folder = try temporaryFolder()
        var page = try String(contentsOfFile: sampleFixture("openalex_api_page_biodiversity.json"), encoding: .utf8)
        let title = try #require(
            page.range(of: #""title": ""#, range: page.index(page.startIndex, offsetBy: 100_000)..<page.endIndex))
        page.insert(contentsOf: #"\ud800"#, at: title.upperBound)
        try write(page, to: folder + "/page.json")
        let store = try WorkStore(path: folder + "/s.sqlite")
        let log = MessageLog()
        let summary = try run([folder + "/page.json"], into: store, log: log)
        #expect(summary.read == 200 && summary.outcomes.new == 199 && summary.rejected == 1)
        #expect(
            log.lines.contains { $0.contains("lone surrogate in \\u escape in result ") && $0.contains("[record W") })
    }

    @Test func aGzipBombIsRejectedAndTheFilesBesideItKept() throws {
        let folder = try temporaryFolder()
        let writer = try GzipFileWriter(path: folder + "/bomb.gz")
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        for _ in 0..<16 { try writer.write(zeros) }
        try writer.close()
        try write((1...5).map { workLine($0) }.joined(separator: "\n"), to: folder + "/good.jsonl")
        let store = try WorkStore(path: folder + "/s.sqlite")
        let log = MessageLog()
        let summary = try run([folder], into: store, maximumLineBytes: 1 << 20, log: log)
        #expect(summary.outcomes.new == 5 && summary.rejected == 1)
        #expect(
            log.lines.contains(
                "rejected: \(folder)/bomb.gz:1: line longer than 1 MiB (the --max-line-mb limit); skipped to the next line end"
            ))
    }

    @Test func rejectRowsAreEscapedSoEveryRowHasSixColumns() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        let tabbed = "{\"id\":\t\"https://openalex.org/W5\", \"title\": \"a\\\\b \\t\",\t\"publication_year\": 3000}"
        let lines = [workLine(1), tabbed, "{\"broken\t\\\\", "not\tJSON"]
        try write(lines.joined(separator: "\n") + "\r" + "{cr", to: folder + "/odd\tname.jsonl")
        let summary = try run([folder], into: store, rejects: folder + "/rejects.tsv")
        #expect(summary.rejected == 4 && summary.outcomes.new == 1)
        let rows = try String(contentsOfFile: folder + "/rejects.tsv", encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == 6 && rows.last == "")
        for row in rows.dropLast() {
            #expect(row.split(separator: "\t", omittingEmptySubsequences: false).count == 6, "\(row)")
        }
        // Undoing the escapes gives back the file name and the rejected text.
        let fields = rows[1].split(separator: "\t", omittingEmptySubsequences: false).map { unescape(String($0)) }
        #expect(fields[0] == folder + "/odd\tname.jsonl")
        #expect(fields[5] == tabbed)
        #expect(fields[4] == "W5")
    }

    /// Undoes the rejects file's escaping: `\\`, `\t`, `\n`, `\r`.
    func unescape(_ field: String) -> String {
        var result = ""
        var escaped = false
        for character in field {
            if escaped {
                result.append(["t": "\t", "n": "\n", "r": "\r"][character] ?? character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
