import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// METHOD §9: technologies led and in the top 5, per window and counting.
struct HeadlineTests {
    func row(
        _ technology: String, _ country: String, rank: Int, share: Double,
        window: PublicationWindow = .init(start: 2020, end: 2024), counting: Counting = .fractional
    ) -> CountryRow {
        CountryRow(
            technology: technology, window: window, counting: counting, country: CountryCode(country)!, p: 1,
            pTop: share, share: share, ppTop: 0, rank: rank, pTop1: 0, share1: 0, hIndex: 0, ciLow: nil,
            ciHigh: nil, pFirst: nil, adjustedShare: share, adjustedRank: rank, inwardness: nil, lowEvidence: false)
    }

    @Test func countsLeadsAndTopFives() {
        var rows: [CountryRow] = []
        // t1: CN, US, GB, DE, JP, FR (FR 6th). t2: US, CN. t3: CN then US with share 0.
        for (rank, code) in ["CN", "US", "GB", "DE", "JP", "FR"].enumerated() {
            rows.append(row("t1", code, rank: rank + 1, share: 0.3 - Double(rank) * 0.05))
        }
        rows += [row("t2", "US", rank: 1, share: 0.6), row("t2", "CN", rank: 2, share: 0.4)]
        rows += [row("t3", "CN", rank: 1, share: 1), row("t3", "US", rank: 2, share: 0)]
        rows.append(row("t1", "US", rank: 1, share: 1, window: .init(start: 2003, end: 2007)))
        let headline = Headline.compute(rows)
        let recent = headline.filter { $0.window.start == 2020 }
        #expect(recent.map(\.unit) == ["CN", "US", "DE", "GB", "JP"])
        #expect(
            recent[0].led == ["t1", "t3"] && recent[0].topFive == ["t1", "t2", "t3"] && recent[0].technologies == 3)
        #expect(recent[1].led == ["t2"] && recent[1].topFive == ["t1", "t2"])
        #expect(recent[2].led.isEmpty && recent[2].topFive == ["t1"])
        let early = headline.filter { $0.window.start == 2003 }
        #expect(early.count == 1 && early[0].led == ["t1"] && early[0].technologies == 1)
        #expect(headline.first?.window.start == 2003)
    }

    @Test func shareTrendAcrossWindows() {
        let early = PublicationWindow(start: 2003, end: 2007), mid = PublicationWindow(start: 2010, end: 2014)
        let late = PublicationWindow(start: 2020, end: 2024)
        let rows = [
            row("t1", "US", rank: 1, share: 0.6, window: early), row("t1", "CN", rank: 2, share: 0.1, window: early),
            row("t1", "US", rank: 1, share: 0.5, window: mid),
            row("t1", "CN", rank: 1, share: 0.5, window: late), row("t2", "CN", rank: 1, share: 0.9, window: late),
            row("t1", "CN", rank: 1, share: 0.7, window: late, counting: .whole),
        ]
        let trend = Headline.shareTrend(of: CountryCode("CN")!, technology: "t1", counting: .fractional, rows: rows)
        #expect(trend.map(\.window) == [early, mid, late])
        #expect(trend.map(\.share) == [0.1, 0, 0.5])
    }
}
