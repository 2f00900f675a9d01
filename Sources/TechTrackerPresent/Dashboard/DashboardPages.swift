import TechTrackerCore

/// The dashboard's pages as complete HTML documents (inline CSS and SVG charts, no external
/// requests), rendered from a `DashboardModel`. `links` says how pages link to each other and
/// to their CSV downloads: the server links to its routes, the single-file report to anchors.
public enum DashboardPages {
    /// The overview: headline, technologies led per country across windows, the heat map, changes
    /// of lead, blocs.
    public static func overview(
        _ model: DashboardModel, _ selection: DashboardSelection, links: DashboardLinks
    )
        -> String
    {
        let index = DashboardIndex(model)
        let link = links.overview(selection)
        return DashboardDocument.render(
            title: "TechTracker overview, \(index.window(selection.windowStart)) (\(selection.counting.rawValue))",
            synthetic: model.results.needsSyntheticLabel,
            nav: DashboardDocument.nav(index, selection, links: links, page: links.overview),
            body: DashboardDocument.permalink(link) + overviewBody(index, selection, links: links))
    }

    /// A technology's page; `nil` for an id the model does not hold.
    public static func technology(
        _ model: DashboardModel, id: String, _ selection: DashboardSelection, links: DashboardLinks
    ) -> String? {
        guard let technology = model.technologies.first(where: { $0.id == id }) else { return nil }
        let index = DashboardIndex(model)
        return DashboardDocument.render(
            title: "\(technology.name) – TechTracker, \(index.window(selection.windowStart))",
            synthetic: model.results.needsSyntheticLabel,
            nav: DashboardDocument.nav(index, selection, links: links, page: { links.technology(id, $0) }),
            body: DashboardDocument.permalink(links.technology(id, selection))
                + technologyBody(index, technology, selection, links: links))
    }

    /// A country's (or group's) page; `nil` for a code the figures never name.
    public static func country(
        _ model: DashboardModel, code: String, _ selection: DashboardSelection, links: DashboardLinks
    ) -> String? {
        let index = DashboardIndex(model)
        guard !index.rows(unit: code).isEmpty else { return nil }
        return DashboardDocument.render(
            title: "\(code) – TechTracker, \(index.window(selection.windowStart))",
            synthetic: model.results.needsSyntheticLabel,
            nav: DashboardDocument.nav(index, selection, links: links, page: { links.country(code, $0) }),
            body: DashboardDocument.permalink(links.country(code, selection))
                + countryBody(index, code, selection, links: links))
    }

    /// The method page: settings, taxonomy version, definitions.
    public static func method(_ model: DashboardModel, links: DashboardLinks) -> String {
        let index = DashboardIndex(model)
        return DashboardDocument.render(
            title: "Method – TechTracker", synthetic: model.results.needsSyntheticLabel,
            nav: DashboardDocument.nav(index, nil, links: links, page: nil),
            body: DashboardDocument.permalink(links.method()) + methodBody(index))
    }
}

/// The numbers a chart draws, as CSV, so that every chart can be downloaded.
public enum DashboardCSV {
    /// The CSV of chart `chart` (a name from `DashboardChart`) for a page's subject (`nil` for the
    /// overview); `nil` when the chart or subject is unknown.
    public static func chart(
        _ chart: DashboardChart, _ model: DashboardModel, subject: String?, _ selection: DashboardSelection
    ) -> String? {
        DashboardIndex(model).csv(chart, subject: subject, selection)
    }
}

/// The charts that can be downloaded as CSV.
public enum DashboardChart: String, Sendable, CaseIterable {
    /// Overview: technologies led per country per window.
    case ledPerWindow = "led-per-window"
    /// Overview: the heat map of shares (technologies × top countries).
    case heatMap = "heat-map"
    /// Technology: country shares with their intervals.
    case shares
    /// Technology: leader's and runner-up's shares across windows.
    case leadTrend = "lead-trend"
    /// Technology: top institutions.
    case institutions
    /// Technology: mobility flows and net gains.
    case mobility
    /// Country: its share per technology across windows.
    case countryTrend = "country-trend"
    /// Technology: patent-cited share beside Share per country (only with patent data).
    case patentShares = "patent-shares"
    /// Technology: patent-cited shares of the leaders across windows (only with patent data).
    case patentTrend = "patent-trend"
    /// Technology: the leader by patent-cited share and by Share per window (only with patent data).
    case patentLeaders = "patent-leaders"

    /// Whether the chart exists only when the analysis read patent data.
    public var needsPatentData: Bool {
        switch self {
        case .patentShares, .patentTrend, .patentLeaders: true
        default: false
        }
    }

    /// The charts a model has: the patent charts only when it holds patent data.
    public static func available(in model: DashboardModel) -> [DashboardChart] {
        allCases.filter { !$0.needsPatentData || model.results.patentData != nil }
    }
}

/// How pages refer to each other.
public struct DashboardLinks: Sendable {
    /// The link to the overview with a selection.
    public var overview: @Sendable (DashboardSelection) -> String
    /// The link to a technology's page.
    public var technology: @Sendable (String, DashboardSelection) -> String
    /// The link to a country's page.
    public var country: @Sendable (String, DashboardSelection) -> String
    /// The link to the method page.
    public var method: @Sendable () -> String
    /// The link to a chart's CSV, or `nil` when there are none (the single-file report embeds
    /// the numbers as data URIs instead).
    public var csv: (@Sendable (DashboardChart, String?, DashboardSelection) -> String)?

    /// Makes the links.
    public init(
        overview: @escaping @Sendable (DashboardSelection) -> String,
        technology: @escaping @Sendable (String, DashboardSelection) -> String,
        country: @escaping @Sendable (String, DashboardSelection) -> String,
        method: @escaping @Sendable () -> String,
        csv: (@Sendable (DashboardChart, String?, DashboardSelection) -> String)?
    ) {
        self.overview = overview
        self.technology = technology
        self.country = country
        self.method = method
        self.csv = csv
    }

    /// The server's routes: `/?window=2020&counting=fractional`, `/technology/ID?…`,
    /// `/country/CC?…`, `/method`, `/csv/CHART?subject=…&window=…&counting=…`.
    public static let server = DashboardLinks(
        overview: { "/?" + query($0) },
        technology: { "/technology/\(percentEncoded($0))?" + query($1) },
        country: { "/country/\(percentEncoded($0))?" + query($1) },
        method: { "/method" },
        csv: { chart, subject, selection in
            "/csv/\(chart.rawValue)?" + (subject.map { "subject=\(percentEncoded($0))&" } ?? "") + query(selection)
        })

    /// `window=2020&counting=fractional`.
    public static func query(_ selection: DashboardSelection) -> String {
        "window=\(selection.windowStart)&counting=\(selection.counting.rawValue)"
    }

    /// `text` with every byte but unreserved ASCII percent-encoded.
    public static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
