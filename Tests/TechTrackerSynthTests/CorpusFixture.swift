import Foundation
import TestScratch
import TechTrackerGzip
@testable import TechTrackerSynth

/// The fields of one written record the tests look at, extracted with JSONSerialization.
struct ParsedWork: Sendable {
    let id: String
    let year: Int
    let type: String
    let isSynthetic: Bool
    let isRetracted: Bool
    let references: [String]
    let citedByCount: Int
    let countsByYear: [(year: Int, count: Int)]
    /// Distinct countries of the work: institutions' `country_code`, else `countries`.
    let countries: Set<String>
    /// Fractional credit per country (METHOD §3), "" for unknown.
    let credits: [String: Double]
    /// Lowercased title, abstract words and keywords.
    let text: String
    /// Length of the JSON line, newline excluded.
    let lineBytes: Int
}

/// A small corpus written once and shared by the file tests.
struct WrittenCorpus: Sendable {
    let configuration: SyntheticCorpusConfiguration
    let corpus: SyntheticCorpus
    let directory: String
    let summary: GenerationSummary
    let works: [ParsedWork]
    /// Records per part file path.
    let linesPerFile: [String: Int]

    static let shared: Result<WrittenCorpus, any Error> = Result { try make(works: 4_000, seed: 7) }

    static func make(works: Int, seed: UInt64) throws -> WrittenCorpus {
        let configuration = SyntheticCorpusConfiguration(works: works, seed: seed, parts: 2)
        let corpus = try SyntheticCorpus(configuration: configuration)
        let directory = temporaryDirectory("fixture")
        let summary = try SyntheticCorpusGenerator(configuration: configuration).write(corpus: corpus, to: directory)
        var parsed: [ParsedWork] = []
        var linesPerFile: [String: Int] = [:]
        for file in summary.files {
            let lines = try readLines(file)
            linesPerFile[file] = lines.count
            for line in lines { parsed.append(try parse(line)) }
        }
        return WrittenCorpus(
            configuration: configuration, corpus: corpus, directory: directory, summary: summary,
            works: parsed, linesPerFile: linesPerFile)
    }

    static func temporaryDirectory(_ label: String) -> String {
        TestScratch.url("synth-\(label)").path
    }

    /// Decompresses a part with the project's gzip reader and splits it into lines.
    static func readLines(_ path: String) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        try GzipFileReader(path: path).forEachChunk { chunk in
            for byte in chunk {
                if byte == 0x0A {
                    lines.append(current)
                    current.removeAll(keepingCapacity: true)
                } else {
                    current.append(byte)
                }
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func parse(_ line: [UInt8]) throws -> ParsedWork {
        guard let record = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            throw FixtureError.notAnObject
        }
        var countries = Set<String>()
        var credits: [String: Double] = [:]
        let authorships = record["authorships"] as? [[String: Any]] ?? []
        for authorship in authorships {
            let institutions = authorship["institutions"] as? [[String: Any]] ?? []
            var codes = institutions.compactMap { $0["country_code"] as? String }
            if codes.isEmpty { codes = authorship["countries"] as? [String] ?? [] }
            countries.formUnion(codes)
            let share = 1 / Double(authorships.count)
            if codes.isEmpty { credits["", default: 0] += share }
            for code in codes { credits[code, default: 0] += share / Double(codes.count) }
        }
        var words: [(Int, String)] = []
        for (word, positions) in record["abstract_inverted_index"] as? [String: [Int]] ?? [:] {
            for position in positions { words.append((position, word)) }
        }
        let abstract = words.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: " ")
        let keywords = (record["keywords"] as? [[String: Any]] ?? []).compactMap { $0["display_name"] as? String }
        let text = ([record["title"] as? String ?? "", abstract] + keywords).joined(separator: " ").lowercased()
        let counts = (record["counts_by_year"] as? [[String: Any]] ?? []).map {
            (year: $0["year"] as? Int ?? 0, count: $0["cited_by_count"] as? Int ?? 0)
        }
        return ParsedWork(
            id: record["id"] as? String ?? "", year: record["publication_year"] as? Int ?? 0,
            type: record["type"] as? String ?? "", isSynthetic: record["synthetic"] as? Bool ?? false,
            isRetracted: record["is_retracted"] as? Bool ?? false,
            references: record["referenced_works"] as? [String] ?? [],
            citedByCount: record["cited_by_count"] as? Int ?? -1, countsByYear: counts, countries: countries,
            credits: credits, text: text, lineBytes: line.count)
    }

    enum FixtureError: Error { case notAnObject }
}
