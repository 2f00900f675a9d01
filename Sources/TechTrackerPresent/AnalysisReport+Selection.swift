public import TechTrackerCore

/// A report selection that names something the stored figures do not hold: a window not
/// analysed, a counting not computed, an unknown technology or country. Printing the report
/// anyway would show empty tables that read as "no results", not as a typo.
public struct ReportSelectionError: Error, Sendable, CustomStringConvertible {
    /// The option at fault and what it names that is missing, with what there is instead.
    public let description: String
}

extension AnalysisReport {
    /// Checks `selection` against `results`; throws `ReportSelectionError` naming the option,
    /// what is unknown and the close matches (or what is known).
    public static func check(_ selection: Selection, in results: AnalysisResults) throws {
        let windows = analysedWindows(results)
        if let window = selection.window, !windows.contains(window) {
            let listed = windows.isEmpty ? "none" : windows.map(\.description).joined(separator: ", ")
            throw ReportSelectionError(
                description: "--window \(window) was not analysed; windows with figures: \(listed)")
        }
        let countings = Set(results.technologySummaries.map(\.counting))
        guard countings.contains(selection.counting) else {
            throw ReportSelectionError(
                description: "--counting \(selection.counting.rawValue) was not computed by the last analysis; "
                    + "it computed \(computedCountings(results))")
        }
        if let technology = selection.technology {
            let known = Set(results.technologySummaries.map(\.technology))
            if !known.contains(technology) {
                throw ReportSelectionError(
                    description: "--technology: no figures for '\(technology)'; "
                        + CloseMatches.hint(for: technology, among: Array(known)))
            }
        }
        if let country = selection.country {
            let known = Set(results.countryShares.filter { $0.unitType == .country }.map(\.country))
            if !known.contains(country) {
                throw ReportSelectionError(
                    description: "--country: no figures for '\(country)' (an ISO alpha-2 code); "
                        + CloseMatches.hint(for: country, among: Array(known), listed: 250))
            }
        }
    }

    /// "fractional, whole": the countings with figures, in their settings order.
    public static func computedCountings(_ results: AnalysisResults) -> String {
        let present = Set(results.technologySummaries.map(\.counting))
        let names = results.settings.countings.filter(present.contains).map(\.rawValue)
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }
}
