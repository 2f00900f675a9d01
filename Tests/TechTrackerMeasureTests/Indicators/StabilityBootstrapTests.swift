import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// METHOD §5: the Poisson bootstrap.
struct StabilityBootstrapTests {
    @Test func orderStatisticPositions() {
        #expect(StabilityBootstrap.positions(draws: 1000) == (25, 975))
        #expect(StabilityBootstrap.positions(draws: 2000) == (50, 1950))
        #expect(StabilityBootstrap.positions(draws: 10) == (0, 9))
        #expect(StabilityBootstrap.positions(draws: 1) == (0, 0))
    }

    @Test func poissonTableMatchesPoissonOne() {
        let table = PoissonOne.upper
        #expect(table.last == 1 << 32)
        #expect(abs(Double(table[0]) / 4_294_967_296 - 0.36787944117144233) < 1e-9)
        #expect(abs(Double(table[1]) / 4_294_967_296 - 0.7357588823428847) < 1e-9)
        #expect(zip(table, table.dropFirst()).allSatisfy { $0 < $1 })
        var rng = Xoshiro256StarStar(seed: 1)
        var sum = 0, sumSquares = 0, zeros = 0
        let n = 200_000
        table.withUnsafeBufferPointer { table in
            for _ in 0..<n {
                let m = PoissonOne.draw(rng.next(), table: table)
                sum += m
                sumSquares += m * m
                if m == 0 { zeros += 1 }
            }
        }
        let mean = Double(sum) / Double(n)
        #expect(abs(mean - 1) < 0.01)
        #expect(abs(Double(sumSquares) / Double(n) - mean * mean - 1) < 0.02)  // variance 1
        #expect(abs(Double(zeros) / Double(n) - 0.3679) < 0.005)
    }

    @Test func poissonShortcutGivesExactlyTheInversion() {
        PoissonOne.upper.withUnsafeBufferPointer { table in
            PoissonOne.shortcut.withUnsafeBufferPointer { shortcut in
                // Every step of the table, and its neighbours, through both paths.
                for step in table.dropLast() {
                    for u in [step - 1, step, step + 1] {
                        #expect(PoissonOne.draw32(u, shortcut: shortcut, table: table) == PoissonOne.search(u))
                    }
                }
                var rng = SplitMix64(seed: 3)
                for _ in 0..<100_000 {
                    let u = rng.next() >> 32
                    #expect(PoissonOne.draw32(u, shortcut: shortcut, table: table) == PoissonOne.search(u))
                }
                #expect(PoissonOne.draw32(0xFFFF_FFFF, shortcut: shortcut, table: table) == table.count - 1)
            }
        }
        // Steps 0…6 fall in distinct buckets; the steps from 7 up all lie in the last bucket.
        #expect(PoissonOne.shortcut.filter { $0 == PoissonOne.ambiguous }.count == 7)
    }

    @Test func onlineOrderStatisticsAgreeWithSorting() {
        var random = TestRandom(9)
        for _ in 0..<200 {
            let count = random.int(1...300), series = random.int(1...4)
            let low = random.int(0...(count - 1)), high = random.int(low...(count - 1))
            let statistics = OrderStatistics(series: series, count: count, low: low, high: high)
            defer { statistics.deallocate() }
            var values = [[Double]](repeating: [], count: series)
            for _ in 0..<count {
                for s in 0..<series {
                    let value = Double(random.int(0...8)) / 4  // many ties
                    values[s].append(value)
                    statistics.add(s, value)
                }
            }
            for s in 0..<series {
                let sorted = values[s].sorted()
                #expect(statistics.low(s) == sorted[low] && statistics.high(s) == sorted[high])
            }
        }
    }

    /// 2,000 works of 2020 with random citations; credits split among US, CN, DE and unknown,
    /// CN dominant.
    func randomCorpus(seed: UInt64) -> AnalysisCorpus {
        var builder = CorpusBuilder()
        var random = TestRandom(seed)
        for _ in 0..<2000 {
            let r = random.double()
            let credits: [(String?, Double)] =
                r < 0.5
                ? [("CN", 1)]
                : r < 0.75
                    ? [("US", 1)]
                    : r < 0.9 ? [("US", 0.5), ("DE", 0.25), (nil, 0.25)] : [("DE", 1)]
            builder.add(year: 2020, citations: random.int(0...60), credits: credits)
        }
        return builder.corpus
    }

