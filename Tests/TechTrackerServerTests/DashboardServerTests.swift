import Foundation
import Hummingbird
import HummingbirdTesting
import TechTrackerCore
import TechTrackerPresent
import TechTrackerServer
import Testing

/// The dashboard's routes run through the router (no socket), on `DashboardFixture`.
@Suite struct DashboardServerTests {
    let model = DashboardFixture.model

    /// Runs `body` with a client of the dashboard over the fixture.
    private func withClient(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = DashboardServer(model: model).application(host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in try await body(client) }
    }

    private static func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    private static func header(_ response: TestResponse, _ name: String) -> String? {
        response.headers.first { $0.name.canonicalName == name.lowercased() }?.value
    }

    /// The headers every answer carries, and the content type.
    private static func expectHeaders(_ response: TestResponse, contentType: String) {
        #expect(header(response, "Content-Type") == contentType)
        #expect(header(response, "Cache-Control") == "no-store")
        #expect(header(response, "X-Content-Type-Options") == "nosniff")
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try DashboardJSON.decoder().decode(type, from: Data(text(response).utf8))
    }

    // MARK: Pages

    @Test func pagesAnswerWithTheRenderersOutputForTheDefaultSelection() async throws {
        let model = model
        let selection = model.defaultSelection
        #expect(selection == DashboardSelection(windowStart: 2016, counting: .fractional))
        let expected: [(String, String)] = [
            ("/", DashboardPages.overview(model, selection, links: .server)),
            (
                "/technology/quantum-computing",
                DashboardPages.technology(model, id: "quantum-computing", selection, links: .server)!
            ),
            ("/country/US", DashboardPages.country(model, code: "US", selection, links: .server)!),
            ("/method", DashboardPages.method(model, links: .server)),
        ]
        try await withClient { client in
            for (uri, page) in expected {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                Self.expectHeaders(response, contentType: "text/html; charset=utf-8")
                #expect(Self.text(response) == page, "\(uri)")
            }
        }
    }

    @Test func pagesTakeTheSelectionFromTheQuery() async throws {
        let model = model
        let selection = DashboardSelection(windowStart: 2015, counting: .whole)
        let expected = [
            ("/?window=2015&counting=whole", DashboardPages.overview(model, selection, links: .server)),
            (
                "/technology/batteries?window=2015&counting=whole",
                DashboardPages.technology(model, id: "batteries", selection, links: .server)!
            ),
            (
                "/country/CN?counting=whole&window=2015",
                DashboardPages.country(model, code: "CN", selection, links: .server)!
            ),
            ("/method?window=2015&counting=whole", DashboardPages.method(model, links: .server)),
        ]
        try await withClient { client in
            for (uri, page) in expected {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                #expect(Self.text(response) == page, "\(uri)")
            }
        }
    }

    @Test func aGroupsPageIsReachedByItsPercentEncodedName() async throws {
        let model = model
        let page = DashboardPages.country(model, code: "EU27", model.defaultSelection, links: .server)!
        try await withClient { client in
            let response = try await client.execute(uri: "/country/EU27", method: .get)
            #expect(response.status == .ok)
            #expect(Self.text(response) == page)
            // The links percent-encode names; the server decodes them.
            let encoded = try await client.execute(uri: "/country/%45U27", method: .get)
            #expect(encoded.status == .ok)
            #expect(Self.text(encoded) == page)
        }
    }

