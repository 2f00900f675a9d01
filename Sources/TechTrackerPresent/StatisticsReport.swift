public import TechTrackerCore
public import TechTrackerMeasure

/// `techtracker stats` as text.
public enum StatisticsReport {
    /// How many countries the country table lists unless told otherwise (`stats --countries`).
    public static let defaultCountryLimit = 25

    /// Renders the statistics; `institutions` maps ids to display names and countries;
    /// `crossSource` says, for a store of several sources or of exports, which source stands for
    /// each paper (whose citation count is used), what was merged and how references link.
    public static func render(
        _ stats: CorpusStatistics, institutions: [String: Institution],
        countryLimit: Int = defaultCountryLimit, crossSource: CrossSourceSummary = CrossSourceSummary()
    ) -> String {
        var out: [String] = []
        if stats.includesSyntheticData { out.append(Banner.synthetic) }
        let sources = stats.worksBySource.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \(NumberFormatting.grouped($0.value))" }.joined(separator: ", ")
        out.append(
            "Works: \(NumberFormatting.grouped(stats.works)) (\(sources.isEmpty ? "none" : sources)); "
                + "retracted \(NumberFormatting.grouped(stats.retracted))"
        )
        out.append(contentsOf: IngestReport.crossSourceLines(crossSource))
        out.append(
            "Works with no known country: \(NumberFormatting.grouped(stats.worksWithoutCountry)) "
                + "(\(NumberFormatting.percent(stats.shareWithoutCountry)) of works; "
                + "\(NumberFormatting.percent(stats.works > 0 ? stats.unknownFractional / Double(stats.works) : 0)) "
                + "of fractional credit is unknown)"
        )

        var years = TextTable(headers: ["year", "works"])
        for (year, count) in stats.worksByYear.sorted(by: { ($0.key ?? Int.max) < ($1.key ?? Int.max) }) {
            years.append([year.map(String.init) ?? "unknown", NumberFormatting.grouped(count)])
        }
        out.append("\nWorks by publication year\n" + years.render())

        var types = TextTable(headers: ["type", "works"])
        for (type, count) in stats.worksByType.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            types.append([type.isEmpty ? "(none)" : type, NumberFormatting.grouped(count)])
        }
        out.append("\nWorks by type\n" + types.render())

        var countries = TextTable(headers: ["country", "fractional", "share", "whole", "share (whole)"])
        let total = Double(max(stats.works, 1))
        // A negative limit would trap in `prefix`; the command refuses one, this guards other callers.
        for output in stats.countries.prefix(max(0, countryLimit)) {
            countries.append([
                output.country.description, NumberFormatting.decimal(output.fractional),
                NumberFormatting.percent(output.fractional / total), NumberFormatting.grouped(output.whole),
                NumberFormatting.percent(Double(output.whole) / total),
            ])
        }
        countries.append([
            "unknown", NumberFormatting.decimal(stats.unknownFractional),
            NumberFormatting.percent(stats.unknownFractional / total),
            NumberFormatting.grouped(stats.worksWithoutCountry),
            NumberFormatting.percent(stats.shareWithoutCountry),
        ])
        out.append(
            "\nWorks by country (METHOD §3; fractional credits sum to the work count with unknown; "
                + "whole counts every country on a work once, so shares sum to over 100%; "
                + "top \(countryLimit) of \(stats.countries.count))\n"
                + countries.render())

        var top = TextTable(
            headers: ["institution", "country", "fractional", "whole"], alignments: [.left, .left, .right, .right])
        for output in stats.institutions {
            let institution = institutions[output.id]
            let name = institution.map { $0.name.isEmpty ? output.id : $0.name } ?? output.id
            top.append([
                String(name.prefix(60)), institution?.country?.description ?? "?",
                NumberFormatting.decimal(output.fractional), NumberFormatting.grouped(output.whole),
            ])
        }
        out.append("\nTop institutions by fractional output\n" + top.render())
        if stats.includesSyntheticData { out.append("\n" + Banner.synthetic) }
        return out.joined(separator: "\n")
    }
}
