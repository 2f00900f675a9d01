import Foundation
import Hummingbird
import TechTrackerCore
import TechTrackerPresent

/// The answer to every route, from the model alone: what the router's handlers return.
struct DashboardAnswers: Sendable {
    let model: DashboardModel

    /// The most characters of a client's text an error message repeats.
    static let shownLength = 80

    /// Whether `path` is under `/api` (its errors are answered in JSON).
    static func isAPI(_ path: String) -> Bool {
        path == "/api" || path.hasPrefix("/api/")
    }

    // MARK: Pages

    func overview(_ query: DashboardQuery) -> DashboardReply {
        answer(api: false) {
            .html(DashboardPages.overview(model, try selection(query, api: false), links: .server))
        }
    }

    func technology(_ parameter: String?, _ query: DashboardQuery) -> DashboardReply {
        answer(api: false) {
            let id = try technologyID(parameter, api: false)
            let selection = try selection(query, api: false)
            guard let page = DashboardPages.technology(model, id: id, selection, links: .server) else {
                throw Self.unknownTechnology(id, api: false)
            }
            return .html(page)
        }
    }

    func country(_ parameter: String?, _ query: DashboardQuery) -> DashboardReply {
        answer(api: false) {
            let code = try countryCode(parameter, api: false)
            let selection = try selection(query, api: false)
            guard let page = DashboardPages.country(model, code: code, selection, links: .server) else {
                throw Self.unknownCountry(code, api: false)
            }
            return .html(page)
        }
    }

    func method(_ query: DashboardQuery) -> DashboardReply {
        answer(api: false) {
            // The page shows no selection, but a wrong one is still refused, as on every page.
            _ = try selection(query, api: false)
            return .html(DashboardPages.method(model, links: .server))
        }
    }

    func csv(_ parameter: String?, _ query: DashboardQuery) -> DashboardReply {
        answer(api: false) {
            let name = Self.decoded(parameter)
            guard let name, let chart = DashboardChart(rawValue: name) else {
                throw DashboardRefusal(
                    .problem(
                        .notFound, api: false, title: "Not found",
                        message: "No chart named \(Self.shown(name ?? parameter ?? "")); the charts are "
                            + DashboardChart.available(in: model).map(\.rawValue).joined(separator: ", ") + "."))
            }
            let subject = try Self.single("subject", query, api: false)
            let selection = try selection(query, api: false)
            guard let csv = DashboardCSV.chart(chart, model, subject: subject, selection) else {
                throw DashboardRefusal(
                    .problem(
                        .notFound, api: false, title: "Not found",
                        message: "No figures for the chart \(chart.rawValue)"
                            + (subject.map { " of \(Self.shown($0))" } ?? " without a subject") + "."))
            }
            return .csv(csv, fileName: Self.csvFileName(chart, subject: subject, selection))
        }
    }

    // MARK: API

    func apiSelection() -> DashboardReply {
        let windows = model.windowStarts.map { start in
            WindowJSON(
                start: start,
                end: model.results.technologySummaries.first { $0.windowStart == start }?.windowEnd
                    ?? start + model.results.settings.windowLength - 1)
        }
        return .json(
            SelectionJSON(
                windows: windows, countings: model.countings.map(\.rawValue),
                default: SelectedJSON(model.defaultSelection)))
    }

    func apiTechnologies() -> DashboardReply {
        .json(model.technologies.map(TechnologyJSON.init))
    }

