import Foundation
import TestScratch
import Testing
import TechTrackerCore
@testable import TechTrackerPresent

struct ResultsExporterTests {
    static func sample() -> AnalysisResults {
        var results = AnalysisResults(settings: AnalysisSettings(), taxonomyHash: "0123456789abcdef", synthetic: true)
        results.countryShares = [
            CountryShareRow(
                technology: "t", windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "US", p: 10.5,
                pTop: 1.25, share: 0.1 + 0.2, ppTop: 1.25 / 10.5, rank: 2, hIndex: 3, ciLow: 0.2, ciHigh: 0.4,
                pLeader: 0.1, adjustedShare: 0.31, adjustedRank: 2, inwardness: nil, lowEvidence: true),
            CountryShareRow(
                technology: "t", windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "CN", p: 20,
                pTop: 2.5, share: 0.6, ppTop: 0.125, rank: 1, hIndex: 4, ciLow: 0.5, ciHigh: 0.7,
                pLeader: 0.9, adjustedShare: 0.55, adjustedRank: 1, inwardness: 0.4, lowEvidence: false),
        ]
        results.technologySummaries = [
            TechnologySummaryRow(
                technology: "t", name: "T, with comma", category: "C", windowStart: 2020, windowEnd: 2024,
                counting: .fractional, works: 40, topWorks: 4, leader: "CN", leaderShare: 0.6, runnerUp: "US",
                runnerUpShare: 0.3, leadRatio: 2, leaderInstitutionsInTop10: 5, tmr: "medium", pLeader: 0.9,
                adjustedLeader: "CN", wholeCountingLeader: nil, lowEvidence: true)
        ]
        results.headline = [
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "CN", technologiesLed: 1,
                technologiesTop5: 1)
        ]
        return results
    }

    @Test func csvHasTheDocumentedColumnsSortedRowsAndFullPrecision() throws {
        let folder = TestScratch.url("export").path
        try ResultsExporter.write(Self.sample(), format: .csv, to: folder)
        let shares = try String(contentsOfFile: folder + "/country_shares.csv", encoding: .utf8).split(separator: "\n")
        #expect(
            shares[0]
                == "technology,window_start,window_end,counting,unit_type,country,p,p_top,share,pp_top,rank,tied,p_top1,share_top1,h_index,ci_low,ci_high,p_leader,adjusted_share,adjusted_rank,inwardness,low_evidence,rank_among_countries,ratio_to_best_outside"
        )
        #expect(shares[1].hasPrefix("t,2020,2024,fractional,country,CN,20.0,2.5,0.6,"))
        #expect(shares[2].contains(",0.30000000000000004,"))  // no rounding
        #expect(shares[2].hasSuffix(",,true,,"))  // missing inwardness and group-only columns are empty
        let summary = try String(contentsOfFile: folder + "/technology_summary.csv", encoding: .utf8)
        #expect(
            summary.hasPrefix(
                "technology,name,category,window_start,window_end,counting,works,top_works,leader,leader_share,leader_share_top1,leader_tied,runner_up,runner_up_share,lead_ratio,leader_institutions_in_top10,tmr,p_leader,adjusted_leader,whole_counting_leader,low_evidence,eu_unit_leader,eu_unit_lead_ratio,eu_unit_tmr\n"
            ))
        #expect(summary.contains("t,\"T, with comma\",C,2020,2024,fractional,40,4.0,CN,0.6,,false,US,"))
        for name in ["institutions", "mobility", "mobility_gains", "headline"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/\(name).csv"))
        }
        let settings = try String(contentsOfFile: folder + "/settings.json", encoding: .utf8)
        #expect(settings.contains("SYNTHETIC DATA"))
    }

    @Test func sameResultsGiveByteIdenticalFiles() throws {
        let base = TestScratch.url("export").path
        var shuffled = Self.sample()
        shuffled.countryShares.reverse()
        for format in ResultsExporter.Format.allCases {
            let first = try ResultsExporter.write(Self.sample(), format: format, to: base + "/a-\(format)")
            let second = try ResultsExporter.write(shuffled, format: format, to: base + "/b-\(format)")
            for (a, b) in zip(first, second) {
                #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
            }
        }
    }

    @Test func jsonIsValidAndTyped() throws {
        let folder = TestScratch.url("export").path
        try ResultsExporter.write(Self.sample(), format: .json, to: folder)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/country_shares.json"))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["country"] as? String == "CN")
        #expect(rows[0]["rank"] as? Int == 1)
        #expect(rows[1]["inwardness"] is NSNull)
    }

    @Test func reportLeadsWithTheHeadlineAndSaysSynthetic() {
        let text = AnalysisReport.render(Self.sample(), selection: AnalysisReport.Selection())
        #expect(text.hasPrefix(Banner.synthetic))
        #expect(text.contains("CN leads 1 of 1 technologies in 2020-2024 (fractional counting)."))
        #expect(text.contains("low evidence"))
        #expect(text.contains("Settings: counting fractional+whole"))
    }
}
