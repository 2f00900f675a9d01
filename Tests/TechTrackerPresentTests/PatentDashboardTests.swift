import Foundation
import Testing
import TechTrackerCore
@testable import TechTrackerPresent

/// The dashboard's patent parts on `PatentFixture`: the overview's column and headline, the
/// technology page's chart, trend and table, the method's settings, the CSVs; and nothing of
/// them without patent data.
struct PatentDashboardTests {
    static let selection = DashboardSelection(windowStart: 2020, counting: .fractional)

    static func model(_ results: AnalysisResults = PatentFixture.results()) -> DashboardModel {
        DashboardModel(
            results: results,
            technologies: ["ai", "qc", "bio", "zz"].map {
                DashboardTechnology(id: $0, name: $0.uppercased(), category: "Cat", scope: "", query: "TS=\($0)")
            })
    }

    /// Every page of a model, for the default selection, as the server links them.
    static func pages(_ model: DashboardModel) -> [String] {
        [
            DashboardPages.overview(model, selection, links: .server),
            DashboardPages.technology(model, id: "ai", selection, links: .server) ?? "",
            DashboardPages.technology(model, id: "zz", selection, links: .server) ?? "",
            DashboardPages.country(model, code: "US", selection, links: .server) ?? "",
            DashboardPages.method(model, links: .server), HTMLReport.render(model),
        ]
    }

