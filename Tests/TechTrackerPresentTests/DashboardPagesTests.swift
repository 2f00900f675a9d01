import Foundation
import Testing
import TechTrackerCore

@testable import TechTrackerPresent

/// Hand-made figures: three technologies in two categories, windows 2018, 2019 and 2020
/// (fractional counting), countries CN, US, DE, GB and the group EU27.
///
/// Leaders: `ai` US, US, CN (a change of lead in 2020-2024); `qc` US throughout with lead ratios
/// 3, 2, 1.5 (runner-up closing in); `bio` (a name with a script tag) GB, CN, CN, low evidence
/// in 2020-2024.
enum DashboardFixture {
    static let bioName = "Bio <script>alert('x')</script>"
    static let orders: [String: [[String]]] = [
        "ai": [["US", "CN", "DE", "GB"], ["US", "CN", "DE", "GB"], ["CN", "US", "DE", "GB"]],
        "qc": [["US", "GB", "CN", "DE"], ["US", "GB", "CN", "DE"], ["US", "GB", "CN", "DE"]],
        "bio": [["GB", "CN", "US", "DE"], ["CN", "GB", "US", "DE"], ["CN", "GB", "US", "DE"]],
    ]
    static let shares = [0.4, 0.3, 0.2, 0.1]
    static let pLeaders: [Double?] = [0.8, 0.2, nil, nil]
    static let ratios: [String: [Double]] = [
        "ai": [4.0 / 3, 4.0 / 3, 4.0 / 3], "qc": [3, 2, 1.5], "bio": [4.0 / 3, 4.0 / 3, 4.0 / 3],
    ]
    static let technologies = [
        DashboardTechnology(
            id: "ai", name: "Artificial intelligence", category: "Computing", scope: "Learning systems.",
            query: "title:learning"),
        DashboardTechnology(
            id: "qc", name: "Quantum computing", category: "Computing", scope: "Qubits.", query: "title:qubit"),
        DashboardTechnology(id: "bio", name: bioName, category: "Health", scope: "Biotech & more.", query: "title:bio"),
    ]

