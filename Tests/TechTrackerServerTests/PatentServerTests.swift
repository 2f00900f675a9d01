import Foundation
import Hummingbird
import HummingbirdTesting
import TechTrackerCore
import TechTrackerPresent
import TechTrackerServer
import Testing

/// The figures by patent citations through the routes: in the JSON API and as CSV downloads
/// when the analysis read patent data, absent (not null) otherwise.
@Suite struct PatentServerTests {
    /// `DashboardFixture` with patent figures for quantum computing in 2016-2020, fractional:
    /// CN leads by patent-cited share where US leads by Share; cut-off 2024, so incomplete.
    static var patentModel: DashboardModel {
        var results = DashboardFixture.results
        results.patentData = PatentDataSummary(
            files: [.init(name: "_pcs_oa.csv", size: 2_048, citations: 12, latestYear: 2024)], cutoffYear: 2024,
            citations: 12, countingCitations: 10, citedWorks: 8)
        results.patentSummaries = [
            PatentSummaryRow(
                technology: "quantum-computing", windowStart: 2016, windowEnd: 2020, counting: .fractional,
                topWorks: 100, patentCitedTopWorks: 8, leaderByShare: "US", leader: "CN",
                leaderPatentCitedShare: 0.625, leaderTied: false, leadersDiffer: true, incomplete: true,
                lowEvidence: true)
        ]
        results.patentLinkage = ["CN", "US"].enumerated().map { rank, country in
            PatentLinkageRow(
                technology: "quantum-computing", windowStart: 2016, windowEnd: 2020, counting: .fractional,
                country: country, pc: rank == 0 ? 5 : 3, patentCitedShare: rank == 0 ? 0.625 : 0.375,
                patentRate: 0.5, rti: rank == 0 ? 2.0 : 0.75, rank: rank + 1, ciLow: nil, ciHigh: nil,
                incomplete: true, lowEvidence: true)
        }
        results.patentHeadline = [
            HeadlineRow(
                windowStart: 2016, windowEnd: 2020, counting: .fractional, country: "CN", technologiesLed: 1,
                technologiesTop5: 1, ledLowEvidence: 1)
        ]
        return DashboardModel(results: results, technologies: DashboardFixture.technologies)
    }

    private func withClient(
        _ model: DashboardModel, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let app = DashboardServer(model: model).application(host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in try await body(client) }
    }

    private static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    private static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try DashboardJSON.decoder().decode(type, from: Data(text(response).utf8))
    }

    @Test func theAPICarriesThePatentRows() async throws {
        try await withClient(Self.patentModel) { client in
            let technology = try Self.decode(
                TechnologyFiguresJSON.self,
                try await client.execute(uri: "/api/technologies/quantum-computing", method: .get))
            #expect(technology.patentSummary?.leader == "CN" && technology.patentSummary?.leaderByShare == "US")
            #expect(technology.patentSummary?.leadersDiffer == true && technology.patentSummary?.incomplete == true)
            #expect(technology.patentLinkage?.map(\.country) == ["CN", "US"])
            #expect(technology.patentLinkage?.first?.rti == 2.0)
            let other = try await client.execute(uri: "/api/technologies/batteries", method: .get)
            let batteries = try Self.decode(TechnologyFiguresJSON.self, other)
            #expect(batteries.patentSummary == nil && batteries.patentLinkage == [])

            let headline = try Self.decode(
                HeadlineFiguresJSON.self, try await client.execute(uri: "/api/headline", method: .get))
            #expect(headline.patentRows?.map(\.country) == ["CN"])

            let response = try await client.execute(uri: "/api/settings", method: .get)
            let settings = try Self.decode(SettingsJSON.self, response)
            let patents = try #require(settings.patents)
            #expect(patents.summary == "patent citations with confidence ≥ 3" && patents.minimumConfidence == 3)
            #expect(patents.cutoffYear == 2024 && patents.lastCompleteWindowEnd == 2018)
            #expect(patents.files.map(\.name) == ["_pcs_oa.csv"] && patents.citedWorks == 8 && !patents.synthetic)
            #expect(Self.text(response).contains(#""last_complete_window_end":2018"#))
        }
    }

    @Test func withoutPatentDataTheAnswersHaveNoPatentKeys() async throws {
        try await withClient(DashboardFixture.model) { client in
            for uri in ["/api/technologies/quantum-computing", "/api/headline", "/api/settings"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok)
                #expect(!Self.text(response).contains("patent"), "\(uri)")
            }
            let csv = try await client.execute(uri: "/csv/patent-shares?subject=quantum-computing", method: .get)
            #expect(csv.status == .notFound)
            #expect(!Self.text(try await client.execute(uri: "/", method: .get)).lowercased().contains("patent"))
        }
    }

    @Test func thePatentChartsAreDownloads() async throws {
        try await withClient(Self.patentModel) { client in
            let response = try await client.execute(
                uri: "/csv/patent-shares?subject=quantum-computing&window=2016&counting=fractional", method: .get)
            #expect(response.status == .ok)
            #expect(
                Self.text(response).hasPrefix(
                    "country,rank,patent_cited_share,ci_low,ci_high,share,share_ci_low,share_ci_high,pc,patent_rate,"
                        + "rti,incomplete,low_evidence\nCN,1,0.625,,,0.299,0.249,0.349,5.0,0.5,2.0,true,true\n"))
            for chart in ["patent-trend", "patent-leaders"] {
                let csv = try await client.execute(uri: "/csv/\(chart)?subject=quantum-computing", method: .get)
                #expect(csv.status == .ok, "\(chart)")
            }
            let unknown = try await client.execute(uri: "/csv/pie-chart", method: .get)
            #expect(Self.text(unknown).contains("patent-shares, patent-trend, patent-leaders."))
            let page = Self.text(try await client.execute(uri: "/technology/quantum-computing", method: .get))
            #expect(page.contains("<h2>Patent citations</h2>"))
            #expect(
                page.contains("/csv/patent-shares?subject=quantum-computing&amp;window=2016&amp;counting=fractional"))
        }
    }
}
