import Foundation
import Testing
import TechTrackerCore
@testable import TechTrackerPresent

/// The report of `UnitsFixture`: headline, group lines, tie and low-evidence marks, the
/// headline's rule in the country section, groups and researcher mobility.
struct AnalysisReportTests {
    static func render(technology: String? = nil, country: String? = nil, synthetic: Bool = true) -> String {
        var selection = AnalysisReport.Selection()
        selection.technology = technology
        selection.country = country
        return AnalysisReport.render(UnitsFixture.results(synthetic: synthetic), selection: selection)
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The cells of the table row whose first cell is `first` (cells are split on runs of 2+ spaces).
    static func row(_ text: String, startingWith first: String, after heading: String) -> [String]? {
        let lines = lines(text)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return nil }
        return lines[start...].lazy.map {
            $0.trimmingTrailingSpaces().split(separator: "  ", omittingEmptySubsequences: true)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        .first { $0.first == first }
    }

    @Test func headlineSentenceStartsExactlyAsBeforeAndCarriesItsCaveats() throws {
        let lines = Self.lines(Self.render())
        #expect(lines[0...3].joined(separator: "\n") == Banner.synthetic)
        #expect(
            lines[4]
                == "CN leads 2 of 4 technologies in 2020-2024 (fractional counting; 1 of them low evidence, 1 a tie); in 2003-2007 US led 1."
        )
        let sentence =
            "SYNTHETIC DATA: " + AnalysisReport.headlineSentence(UnitsFixture.results(), counting: .fractional)
        #expect(
            try #/^SYNTHETIC DATA: [A-Z][A-Z] leads [0-9]* of 4 technologies in 2020-2024/#.prefixMatch(in: sentence)
                != nil)
    }

    @Test func headlineWithoutCaveatsIsUnchanged() {
        var results = UnitsFixture.results()
        results.headline = results.headline.map { row in
            var row = row
            row.ledLowEvidence = 0
            row.ledTied = 0
            return row
        }
        #expect(
            AnalysisReport.headlineSentence(results, counting: .fractional)
                == "CN leads 2 of 4 technologies in 2020-2024 (fractional counting); in 2003-2007 US led 1.")
    }

    @Test func aGroupIsNeverTheHeadlineLeader() {
        var results = UnitsFixture.results()
        results.headline.append(
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "G7",
                technologiesLed: 4, technologiesTop5: 4, unitType: .group))
        #expect(
            AnalysisReport.headlineSentence(results, counting: .fractional).hasPrefix(
                "CN leads 2 of 4 technologies in 2020-2024"))
    }

    @Test func caveatsReadAsASentence() {
        func row(_ low: Int, _ tied: Int) -> HeadlineRow {
            HeadlineRow(
                windowStart: 2020, windowEnd: 2024, counting: .fractional, country: "CN", technologiesLed: 9,
                technologiesTop5: 9, ledLowEvidence: low, ledTied: tied)
        }
        #expect(AnalysisReport.caveats(row(0, 0)) == nil)
        #expect(AnalysisReport.caveats(row(3, 1)) == "3 of them low evidence, 1 a tie")
        #expect(AnalysisReport.caveats(row(0, 2)) == "2 of them ties")
        #expect(AnalysisReport.caveats(row(1, 0)) == "1 of them low evidence")
    }

    @Test func oneLinePerGroupMeasuredAsABloc() {
        let lines = Self.lines(Self.render())
        #expect(
            lines[5]
                == "Measured as a bloc, EU27 leads 1 of 4 technologies in 2020-2024 (its share above every non-member country's)."
        )
        #expect(
            lines[6] == "Measured as a bloc, Five Eyes leads 1 of 4 technologies in 2020-2024 "
                + "(its share above every non-member country's; 1 of them low evidence).")
        #expect(
            lines[7].hasPrefix(
                "Settings: counting fractional+whole; 5-year windows rolling by one year (2003-2007 … 2020-2024, 18 windows);"
            ))
        #expect(lines[7].contains("groups EU27, Five Eyes"))

        var noGroups = UnitsFixture.results()
        noGroups.headline.removeAll { $0.unitType == .group }
        noGroups.countryShares.removeAll { $0.unitType == .group }
        let text = AnalysisReport.render(noGroups, selection: AnalysisReport.Selection())
        #expect(!text.contains("Measured as a bloc"))
        #expect(!text.contains("\nGroups in"))
    }

    @Test func technologiesTableMarksTiesLowEvidenceTopOnePercentAndTheEUUnit() throws {
        let text = Self.render()
        let heading = "Technologies in 2020-2024"
        let ai = try #require(Self.row(text, startingWith: "ai", after: heading))
        #expect(ai[2] == "CN (tie)")
        #expect(ai[4] == "50.0%")  // top 1%
        #expect(ai.last == "tie for first with US; adjusted leader US; EU as one unit: EU27, TMR low")
        let qc = try #require(Self.row(text, startingWith: "qc", after: heading))
        #expect(qc[2] == "US")
        #expect(qc.last == "leader low evidence")  // the EU unit changes nothing: no EU flag
        let bio = try #require(Self.row(text, startingWith: "bio", after: heading))
        #expect(bio.contains("∞"))
        #expect(bio.last == "leader low evidence; EU as one unit: CN, TMR high")
        let zz = try #require(Self.row(text, startingWith: "zz", after: heading))
        #expect(zz.last == "low evidence")
        // Sorted by technology whatever order the rows came in.
        let order = Self.lines(text).compactMap { line in
            ["ai", "bio", "qc", "zz"].first { line.hasPrefix("  \($0) ") }
        }
        #expect(order == ["ai", "bio", "qc", "zz"])
    }

    @Test func everyCountrySharingFirstPlaceIsNamed() {
        let summary = UnitsFixture.summary(
            "x", works: 500, leader: "CN", share: 0.25, tied: true, runnerUp: "DE", runnerUpShare: 0.25, ratio: 1)
        let rows = [
            UnitsFixture.share("x", "CN", rank: 1, share: 0.25, tied: true),
            UnitsFixture.share("x", "DE", rank: 2, share: 0.25, tied: true),
            UnitsFixture.share("x", "US", rank: 3, share: 0.25, tied: true),
            UnitsFixture.share("x", "FR", rank: 4, share: 0.1, tied: true),
            UnitsFixture.share("x", "GB", rank: 5, share: 0.1, tied: true),
        ]
        #expect(AnalysisReport.flags(summary, leaderRow: rows[0], rows: rows) == ["tie for first with DE, US"])
    }

    @Test func aCountryWithShareZeroAtRankOneIsNotFirst() throws {
        let text = Self.render()
        let heading = "Countries in 2020-2024"
        // FR is ranked 1 in zz with Share 0 and 4th in ai: first nowhere, top 5 once.
        #expect(try #require(Self.row(text, startingWith: "FR", after: heading)) == ["FR", "0", "1"])
        // CN is 3rd in qc with Share 0: top 5 in ai and bio only, as in the headline.
        #expect(
            try #require(Self.row(text, startingWith: "CN", after: heading)) == [
                "CN", "2 (1 low evidence, 1 tie)", "2", "ai, bio",
            ])
        #expect(
            try #require(Self.row(text, startingWith: "US", after: heading)) == ["US", "1 (1 low evidence)", "2", "qc"])

        var only = UnitsFixture.results()
        only.countryShares = [UnitsFixture.share("zz", "FR", rank: 1, share: 0, low: true)]
        only.technologySummaries = [
            UnitsFixture.summary("zz", works: 10, leader: nil, share: nil, ratio: nil, low: true)
        ]
        let alone = AnalysisReport.render(only, selection: AnalysisReport.Selection())
        #expect(try #require(Self.row(alone, startingWith: "FR", after: heading)) == ["FR", "0", "0"])
    }

    @Test func groupsSectionShowsStandingLeadsAndCountryTop5() throws {
        let text = Self.render()
        let heading = "Groups in 2020-2024"
        #expect(
            text.contains(
                "\n\(heading) (each measured as one unit and ranked among groups; never mixed into the country ranking)\n"
            ))
        // Ties on "leads" (1 each) fall to first places among groups, then the name.
        #expect(try #require(Self.row(text, startingWith: "EU27", after: heading)) == ["EU27", "2", "1", "1", "1"])
        // Five Eyes: first among groups in qc only; its Share would be 1st among countries in ai and qc.
        #expect(
            try #require(Self.row(text, startingWith: "Five Eyes", after: heading))
                == ["Five Eyes", "2", "1 (1 low evidence)", "1 (1 low evidence)", "2"])
        #expect(!text.contains("Groups in ai"))

        let selected = Self.render(technology: "qc")
        #expect(
            try #require(Self.row(selected, startingWith: "Five Eyes", after: "Groups in qc"))
                == ["Five Eyes", "1", "100.0%", "100.0%", "∞", "1", "low evidence"])
        #expect(
            try #require(Self.row(selected, startingWith: "EU27", after: "Groups in qc"))
                == ["EU27", "2", "0.0%", "0.0%", "0.00", "3", "low evidence"])
    }

    @Test func mobilityListsGainersAndLosersInOrder() throws {
        let lines = Self.lines(Self.render(technology: "ai"))
        let start = try #require(lines.firstIndex(of: "Researcher mobility in 2020-2024 (ai)"))
        let gains = try #require(lines[start...].firstIndex(of: "  Largest net gains"))
        let losses = try #require(lines[start...].firstIndex(of: "  Largest net losses"))
        func countries(_ from: Int) -> [String] {
            lines[(from + 3)..<(from + 8)].map { String($0.dropFirst(4).prefix(2)) }
        }
        #expect(countries(gains) == ["US", "AU", "GB", "CA", "JP"])  // NZ (+1) is sixth; IT (0) is neither
        #expect(countries(losses) == ["CN", "DE", "FR", "BR", "IN"])  // KR (-1) is sixth
        #expect(
            lines[gains + 1].contains("net gain") && lines[gains + 1].contains("inflow")
                && lines[gains + 1].contains("outflow"))
        #expect(lines[gains + 3].trimmingTrailingSpaces() == "    US             +5       7        2")
        #expect(lines[gains + 4] == "    AU             +3       3        0  low evidence")
        #expect(lines[losses + 3].trimmingTrailingSpaces() == "    CN             -6       2        8")
        #expect(
            lines[losses + 8]
                == "  Flows come from publication records (an author's first dated affiliation → the affiliation on a "
                + "top-10% work), not from education or employment histories.")
        #expect(lines[losses + 9] == Banner.synthetic.split(separator: "\n").first.map(String.init))
    }

    @Test func countryMobilityBalanceSumsOverTechnologies() throws {
        let text = Self.render(country: "US")
        #expect(text.contains("\nResearcher mobility in 2020-2024\n"))
        #expect(!text.contains("Largest net gains"))
        #expect(
            text.contains(
                "\n  US: net gain +6 summed over 3 technologies in 2020-2024 (an author counts in each technology; "
                    + "2 of the technologies low evidence); most in ai (+5), least in bio (-1).\n"))
        #expect(
            Self.render(country: "ZW").contains("\n  ZW: no recorded moves of authors of top-10% works in 2020-2024.\n")
        )
        #expect(!Self.render().contains("Researcher mobility"))
    }

    @Test func syntheticBannerAtTopAndBottomOnly() {
        let synthetic = Self.render(technology: "ai", country: "US")
        #expect(synthetic.hasPrefix(Banner.synthetic + "\n"))
        #expect(synthetic.hasSuffix("\n" + Banner.synthetic))
        let real = Self.render(technology: "ai", country: "US", synthetic: false)
        #expect(!real.contains("SYNTHETIC"))
        #expect(real.hasPrefix("CN leads 2 of 4 technologies in 2020-2024"))
    }
}
