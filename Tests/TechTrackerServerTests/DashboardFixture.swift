import TechTrackerCore
import TechTrackerPresent

/// A small hand-made analysis: two technologies, two windows (2015-2019, 2016-2020), both
/// countings, three countries (US, CN, DE) and one group (EU27).
enum DashboardFixture {
    static let windows = [2015, 2016]
    static let countries = ["US", "CN", "DE"]

    static let technologies = [
        DashboardTechnology(
            id: "quantum-computing", name: "Quantum computing", category: "Quantum", scope: "Qubits and gates.",
            query: "title:(qubit OR \"quantum computer\")"),
        DashboardTechnology(
            id: "batteries", name: "Advanced batteries", category: "Energy", scope: "Storage cells.",
            query: "title:battery"),
    ]

    /// The share of `country` in a (technology, window, counting): distinct for every cell.
    static func share(_ technology: Int, _ window: Int, _ counting: Counting, _ country: Int) -> Double {
        let base = [0.5, 0.3, 0.2][country]
        let shift = Double(technology) * 0.01 + Double(window - 2015) * 0.001 + (counting == .whole ? 0.0001 : 0)
        return country == 0 ? base + 2 * shift : base - shift
    }

    static var results: AnalysisResults {
        var settings = AnalysisSettings()
        settings.fromYear = 2015
        settings.toYear = 2020
        settings.seed = 7
        var results = AnalysisResults(settings: settings, taxonomyHash: "sha256:abc123", synthetic: true)
        for (t, technology) in technologies.enumerated() {
            for window in windows {
                for counting in Counting.allCases {
                    for (c, country) in countries.enumerated() {
                        let share = share(t, window, counting, c)
                        results.countryShares.append(
                            CountryShareRow(
                                technology: technology.id, windowStart: window, windowEnd: window + 4,
                                counting: counting, country: country, p: 100 * share, pTop: 10 * share, share: share,
                                ppTop: 0.1, rank: c + 1, hIndex: 10 - c, ciLow: c == 2 ? nil : share - 0.05,
                                ciHigh: c == 2 ? nil : share + 0.05, pLeader: c == 0 ? 0.9 : nil,
                                adjustedShare: share, adjustedRank: c + 1, inwardness: 0.25, lowEvidence: c == 2))
                    }
                    // A group no country outside has a Share against: its ratio is infinite.
                    results.countryShares.append(
                        CountryShareRow(
                            technology: technology.id, windowStart: window, windowEnd: window + 4, counting: counting,
                            country: "EU27", p: 20, pTop: 2, share: 0.2, ppTop: 0.1, rank: 1, hIndex: 8, ciLow: nil,
                            ciHigh: nil, pLeader: nil, adjustedShare: 0.2, adjustedRank: 1, inwardness: nil,
                            lowEvidence: false, unitType: .group, rankAmongCountries: 3,
                            ratioToBestOutside: .infinity))
                    results.technologySummaries.append(
                        TechnologySummaryRow(
                            technology: technology.id, name: technology.name, category: technology.category,
                            windowStart: window, windowEnd: window + 4, counting: counting, works: 1000 + t,
                            topWorks: 100, leader: "US", leaderShare: share(t, window, counting, 0), runnerUp: "CN",
                            runnerUpShare: share(t, window, counting, 1), leadRatio: 1.7, leaderInstitutionsInTop10: 4,
                            tmr: "medium", pLeader: 0.9, adjustedLeader: "US", wholeCountingLeader: "US",
                            lowEvidence: false))
                    results.institutions.append(
                        InstitutionShareRow(
                            technology: technology.id, windowStart: window, windowEnd: window + 4, counting: counting,
                            rank: 1, institutionID: "I\(t)\(window)", name: "Institute \(t)", country: "US", pTop: 3,
                            share: 0.03))
                }
                results.mobility.append(
                    MobilityFlowRow(
                        technology: technology.id, windowStart: window, windowEnd: window + 4, origin: "CN",
                        destination: "US", authors: 7 + t))
                results.mobilityGains.append(
                    MobilityGainRow(
                        technology: technology.id, windowStart: window, windowEnd: window + 4, country: "US",
                        inflow: 7 + t, outflow: 2, netGain: 5 + t, lowEvidence: false))
            }
        }
        for window in windows {
            for counting in Counting.allCases {
                results.headline.append(
                    HeadlineRow(
                        windowStart: window, windowEnd: window + 4, counting: counting, country: "US",
                        technologiesLed: 2, technologiesTop5: 2))
                results.headline.append(
                    HeadlineRow(
                        windowStart: window, windowEnd: window + 4, counting: counting, country: "CN",
                        technologiesLed: 0, technologiesTop5: 2))
            }
        }
        return results
    }

    static var model: DashboardModel {
        DashboardModel(results: results, technologies: technologies)
    }
}