    static var model: DashboardModel {
        var settings = AnalysisSettings()
        settings.countings = [.fractional]
        settings.fromYear = 2018
        settings.toYear = 2024
        settings.groups = [CountryGroup(name: "EU27", members: ["DE"].compactMap(CountryCode.init))]
        var results = AnalysisResults(settings: settings, taxonomyHash: "abc123", synthetic: true)
        for (w, start) in [2018, 2019, 2020].enumerated() {
            for technology in technologies {
                let order = orders[technology.id]![w]
                let low = technology.id == "bio" && start == 2020
                for (rank, country) in order.enumerated() {
                    results.countryShares.append(
                        CountryShareRow(
                            technology: technology.id, windowStart: start, windowEnd: start + 4, counting: .fractional,
                            country: country, p: 100, pTop: shares[rank] * 50, share: shares[rank], ppTop: 0.1,
                            rank: rank + 1, hIndex: 10 - rank, ciLow: shares[rank] - 0.05, ciHigh: shares[rank] + 0.05,
                            pLeader: pLeaders[rank], adjustedShare: shares[3 - rank], adjustedRank: 4 - rank,
                            inwardness: 0.1 * Double(rank + 1), lowEvidence: low && rank == 0))
                }
                results.countryShares.append(
                    CountryShareRow(
                        technology: technology.id, windowStart: start, windowEnd: start + 4, counting: .fractional,
                        country: "EU27", p: 10, pTop: 5, share: shares[order.firstIndex(of: "DE")!], ppTop: 0.1,
                        rank: 1, hIndex: 3, ciLow: nil, ciHigh: nil, pLeader: nil, adjustedShare: 0.1, adjustedRank: 1,
                        inwardness: nil, lowEvidence: false, unitType: .group))
                let leader = order[0]
                let ratio = technology.id == "qc" ? ratios["qc"]![w] : 4.0 / 3
                results.technologySummaries.append(
                    TechnologySummaryRow(
                        technology: technology.id, name: technology.name, category: technology.category,
                        windowStart: start, windowEnd: start + 4, counting: .fractional, works: low ? 80 : 500,
                        topWorks: 50, leader: leader, leaderShare: 0.4, runnerUp: order[1], runnerUpShare: 0.4 / ratio,
                        leadRatio: ratio, leaderInstitutionsInTop10: 4, tmr: technology.id == "qc" ? "high" : "low",
                        pLeader: 0.8, adjustedLeader: order[3], wholeCountingLeader: nil, lowEvidence: low))
            }
            let led = Dictionary(grouping: technologies.map { orders[$0.id]![w][0] }, by: { $0 }).mapValues(\.count)
            for country in ["CN", "US", "DE", "GB"] {
                results.headline.append(
                    HeadlineRow(
                        windowStart: start, windowEnd: start + 4, counting: .fractional, country: country,
                        technologiesLed: led[country] ?? 0, technologiesTop5: 3,
                        ledLowEvidence: start == 2020 && country == "CN" ? 1 : 0))
            }
        }
        results.institutions = [
            InstitutionShareRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, counting: .fractional, rank: 1,
                institutionID: "I1", name: "Tsinghua <University>", country: "CN", pTop: 10, share: 0.2),
            InstitutionShareRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, counting: .fractional, rank: 2,
                institutionID: "I2", name: "MIT & Co", country: "US", pTop: 5, share: 0.1),
        ]
        results.mobility = [
            MobilityFlowRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, origin: "CN", destination: "US", authors: 12),
            MobilityFlowRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, origin: "US", destination: "CN", authors: 5),
        ]
        results.mobilityGains = [
            MobilityGainRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, country: "US", inflow: 12, outflow: 5, netGain: 7,
                lowEvidence: false),
            MobilityGainRow(
                technology: "ai", windowStart: 2020, windowEnd: 2024, country: "CN", inflow: 5, outflow: 12,
                netGain: -7,
                lowEvidence: false),
        ]
        return DashboardModel(results: results, technologies: technologies)
    }

    static let selection = DashboardSelection(windowStart: 2020, counting: .fractional)

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }
}

@Suite struct DashboardPagesTests {
    let model = DashboardFixture.model
    let selection = DashboardFixture.selection
    let links = DashboardLinks.server

    func assertDocument(_ html: String, title: String, charts: Int) {
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>\(title)</title>"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("<strong>SYNTHETIC DATA</strong>"))
        #expect(DashboardFixture.count("<svg", in: html) == charts)
        #expect(DashboardFixture.count("<svg role=\"img\"", in: html) == charts)
        #expect(DashboardFixture.count("aria-label=", in: html) >= charts)
        #expect(!html.contains("<script>alert"))
    }

