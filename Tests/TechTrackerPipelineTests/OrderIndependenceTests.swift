import Foundation
import Testing
import TechTrackerCore
import TechTrackerGzip
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore
import TechTrackerSynth
import TechTrackerTaxonomy

/// METHOD §5 "Exactness and order": the same set of records gives byte-identical exports,
/// bootstrap intervals and P(leader) included, however the records were read.
@Suite(.serialized)
struct OrderIndependenceTests {
    /// Every JSON line of a generated corpus, in the order generated.
    static func lines(of corpus: String) throws -> [String] {
        let parts = try FileManager.default.subpathsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".gz") }.sorted()
        var text: [UInt8] = []
        for part in parts {
            try GzipFileReader(path: corpus + "/" + part).forEachChunk { text.append(contentsOf: $0) }
        }
        return String(decoding: text, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Classifies, analyses (both countings, groups, 200 draws) and exports a store; returns the files.
    static func exports(of store: WorkStore, into folder: String) throws -> [String: Data] {
        _ = try ClassifyRun(taxonomy: Taxonomy.load(path: nil)).run(on: store)
        var settings = AnalysisSettings()
        settings.bootstrapDraws = 200
        settings.groups = try GroupDefinitions.builtIn()
        let (results, _) = try AnalyzeRun(settings: settings).run(on: store)
        var files: [String: Data] = [:]
        for path in try ResultsExporter.write(results, format: .csv, to: folder) {
            files[URL(fileURLWithPath: path).lastPathComponent] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    @Test func oneCorpusReadThreeWaysGivesByteIdenticalExports() throws {
        let folder = try temporaryFolder()
        _ = try SyntheticCorpusGenerator(configuration: SyntheticCorpusConfiguration(works: 3000, seed: 11))
            .write(to: folder + "/corpus", progress: nil)
        let lines = try Self.lines(of: folder + "/corpus")
        #expect(lines.count == 3000)

        // 1. As generated.
        let generated = try WorkStore(path: folder + "/generated.sqlite")
        _ = try ingest([folder + "/corpus"], into: generated)

        // 2. Lines shuffled (seeded) and split into five files, read by three readers.
        var random = SplitMix64(seed: 99)
        let shuffled = lines.shuffled(using: &random)
        try FileManager.default.createDirectory(atPath: folder + "/split", withIntermediateDirectories: true)
        for part in 0..<5 {
            let chunk = stride(from: part, to: shuffled.count, by: 5).map { shuffled[$0] }
            try write(chunk.joined(separator: "\n") + "\n", to: folder + "/split/part-\(part).jsonl")
        }
        let split = try WorkStore(path: folder + "/split.sqlite")
        let splitSummary = try ingest([folder + "/split"], into: split, readers: 3)
        #expect(splitSummary.outcomes.new == 3000)

        // 3. Two separate ingests (the second half first), one reader.
        try write(lines[1500...].joined(separator: "\n") + "\n", to: folder + "/second-half.jsonl")
        try write(lines[..<1500].joined(separator: "\n") + "\n", to: folder + "/first-half.jsonl")
        let twice = try WorkStore(path: folder + "/twice.sqlite")
        _ = try ingest([folder + "/second-half.jsonl"], into: twice, readers: 1)
        _ = try ingest([folder + "/first-half.jsonl"], into: twice, readers: 1)

        let reference = try Self.exports(of: generated, into: folder + "/export-generated")
        #expect(
            reference.keys.sorted() == [
                "country_shares.csv", "headline.csv", "institutions.csv", "mobility.csv",
                "mobility_gains.csv", "settings.json", "technology_summary.csv",
            ])
        #expect(String(decoding: reference["country_shares.csv"] ?? Data(), as: UTF8.self).contains(",group,EU27,"))
        for (name, store) in [("split", split), ("twice", twice)] {
            let files = try Self.exports(of: store, into: folder + "/export-\(name)")
            for (file, data) in reference {
                #expect(files[file] == data, "\(file) differs when the corpus is read \(name)")
            }
        }
    }
}
