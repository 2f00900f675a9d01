import Foundation
import Testing
@testable import TechTrackerSynth

/// Same configuration, same bytes; another seed, another corpus.
@Suite struct DeterminismTests {
    @Test func sameSeedWritesIdenticalFilesAndAnotherSeedDoesNot() throws {
        let configuration = SyntheticCorpusConfiguration(works: 1_200, seed: 11, parts: 3)
        let first = try write(configuration)
        let second = try write(configuration)
        var other = configuration
        other.seed = 12
        let third = try write(other)
        #expect(first.count == 4)  // three parts and the manifest
        for (name, bytes) in first {
            #expect(second[name] == bytes, "\(name) differs between two runs")
            #expect(third[name] != bytes, "\(name) is the same for another seed")
        }
    }

    @Test func manifestIsStableToo() throws {
        let configuration = SyntheticCorpusConfiguration(works: 300, seed: 3, parts: 2)
        let first = try write(configuration)
        let second = try write(configuration)
        #expect(first["manifest"] != nil && first["manifest"] == second["manifest"])
    }

    @Test func progressIsReportedUpToTheEnd() throws {
        let directory = WrittenCorpus.temporaryDirectory("progress")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = ProgressLog()
        let summary = try SyntheticCorpusGenerator(configuration: SyntheticCorpusConfiguration(works: 500, parts: 2))
            .write(to: directory) { log.append($0) }
        let events = log.events
        #expect(events.first?.phase == .modelling)
        #expect(events.last?.phase == .finished)
        #expect(events.last?.worksWritten == 500)
        #expect(events.last?.uncompressedBytes == summary.uncompressedBytes)
        #expect(summary.works == 500 && summary.parts == 2 && summary.compressedBytes < summary.uncompressedBytes)
    }

    @Test func invalidConfigurationsAreRejected() {
        #expect(throws: SyntheticCorpusError.self) { try SyntheticCorpusConfiguration(works: -1).validate() }
        #expect(throws: SyntheticCorpusError.self) {
            try SyntheticCorpusConfiguration(works: 10, fromYear: 2020, toYear: 2010).validate()
        }
        #expect(throws: SyntheticCorpusError.self) {
            try SyntheticCorpusConfiguration(works: 10, compressionLevel: 0).validate()
        }
        #expect(SyntheticCorpusConfiguration(works: 10).resolvedParts == 2)
        #expect(SyntheticCorpusConfiguration(works: 1_000_000).resolvedParts == 20)
    }

    @Test func aShorterYearRangeIsRespected() throws {
        let configuration = SyntheticCorpusConfiguration(works: 400, seed: 5, fromYear: 2015, toYear: 2019, parts: 1)
        let corpus = try SyntheticCorpus(configuration: configuration)
        let years = (0..<corpus.workCount).map(corpus.publicationYear(ofWork:))
        #expect(years.min() == 2015 && years.max() == 2019)
        let directory = WrittenCorpus.temporaryDirectory("years")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary = try SyntheticCorpusGenerator(configuration: configuration).write(corpus: corpus, to: directory)
        let works = try summary.files.flatMap { try WrittenCorpus.readLines($0).map(WrittenCorpus.parse) }
        #expect(works.count == 400)
        #expect(works.allSatisfy { (2015...2019).contains($0.year) })
        #expect(works.allSatisfy { $0.countsByYear.allSatisfy { $0.year <= 2019 } })
    }

    /// Writes a corpus and returns every file's bytes by its path below the root.
    private func write(_ configuration: SyntheticCorpusConfiguration) throws -> [String: Data] {
        let directory = WrittenCorpus.temporaryDirectory("determinism")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary = try SyntheticCorpusGenerator(configuration: configuration).write(to: directory)
        var files: [String: Data] = [:]
        for path in summary.files + [summary.manifestPath] {
            let name = path.hasSuffix("manifest") ? "manifest" : String(path.dropFirst(directory.count))
            files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }
}

/// Collects progress reports from the writer threads.
private final class ProgressLog: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var stored: [GenerationProgress] = []

    func append(_ event: GenerationProgress) { lock.withLock { stored.append(event) } }
    var events: [GenerationProgress] { lock.withLock { stored } }
}
