public import TechTrackerCore

/// `techtracker query` as text: the number of matching works, counts by year, the top
/// countries under fractional counting, and a seeded sample of titles with the matched words
/// in [brackets].
public enum QueryReport {
    /// What a search found, as plain values (the search itself reads the store, which this
    /// module does not).
    public struct Figures: Sendable {
        /// Works searched (in the years asked for).
        public var searched = 0
        /// Matching works.
        public var matches = 0
        /// Matching works per publication year.
        public var matchesByYear: [Int: Int] = [:]
        /// Fractional credit of the matching works per country (METHOD §3), `nil` = unknown.
        public var countryCredits: [CountryCode?: Double] = [:]
        /// The sampled matching works, in the order to print.
        public var samples: [SampledTitle] = []

        /// Makes empty figures.
        public init() {}
    }

    /// How many countries the country table lists.
    public static let countryRows = 10

    /// Renders the report of `query` (as the query language writes it); `years` is the
    /// `--years` text, if any. `synthetic` puts the SYNTHETIC DATA banner at the top and bottom.
    public static func render(query: String, figures: Figures, synthetic: Bool, years: String?) -> String {
        var out: [String] = []
        if synthetic { out.append(Banner.synthetic) }
        let share = figures.searched > 0 ? Double(figures.matches) / Double(figures.searched) : 0
        out.append("Query: \(query)")
        out.append(
            "Matches: \(NumberFormatting.grouped(figures.matches)) "
                + "of \(NumberFormatting.grouped(figures.searched)) works "
                + "(\(NumberFormatting.percent(share, digits: 2)))" + (years.map { ", published \($0)" } ?? ""))
        var byYear = TextTable(headers: ["year", "works"])
        for (year, count) in figures.matchesByYear.sorted(by: { $0.key < $1.key }) {
            byYear.append([String(year), NumberFormatting.grouped(count)])
        }
        out.append("\nBy publication year\n" + byYear.render())
        var countries = TextTable(headers: ["country", "fractional", "share"])
        let total = Double(max(figures.matches, 1))
        // Largest credit first; equal credits by country code, unknown last.
        let ranked = figures.countryCredits.sorted { lhs, rhs in
            (lhs.value, rhs.key?.description ?? "~") > (rhs.value, lhs.key?.description ?? "~")
        }
        for (country, credit) in ranked.prefix(countryRows) {
            countries.append([
                country?.description ?? "unknown", NumberFormatting.decimal(credit),
                NumberFormatting.percent(credit / total),
            ])
        }
        out.append("\nTop countries (fractional counting, METHOD §3)\n" + countries.render())
        out.append(
            "\nSample of matching titles (matched title words in [brackets]; "
                + "some works match in the abstract or keywords only)"
        )
        out += figures.samples.map(\.line)
        if synthetic { out.append(Banner.synthetic) }
        return out.joined(separator: "\n")
    }
}
