import Foundation
public import TechTrackerCore

/// The closing lines of an ingest (`techtracker ingest`, and the demo's ingest step).
public enum IngestReport {
    /// Renders `summary`: the counts line (`read N, new N, …, rejected N`), the files, bytes and
    /// rates, and, when the counts alone could mislead, what the run did to the store (see
    /// `IngestSummary.outcomeLine(strict:)`).
    public static func render(_ summary: IngestSummary, strict: Bool) -> String {
        var lines = [summary.countsLine]
        let mb = Double(summary.textBytes) / 1e6
        // An empty run takes no measurable time: the rates must not divide by zero.
        let seconds = max(summary.seconds, 1e-9)
        lines.append(
            "\(summary.files) file(s), \(String(format: "%.1f", mb)) MB of JSON "
                + "in \(String(format: "%.1f", summary.seconds)) s "
                + "(\(Int(Double(summary.read) / seconds)) works/s, \(String(format: "%.0f", mb / seconds)) MB/s)")
        if let outcome = summary.outcomeLine(strict: strict) { lines.append(outcome) }
        return lines.joined(separator: "\n")
    }
}
