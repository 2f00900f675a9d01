import Foundation
import Synchronization
import TechTrackerPresent
import TechTrackerSynth

/// Runs the synthetic-corpus generator for `generate`, `demo` and `bench`, with progress.
enum CorpusGeneration {
    /// Generates into `outDir`; `patents` adds the synthetic patent-citation file (off unless
    /// asked for: `ingest OUT_DIR` would read that `.gz` as works, so runs that ingest the whole
    /// folder leave it out).
    static func run(
        works: Int, seed: UInt64, from: Int, to: Int, parts: Int?, outDir: String, quiet: Bool,
        patents: Bool = false
    ) throws -> GenerationSummary {
        let configuration = SyntheticCorpusConfiguration(
            works: works, seed: seed, fromYear: from, toYear: to, parts: parts, patentCitations: patents)
        try configuration.validate()
        // Part writers report from several threads: one display behind a lock.
        let display = Mutex(ProgressDisplay(quiet: quiet))
        let summary = try SyntheticCorpusGenerator(configuration: configuration).write(to: outDir) { progress in
            guard progress.phase == .writing else { return }
            display.withLock { display in
                display.update(
                    fraction: Double(progress.worksWritten) / Double(max(progress.worksTotal, 1)),
                    figures: "\(progress.worksWritten)/\(progress.worksTotal) works, "
                        + "\(ProgressDisplay.bytes(progress.uncompressedBytes)) of JSON")
            }
        }
        display.withLock { $0.finish() }
        return summary
    }

    /// True when `outDir` holds a finished corpus (its manifest is written last).
    static func isComplete(_ outDir: String) -> Bool {
        FileManager.default.fileExists(atPath: outDir + "/data/works/manifest")
    }

    static func describe(_ summary: GenerationSummary, outDir: String) -> String {
        let mb = Double(summary.uncompressedBytes) / 1e6
        let seconds = max(summary.seconds, 1e-9)
        let patents = summary.patentCitations.map { "\n" + describe($0) } ?? ""
        return """
            SYNTHETIC DATA: wrote \(NumberFormatting.grouped(summary.works)) works in \(summary.parts) part(s) \
            to \(outDir)/data/works \
            (\(String(format: "%.0f", mb)) MB of JSON, \
            \(String(format: "%.0f", Double(summary.compressedBytes) / 1e6)) MB gzipped, \
            \(String(format: "%.1f", summary.averageRecordBytes / 1000)) KB per record; \
            \(String(format: "%.1f", summary.seconds)) s, \
            \(String(format: "%.0f", mb / seconds)) MB/s, \
            \(NumberFormatting.grouped(Int(Double(summary.works) / seconds))) works/s)
            """ + patents
    }

    /// The patent-citation file's line: the path, its rows, and the cut-off year that
    /// `ingest-patents --cutoff-year` needs (the file itself carries no dates).
    static func describe(_ patents: PatentCitationFileSummary) -> String {
        """
        SYNTHETIC DATA: wrote \(NumberFormatting.grouped(patents.rows)) patent citations \
        (\(NumberFormatting.grouped(patents.citedWorks)) works cited by \
        \(NumberFormatting.grouped(patents.patents)) patents, patent cut-off year \(patents.cutoffYear)) \
        to \(patents.path)
        """
    }
}