    func apiTechnology(_ parameter: String?, _ query: DashboardQuery) -> DashboardReply {
        answer(api: true) {
            let id = try technologyID(parameter, api: true)
            guard let technology = model.technologies.first(where: { $0.id == id }) else {
                throw Self.unknownTechnology(id, api: true)
            }
            let selection = try selection(query, api: true)
            let results = model.results
            func inSelection(_ technology: String, _ windowStart: Int, _ counting: Counting) -> Bool {
                technology == id && windowStart == selection.windowStart && counting == selection.counting
            }
            return .json(
                TechnologyFiguresJSON(
                    technology: TechnologyJSON(technology), selection: SelectedJSON(selection),
                    summary: results.technologySummaries.first {
                        inSelection($0.technology, $0.windowStart, $0.counting)
                    }
                    .map(TechnologySummaryJSON.init),
                    countries: results.countryShares.filter { inSelection($0.technology, $0.windowStart, $0.counting) }
                        .map(CountryShareJSON.init),
                    institutions: results.institutions.filter {
                        inSelection($0.technology, $0.windowStart, $0.counting)
                    }
                    .map(InstitutionShareJSON.init),
                    mobility: results.mobility.filter { $0.technology == id && $0.windowStart == selection.windowStart }
                        .map(MobilityFlowJSON.init),
                    mobilityGains: results.mobilityGains.filter {
                        $0.technology == id && $0.windowStart == selection.windowStart
                    }
                    .map(MobilityGainJSON.init),
                    patentSummary: results.patentSummaries.first {
                        inSelection($0.technology, $0.windowStart, $0.counting)
                    }
                    .map(PatentSummaryJSON.init),
                    patentLinkage: results.patentData == nil
                        ? nil
                        : results.patentLinkage.filter { inSelection($0.technology, $0.windowStart, $0.counting) }
                            .sorted {
                                ($0.unitType == .group ? 1 : 0, $0.rank, $0.country) < (
                                    $1.unitType == .group ? 1 : 0, $1.rank, $1.country
                                )
                            }
                            .map(PatentLinkageJSON.init)))
        }
    }

    func apiCountry(_ parameter: String?, _ query: DashboardQuery) -> DashboardReply {
        answer(api: true) {
            let code = try countryCode(parameter, api: true)
            guard model.results.countryShares.contains(where: { $0.country == code }) else {
                throw Self.unknownCountry(code, api: true)
            }
            let selection = try selection(query, api: true)
            let order = Dictionary(
                model.technologies.enumerated().map { ($0.element.id, $0.offset) },
                uniquingKeysWith: { first, _ in first })
            let rows = model.results.countryShares.enumerated()
                .filter {
                    $0.element.country == code && $0.element.windowStart == selection.windowStart
                        && $0.element.counting == selection.counting
                }
                .sorted {
                    (order[$0.element.technology] ?? Int.max, $0.offset) < (
                        order[$1.element.technology] ?? Int.max, $1.offset
                    )
                }
                .map { CountryShareJSON($0.element) }
            let headline = model.results.headline.first {
                $0.country == code && $0.windowStart == selection.windowStart && $0.counting == selection.counting
            }
            return .json(
                CountryFiguresJSON(
                    country: code, selection: SelectedJSON(selection), headline: headline.map(HeadlineJSON.init),
                    technologies: rows))
        }
    }

    func apiHeadline(_ query: DashboardQuery) -> DashboardReply {
        answer(api: true) {
            let selection = try selection(query, api: true)
            return .json(
                HeadlineFiguresJSON(
                    selection: SelectedJSON(selection),
                    rows: model.results.headline.filter {
                        $0.windowStart == selection.windowStart && $0.counting == selection.counting
                    }
                    .map(HeadlineJSON.init),
                    patentRows: model.results.patentData == nil
                        ? nil
                        : model.results.patentHeadline.filter {
                            $0.windowStart == selection.windowStart && $0.counting == selection.counting
                        }
                        .map(HeadlineJSON.init)))
        }
    }

    func apiSettings() -> DashboardReply {
        .json(SettingsJSON(model.results))
    }

    // MARK: Parameters

