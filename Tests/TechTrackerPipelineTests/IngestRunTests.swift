import Foundation
import GRDB
import Testing
import TechTrackerCore
import TechTrackerMeasure
import TechTrackerPipeline
import TechTrackerStore

struct IngestRunTests {
    @Test func biodiversityPageStores200WorksAndAboutHalfHaveNoCountry() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        let summary = try ingest([sampleFixture("openalex_api_page_biodiversity.json")], into: store)
        #expect(summary.read == 200 && summary.outcomes.new == 200 && summary.rejected == 0)
        #expect(try store.workCount() == 200)
        let stats = try CorpusStatistics.compute(from: store)
        // 107 of the 200 works name no country at all (checked with Python on the sample).
        #expect(stats.worksWithoutCountry == 107)
        #expect(!stats.includesSyntheticData)
    }

    @Test func reingestingTheSameFilesChangesNothing() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        let inputs = [
            sampleFixture("openalex_api_page_biodiversity.json"), sampleFixture("W2741809807.json"),
            sampleFixture("openalex_api_snowball_1.json"), sampleFixture("openalex_api_snowball_2.json"),
        ]
        let first = try ingest(inputs, into: store)
        #expect(first.rejected == 0 && reconciles(first))
        let second = try ingest(inputs, into: store)
        #expect(second.read == first.read)
        #expect(second.outcomes.new == 0 && second.outcomes.updated == 0)
        #expect(second.outcomes.unchanged == first.read)
        #expect(second.changedNothing)
    }

    @Test func newerRecordsReplaceOlderOnes() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        try write((1...30).map { workLine($0) }.joined(separator: "\n") + "\n", to: folder + "/a.jsonl")
        _ = try ingest([folder + "/a.jsonl"], into: store)
        let changed = (1...30).map { $0 % 3 == 0 ? workLine($0, updated: "2025-06-01", country: "DE") : workLine($0) }
        try write(changed.joined(separator: "\n"), to: folder + "/b.jsonl")  // no final newline
        let summary = try ingest([folder + "/b.jsonl"], into: store)
        #expect(summary.outcomes.updated == 10 && summary.outcomes.unchanged == 20 && summary.outcomes.new == 0)
        #expect(try store.work(id: "W3")?.authorships.first?.institutions.first?.country?.description == "DE")
        #expect(try store.work(id: "W4")?.authorships.first?.institutions.first?.country?.description == "US")
    }

    @Test func badRecordsAreReportedSkippedAndCountedGoodOnesKept() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        var lines = (1...10).map { workLine($0) }
        lines[2] = #"{"id":"https://openalex.org/W3","title":"broken"#  // malformed JSON
        lines[4] = #"{"title":"no id here","publication_year":2020}"#  // no id
        lines[6] = "this is not JSON"  // not JSON
        var bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let invalid =
            Array(#"{"id":"https://openalex.org/W99","title":"bad "#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [0x0A]
        bytes += invalid  // invalid UTF-8, line 11
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/mixed.jsonl"))
        let log = MessageLog()
        let summary = try ingest([folder + "/mixed.jsonl"], into: store, rejects: folder + "/rejects.tsv", log: log)
        #expect(summary.read == 11)
        #expect(summary.rejected == 4)
        #expect(summary.outcomes.new == 7)
        #expect(reconciles(summary))
        #expect(try store.workCount() == 7)
        let messages = log.lines.joined(separator: "\n")
        for line in [3, 5, 7, 11] { #expect(messages.contains("mixed.jsonl:\(line)")) }
        #expect(messages.contains("no id"))
        #expect(messages.localizedCaseInsensitiveContains("UTF-8"))
        let rejects = try String(contentsOfFile: folder + "/rejects.tsv", encoding: .isoLatin1).split(separator: "\n")
        #expect(rejects.count == 5)  // header + 4
        #expect(rejects[0].hasPrefix("file\tline\tbyte\treason\trecord_id\ttext"))
        #expect(rejects.contains { $0.contains("this is not JSON") })
    }

    @Test func strictCommitsNothingWhenAnythingIsRejected() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        let lines = (1...20).map { workLine($0) } + ["{broken"]
        try write(lines.joined(separator: "\n"), to: folder + "/a.jsonl")
        let summary = try ingest([folder + "/a.jsonl"], into: store, strict: true)
        #expect(summary.rejected == 1)
        #expect(!summary.committed)
        #expect(try store.workCount() == 0)
        // A clean input commits under --strict too.
        try write((1...20).map { workLine($0) }.joined(separator: "\n"), to: folder + "/b.jsonl")
        let clean = try ingest([folder + "/b.jsonl"], into: store, strict: true)
        #expect(clean.committed && clean.outcomes.new == 20)
        #expect(try store.workCount() == 20)
    }

    @Test func truncatedGzipKeepsTheRecordsBeforeTheDamage() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        let text = (1...3000).map { workLine($0) }.joined(separator: "\n") + "\n"
        try writeGzip(Array(text.utf8), to: folder + "/part.gz")
        let whole = try Data(contentsOf: URL(fileURLWithPath: folder + "/part.gz"))
        try whole.prefix(whole.count * 2 / 3).write(to: URL(fileURLWithPath: folder + "/part.gz"))
        let log = MessageLog()
        let summary = try ingest([folder + "/part.gz"], into: store, log: log)
        #expect(summary.rejected == 1)
        #expect(summary.outcomes.new > 1000 && summary.outcomes.new < 3000)
        #expect(reconciles(summary))
        #expect(log.lines.contains { $0.contains("truncated gzip") && $0.contains("part.gz:") })
    }

    @Test func snapshotFoldersAreSearchedAndTheManifestSkipped() throws {
        let folder = try temporaryFolder()
        let works = folder + "/data/works"
        for (index, date) in ["2025-01-01", "2025-02-01"].enumerated() {
            let partFolder = works + "/updated_date=\(date)"
            try FileManager.default.createDirectory(atPath: partFolder, withIntermediateDirectories: true)
            for part in 0..<3 {
                let numbers = (0..<40).map { index * 1000 + part * 100 + $0 }
                try writeGzip(
                    Array((numbers.map { workLine($0) }.joined(separator: "\n") + "\n").utf8),
                    to: partFolder + "/part_00\(part).gz")
            }
        }
        func manifest(firstCount: Int) -> String {
            let entries = ["2025-01-01", "2025-02-01"].flatMap { date in
                (0..<3).map { part in
                    let count = date == "2025-01-01" && part == 0 ? firstCount : 40
                    return
                        #"{"url":"s3://openalex/data/works/updated_date=\#(date)/part_00\#(part).gz","meta":{"content_length":1,"record_count":\#(count)}}"#
                }
            }
            return #"{"entries":[\#(entries.joined(separator: ","))],"meta":{"content_length":6,"record_count":240}}"#
        }
        try write(manifest(firstCount: 40), to: works + "/manifest")
        let store = try WorkStore(path: folder + "/s.sqlite")
        let log = MessageLog()
        let summary = try ingest([folder + "/data"], into: store, log: log)
        #expect(summary.files == 6)
        #expect(summary.outcomes.new == 240 && summary.rejected == 0)
        #expect(log.lines.contains { $0.contains("all 6 parts read, 240 records as listed") })
        // A part that gave fewer records than its manifest lists is pointed out.
        try write(manifest(firstCount: 41), to: works + "/manifest")
        let second = MessageLog()
        _ = try ingest([folder + "/data"], into: store, log: second)
        #expect(second.lines.contains { $0.contains("part_000.gz: the manifest lists 41 records, 40 were read") })
    }

    @Test func prettyPrintedDocumentsAreReadWhole() throws {
        let folder = try temporaryFolder()
        let compact = try Data(contentsOf: URL(fileURLWithPath: sampleFixture("W2741809807.json")))
        let object = try JSONSerialization.jsonObject(with: compact)
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(
            to: URL(fileURLWithPath: folder + "/work.json"))
        let page = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: sampleFixture("openalex_api_snowball_2.json"))))
        try JSONSerialization.data(withJSONObject: page, options: [.prettyPrinted]).write(
            to: URL(fileURLWithPath: folder + "/page.json"))
        let store = try WorkStore(path: folder + "/s.sqlite")
        let summary = try ingest([folder + "/work.json", folder + "/page.json"], into: store)
        #expect(summary.rejected == 0)
        #expect(summary.outcomes.new == 6)
        #expect(try store.work(id: "W2741809807")?.title.hasPrefix("The state of OA") == true)
    }

    @Test func oneReaderAndTwoReadersStoreTheSame() throws {
        let folder = try temporaryFolder()
        for file in 0..<4 {
            try write((0..<50).map { workLine(file * 50 + $0) }.joined(separator: "\n"), to: folder + "/f\(file).jsonl")
        }
        let one = try WorkStore(path: folder + "/one.sqlite")
        let two = try WorkStore(path: folder + "/two.sqlite")
        let summaryOne = try ingest([folder], into: one, readers: 1)
        let summaryTwo = try ingest([folder], into: two, readers: 2)
        #expect(summaryOne.outcomes == summaryTwo.outcomes)
        #expect(try CorpusStatistics.compute(from: one) == CorpusStatistics.compute(from: two))
    }

    @Test func theStoreDoesNotDependOnFileOrderReadersOrSplits() throws {
        let folder = try temporaryFolder()
        let (a, b) = try writeConflictCorpus(in: folder)
        var snapshots: [StoreSnapshot] = []
        for readers in [1, 2] {
            for order in [[a, b], [b, a]] {
                // Two readers deliver the two files in either order: repeat to see both.
                for _ in 0..<(readers == 1 ? 1 : 3) {
                    let store = try WorkStore(path: folder + "/\(snapshots.count).sqlite")
                    let summary = try ingest(order, into: store, readers: readers)
                    #expect(summary.outcomes.conflicting == 1, "readers \(readers)")
                    #expect(summary.outcomes.new == 28 && summary.rejected == 0 && summary.reconciles)
                    snapshots.append(try StoreSnapshot(store))
                }
            }
        }
        let first = try #require(snapshots.first)
        #expect(first.works.count == 28 && first.works.allSatisfy { $0.hash != nil })
        #expect(first.works.contains { $0.id == "W7" && $0.title == "Work 7, corrected" })
        #expect(first.institutions.contains { $0.hasPrefix("I900|Alpha University|FR|") })
        #expect(first.institutions.contains { $0.hasPrefix("I901|Beta Uni|DE|") })
        for snapshot in snapshots.dropFirst() { #expect(snapshot == first) }

        // Half, then the other half, in two ingests (either way round), stores the same.
        for order in [[a, b], [b, a]] {
            let store = try WorkStore(path: folder + "/halves-\(order[0].suffix(7)).sqlite")
            let one = try ingest([order[0]], into: store)
            let two = try ingest([order[1]], into: store)
            #expect(one.outcomes.conflicting + two.outcomes.conflicting == 1)
            #expect(try StoreSnapshot(store) == first)
        }
        // And ingesting it all again changes nothing but finds the conflict again.
        let store = try WorkStore(path: folder + "/again.sqlite")
        _ = try ingest([a, b], into: store)
        let again = try ingest([b, a], into: store)
        #expect(again.outcomes.new == 0 && again.outcomes.updated == 0 && again.outcomes.conflicting == 1)
        #expect(try StoreSnapshot(store) == first)
    }

    @Test func theCountsLineNamesEveryOutcome() {
        var summary = IngestSummary()
        summary.read = 6
        summary.outcomes.new = 1
        summary.outcomes.updated = 1
        summary.outcomes.unchanged = 1
        summary.outcomes.conflicting = 2
        summary.rejected = 1
        #expect(summary.countsLine == "read 6, new 1, updated 1, unchanged 1, conflicting 2, rejected 1")
        #expect(summary.reconciles && !summary.changedNothing)
    }

    @Test func missingInputIsAnError() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        #expect { try ingest([folder + "/nope.jsonl"], into: store) } throws: {
            "\($0)" == "no such file or folder: \(folder)/nope.jsonl"
        }
    }

    @Test func theClosingLineSaysWhatActuallyHappened() throws {
        let folder = try temporaryFolder()
        let store = try WorkStore(path: folder + "/s.sqlite")
        func outcome(_ inputs: [String]) throws -> String? {
            let summary = try ingest(inputs, into: store)
            #expect(summary.reconciles)
            return summary.outcomeLine(strict: false)
        }
        try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
        #expect(try outcome([folder + "/empty"]) == "nothing stored: no input files were found")
        try write("\n \n", to: folder + "/blank.jsonl")
        #expect(try outcome([folder + "/blank.jsonl"]) == "nothing stored: the inputs held no records")
        try write((1...12).map { _ in "{broken" }.joined(separator: "\n"), to: folder + "/bad.jsonl")
        #expect(try outcome([folder + "/bad.jsonl"]) == "nothing stored: all 12 records were rejected")
        try Data([0x1F, 0x8B, 0x08]).write(to: URL(fileURLWithPath: folder + "/cut.gz"))
        #expect(try outcome([folder + "/cut.gz"]) == "nothing stored: the one record read was rejected")
        try write((1...5).map { workLine($0) }.joined(separator: "\n"), to: folder + "/good.jsonl")
        #expect(try outcome([folder + "/good.jsonl"]) == nil)
        #expect(
            try outcome([folder + "/good.jsonl"])
                == "the store is unchanged: every record was already stored with the same or a newer updated_date")
        #expect(
            try outcome([folder + "/good.jsonl", folder + "/bad.jsonl"]) == "the store is unchanged: the 5 record(s) "
                + "not rejected were already stored with the same or a newer updated_date; 12 rejected")
        var strict = IngestSummary()
        strict.read = 3
        strict.rejected = 1
        strict.committed = false
        #expect(
            strict.outcomeLine(strict: true) == "strict: 1 rejection(s); nothing was committed (stopped at the first)")
    }
}