    @Test func headAnswersWithoutABody() async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/method", method: .head)
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
            Self.expectHeaders(response, contentType: "text/html; charset=utf-8")
        }
    }

    // MARK: CSV

    @Test func csvIsAnAttachmentNamedAfterChartSubjectAndSelection() async throws {
        let model = model
        let selection = DashboardSelection(windowStart: 2015, counting: .whole)
        let expected = DashboardCSV.chart(.shares, model, subject: "quantum-computing", selection)
        try await withClient { client in
            let response = try await client.execute(
                uri: "/csv/shares?subject=quantum-computing&window=2015&counting=whole", method: .get)
            if let expected {
                #expect(response.status == .ok)
                Self.expectHeaders(response, contentType: "text/csv; charset=utf-8")
                #expect(
                    Self.header(response, "Content-Disposition")
                        == "attachment; filename=\"techtracker-shares-quantum-computing-2015-whole.csv\"")
                #expect(Self.text(response) == expected)
            } else {
                // The renderer has no figures for it: a 404 that names the chart and the subject.
                #expect(response.status == .notFound)
                Self.expectHeaders(response, contentType: "text/html; charset=utf-8")
                #expect(Self.text(response).contains("shares of &#39;quantum-computing&#39;"))
            }
        }
    }

    @Test func csvOfAnUnknownChartIsNotFoundAndListsTheCharts() async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/csv/pie-chart", method: .get)
            #expect(response.status == .notFound)
            Self.expectHeaders(response, contentType: "text/html; charset=utf-8")
            let body = Self.text(response)
            #expect(body.contains("No chart named &#39;pie-chart&#39;"))
            // Without patent data the patent charts are not among them (PatentServerTests).
            #expect(body.contains(DashboardChart.available(in: model).map(\.rawValue).joined(separator: ", ") + "."))
        }
    }

    // MARK: Not found, bad requests, methods

    @Test func unknownThingsAreNotFoundAndNamed() async throws {
        let cases = [
            ("/technology/cold-fusion", "No technology with the id &#39;cold-fusion&#39;."),
            ("/country/ZZ", "No country or group &#39;ZZ&#39; in the figures."),
            ("/no/such/page", "No page at &#39;/no/such/page&#39;."),
            ("/technology/%3Cscript%3E", "No technology with the id &#39;&lt;script&gt;&#39;."),
        ]
        try await withClient { client in
            for (uri, message) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                Self.expectHeaders(response, contentType: "text/html; charset=utf-8")
                #expect(Self.text(response).contains("<p>\(message)</p>"), "\(uri)")
                #expect(!Self.text(response).contains("<script>"))
            }
        }
    }

    @Test func unknownThingsUnderTheAPIAreNotFoundInJSON() async throws {
        let cases = [
            ("/api/technologies/cold-fusion", "No technology with the id 'cold-fusion'."),
            ("/api/countries/ZZ", "No country or group 'ZZ' in the figures."),
            ("/api/nothing", "No page at '/api/nothing'."),
        ]
        try await withClient { client in
            for (uri, message) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                Self.expectHeaders(response, contentType: "application/json")
                let problem = try Self.decode(ProblemJSON.self, response)
                #expect(problem.status == 404)
                #expect(problem.error == "Not found")
                #expect(problem.message == message)
            }
        }
    }

    @Test func aMalformedOrUnknownSelectionIsABadRequestNamingTheAllowedValues() async throws {
        let windows = "window must be the first year of an analysed window (2015, 2016)"
        let countings = "counting must be one of fractional, whole"
        let cases = [
            ("/?window=abc", "\(windows), not &#39;abc&#39;."),
            ("/technology/batteries?window=1999", "\(windows), not &#39;1999&#39;."),
            ("/country/US?counting=median", "\(countings), not &#39;median&#39;."),
            ("/method?window=2015&window=2016", "window is given more than once."),
            ("/csv/heat-map?window=2017", "\(windows), not &#39;2017&#39;."),
        ]
        try await withClient { client in
            for (uri, message) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                Self.expectHeaders(response, contentType: "text/html; charset=utf-8")
                #expect(Self.text(response).contains("<p>\(message)</p>"), "\(uri)")
            }
            let api = try await client.execute(uri: "/api/headline?counting=median", method: .get)
            #expect(api.status == .badRequest)
            Self.expectHeaders(api, contentType: "application/json")
            let problem = try Self.decode(ProblemJSON.self, api)
            #expect(problem.status == 400)
            #expect(problem.message == "\(countings), not 'median'.")
            let window = try await client.execute(uri: "/api/technologies/batteries?window=abc", method: .get)
            #expect(window.status == .badRequest)
            #expect(try Self.decode(ProblemJSON.self, window).message == "\(windows), not 'abc'.")
        }
    }

    @Test func otherMethodsAreNotAllowed() async throws {
        try await withClient { client in
            for (uri, method) in [
                ("/", HTTPRequest.Method.post), ("/technology/batteries", .put), ("/nowhere", .delete),
            ] {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                #expect(Self.header(response, "Allow") == "GET, HEAD")
                Self.expectHeaders(response, contentType: "text/html; charset=utf-8")
                #expect(Self.text(response).contains("\(method.rawValue) is not allowed"))
            }
            let api = try await client.execute(uri: "/api/settings", method: .post)
            #expect(api.status == .methodNotAllowed)
            Self.expectHeaders(api, contentType: "application/json")
            #expect(try Self.decode(ProblemJSON.self, api).status == 405)
        }
    }

    // MARK: API

    @Test func selectionListsWindowsCountingsAndTheDefaultWithSortedKeys() async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/api/selection", method: .get)
            #expect(response.status == .ok)
            Self.expectHeaders(response, contentType: "application/json")
            #expect(
                Self.text(response)
                    == #"{"countings":["fractional","whole"],"default":{"counting":"fractional","window":2016},"#
                    + #""windows":[{"end":2019,"start":2015},{"end":2020,"start":2016}]}"#)
        }
    }

    @Test func technologiesAreTheTaxonomysDefinitions() async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/api/technologies", method: .get)
            #expect(response.status == .ok)
            Self.expectHeaders(response, contentType: "application/json")
            let technologies = try Self.decode([TechnologyJSON].self, response)
            #expect(technologies.map(\.id) == ["quantum-computing", "batteries"])
            #expect(technologies[0].query == "title:(qubit OR \"quantum computer\")")
            #expect(technologies[1].category == "Energy")
            #expect(technologies == DashboardFixture.technologies.map(TechnologyJSON.init))
        }
    }

    @Test func aTechnologysFiguresAreTheRowsOfTheSelection() async throws {
        let results = model.results
        try await withClient { client in
            let response = try await client.execute(
                uri: "/api/technologies/batteries?window=2015&counting=whole", method: .get)
            #expect(response.status == .ok)
            Self.expectHeaders(response, contentType: "application/json")
            let figures = try Self.decode(TechnologyFiguresJSON.self, response)
            #expect(figures.technology.name == "Advanced batteries")
            #expect(figures.selection == SelectedJSON(DashboardSelection(windowStart: 2015, counting: .whole)))
            #expect(figures.summary?.works == 1001)
            #expect(figures.summary?.leader == "US")
            #expect(figures.summary?.leaderShare == DashboardFixture.share(1, 2015, .whole, 0))
            #expect(figures.countries.map(\.country) == ["US", "CN", "DE", "EU27"])
            #expect(
                figures.countries.map(\.share) == (0..<3).map { DashboardFixture.share(1, 2015, .whole, $0) } + [0.2])
            #expect(figures.countries[2].ciLow == nil)
            #expect(figures.countries[3].unitType == "group")
            #expect(figures.countries[3].ratioToBestOutside == .infinity)
            #expect(figures.institutions.map(\.institutionId) == ["I12015"])
            #expect(figures.mobility.map(\.authors) == [8])
            #expect(figures.mobilityGains.map(\.netGain) == [6])
            let rows = results.countryShares.filter {
                $0.technology == "batteries" && $0.windowStart == 2015 && $0.counting == .whole
            }
            #expect(figures.countries == rows.map(CountryShareJSON.init))
            // Keys are the export files' column names; an infinite ratio is written as a string.
            let text = Self.text(response)
            #expect(text.contains(#""p_top":"#))
            #expect(text.contains(#""ratio_to_best_outside":"inf""#))
            #expect(text.contains(#""leader_institutions_in_top10":4"#))
        }
    }

    @Test func aCountrysFiguresFollowTheTaxonomysOrder() async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/api/countries/CN", method: .get)
            #expect(response.status == .ok)
            Self.expectHeaders(response, contentType: "application/json")
            let figures = try Self.decode(CountryFiguresJSON.self, response)
            #expect(figures.country == "CN")
            #expect(figures.selection.window == 2016)
            #expect(figures.selection.counting == "fractional")
            #expect(figures.technologies.map(\.technology) == ["quantum-computing", "batteries"])
            #expect(
                figures.technologies.map(\.share) == [
                    DashboardFixture.share(0, 2016, .fractional, 1), DashboardFixture.share(1, 2016, .fractional, 1),
                ])
            #expect(figures.technologies.allSatisfy { $0.rank == 2 })
            #expect(figures.headline?.technologiesTop5 == 2)
            #expect(figures.headline?.technologiesLed == 0)
        }
    }

    @Test func headlineIsTheSelectionsRows() async throws {
        let rows = model.results.headline.filter { $0.windowStart == 2015 && $0.counting == .whole }
        try await withClient { client in
            let response = try await client.execute(uri: "/api/headline?window=2015&counting=whole", method: .get)
            #expect(response.status == .ok)
            Self.expectHeaders(response, contentType: "application/json")
            let headline = try Self.decode(HeadlineFiguresJSON.self, response)
            #expect(headline.rows.map(\.country) == ["US", "CN"])
            #expect(headline.rows.map(\.technologiesLed) == [2, 0])
            #expect(headline.rows.allSatisfy { $0.windowEnd == 2019 && $0.counting == "whole" })
            #expect(headline.rows == rows.map(HeadlineJSON.init))
        }
    }

    @Test func settingsStateWhatProducedTheFigures() async throws {
        let summary = model.results.settings.summary
        try await withClient { client in
            let response = try await client.execute(uri: "/api/settings", method: .get)
            #expect(response.status == .ok)
            Self.expectHeaders(response, contentType: "application/json")
            let settings = try Self.decode(SettingsJSON.self, response)
            #expect(settings.taxonomyHash == "sha256:abc123")
            #expect(settings.synthetic)
            #expect(settings.seed == 7)
            #expect(settings.fromYear == 2015)
            #expect(settings.toYear == 2020)
            #expect(settings.windows.map(\.start) == [2015, 2016])
            #expect(settings.countings == ["fractional", "whole"])
            #expect(settings.summary == summary)
            #expect(Self.text(response).contains(#""taxonomy_hash":"sha256:abc123""#))
        }
    }
}
