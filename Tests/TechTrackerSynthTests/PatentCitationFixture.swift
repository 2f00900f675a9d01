import Foundation
import TechTrackerGzip
@testable import TechTrackerSynth

/// One row of the written patent-citation file, as text fields.
struct PatentRow: Sendable, Hashable {
    let reftype: String
    let confscore: String
    let oaid: String
    let patent: String
    let wherefound: String
    let selfCitation: String
}

/// A corpus written with its patent-citation file, and the file read back.
struct PatentCorpus: Sendable {
    let corpus: SyntheticCorpus
    let directory: String
    let summary: GenerationSummary
    let header: String
    let rows: [PatentRow]
    /// Work index by OpenAlex work number (as `oaid` spells it).
    let workByNumber: [String: Int]

    /// 20,000 works: enough for the propensities to show by country and technology.
    static let shared: Result<PatentCorpus, any Error> = Result { try make(works: 20_000, seed: 42) }

    static func make(works: Int, seed: UInt64, cutoffYear: Int? = nil) throws -> PatentCorpus {
        let configuration = SyntheticCorpusConfiguration(
            works: works, seed: seed, parts: 2, patentCitations: true, patentCutoffYear: cutoffYear)
        let corpus = try SyntheticCorpus(configuration: configuration)
        let directory = WrittenCorpus.temporaryDirectory("patents")
        let summary = try SyntheticCorpusGenerator(configuration: configuration).write(corpus: corpus, to: directory)
        let path = SyntheticCorpusGenerator.patentCitationsPath(in: directory)
        let lines = try WrittenCorpus.readLines(path).map { String(decoding: $0, as: UTF8.self) }
        let rows = lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return PatentRow(
                reftype: fields[0], confscore: fields.count > 1 ? fields[1] : "",
                oaid: fields.count > 2 ? fields[2] : "",
                patent: fields.count > 3 ? fields[3] : "", wherefound: fields.count > 4 ? fields[4] : "",
                selfCitation: fields.count > 5 && fields.count == 6 ? fields[5] : "")
        }
        var byNumber: [String: Int] = [:]
        for work in 0..<corpus.workCount { byNumber[String(corpus.workNumber(work))] = work }
        return PatentCorpus(
            corpus: corpus, directory: directory, summary: summary, header: lines.first ?? "", rows: rows,
            workByNumber: byNumber)
    }

    /// Works cited by at least one row.
    var citedWorks: Set<Int> { Set(rows.compactMap { workByNumber[$0.oaid] }) }
}
