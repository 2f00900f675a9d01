import Foundation
import TechTrackerCore
import Testing

@testable import TechTrackerPresent

/// A full-size model: 74 technologies × 18 windows × 150 countries × 2 countings.
@Suite struct DashboardScaleTests {
    static func model() -> DashboardModel {
        var results = AnalysisResults(settings: AnalysisSettings(), taxonomyHash: "h", synthetic: false)
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let countries = (0..<150).map { String([letters[$0 / 26], letters[$0 % 26]]) }
        let technologies = (0..<74).map {
            DashboardTechnology(id: "t\($0)", name: "Technology \($0)", category: "C\($0 % 9)", scope: "", query: "")
        }
        for counting in Counting.allCases {
            for start in 2003...2020 {
                for (t, technology) in technologies.enumerated() {
                    for (rank, country) in countries.enumerated() {
                        let share = 1 / Double(rank + 2 + (t + start) % 3)
                        results.countryShares.append(
                            CountryShareRow(
                                technology: technology.id, windowStart: start, windowEnd: start + 4, counting: counting,
                                country: country, p: 10, pTop: 5, share: share, ppTop: 0.1, rank: rank + 1, hIndex: 3,
                                ciLow: share / 2, ciHigh: share, pLeader: nil, adjustedShare: share,
                                adjustedRank: rank + 1, inwardness: 0.2, lowEvidence: false))
                    }
                    results.technologySummaries.append(
                        TechnologySummaryRow(
                            technology: technology.id, name: technology.name, category: technology.category,
                            windowStart: start, windowEnd: start + 4, counting: counting, works: 500, topWorks: 50,
                            leader: countries[(t + start) % 2], leaderShare: 0.5, runnerUp: countries[1],
                            runnerUpShare: 0.3, leadRatio: 1.5, leaderInstitutionsInTop10: 3, tmr: "low", pLeader: 0.9,
                            adjustedLeader: nil, wholeCountingLeader: nil, lowEvidence: false))
                }
                for country in countries.prefix(20) {
                    results.headline.append(
                        HeadlineRow(
                            windowStart: start, windowEnd: start + 4, counting: counting, country: country,
                            technologiesLed: country == "AA" ? 40 : 1, technologiesTop5: 5))
                }
            }
        }
        return DashboardModel(results: results, technologies: technologies)
    }

    /// Every page renders whole from a model of the full size (its speed is measured by
    /// `techtracker serve` on a demo store, not asserted here).
    @Test func pagesRenderWholeAtFullSize() throws {
        let model = Self.model()
        let selection = model.defaultSelection
        #expect(model.results.countryShares.count == 74 * 18 * 150 * 2)
        let pages = [
            DashboardPages.overview(model, selection, links: .server),
            DashboardPages.technology(model, id: "t5", selection, links: .server) ?? "",
            DashboardPages.country(model, code: "AB", selection, links: .server) ?? "",
        ]
        #expect(pages.allSatisfy { $0.hasPrefix("<!doctype html>") && $0.hasSuffix("</html>\n") })
        #expect(pages[0].contains("AA leads 40 of 74 technologies in 2020-2024 (fractional counting)"))
        #expect(pages[1].contains("Technology 5"))
        #expect(pages[2].contains("AB"))
    }
}
