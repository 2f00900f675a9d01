import Foundation
import Testing
import TechTrackerCore
@testable import TechTrackerPresent

/// The report's figures by patent citations on `PatentFixture`: the headline for the latest
/// complete window, the settings line, the leaders that differ, the flags and the labels.
struct PatentReportTests {
    static func render(
        _ results: AnalysisResults = PatentFixture.results(), window: PublicationWindow? = nil,
        technology: String? = nil, country: String? = nil
    ) -> String {
        var selection = AnalysisReport.Selection()
        selection.window = window
        selection.technology = technology
        selection.country = country
        return AnalysisReport.render(results, selection: selection)
    }

    static func lines(_ text: String) -> [String] { AnalysisReportTests.lines(text) }

    static let meaning =
        "  Citations by patents are one link between science and invention, not a measure of industrial capability."

    @Test func withoutPatentDataTheReportIsAsBefore() {
        var rowsOnly = UnitsFixture.results()
        rowsOnly.patentSummaries = PatentFixture.results().patentSummaries
        rowsOnly.patentHeadline = PatentFixture.results().patentHeadline
        for synthetic in [true, false] {
            var results = rowsOnly
            results.synthetic = synthetic
            let text = Self.render(results, technology: "ai", country: "US")
            #expect(text == Self.render(UnitsFixture.results(synthetic: synthetic), technology: "ai", country: "US"))
            #expect(!text.lowercased().contains("patent"))
        }
    }

    @Test func headlineIsForTheLatestCompleteWindowAndSaysSo() {
        let lines = Self.lines(Self.render())
        #expect(
            lines[0]
                == "CN leads 2 of 4 technologies in 2020-2024 (fractional counting; 1 of them low evidence, 1 a tie); "
                + "in 2003-2007 US led 1.")
        #expect(
            lines[1]
                == "By patent-cited share, US leads 1 of 1 technologies in 2003-2007 (fractional counting; the latest "
                + "window complete for patent citations); in 2020-2024 US leads 2 (incomplete: patent lag; 1 of them "
                + "low evidence, 1 a tie).")
        #expect(lines[2].hasPrefix("Measured as a bloc, EU27 leads"))
        #expect(lines[4].hasPrefix("Settings: "))
        #expect(
            lines[5]
                == "Patents: patent citations with confidence ≥ 3; files _pcs_oa.csv (1.23 GB, 9,000 citations, "
                + "latest 2024); cut-off 2024: windows ending after 2018 are incomplete (patent lag); 9,000 citations "
                + "to the analysed works, 7,000 counting, 3,210 works cited.")
    }

    @Test func aCompleteSelectedWindowIsStatedPlainly() {
        let text = Self.render(window: PublicationWindow(start: 2003, end: 2007))
        #expect(
            Self.lines(text)[1]
                == "By patent-cited share, US leads 1 of 1 technologies in 2003-2007 (fractional counting).")
        #expect(
            text.hasSuffix(
                "\nPatent citations in 2003-2007 (fractional counting; patent-cited share = share of the top-10% works "
                    + "that counting patents cite)\n  The leaders agree in 1 of 1 technologies.\n" + Self.meaning))
    }

    @Test func withoutACompleteWindowTheIncompleteOneIsFlagged() {
        var results = PatentFixture.results()
        for index in results.patentSummaries.indices { results.patentSummaries[index].incomplete = true }
        #expect(
            Self.lines(Self.render(results))[1]
                == "By patent-cited share, US leads 2 of 4 technologies in 2020-2024 (fractional counting; incomplete: "
                + "patent lag; no analysed window is complete; 1 of them low evidence, 1 a tie).")
        var unknown = PatentFixture.results()
        unknown.patentData = PatentFixture.data(cutoff: nil)
        #expect(Self.render(unknown).contains("; cut-off unknown: every window is incomplete (patent lag); "))
    }

    @Test func leadersThatDifferAreListedWithTheirFlags() throws {
        let text = Self.render()
        let lines = Self.lines(text)
        let start = try #require(
            lines.firstIndex(
                of: "Patent citations in 2020-2024 (fractional counting; incomplete: patent lag; patent-cited share = "
                    + "share of the top-10% works that counting patents cite)"))
        #expect(lines[start - 1] == "")
        #expect(
            Array(lines[(start + 1)...(start + 4)]) == [
                "  in ai CN leads by Share, US by patent-cited share (incomplete: patent lag)",
                "  in bio CN leads by Share, GB by patent-cited share (incomplete: patent lag; low evidence)",
                "  The leaders agree in 1 of 4 technologies; 1 has no top-10% work cited by a counting patent.",
                Self.meaning,
            ])
        // After the groups, before the closing banner-free end of a real report.
        #expect(try #require(lines.firstIndex { $0.hasPrefix("Groups in 2020-2024") }) < start)
        #expect(!text.contains("SYNTHETIC"))
    }

    @Test func aSelectedTechnologyShowsItsLineAndCountries() throws {
        let text = Self.render(technology: "qc")
        #expect(
            text.contains(
                "\n  in qc US leads by Share and by patent-cited share (tie for first by patent-cited share; "
                    + "incomplete: patent lag; low evidence)\n"))
        #expect(!text.contains("The leaders agree"))
        let ai = Self.render(technology: "ai")
        #expect(ai.contains("\n  in ai CN leads by Share, US by patent-cited share (incomplete: patent lag)\n"))
        let heading = "  Countries of ai by patent-cited share"
        let us = try #require(AnalysisReportTests.row(ai, startingWith: "US", after: heading))
        #expect(us[0...4] == ["US", "1", "62.5% [50.0%-75.0%]", "25.0%", "12.5"])
        #expect(us[6...] == ["2.50", "incomplete: patent lag"])
        let cn = try #require(AnalysisReportTests.row(ai, startingWith: "CN", after: heading))
        #expect(cn == ["CN", "2", "37.5%", "25.0%", "7.5", "-", "1.50", "incomplete: patent lag; low evidence"])
        #expect(AnalysisReportTests.row(ai, startingWith: "EU27", after: heading) == nil)  // countries only
        let zz = Self.render(technology: "zz")
        #expect(zz.contains("\n  in zz no country leads by Share; no top-10% work is cited by a counting patent "))
    }

    @Test func aSelectedCountryShowsItsStanding() {
        #expect(
            Self.render(country: "US").contains(
                "\n  US: first by patent-cited share in 2 technologies, top 5 in 3 (1 of them low evidence, 1 a tie; "
                    + "incomplete: patent lag).\n"))
        #expect(Self.render(country: "FR").contains("\n  FR: no figures by patent-cited share in 2020-2024.\n"))
    }

    @Test func syntheticPatentDataLabelsTheWholeReport() {
        let text = Self.render(PatentFixture.results(fileName: "pcs-SYNTHETIC.csv"))
        #expect(text.hasPrefix(Banner.synthetic + "\n") && text.hasSuffix("\n" + Banner.synthetic))
        let both = Self.render(PatentFixture.results(synthetic: true))
        #expect(both.hasPrefix(Banner.synthetic + "\n") && both.hasSuffix("\n" + Banner.synthetic))
    }
}
