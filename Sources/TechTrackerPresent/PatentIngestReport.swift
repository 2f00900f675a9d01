import Foundation
public import TechTrackerCore

/// The closing lines of `ingest-patents`: per file what became of its rows (which add up to
/// the rows read), its first bad rows, its cut-off and how fast it was read, then the totals.
public enum PatentIngestReport {
    /// Renders `summary`. `cutoffGiven` says the cut-off came from `--cutoff-year`.
    public static func render(_ summary: PatentIngestSummary, cutoffGiven: Bool) -> String {
        var lines: [String] = []
        for file in summary.files {
            lines.append("\(file.name) (\(file.layout), \(megabytes(file.diskBytes)) MB on disk):")
            lines.append("  " + countsLine(file.counts))
            for problem in file.firstProblems { lines.append("  bad row: \(problem)") }
            if file.counts.rejected > file.firstProblems.count {
                lines.append("  … \(file.counts.rejected - file.firstProblems.count) more bad row(s)")
            }
            lines.append("  cut-off: " + cutoffText(file, cutoffGiven: cutoffGiven))
            lines.append(
                "  \(NumberFormatting.grouped(file.counts.rowsRead)) rows, \(megabytes(file.textBytes)) MB of text in "
                    + "\(String(format: "%.1f", file.seconds)) s "
                    + "(\(NumberFormatting.grouped(Int(file.rowsPerSecond))) rows/s, "
                    + "\(String(format: "%.0f", file.megabytesPerSecond)) MB/s)")
        }
        if summary.files.count > 1 {
            lines.append("all \(summary.files.count) files: " + countsLine(summary.totals))
        }
        if summary.files.isEmpty {
            lines.append("no files read")
        } else {
            lines.append(
                "patent cut-off: \(summary.cutoffYear.map(String.init) ?? "unknown"); "
                    + "works the citations were matched against: \(NumberFormatting.grouped(summary.worksIndexed))")
            lines.append(
                "only citations to works in the store are kept: works ingested later need the files read again")
        }
        return lines.joined(separator: "\n")
    }

    /// `read N rows = kept N (new N, updated N, unchanged N) + not in store N + rejected N +
    /// duplicates N`: the counts as the sum they make.
    public static func countsLine(_ counts: PatentFileCounts) -> String {
        func number(_ value: Int) -> String { NumberFormatting.grouped(value) }
        return "read \(number(counts.rowsRead)) rows = kept \(number(counts.kept)) (new \(number(counts.new)), "
            + "updated \(number(counts.updated)), unchanged \(number(counts.unchanged))) + not in store "
            + "\(number(counts.notInStore)) + rejected \(number(counts.rejected)) + duplicates "
            + "\(number(counts.duplicates))"
    }

    private static func cutoffText(_ file: PatentFileIngest, cutoffGiven: Bool) -> String {
        let seen = file.latestYearSeen.map { "latest year in the file \($0)" }
        guard let cutoff = file.cutoffYear else { return "unknown (the year column gave no year)" }
        if cutoffGiven { return "\(cutoff) (--cutoff-year)" + (seen.map { "; \($0)" } ?? "") }
        return "\(cutoff) (the latest year in the file)"
    }

    private static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f", Double(bytes) / 1e6)
    }
}
