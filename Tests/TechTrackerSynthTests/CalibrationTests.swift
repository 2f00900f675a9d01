import Testing
import TechTrackerCore
@testable import TechTrackerSynth

/// The story the corpus is calibrated to tell, checked on the in-memory model with a simple
/// version of the indicator: per technology and year, the top 10% most-cited articles and
/// reviews (ties weighted as in METHOD §4), credited fractionally by author (METHOD §3).
@Suite struct CalibrationTests {
    @Test func leadersFollowThePublicRecord() throws {
        let corpus = try SyntheticCorpus(configuration: SyntheticCorpusConfiguration(works: 40_000, seed: 42))
        let early = leaders(corpus, years: 2003...2007)
        let late = leaders(corpus, years: 2020...2024)
        let earlyUS = early.values.filter { $0 == "US" }.count
        let lateCN = late.values.filter { $0 == "CN" }.count
        let retained = TechnologyCalibrations.retainedByUnitedStates.filter { late[$0] == "US" }.count
        let lateUS = late.values.filter { $0 == "US" }.count
        print(
            "calibration: 2003-2007 US leads \(earlyUS)/\(early.count); 2020-2024 CN leads \(lateCN)/\(late.count), "
                + "US leads \(lateUS) (\(retained) of its 8)")
        #expect(early.count == 74 && late.count == 74)
        // A 40k-work corpus has only a handful of top-10% papers per technology in 2003-2007, so
        // the bounds leave room for noise (48-60 and 47-60 over seeds 1-8); a million works
        // give 67 and 66 of 74, as in the calibration.
        #expect(earlyUS >= 40, "USA leads \(earlyUS) in 2003-2007")
        #expect(lateCN >= 40, "China leads \(lateCN) in 2020-2024")
        #expect(retained >= 3 && lateUS <= 25, "USA keeps \(retained) of 8, leads \(lateUS)")
        let earlyRunnerUp =
            Dictionary(grouping: early.values.filter { $0 != "US" }, by: { $0 }).values.map(\.count).max() ?? 0
        #expect(earlyUS > 4 * earlyRunnerUp)
    }

    @Test func chinaGrowsFasterThanTheUnitedStates() throws {
        let corpus = try SyntheticCorpus(configuration: SyntheticCorpusConfiguration(works: 8_000, seed: 9))
        var output: [Int: [String: Double]] = [:]
        for work in 0..<corpus.workCount {
            let year = corpus.publicationYear(ofWork: work)
            for (country, credit) in corpus.countryCredits(ofWork: work) {
                output[year, default: [:]][country ?? "", default: 0] += credit
            }
        }
        let ratio = { (year: Int) in (output[year]?["CN"] ?? 0) / max(1, output[year]?["US"] ?? 0) }
        #expect(ratio(2003) < 0.6 && ratio(2024) > 1.4, "CN/US output \(ratio(2003)) -> \(ratio(2024))")
    }

    @Test func someAuthorsMoveCountry() throws {
        let corpus = try SyntheticCorpus(configuration: SyntheticCorpusConfiguration(works: 6_000, seed: 4))
        var firstCountry: [UInt32: Int] = [:]
        var movers = Set<UInt32>()
        for work in 0..<corpus.workCount {
            for authorship in corpus.authorshipStart[work]..<corpus.authorshipStart[work + 1] {
                let institution = corpus.authorshipInstitutions[authorship * 3]
                guard institution != AuthorRecord.none else { continue }
                let author = corpus.authorshipAuthors[authorship]
                let country = corpus.world.institutions[Int(institution)].country
                if let first = firstCountry[author] {
                    if first != country && corpus.authorshipInstitutions[authorship * 3 + 1] == AuthorRecord.none {
                        movers.insert(author)
                    }
                } else {
                    firstCountry[author] = country
                }
            }
        }
        let share = Double(movers.count) / Double(firstCountry.count)
        #expect(share > 0.002 && share < 0.08, "movers \(movers.count) of \(firstCountry.count)")
    }

    /// The leading country (largest fractional share of top-10% works) of each technology.
    private func leaders(_ corpus: SyntheticCorpus, years: ClosedRange<Int>) -> [String: String] {
        var byTechnologyYear: [Int: [Int: [Int]]] = [:]
        for work in 0..<corpus.workCount where corpus.isCountedByDefault(ofWork: work) {
            let year = corpus.publicationYear(ofWork: work)
            guard years.contains(year) else { continue }
            for technology in corpus.technologyIndices(ofWork: work) {
                byTechnologyYear[technology, default: [:]][year, default: []].append(work)
            }
        }
        var result: [String: String] = [:]
        for (technology, perYear) in byTechnologyYear {
            var share: [String: Double] = [:]
            for works in perYear.values {
                for (work, weight) in topTenPercent(works, corpus) {
                    for (country, credit) in corpus.countryCredits(ofWork: work) {
                        share[country ?? "", default: 0] += credit * weight
                    }
                }
            }
            if let leader = share.filter({ !$0.key.isEmpty }).max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
                result[TechnologyCatalog.all[technology].id] = leader.key
            }
        }
        return result
    }

    /// METHOD §4: works above the 90th-percentile threshold weigh 1, ties at it weigh θ.
    private func topTenPercent(_ works: [Int], _ corpus: SyntheticCorpus) -> [(Int, Double)] {
        let counts = works.map(corpus.citedByCount(ofWork:)).sorted()
        guard !counts.isEmpty else { return [] }
        let n = Double(counts.count)
        let threshold = counts[max(0, Int((0.9 * n).rounded(.up)) - 1)]
        let atOrBelow = Double(counts.filter { $0 <= threshold }.count)
        let at = Double(counts.filter { $0 == threshold }.count)
        let theta = (atOrBelow / n - 0.9) / (at / n)
        return works.compactMap { work in
            let count = corpus.citedByCount(ofWork: work)
            return count > threshold ? (work, 1) : count == threshold && theta > 0 ? (work, theta) : nil
        }
    }
}