    @Test func withoutPatentDataThePagesAreAsBefore() {
        let plain = Self.pages(Self.model(UnitsFixture.results()))
        for page in plain { #expect(!page.lowercased().contains("patent")) }
        var rowsOnly = PatentFixture.results(synthetic: true)
        rowsOnly.patentData = nil
        #expect(Self.pages(Self.model(rowsOnly)) == plain)
        #expect(!DashboardChart.available(in: Self.model(rowsOnly)).contains(.patentShares))
        #expect(DashboardChart.available(in: Self.model()) == DashboardChart.allCases)
        for chart in [DashboardChart.patentShares, .patentTrend, .patentLeaders] {
            #expect(DashboardCSV.chart(chart, Self.model(rowsOnly), subject: "ai", Self.selection) == nil)
        }
    }

    @Test func overviewHasThePatentHeadlineAndTheLeaderColumn() {
        let page = DashboardPages.overview(Self.model(), Self.selection, links: .server)
        #expect(
            page.contains(
                "<p class=\"headline\">By patent-cited share, US leads 1 of 1 technologies in 2003-2007 (fractional "
                    + "counting; the latest window complete for patent citations); in 2020-2024 US leads 2 (incomplete: "
                    + "patent lag; 1 of them low evidence, 1 a tie).</p>"))
        #expect(page.contains(HTML.escape(AnalysisReport.patentMeaning)))
        #expect(page.contains("<th scope=\"col\">leader</th><th scope=\"col\">leader by patent-cited share</th>"))
        // ai and bio: a leader by patent-cited share that is not the Share leader, all incomplete.
        #expect(page.components(separatedBy: DashboardPages.leadersDifferMarker).count - 1 == 2)
        #expect(page.components(separatedBy: DashboardPages.patentLagMarker).count - 1 == 4)
        #expect(
            page.contains(
                "<td><a href=\"/country/US?window=2020&amp;counting=fractional\">US</a> "
                    + DashboardPages.leadersDifferMarker + " " + DashboardPages.patentLagMarker + "</td>"))
        #expect(page.contains("<td>– " + DashboardPages.patentLagMarker + "</td>"))  // zz: no leader
        #expect(page.contains("class=\"category\" colspan=\"8\""))  // 3 countries + 5 columns
        #expect(!page.contains("SYNTHETIC"))
    }

    @Test func technologyPageChartsPatentCitedShareBesideShare() throws {
        let page = try #require(DashboardPages.technology(Self.model(), id: "ai", Self.selection, links: .server))
        #expect(page.contains("<h2>Patent citations</h2>"))
        #expect(
            page.contains(
                "<p class=\"headline\">in ai CN leads by Share, US by patent-cited share (incomplete: patent lag).</p>")
        )
        #expect(page.contains("<p class=\"warning\">Incomplete (patent lag): 2020-2024 ends within 5 years"))
        let start = try #require(page.range(of: "AI: patent-cited share and Share by country, 2020-2024"))
        let chart = String(page[start.lowerBound...].prefix { $0 != "§" }.split(separator: "</svg>")[0])
        for label in ["US Share", "US patent-cited", "CN Share", "CN patent-cited"] {
            #expect(chart.contains(">\(label)</text>"), "\(label)")
        }
        #expect(chart.components(separatedBy: "<rect").count - 1 == 4)
        #expect(chart.components(separatedBy: "style=\"fill:#21918c\"").count - 1 == 1)  // US
        #expect(chart.components(separatedBy: "style=\"fill:#a6d5d3\"").count - 1 == 1)  // CN, low evidence
        // Whiskers for both Shares and for US's patent-cited share; CN's has no interval.
        #expect(chart.components(separatedBy: "class=\"whisker\"").count - 1 == 3)
        // The incomplete window is shaded, and its points say so.
        #expect(page.components(separatedBy: "style=\"fill:#f6ecd2\"><title>incomplete: patent lag</title>").count == 2)
        #expect(page.contains("<title>US, 2020: 62.5% (incomplete: patent lag)</title>"))
        #expect(page.contains("<title>US, 2003: 100% (incomplete") == false)
        #expect(page.contains("Leader by patent-cited share per window"))
        #expect(page.contains("/csv/patent-shares?subject=ai&amp;window=2020&amp;counting=fractional"))
        #expect(page.contains("/csv/patent-trend?subject=ai&amp;window=2020&amp;counting=fractional"))
        #expect(page.contains("/csv/patent-leaders?subject=ai&amp;window=2020&amp;counting=fractional"))
        let zz = try #require(DashboardPages.technology(Self.model(), id: "zz", Self.selection, links: .server))
        #expect(zz.contains("no top-10% work is cited by a counting patent"))
    }

    @Test func methodPageListsThePatentSettings() {
        var results = PatentFixture.results()
        results.settings.patentFilter.frontPageOnly = true
        let page = DashboardPages.method(Self.model(results), links: .server)
        #expect(
            page.contains(
                "<dt>Patent citations counted</dt><dd>patent citations with confidence ≥ 3, front-page references "
                    + "only</dd>"))
        #expect(page.contains("<dt>Patent files</dt><dd>_pcs_oa.csv (1.23 GB, 9,000 citations, latest 2024)</dd>"))
        #expect(
            page.contains("<dt>Patent cut-off</dt><dd>2024: windows ending after 2018 are incomplete (patent lag)</dd>")
        )
        #expect(page.contains("<dt>RTI</dt>") && page.contains("<dt>Incomplete (patent lag)</dt>"))
    }

    @Test func chartCSVsHoldWhatTheChartsShow() {
        let model = Self.model()
        #expect(
            DashboardCSV.chart(.patentShares, model, subject: "ai", Self.selection) == """
                country,rank,patent_cited_share,ci_low,ci_high,share,share_ci_low,share_ci_high,pc,patent_rate,rti,incomplete,low_evidence
                US,1,0.625,0.5,0.75,0.25,0.125,0.25,12.5,0.3125,2.5,true,false
                CN,2,0.375,,,0.25,0.125,0.25,7.5,,1.5,true,true

                """)
        #expect(
            DashboardCSV.chart(.patentTrend, model, subject: "ai", Self.selection) == """
                window_start,window_end,country,patent_cited_share,incomplete
                2003,2007,US,1.0,false
                2003,2007,CN,,false
                2020,2024,US,0.625,true
                2020,2024,CN,0.375,true

                """)
        #expect(
            DashboardCSV.chart(.patentLeaders, model, subject: "ai", Self.selection) == """
                window_start,window_end,leader,leader_patent_cited_share,leader_tied,leader_by_share,leaders_differ,incomplete,low_evidence
                2003,2007,US,1.0,false,US,false,false,false
                2020,2024,US,0.625,false,CN,true,true,false

                """)
        #expect(DashboardCSV.chart(.patentShares, model, subject: "nothing", Self.selection) == nil)
        let heat = DashboardCSV.chart(.heatMap, model, subject: nil, Self.selection) ?? ""
        #expect(
            heat.hasPrefix(
                "technology,category,leader,lead_ratio,tmr,patent_cited_leader,leaders_differ,patent_incomplete,"))
        #expect(heat.contains("\nai,Cat,CN,1.0,low,US,true,true,"))
        let plain = DashboardCSV.chart(.heatMap, Self.model(UnitsFixture.results()), subject: nil, Self.selection) ?? ""
        #expect(plain.hasPrefix("technology,category,leader,lead_ratio,tmr,CN,"))
    }

    @Test func syntheticPatentDataLabelsEveryPage() {
        let pages = Self.pages(Self.model(PatentFixture.results(fileName: "SYNTHETIC_pcs.csv")))
        for page in pages {
            #expect(page.components(separatedBy: DashboardDocument.banner).count - 1 == 2)
        }
        #expect(Self.pages(Self.model()).allSatisfy { !$0.contains(DashboardDocument.banner) })
    }
}