    @Test func overviewHasHeadlineChartHeatMapAndChanges() {
        let html = DashboardPages.overview(model, selection, links: links)
        assertDocument(html, title: "TechTracker overview, 2020-2024 (fractional)", charts: 1)
        #expect(
            html.contains(
                "CN leads 2 of 3 technologies in 2020-2024 (fractional counting; 1 of them low evidence); "
                    + "in 2018-2022 US led 2."))
        #expect(html.contains("Permalink: <a href=\"/?window=2020&amp;counting=fractional\""))
        // Counts on the y axis tick at whole numbers: 0, 1, 2.
        #expect(html.contains("text-anchor=\"end\">1</text>"))
        #expect(!html.contains("text-anchor=\"end\">0.5</text>"))
        #expect(html.contains("href=\"/csv/led-per-window?window=2020&amp;counting=fractional\">download CSV"))
        // Heat map: categories as row groups, the risk badge in words, the low-evidence mark.
        #expect(html.contains("<th scope=\"colgroup\" class=\"category\" colspan=\"8\">Computing</th>"))
        #expect(html.contains("<span class=\"risk risk-high\">high risk</span>"))
        #expect(html.contains("Bio &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a> <span class=\"low\""))
        #expect(html.contains(">40.0%†</td>"))
        // Blocs beside the countries.
        #expect(html.contains("<caption>Blocs (each measured as one unit)</caption>"))
        #expect(html.contains(">EU27</a></th><td class=\"num\">–</td><td class=\"num\">3</td>"))
        // Closing in: qc's ratios 3.00, 2.00, 1.50.
        #expect(html.contains("<td class=\"num\">3.00</td><td class=\"num\">2.00</td><td class=\"num\">1.50</td>"))
    }

    @Test func changesOfLeadAndClosingIn() {
        let index = DashboardIndex(model)
        #expect(
            index.changesOfLead(selection) == [
                LeadChange(
                    technology: "ai", previous: "US", leader: "CN", since: PublicationWindow(start: 2020, end: 2024)),
                LeadChange(
                    technology: "bio", previous: "GB", leader: "CN", since: PublicationWindow(start: 2019, end: 2023)),
            ])
        #expect(index.changesOfLead(DashboardSelection(windowStart: 2018, counting: .fractional)).isEmpty)
        #expect(index.closingIn(selection).map(\.summary.technology) == ["qc"])
        let html = DashboardPages.overview(model, selection, links: links)
        #expect(html.contains(">Artificial intelligence</a></th><td>US</td><td><a href=\"/country/CN?"))
        #expect(html.contains("<td>2020-2024</td></tr>"))
        #expect(
            html.contains(
                "<td>GB</td><td><a href=\"/country/CN?window=2020&amp;counting=fractional\">CN</a></td>"
                    + "<td>2019-2023</td>"))
    }

    @Test func technologyPageShowsSharesIntervalsAndInstitutions() throws {
        let html = try #require(DashboardPages.technology(model, id: "ai", selection, links: links))
        assertDocument(html, title: "Artificial intelligence – TechTracker, 2020-2024", charts: 3)
        #expect(html.contains("40.0% [35.0–45.0%] P(leader) 0.80"))
        #expect(html.contains("30.0% [25.0–35.0%] P(leader) 0.20"))
        #expect(
            html.contains(
                "<td class=\"num\">40.0%</td><td>[35.0–45.0%]</td><td class=\"num\">0.80</td>"
                    + "<td class=\"num\">20.0</td><td class=\"num\">10</td>"))
        #expect(html.contains("Tsinghua &lt;University&gt;"))
        #expect(html.contains("MIT &amp; Co"))
        #expect(html.contains("CN → US"))
        #expect(html.contains(">US</a></th><td class=\"num\">+7</td><td class=\"num\">12</td><td class=\"num\">5</td>"))
        #expect(html.contains("<caption>Domestic-citation adjusted</caption>"))
        #expect(!html.contains("Low evidence: this technology"))
        let bio = try #require(DashboardPages.technology(model, id: "bio", selection, links: links))
        #expect(bio.contains("<title>Bio &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; – TechTracker"))
        #expect(bio.contains("Low evidence: this technology"))
        #expect(!bio.contains("<script>alert"))
        #expect(DashboardPages.technology(model, id: "nope", selection, links: links) == nil)
    }

    @Test func countryAndMethodPages() throws {
        let html = try #require(DashboardPages.country(model, code: "CN", selection, links: links))
        assertDocument(html, title: "CN – TechTracker, 2020-2024", charts: 1)
        #expect(
            html.contains(
                "CN is first in 2 and in the top 5 in 3 of 3 technologies in 2020-2024 "
                    + "(1 of the first places low evidence)."))
        #expect(html.contains("<caption>Inwardness per technology</caption>"))
        let group = try #require(DashboardPages.country(model, code: "EU27", selection, links: links))
        #expect(group.contains("<h1>EU27 (bloc)</h1>"))
        #expect(DashboardPages.country(model, code: "ZZ", selection, links: links) == nil)
        let method = DashboardPages.method(model, links: links)
        assertDocument(method, title: "Method – TechTracker", charts: 0)
        #expect(method.contains("<dd>1000 draws, seed 42</dd>"))
        #expect(method.contains("<dd>abc123</dd>"))
        #expect(method.contains("<dd>EU27 (DE)</dd>"))
    }

    @Test func csvHoldsExactlyTheChartsNumbers() throws {
        let shares = try #require(DashboardCSV.chart(.shares, model, subject: "ai", selection))
        #expect(
            shares == """
                country,rank,share,ci_low,ci_high,p_leader,low_evidence,tied
                CN,1,0.4,0.35000000000000003,0.45,0.8,false,false
                US,2,0.3,0.25,0.35,0.2,false,false
                DE,3,0.2,0.15000000000000002,0.25,,false,false
                GB,4,0.1,0.05,0.15000000000000002,,false,false

                """)
        let led = try #require(DashboardCSV.chart(.ledPerWindow, model, subject: nil, selection))
        #expect(led.hasPrefix("window_start,window_end,country,technologies_led\n2018,2022,CN,0\n2018,2022,US,2\n"))
        #expect(led.hasSuffix("2020,2024,CN,2\n2020,2024,US,1\n"))
        let institutions = try #require(DashboardCSV.chart(.institutions, model, subject: "ai", selection))
        #expect(
            institutions
                == "rank,institution,country,share,p_top,low_evidence\n1,Tsinghua <University>,CN,0.2,10.0,false\n"
                + "2,MIT & Co,US,0.1,5.0,false\n")
        let mobility = try #require(DashboardCSV.chart(.mobility, model, subject: "ai", selection))
        #expect(mobility.contains("\nflow,CN,US,12,,,,\n"))
        #expect(mobility.hasSuffix("balance,,,,US,12,5,7\nbalance,,,,CN,5,12,-7\n"))
        let trend = try #require(DashboardCSV.chart(.leadTrend, model, subject: "ai", selection))
        #expect(trend.contains("\n2018,2022,CN,0.3\n2018,2022,US,0.4\n"))
        let country = try #require(DashboardCSV.chart(.countryTrend, model, subject: "GB", selection))
        #expect(country.contains("\nHealth,2018,2022,0.4\n"))
        #expect(country.contains("\nComputing,2020,2024,0.2\n"))
        let heat = try #require(DashboardCSV.chart(.heatMap, model, subject: nil, selection))
        #expect(heat.hasPrefix("technology,category,leader,lead_ratio,tmr,CN,US,DE,GB\n"))
        #expect(heat.contains("\nqc,Computing,US,1.5,high,0.2,0.4,0.1,0.3\n"))
        #expect(DashboardCSV.chart(.shares, model, subject: "nope", selection) == nil)
        #expect(DashboardCSV.chart(.countryTrend, model, subject: "ZZ", selection) == nil)
    }

    @Test func reportIsOneSelfContainedFile() {
        let html = HTMLReport.render(model)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<title>TechTracker report, 2020-2024 (fractional counting)</title>"))
        for id in ["ai", "qc", "bio"] {
            #expect(html.contains("<section class=\"page\" id=\"technology-\(id)\">"))
            #expect(html.contains("href=\"#technology-\(id)\""))
        }
        for code in ["CN", "US", "DE", "GB", "EU27"] { #expect(html.contains("id=\"country-\(code)\"")) }
        #expect(html.contains("<section class=\"page\" id=\"method\">"))
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("download CSV"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("page-break-before:always"))
        #expect(html.contains("@media print"))
        // 1 overview chart, 3 per technology with mobility (ai) and 2 without, 1 per unit.
        #expect(DashboardFixture.count("<svg role=\"img\"", in: html) == 1 + 3 + 2 + 2 + 5)
    }
}
