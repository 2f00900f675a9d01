import Foundation
import TechTrackerGzip

/// What the synthetic patent-citation file holds. The file is SYNTHETIC (its name says so, and
/// the analysis labels every figure built on it accordingly).
public struct PatentCitationFileSummary: Sendable, Equatable {
    /// Path of the gzipped CSV.
    public let path: String
    /// Rows written (patent -> paper citations), header excluded.
    public let rows: Int
    /// Works cited by at least one patent.
    public let citedWorks: Int
    /// Distinct citing patents.
    public let patents: Int
    /// The patent cut-off: no citing patent is later. Reliance on Science files carry no dates,
    /// so this is what `ingest-patents --cutoff-year` must be told.
    public let cutoffYear: Int
    /// Size of the gzipped file in bytes.
    public let compressedBytes: Int
}

/// Writes the synthetic patent-to-paper citations as Reliance on Science's `_pcs_oa.csv`
/// (newest edition's columns), gzipped: `reftype,confscore,oaid,patent,wherefound,self`, one
/// row per (patent, paper), `oaid` the OpenAlex work number without its `W`.
///
/// Streams: the works are walked in index order and each one's citations are written as they
/// are drawn, through a 1 MB buffer, so memory does not grow with the number of rows. The same
/// corpus and cut-off always give the same bytes (every draw comes from the seed and the work).
struct PatentCitationWriter {
    /// The header row, exactly as the newest Reliance on Science edition names the columns.
    static let header: StaticString = "reftype,confscore,oaid,patent,wherefound,self\n"

    let corpus: SyntheticCorpus
    let plan: PatentCitationPlan

    /// Prepares the plan (one pass over the works) for citations up to `cutoffYear`.
    init(corpus: SyntheticCorpus, cutoffYear: Int) {
        self.corpus = corpus
        plan = PatentCitationPlan(corpus: corpus, cutoffYear: cutoffYear)
    }

    /// Writes the file to `path` (replacing one there) at gzip `level`.
    func write(to path: String, level: Int32) throws -> PatentCitationFileSummary {
        let writer: GzipFileWriter
        do {
            writer = try GzipFileWriter(path: path, level: level)
        } catch {
            throw SyntheticCorpusError.io("\(path): \(error)")
        }
        var sink = ByteSink(capacity: (1 << 20) + (1 << 16))
        sink.append(Self.header)
        var citations: [SyntheticPatentCitation] = []
        var seen = PatentSet(capacity: plan.patentCapacity)
        var rows = 0, citedWorks = 0
        do {
            for work in 0..<corpus.workCount {
                citations.removeAll(keepingCapacity: true)
                plan.draw(work: work, publicationYear: corpus.publicationYear(ofWork: work), into: &citations)
                guard !citations.isEmpty else { continue }
                citedWorks += 1
                let number = corpus.workNumber(work)
                for citation in citations {
                    Self.append(citation, workNumber: number, to: &sink)
                    seen.insert(plan.patentIndex(citation.patent))
                }
                rows += citations.count
                if sink.count >= 1 << 20 {
                    try sink.withBytes { try writer.write($0) }
                    sink.removeAll()
                }
            }
            try sink.withBytes { try writer.write($0) }
            try writer.close()
        } catch {
            throw SyntheticCorpusError.io("\(path): \(error)")
        }
        return PatentCitationFileSummary(
            path: path, rows: rows, citedWorks: citedWorks, patents: seen.count, cutoffYear: plan.cutoffYear,
            compressedBytes: writer.compressedByteCount)
    }

    /// One CSV row: every field is a code or a number, so nothing needs quoting.
    static func append(_ citation: SyntheticPatentCitation, workNumber: UInt64, to sink: inout ByteSink) {
        switch citation.referenceType {
        case .applicant: sink.append("app,")
        case .examiner: sink.append("exm,")
        case .unknown: sink.append("unk,")
        }
        sink.append(int: citation.confidence)
        sink.append(byte: 0x2C)
        sink.append(int: Int(workNumber))
        sink.append(byte: 0x2C)
        citation.patent.write(into: &sink)
        switch citation.place {
        case .frontOnly: sink.append(",frontonly,")
        case .bodyOnly: sink.append(",bodyonly,")
        case .both: sink.append(",both,")
        }
        sink.append(citation.isSelfCitation ? "1\n" : "0\n")
    }

    /// Removes a patent-citation file an earlier run left at `path`, so that a corpus written
    /// without one is not mistaken for having one that matches it.
    static func removeStale(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw SyntheticCorpusError.io("\(path): \(error.localizedDescription)")
        }
    }
}

/// The distinct patents written so far: one bit per patent the plan can draw (a few hundred
/// kilobytes whatever the corpus size), so counting them never holds the patents themselves.
private struct PatentSet {
    private var words: [UInt64]
    private(set) var count = 0

    init(capacity: Int) { words = Array(repeating: 0, count: (capacity + 63) / 64) }

    mutating func insert(_ index: Int) {
        let bit = UInt64(1) << UInt64(index & 63)
        if words[index >> 6] & bit == 0 {
            words[index >> 6] |= bit
            count += 1
        }
    }
}