    /// The selection `window` and `counting` give, each defaulting to the model's; a refusal
    /// (400, naming the parameter and the allowed values) for a malformed or unknown one.
    func selection(_ query: DashboardQuery, api: Bool) throws -> DashboardSelection {
        var selection = model.defaultSelection
        if let text = try Self.single("window", query, api: api) {
            guard let start = Int(text), model.windowStarts.contains(start) else {
                throw DashboardRefusal(
                    .problem(
                        .badRequest, api: api, title: "Bad request",
                        message: "window must be the first year of an analysed window ("
                            + model.windowStarts.map(String.init).joined(separator: ", ")
                            + "), not \(Self.shown(text))."
                    ))
            }
            selection.windowStart = start
        }
        if let text = try Self.single("counting", query, api: api) {
            guard let counting = Counting(rawValue: text), model.countings.contains(counting) else {
                throw DashboardRefusal(
                    .problem(
                        .badRequest, api: api, title: "Bad request",
                        message: "counting must be one of " + model.countings.map(\.rawValue).joined(separator: ", ")
                            + ", not \(Self.shown(text))."))
            }
            selection.counting = counting
        }
        return selection
    }

    /// The value of query parameter `name`, `nil` when absent; a refusal when given twice.
    static func single(_ name: String, _ query: DashboardQuery, api: Bool) throws -> String? {
        let values = query.values(name)
        guard values.count <= 1 else {
            throw DashboardRefusal(
                .problem(.badRequest, api: api, title: "Bad request", message: "\(name) is given more than once."))
        }
        return values.first
    }

    private func technologyID(_ parameter: String?, api: Bool) throws -> String {
        guard let id = Self.decoded(parameter) else { throw Self.unknownTechnology(parameter ?? "", api: api) }
        return id
    }

    private func countryCode(_ parameter: String?, api: Bool) throws -> String {
        guard let code = Self.decoded(parameter) else { throw Self.unknownCountry(parameter ?? "", api: api) }
        return code
    }

    /// A path segment percent-decoded; `nil` when missing or not valid UTF-8 once decoded.
    static func decoded(_ parameter: String?) -> String? {
        parameter?.removingPercentEncoding
    }

    static func unknownTechnology(_ id: String, api: Bool) -> DashboardRefusal {
        DashboardRefusal(
            .problem(.notFound, api: api, title: "Not found", message: "No technology with the id \(shown(id))."))
    }

    static func unknownCountry(_ code: String, api: Bool) -> DashboardRefusal {
        DashboardRefusal(
            .problem(
                .notFound, api: api, title: "Not found",
                message: "No country or group \(shown(code)) in the figures."))
    }

    /// A client's text as a message repeats it: quoted, and cut to `shownLength` characters.
    static func shown(_ text: String) -> String {
        "'" + (text.count > shownLength ? text.prefix(shownLength) + "…" : text) + "'"
    }

    /// `techtracker-shares-quantum-computing-2020-fractional.csv`: only letters, digits, `-`,
    /// `_` and `.` (anything else in a subject becomes `_`).
    static func csvFileName(_ chart: DashboardChart, subject: String?, _ selection: DashboardSelection) -> String {
        let parts =
            ["techtracker", chart.rawValue] + (subject.map { [$0] } ?? [])
            + [String(selection.windowStart), selection.counting.rawValue]
        let name = parts.joined(separator: "-")
        return String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar in
                    scalar.isASCII
                        && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                        ? scalar : "_"
                })) + ".csv"
    }

    private func answer(api: Bool, _ body: () throws -> DashboardReply) -> DashboardReply {
        do {
            return try body()
        } catch let refusal as DashboardRefusal {
            return refusal.reply
        } catch {
            return .problem(
                .internalServerError, api: api, title: "Internal error", message: "The server failed to answer.")
        }
    }
}

/// A request's query parameters, values percent-decoded, in order.
struct DashboardQuery: Sendable {
    var parameters: [(name: String, value: String)]

    init(_ request: Request) {
        parameters = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    init(_ parameters: [(name: String, value: String)]) {
        self.parameters = parameters
    }

    /// Every value of parameter `name`.
    func values(_ name: String) -> [String] {
        parameters.filter { $0.name == name }.map(\.value)
    }
}

/// A request refused, with the answer that says why.
struct DashboardRefusal: Error {
    let reply: DashboardReply

    init(_ reply: DashboardReply) {
        self.reply = reply
    }
}
