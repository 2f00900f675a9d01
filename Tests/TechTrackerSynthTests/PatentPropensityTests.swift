import Testing
@testable import TechTrackerSynth

/// The calibration, read back from the written file over 20,000 works: which papers patents
/// cite depends on their citations, technology, countries and age.
@Suite struct PatentPropensityTests {
    /// Works published at least this long before the cut-off have had most of their patent
    /// citations (lag median 6 years).
    static let settledAge = 7

    func fixture() throws -> PatentCorpus { try PatentCorpus.shared.get() }

    /// The top fifth of works by citations within each publication year (among `works`).
    func topWorks(_ corpus: SyntheticCorpus, among works: [Int]) -> [Int] {
        Dictionary(grouping: works, by: corpus.publicationYear(ofWork:)).values.flatMap { year in
            year.sorted { corpus.citedByCount(ofWork: $0) > corpus.citedByCount(ofWork: $1) }.prefix(year.count / 5)
        }
    }

    /// Credit-weighted share of `works` cited by a patent, per country code (METHOD §3).
    func citedRates(_ written: PatentCorpus, works: [Int]) -> [String: (rate: Double, credit: Double)] {
        let cited = written.citedWorks
        var credit: [String: Double] = [:], citedCredit: [String: Double] = [:]
        for work in works {
            for (country, share) in written.corpus.countryCredits(ofWork: work) {
                guard let country else { continue }
                credit[country, default: 0] += share
                if cited.contains(work) { citedCredit[country, default: 0] += share }
            }
        }
        var rates: [String: (rate: Double, credit: Double)] = [:]
        for (country, total) in credit { rates[country] = ((citedCredit[country] ?? 0) / total, total) }
        return rates
    }

    func settledWorks(_ written: PatentCorpus, in ids: Set<String>) -> [Int] {
        let corpus = written.corpus
        let last = SyntheticCorpusConfiguration.defaultToYear - Self.settledAge
        return (0..<corpus.workCount).filter { work in
            corpus.publicationYear(ofWork: work) <= last && corpus.isCountedByDefault(ofWork: work)
                && !ids.isDisjoint(with: corpus.technologyIDs(ofWork: work))
        }
    }

    @Test func americanTopPapersInAppliedFieldsAreCitedMoreThanChineseOnes() throws {
        let written = try fixture()
        let applied = settledWorks(written, in: PatentCitationModel.industrialTechnologyIDs)
        let rates = citedRates(written, works: topWorks(written.corpus, among: applied))
        let us = try #require(rates["US"]), cn = try #require(rates["CN"])
        try #require(us.credit > 30 && cn.credit > 30, "\(us) \(cn)")
        #expect(us.rate > 2 * cn.rate, "US \(us), CN \(cn)")
        for code in ["JP", "KR", "DE"] {
            if let other = rates[code], other.credit > 10 { #expect(other.rate > cn.rate, "\(code) \(other)") }
        }
    }

    @Test func appliedFieldsAreCitedMoreThanTheoreticalAndMilitaryOnes() throws {
        let written = try fixture()
        let far: Set<String> = [
            "quantum-computing", "quantum-communication", "quantum-sensors", "post-quantum-cryptography",
            "electronic-warfare", "hypersonic-detection-and-tracking", "advanced-explosives-and-energetic-materials",
            "directed-energy-technologies", "air-independent-propulsion", "geoengineering",
        ]
        func rate(_ ids: Set<String>) -> Double {
            let top = topWorks(written.corpus, among: settledWorks(written, in: ids))
            return Double(top.filter(written.citedWorks.contains).count) / Double(max(1, top.count))
        }
        let appliedRate = rate(PatentCitationModel.industrialTechnologyIDs), farRate = rate(far)
        #expect(appliedRate > 3 * farRate, "applied \(appliedRate), far \(farRate)")
    }

    @Test func theCitedRateRisesWithCitations() throws {
        let written = try fixture()
        let corpus = written.corpus
        let last = SyntheticCorpusConfiguration.defaultToYear - Self.settledAge
        let works = (0..<corpus.workCount).filter {
            corpus.publicationYear(ofWork: $0) <= last && corpus.isCountedByDefault(ofWork: $0)
        }.sorted { corpus.citedByCount(ofWork: $0) < corpus.citedByCount(ofWork: $1) }
        let cited = written.citedWorks
        let quarters = (0..<4).map { quarter in
            let slice = works[(works.count * quarter / 4)..<(works.count * (quarter + 1) / 4)]
            return Double(slice.filter(cited.contains).count) / Double(max(1, slice.count))
        }
        #expect(zip(quarters, quarters.dropFirst()).allSatisfy { $0 < $1 }, "\(quarters)")
        #expect(quarters[3] > 5 * quarters[1], "\(quarters)")
    }

    @Test func recentPapersAreRarelyCited() throws {
        let written = try fixture()
        let corpus = written.corpus
        let cited = written.citedWorks
        func rate(_ years: ClosedRange<Int>) -> Double {
            let works = (0..<corpus.workCount).filter { years.contains(corpus.publicationYear(ofWork: $0)) }
            return Double(works.filter(cited.contains).count) / Double(max(1, works.count))
        }
        let settled = rate(2005...2014), recent = rate(2020...2024), last = rate(2023...2024)
        #expect(recent < settled / 3, "2005-2014 \(settled), 2020-2024 \(recent)")
        #expect(last < settled / 20, "2005-2014 \(settled), 2023-2024 \(last)")
        #expect(settled > 0.02 && settled < 0.2, "\(settled)")
    }
}
