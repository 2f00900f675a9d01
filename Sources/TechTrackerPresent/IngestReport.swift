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
            "\(summary.files) file(s), \(String(format: "%.1f", mb)) MB of text "
                + "in \(String(format: "%.1f", summary.seconds)) s "
                + "(\(Int(Double(summary.read) / seconds)) works/s, \(String(format: "%.0f", mb / seconds)) MB/s)")
        if let outcome = summary.outcomeLine(strict: strict) { lines.append(outcome) }
        if !summary.warnings.isEmpty {
            let kinds = summary.warnings.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            lines.append("warnings: " + kinds.joined(separator: ", "))
        }
        if !summary.unrecognisedCountries.isEmpty {
            let segments = summary.unrecognisedCountries.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            let shown = segments.prefix(unrecognisedCountriesShown).map { "\"\($0.key)\" (\($0.value))" }
            let more = segments.count > unrecognisedCountriesShown ? ", …" : ""
            lines.append(
                "countries not recognised (their authors' share is unknown, METHOD §3): "
                    + shown.joined(separator: ", ") + more)
        }
        lines.append(contentsOf: crossSourceLines(summary.crossSource))
        return lines.joined(separator: "\n")
    }

    /// How many unrecognised country segments the report names.
    static let unrecognisedCountriesShown = 10

    /// The store across sources, when it holds Web of Science or Scopus records or several
    /// sources: papers by the source that stands for them (whose citation count is used),
    /// duplicates merged, and the references linked by DOI. Shared with `stats`.
    public static func crossSourceLines(_ summary: CrossSourceSummary) -> [String] {
        guard summary.isMultiSource || summary.hasExportSources else { return [] }
        var lines: [String] = []
        let papers = summary.sources.compactMap { source in
            summary.papersBySource[source].map { "\(source.rawValue) \($0)" }
        }
        lines.append(
            "papers by the source that stands for them (its citation count is used): " + papers.joined(separator: ", "))
        if summary.isMultiSource {
            var merged =
                "records merged as the same paper from another source: \(summary.duplicates) "
                + "(\(summary.duplicatesByDOI) by DOI, \(summary.duplicatesByTitle) by title, year and first author)"
            if summary.ambiguousGroups > 0 { merged += "; \(summary.ambiguousGroups) ambiguous group(s) left unmerged" }
            lines.append(merged)
        }
        if summary.hasExportSources {
            lines.append(
                "references of Web of Science and Scopus papers: \(summary.exportReferences), "
                    + "\(summary.exportReferencesWithDOI) with a DOI, \(summary.exportReferencesLinked) linked to "
                    + "stored papers")
        }
        return lines
    }
}
