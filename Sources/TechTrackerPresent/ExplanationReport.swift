import Foundation

/// `techtracker explain TECH` as text: the technology's query and scope, works by year, the
/// query terms that matched most often, its overlaps with other technologies and a seeded
/// sample of titles.
public enum ExplanationReport {
    /// How a technology's query behaves on the store, as plain values (the explanation itself
    /// reads the store, which this module does not).
    public struct Figures: Sendable {
        /// The technology's id, name, category, scope and query, as the last classification stored them.
        public var id: String
        /// The technology's name.
        public var name: String
        /// Its category.
        public var category: String
        /// Its scope note (may be empty).
        public var scope: String
        /// Its query, as written in the taxonomy.
        public var query: String
        /// Works in the technology.
        public var works = 0
        /// Works per publication year.
        public var worksByYear: [Int: Int] = [:]
        /// The query's terms by how many of the examined works they matched, most first.
        public var termCounts: [(term: String, works: Int)] = []
        /// Works examined for `termCounts`.
        public var termSampleSize = 0
        /// Technologies sharing works, largest Jaccard first.
        public var overlaps: [(technology: String, shared: Int, jaccard: Double)] = []
        /// The sampled member works, in the order to print.
        public var samples: [SampledTitle] = []

        /// Makes figures for a technology with no works yet.
        public init(id: String, name: String, category: String, scope: String, query: String) {
            self.id = id
            self.name = name
            self.category = category
            self.scope = scope
            self.query = query
        }
    }

    /// Terms listed.
    public static let termRows = 15
    /// Overlapping technologies listed.
    public static let overlapRows = 10

    /// Renders the explanation; each of `notes` becomes a `Note:` line under the query.
    /// `synthetic` puts the SYNTHETIC DATA banner at the top and bottom.
    public static func render(_ figures: Figures, notes: [String], synthetic: Bool) -> String {
        var out: [String] = []
        if synthetic { out.append(Banner.synthetic) }
        out.append("\(figures.name) (\(figures.id)), \(figures.category)")
        if !figures.scope.isEmpty { out.append("Scope: \(figures.scope)") }
        out.append("Query: \(figures.query)")
        out += notes.map { "Note: \($0)" }
        out.append("Works: \(NumberFormatting.grouped(figures.works))")
        var years = TextTable(headers: ["year", "works"])
        for (year, count) in figures.worksByYear.sorted(by: { $0.key < $1.key }) {
            years.append([String(year), NumberFormatting.grouped(count)])
        }
        out.append("\nWorks by publication year\n" + years.render())
        var terms = TextTable(headers: ["query term", "works", "share"], alignments: [.left, .right, .right])
        for (term, count) in figures.termCounts.prefix(termRows) {
            terms.append([
                term, NumberFormatting.grouped(count),
                NumberFormatting.percent(Double(count) / Double(max(figures.termSampleSize, 1))),
            ])
        }
        out.append(
            "\nTerms that matched most often (in \(NumberFormatting.grouped(figures.termSampleSize)) works examined)\n"
                + terms.render())
        var overlaps = TextTable(headers: ["other technology", "shared works", "Jaccard"])
        for overlap in figures.overlaps.prefix(overlapRows) {
            overlaps.append([
                overlap.technology, NumberFormatting.grouped(overlap.shared), String(format: "%.3f", overlap.jaccard),
            ])
        }
        out.append("\nOverlap with other technologies\n" + (figures.overlaps.isEmpty ? "  none" : overlaps.render()))
        out.append("\nSeeded sample of titles for a precision check (matched title words in [brackets])")
        out += figures.samples.map(\.line)
        if synthetic { out.append(Banner.synthetic) }
        return out.joined(separator: "\n")
    }
}
