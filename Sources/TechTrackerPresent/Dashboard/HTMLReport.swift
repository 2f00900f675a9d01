import TechTrackerCore

/// The whole dashboard for the default selection as one self-contained HTML file: the
/// overview, every technology's page, every country's and group's page and the method, linked
/// by in-page anchors; inline CSS and SVG, no external request; prints on A4 with each
/// technology on a new page.
public enum HTMLReport {
    /// The anchor links of the report (no CSV downloads: the numbers are printed in the tables).
    public static let links = DashboardLinks(
        overview: { _ in "#overview" },
        technology: { id, _ in "#technology-" + DashboardLinks.percentEncoded(id) },
        country: { code, _ in "#country-" + DashboardLinks.percentEncoded(code) },
        method: { "#method" },
        csv: nil)

    /// Renders the report.
    public static func render(_ model: DashboardModel) -> String {
        let index = DashboardIndex(model)
        index.prepareAll()
        let selection = model.defaultSelection
        let window = index.window(selection.windowStart)
        let units = index.units(selection)
        var body = "<section id=\"overview\">" + DashboardPages.overviewBody(index, selection, links: links)
        body += "<h2>Contents</h2><p>Technologies: "
        body += index.technologies.map { HTML.link(links.technology($0.id, selection), $0.name) }
            .joined(separator: " · ")
        body += "</p><p>Countries and blocs: "
        body += units.map { HTML.link(links.country($0.code, selection), $0.code) }.joined(separator: " · ")
        body += "</p></section>"
        for technology in index.technologies {
            body +=
                "<section class=\"page\" id=\"technology-\(HTML.escape(DashboardLinks.percentEncoded(technology.id)))\">"
                + DashboardPages.technologyBody(index, technology, selection, links: links) + "</section>"
        }
        for unit in units {
            body +=
                "<section class=\"page\" id=\"country-\(HTML.escape(DashboardLinks.percentEncoded(unit.code)))\">"
                + DashboardPages.countryBody(index, unit.code, selection, links: links) + "</section>"
        }
        body += "<section class=\"page\" id=\"method\">" + DashboardPages.methodBody(index) + "</section>"
        return DashboardDocument.render(
            title: "TechTracker report, \(window) (\(selection.counting.rawValue) counting)",
            synthetic: model.results.needsSyntheticLabel,
            nav: DashboardDocument.nav(index, nil, links: links, page: nil), body: body)
    }
}