    @Test func sameSeedSameIntervalsAndIntervalsContainTheObservedShare() {
        let prepared = IndicatorCorpus(randomCorpus(seed: 3))
        let window = PublicationWindow(start: 2016, end: 2020)
        for counting in Counting.allCases {
            let settings = IndicatorSettings(counting: counting, seed: 42)
            let first = TechnologyIndicators.compute(
                technology: 0, window: window, corpus: prepared, settings: settings)
            let again = TechnologyIndicators.compute(
                technology: 0, window: window, corpus: prepared, settings: settings)
            #expect(first == again)
            var other = settings
            other.seed = 43
            let reseeded = TechnologyIndicators.compute(
                technology: 0, window: window, corpus: prepared, settings: other)
            #expect(reseeded.countries.map(\.ciLow) != first.countries.map(\.ciLow))
            for row in first.countries {
                #expect(row.ciLow! <= row.share && row.share <= row.ciHigh!, "\(row.country) \(counting)")
                #expect(row.ciLow! < row.ciHigh!)
            }
            #expect(first.summary.leader == CountryCode("CN"))
            // Observed: CN 0.467 vs US 0.346 (fractional), 0.467 vs 0.416 (whole), with about
            // 200 top works: CN stays first in most draws, more clearly under fractional counting.
            #expect(first.summary.pLeader! > (counting == .fractional ? 0.95 : 0.7))
            #expect(close(first.countries.compactMap(\.pFirst).reduce(0, +), 1))
        }
    }

    @Test func seedsDependOnEveryId() {
        let window = PublicationWindow(start: 2020, end: 2024)
        let base = BootstrapSeed.derive(global: 1, technology: "ai", window: window, counting: .fractional)
        #expect(base == BootstrapSeed.derive(global: 1, technology: "ai", window: window, counting: .fractional))
        #expect(base != BootstrapSeed.derive(global: 2, technology: "ai", window: window, counting: .fractional))
        #expect(base != BootstrapSeed.derive(global: 1, technology: "aj", window: window, counting: .fractional))
        #expect(
            base
                != BootstrapSeed.derive(
                    global: 1, technology: "ai", window: .init(start: 2019, end: 2023), counting: .fractional))
        #expect(base != BootstrapSeed.derive(global: 1, technology: "ai", window: window, counting: .whole))
    }

    @Test func aSingleTopWorkIsFirstWheneverItIsDrawn() {
        // One work (n = 1, T = 0.1), wholly CN: in a draw CN has share 1 unless m = 0
        // (probability e⁻¹), when every share is 0 and no one is first.
        var builder = CorpusBuilder()
        builder.add(year: 2022, citations: 3, credits: [("CN", 1)])
        let result = TechnologyIndicators.compute(
            technology: 0, window: .init(start: 2020, end: 2024),
            corpus: IndicatorCorpus(builder.corpus), settings: .init(bootstrapDraws: 4000))
        let cn = result.countries[0]
        #expect(cn.share == 1 && cn.ciLow == 0 && cn.ciHigh == 1)
        #expect(abs(result.summary.pLeader! - (1 - 0.3679)) < 0.03)
    }

    @Test func drawingPlanGroupsSingleCountryWorksIntoRuns() {
        // Ten works in 2020 cited 100…109 beside 90 uncited (n = 100 → the ten weigh 1):
        // four CN, two US, one US ½ + unknown ½, one all unknown, one US + CN, one GB + US + CN.
        var builder = CorpusBuilder()
        let credits: [[(String?, Double)]] = [
            [("CN", 1)], [("CN", 1)], [("CN", 1)], [("CN", 1)], [("US", 1)], [("US", 1)],
            [("US", 0.5), (nil, 0.5)], [(nil, 1)], [("US", 0.5), ("CN", 0.5)],
            [("GB", 0.25), ("US", 0.25), ("CN", 0.5)],
        ]
        for (i, credit) in credits.enumerated() { builder.add(year: 2020, citations: 100 + i, credits: credit) }
        for _ in 0..<90 { builder.add(year: 2020, citations: 0, credits: [("DE", 1)]) }
        let prepared = IndicatorCorpus(builder.corpus)
        let works = WindowWorks(
            technologyWorks: builder.corpus.memberships[0], window: .init(start: 2020, end: 2020),
            scope: .year, corpus: builder.corpus, kept: prepared.kept)
        let slice = WindowSlice(
            works: works, credits: prepared.fractional.countries,
            adjustment: prepared.fractional.adjustment, corpus: builder.corpus)
        let tally = CountryIndicators(slice: slice, adjustedTop10: works.top10Fraction)
        #expect(slice.codes.map(\.description) == ["CN", "DE", "GB", "US"])
        let plan = StabilityBootstrap.Plan(slice: slice, pTop: tally.pTop)
        #expect(plan.tracked == [0, 2, 3])  // DE has no top output; tracked indices: CN 0, GB 1, US 2
        #expect(plan.runSize == [1, 4, 1, 2])
        #expect(plan.runCountry == [-1, 0, 2, 2])
        #expect(plan.runValue == [0, 1, 0.5, 1] && plan.runWeight == [1, 1, 1, 1])
        #expect(plan.multiWeight == [1, 1] && plan.multiStart == [0, 2, 5])
        // Entries follow the corpus order of countries (CN, US, GB were met in that order).
        #expect(plan.multiCountry == [0, 2, 0, 2, 1] && plan.multiValue == [0.5, 0.5, 0.5, 0.25, 0.25])
    }

    @Test func skippedBootstrapLeavesIntervalsEmpty() {
        let result = ScenarioA.result(.fractional, draws: 0)
        #expect(result.countries.allSatisfy { $0.ciLow == nil && $0.ciHigh == nil && $0.pFirst == nil })
        #expect(result.summary.pLeader == nil)
    }
}
