import Foundation
import TechTrackerSynth

/// Runs the synthetic-corpus generator for `generate`, `demo` and `bench`, with progress.
enum CorpusGeneration {
    static func run(works: Int, seed: UInt64, from: Int, to: Int, parts: Int?, outDir: String, quiet: Bool) throws -> GenerationSummary {
        var configuration = SyntheticCorpusConfiguration(works: works)
        configuration.seed = seed
        configuration.fromYear = from
        configuration.toYear = to
        configuration.parts = parts
        let showProgress = !quiet
        let summary = try SyntheticCorpusGenerator(configuration: configuration).write(to: outDir) { progress in
            guard showProgress else { return }
            FileHandle.standardError.write(Data("\rgenerated \(progress.worksWritten)/\(progress.totalWorks) works\u{1B}[K".utf8))
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        return summary
    }

    /// True when `outDir` holds a finished corpus (its manifest is written last).
    static func isComplete(_ outDir: String) -> Bool {
        FileManager.default.fileExists(atPath: outDir + "/data/works/manifest")
    }

    static func describe(_ summary: GenerationSummary, outDir: String) -> String {
        let mb = Double(summary.uncompressedBytes) / 1e6
        let seconds = max(summary.seconds, 1e-9)
        return """
            SYNTHETIC DATA: wrote \(summary.works) works in \(summary.parts) part(s) to \(outDir)/data/works \
            (\(String(format: "%.0f", mb)) MB of JSON, \(String(format: "%.0f", Double(summary.compressedBytes) / 1e6)) MB gzipped, \
            \(String(format: "%.1f", summary.seconds)) s, \(String(format: "%.0f", mb / seconds)) MB/s, \
            \(Int(Double(summary.works) / seconds)) works/s)
            """
    }
}
