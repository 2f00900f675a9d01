import Foundation
import TestScratch
import GRDB
import TechTrackerCore
import TechTrackerGzip
import TechTrackerPipeline
import TechTrackerStore
import TechTrackerSynth
import TechTrackerTaxonomy

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> String {
    let path = TestScratch.url("pipeline-tests").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A taxonomy of two technologies, for filters, scans and classification runs.
let twoTechnologies = Result {
    try Taxonomy.parse(
        yaml: """
            technologies:
              - {id: qubits, name: Qubits, category: Quantum, query: 'TS=qubit*'}
              - {id: batteries, name: Batteries, category: Energy, query: 'TS="lithium ion batter*"'}
            """, source: "two.yaml")
}

/// The OpenAlex sample files (CC0), kept with the ingest tests' fixtures.
func sampleFixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TechTrackerIngestTests/Fixtures/\(name)").path
}

/// A small valid OpenAlex work as one JSON line.
func workLine(_ number: Int, updated: String = "2025-01-01", country: String? = "US", year: Int = 2020) -> String {
    let institutions =
        country.map {
            #"[{"id":"https://openalex.org/I\#(number % 7)","display_name":"Inst \#(number % 7)","ror":null,"country_code":"\#($0)","type":"education"}]"#
        } ?? "[]"
    return
        #"{"id":"https://openalex.org/W\#(number)","title":"Work \#(number)","publication_year":\#(year),"type":"article","cited_by_count":\#(number % 13),"updated_date":"\#(updated)","authorships":[{"author_position":"first","author":{"id":"https://openalex.org/A\#(number)","display_name":"Author \#(number)"},"institutions":\#(institutions),"countries":[]}],"referenced_works":["https://openalex.org/W\#(number + 100000)"]}"#
}

/// Writes text to a file.
func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// Writes bytes to a gzip file.
func writeGzip(_ bytes: [UInt8], to path: String) throws {
    let writer = try GzipFileWriter(path: path)
    try writer.write(bytes)
    try writer.close()
}

/// Runs `body` on a read-only connection of its own to the store's file: for checks of what
/// SQLite holds beyond what the store's API returns (content hashes, evidence dates, run
/// records). Tests write only through the store.
func readStoreFile<T>(_ store: WorkStore, _ body: (Database) throws -> T) throws -> T {
    var configuration = Configuration()
    configuration.readonly = true
    return try DatabaseQueue(path: store.path, configuration: configuration).read(body)
}

/// Stores `works` as one batch of a normal ingest session, with its run record.
func upsert(_ works: [Work], into store: WorkStore) throws {
    try store.ingest(strict: false, inputs: ["test"], startedAt: Date()) { session in
        let counts = try session.upsert(works.map(WorkRow.init))
        try session.finish(recordsRead: counts.total, rejected: 0)
    }
}

/// Runs an ingest quietly, collecting the messages it logs.
final class MessageLog: @unchecked Sendable {
    var lines: [String] = []
}

func ingest(
    _ inputs: [String], into store: WorkStore, strict: Bool = false, rejects: String? = nil,
    readers: Int = 2, log: MessageLog = MessageLog()
) throws -> IngestSummary {
    var options = IngestOptions(readers: readers)
    options.progress = .quiet
    options.strict = strict
    options.rejectsPath = rejects
    options.batchSize = 7  // small batches, so that tests cross batch boundaries
    return try IngestRun(inputs: inputs, options: options, log: { log.lines.append($0) }).run(into: store)
}

/// Asserts the reconciliation the README promises: read = new + updated + unchanged + conflicting + rejected.
func reconciles(_ summary: IngestSummary) -> Bool {
    summary.read == summary.outcomes.new + summary.outcomes.updated + summary.outcomes.unchanged
        + summary.outcomes.conflicting + summary.rejected
}

/// A store file holding a synthetic corpus (optionally classified with the shipped taxonomy),
/// made once per suite; tests work on copies (`copyOfStore`).
func syntheticTemplateStore(works: Int, seed: UInt64, classified: Bool) throws -> String {
    let folder = try temporaryFolder()
    _ = try SyntheticCorpusGenerator(configuration: SyntheticCorpusConfiguration(works: works, seed: seed))
        .write(to: folder + "/corpus", progress: nil)
    let path = folder + "/template.sqlite"
    let store = try WorkStore(path: path)
    _ = try ingest([folder + "/corpus"], into: store)
    if classified { _ = try ClassifyRun(taxonomy: Taxonomy.load(path: nil)).run(on: store) }
    return path
}

/// A fresh copy of a template store.
func copyOfStore(_ template: String) throws -> WorkStore {
    let path = try temporaryFolder() + "/s.sqlite"
    for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: template + suffix) {
        try FileManager.default.copyItem(atPath: template + suffix, toPath: path + suffix)
    }
    return try WorkStore(path: path)
}
