import TechTrackerCore

extension DashboardPages {
    static func methodBody(_ index: DashboardIndex) -> String {
        let results = index.model.results
        let settings = results.settings
        let windows = index.windows
        var out = "<h1>Method</h1><h2>Settings of this analysis</h2><dl class=\"settings\">"
        func item(_ term: String, _ value: String) {
            out += "<dt>\(HTML.escape(term))</dt><dd>\(HTML.escape(value))</dd>"
        }
        item("Countings", settings.countings.map(\.rawValue).joined(separator: ", "))
        item(
            "Windows",
            "\(settings.windowLength)-year windows rolling by one year"
                + (windows.isEmpty ? "" : ": \(windows[0]) … \(windows[windows.count - 1]) (\(windows.count) windows)"))
        item(
            "Top-10% threshold scope",
            settings.thresholdScope == .year
                ? "per technology and publication year" : "per technology and window")
        item("Bootstrap", "\(settings.bootstrapDraws) draws, seed \(settings.seed)")
        item("Work types", settings.types.joined(separator: ", ") + " (retracted works always dropped)")
        item("Groups", settings.groups.isEmpty ? "none" : settings.groups.map(\.description).joined(separator: "; "))
        item("Regions merged", settings.mergeRegions.isEmpty ? "none" : settings.mergeRegions.joined(separator: ", "))
        item(
            "Author self-citations",
            settings.excludeSelfCitations
                ? "excluded from the domestic-citation adjustment and inwardness"
                : "included in the domestic-citation adjustment and inwardness")
        for (term, value) in patentSettings(results) { item(term, value) }
        item("Taxonomy hash", results.taxonomyHash)
        item("Technologies", String(index.technologies.count))
        out += "</dl>"
        out += "<h2>Definitions</h2><dl class=\"settings\">"
        for (term, text) in definitions + patentDefinitions(results) { item(term, text) }
        out += "</dl>"
        return out
    }

    static let definitions: [(String, String)] = [
        (
            "Share",
            "A country's part of a technology's highly cited research: its P_top divided by the P_top of all "
                + "countries together, in one window and under one counting."
        ),
        (
            "P_top",
            "How many of the technology's top-10% most-cited works the country has, counted fractionally or "
                + "whole (see below)."
        ),
        (
            "Top-10% threshold and ties",
            "A work is in the top 10% when its citations reach the 90th percentile of its reference set (by "
                + "default the technology's works of the same publication year). Works tied at the threshold count "
                + "partly, so that exactly 10% of the works are top works."
        ),
        (
            "Fractional and whole counting",
            "Fractional counting splits each work between its authors and each author between their countries, so "
                + "a work counts once in total; whole counting gives a full work to every country on it."
        ),
        (
            "Stability interval and P(leader)",
            "The works are resampled with replacement (the bootstrap); the 95% interval is the middle 95% of a "
                + "country's Share across the draws, and P(leader) the fraction of draws in which it comes first."
        ),
        (
            "Low evidence",
            "A figure resting on a technology with fewer than 100 works in the window, or on a P_top below 5. "
                + "It is shown, but marked, and should not be over-read."
        ),
        (
            "Ties",
            "Units with exactly the same positive Share are tied; they are ranked by code or name and reported as a tie."
        ),
        ("Lead ratio", "The leader's Share divided by the runner-up's (∞ when no other country has a share)."),
        (
            "Monopoly risk",
            "High: lead ratio at least 3 and at least 8 of the top-10 institutions in the leader's country. "
                + "Medium: ratio at least 2 and at least 5 of the top-10 institutions. Low otherwise."
        ),
        (
            "Domestic-citation adjustment",
            "Shares recomputed with citations from the same country left out of the citation counts, so that "
                + "a country cannot lead by citing itself; the adjusted ranking stands beside the plain one."
        ),
        ("Inwardness", "The fraction of the citations a country's works receive that come from the same country."),
        (
            "Mobility",
            "Authors of top-10% works whose first dated affiliation is in one country and whose affiliation on the "
                + "top work is in another; net gain is inflow minus outflow. Read from publication records only."
        ),
        (
            "Groups (blocs)",
            "A group of countries measured as one unit, ranked among groups and never mixed into the country ranking."
        ),
        (
            "Where the figures come from",
            "Every number on these pages was computed by `techtracker analyze` and stored; the dashboard only "
                + "selects and displays them and never recomputes a figure."
        ),
    ]
}