/// Two JSON Lines files with a same-date conflict between them (W5), a newer record in the
/// second (W7), and institutions whose best values come from either file.
private func writeConflictCorpus(in folder: String) throws -> (String, String) {
    let revised = workLine(5).replacingOccurrences(of: #""title":"Work 5""#, with: #""title":"Work 5, revised""#)
    let corrected = workLine(7, updated: "2025-03-01").replacingOccurrences(
        of: #""title":"Work 7""#, with: #""title":"Work 7, corrected""#)
    let a =
        (1...12).map { workLine($0) } + [
            workLine(50, institution: 900, name: "Alpha", country: nil, updated: "2025-05-01"),
            workLine(51, institution: 901, name: "Beta", country: "DE", updated: "2025-01-01"),
        ]
    let b =
        (13...24).map { workLine($0) } + [revised, corrected] + [
            workLine(52, institution: 900, name: "Alpha University", country: "FR", updated: "2024-01-01"),
            workLine(53, institution: 901, name: "Beta Uni", country: "DE", updated: "2025-02-01"),
        ]
    try write(a.joined(separator: "\n") + "\n", to: folder + "/a.jsonl")
    try write(b.joined(separator: "\n") + "\n", to: folder + "/b.jsonl")
    return (folder + "/a.jsonl", folder + "/b.jsonl")
}

/// A work line with one institution `I<institution>` of the given name and country.
private func workLine(_ number: Int, institution: Int, name: String, country: String?, updated: String) -> String {
    let code = country.map { #""\#($0)""# } ?? "null"
    return
        #"{"id":"https://openalex.org/W\#(number)","title":"Work \#(number)","publication_year":2020,"type":"article","updated_date":"\#(updated)","authorships":[{"author_position":"first","author":{"id":"https://openalex.org/A\#(number)","display_name":"Author \#(number)"},"institutions":[{"id":"https://openalex.org/I\#(institution)","display_name":"\#(name)","ror":null,"country_code":\#(code),"type":"education"}],"countries":[]}]}"#
}

/// What a store holds, in a comparable form: works as (source_id, content_hash, title,
/// updated_date) and institutions as one line of all their columns each, both sorted.
private struct StoreSnapshot: Equatable {
    struct StoredWork: Equatable {
        var id: String
        var hash: Int64?
        var title: String
        var updated: String
    }

    var works: [StoredWork]
    var institutions: [String]

    init(_ store: WorkStore) throws {
        (works, institutions) = try readStoreFile(store) { db in
            let works = try Row.fetchAll(
                db, sql: "SELECT source_id, content_hash, title, updated_date FROM work ORDER BY source_id"
            )
            .map { StoredWork(id: $0[0], hash: $0[1], title: $0[2], updated: $0[3]) }
            let institutions = try String.fetchAll(
                db,
                sql: """
                    SELECT id || '|' || name || '|' || IFNULL(country_code, '-') || '|' || IFNULL(ror, '-') || '|'
                        || IFNULL(type, '-') || '|' || IFNULL(evidence_date, '-') FROM institution ORDER BY id
                    """)
            return (works, institutions)
        }
    }
}
