#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TechTrackerCore

/// One patent-to-paper citation of the synthetic file, before it is written as a CSV row.
struct SyntheticPatentCitation: Sendable, Equatable {
    /// Who put the reference on the patent: Reliance on Science's `reftype`.
    enum ReferenceType: UInt8, Sendable { case applicant, examiner, unknown }
    /// Where in the patent it was found: `wherefound`.
    enum Place: UInt8, Sendable { case frontOnly, bodyOnly, both }

    /// The cited work (index into the corpus).
    var work: Int
    var patent: SyntheticPatent
    var referenceType: ReferenceType
    /// Match confidence, 1-10 (`confscore`).
    var confidence: Int
    var place: Place
    var isSelfCitation: Bool
}

/// Everything the per-work draws need besides the work itself: each work's λ (the expected
/// number of patents that eventually cite it) and how many citing patents there are per
/// technology and year, sized so that a patent cites two or three papers on average.
///
/// Built in two sequential passes over the corpus (it keeps a float and a byte per work, and a
/// few thousand counts), so the citations themselves can be drawn and written work by work
/// without being held.
struct PatentCitationPlan: Sendable {
    let model: PatentCitationModel
    let seed: UInt64
    let firstYear: Int
    /// The last year a citing patent may have (Reliance on Science files carry no dates: the
    /// analysis is told it).
    let cutoffYear: Int
    /// λ per work.
    let expectedPatents: [Float]
    /// Patent-technology slot per work (`SyntheticPatent.noTechnology` for works in none).
    let patentTechnologies: [UInt8]
    /// Patents per `[slot * citingYears + yearOffset]`, 1...maximumSerials.
    let poolSizes: [UInt16]
    /// Citing years from `firstYear` to `cutoffYear` (0 when the cut-off precedes every work).
    let citingYears: Int

    /// Papers a patent cites on average, for sizing the pools.
    static let papersPerPatent = 2.5
    /// The random stream of the patent draws (streams 1-4 are the corpus model's).
    static let stream: UInt64 = 9

    init(corpus: SyntheticCorpus, cutoffYear: Int, model: PatentCitationModel = PatentCitationModel()) {
        self.model = model
        seed = corpus.configuration.seed
        firstYear = corpus.configuration.fromYear
        self.cutoffYear = cutoffYear
        let publicationYears = corpus.configuration.toYear - firstYear + 1
        citingYears = max(0, cutoffYear - firstYear + 1)
        let slots = SyntheticPatent.technologySlots
        var expected = [Float](repeating: 0, count: corpus.workCount)
        var technologies = [UInt8](repeating: UInt8(SyntheticPatent.noTechnology), count: corpus.workCount)
        // Mean citations per publication year: the citation term's reference.
        var yearMeans = [Double](repeating: 0, count: publicationYears)
        var yearCounts = [Int](repeating: 0, count: publicationYears)
        for work in 0..<corpus.workCount {
            let year = corpus.publicationYear(ofWork: work) - firstYear
            yearMeans[year] += Double(corpus.citedByCount(ofWork: work))
            yearCounts[year] += 1
        }
        for year in 0..<publicationYears where yearCounts[year] > 0 { yearMeans[year] /= Double(yearCounts[year]) }
        // Expected citing works per technology slot and publication year, for the pools.
        var citedByYear = [Double](repeating: 0, count: slots * publicationYears)
        for work in 0..<corpus.workCount {
            let year = corpus.publicationYear(ofWork: work) - firstYear
            let technology = corpus.patentTechnology(ofWork: work, model: model)
            let countryTerm = model.countryTerm(technology: technology) {
                corpus.forEachCountryCredit(ofWork: work, $0)
            }
            let lambda = PatentCitationModel.expectedPatents(
                citations: corpus.citedByCount(ofWork: work), yearMean: yearMeans[year],
                technologyFactor: model.technologyFactor(technology),
                countryTerm: countryTerm, kind: corpus.kinds[work], retracted: corpus.retracted[work])
            expected[work] = Float(lambda)
            let slot = technology ?? SyntheticPatent.noTechnology
            technologies[work] = UInt8(slot)
            let meanCount = 2 + 2 * min(1, lambda)
            citedByYear[slot * publicationYears + year] +=
                PatentCitationModel.eventualProbability(expectedPatents: Double(Float(lambda))) * meanCount
        }
        expectedPatents = expected
        patentTechnologies = technologies

        // Rows expected per slot and citing year: publication years spread over the lag.
        let lagShares = (0..<max(1, citingYears)).map {
            PatentCitationModel.lagProbability(atMost: $0) - PatentCitationModel.lagProbability(atMost: $0 - 1)
        }
        var pools = [UInt16](repeating: 1, count: slots * citingYears)
        for slot in 0..<slots {
            for citing in 0..<citingYears {
                var rows = 0.0
                for published in 0...min(citing, publicationYears - 1) {
                    rows += citedByYear[slot * publicationYears + published] * lagShares[citing - published]
                }
                let patents = (rows / Self.papersPerPatent).rounded()
                pools[slot * citingYears + citing] = UInt16(
                    min(Double(SyntheticPatent.maximumSerials), max(1, patents)))
            }
        }
        poolSizes = pools
    }

    /// The position of a patent among every patent the plan can draw (for counting distinct ones).
    func patentIndex(_ patent: SyntheticPatent) -> Int {
        (patent.technology * citingYears + patent.year - firstYear) * SyntheticPatent.maximumSerials + patent.serial
    }

    /// How many patents the plan can draw at most (the range of `patentIndex`).
    var patentCapacity: Int { poolSizes.count * SyntheticPatent.maximumSerials }

    /// Appends the patent citations of `work` to `citations`: none for most works; for a work
    /// cited at all, a heavy-tailed number of patents, each after its own lag, those published
    /// after the cut-off left out, each patent once. Depends only on the seed and the work.
    func draw(work: Int, publicationYear: Int, into citations: inout [SyntheticPatentCitation]) {
        let lambda = Double(expectedPatents[work])
        guard lambda > 0, citingYears > 0 else { return }
        var rng = SplitMix64(seed: seed, stream: Self.stream, index: work)
        guard rng.nextDouble() < PatentCitationModel.eventualProbability(expectedPatents: lambda) else { return }
        let exponent = PatentCitationModel.countExponent(expectedPatents: lambda)
        let tail = pow(max(1e-12, 1 - rng.nextDouble()), -1 / exponent)
        let count = min(PatentCitationModel.maximumPatentsPerWork, max(1, Int(min(tail, 1e6))))
        let slot = Int(patentTechnologies[work])
        let first = citations.count
        for _ in 0..<count {
            let lag = exp(
                log(PatentCitationModel.medianLagYears) + PatentCitationModel.lagSigma * rng.nextNormal())
            let year = publicationYear + Int(min(lag, 1000).rounded())
            guard year <= cutoffYear else { continue }
            let pool = Int(poolSizes[slot * citingYears + year - firstYear])
            let patent = SyntheticPatent(year: year, technology: slot, serial: rng.nextInt(below: pool))
            let attributes = Self.drawAttributes(&rng)
            // A patent lists a paper once, however many of its passages cite it.
            if citations[first...].contains(where: { $0.patent == patent }) { continue }
            citations.append(
                SyntheticPatentCitation(
                    work: work, patent: patent, referenceType: attributes.referenceType,
                    confidence: attributes.confidence, place: attributes.place,
                    isSelfCitation: attributes.isSelfCitation))
        }
    }

    /// Confidence, place, reference type and self-citation of one citation, in Reliance on
    /// Science's usual mix: mostly confidence 10 or 9, a few below the default floor of 3;
    /// front page, body text or both; applicants' references in the body, examiners' only on
    /// the front page; a few percent self-citations.
    static func drawAttributes(
        _ rng: inout SplitMix64
    ) -> (
        confidence: Int, place: SyntheticPatentCitation.Place, referenceType: SyntheticPatentCitation.ReferenceType,
        isSelfCitation: Bool
    ) {
        let u = rng.nextDouble()
        let confidence = (confidenceTotals.firstIndex { u < $0 }).map { 10 - $0 } ?? 1
        let v = rng.nextDouble()
        let place: SyntheticPatentCitation.Place = v < 0.4 ? .frontOnly : v < 0.8 ? .bodyOnly : .both
        let w = rng.nextDouble()
        let referenceType: SyntheticPatentCitation.ReferenceType =
            place == .bodyOnly
            ? (w < 0.85 ? .applicant : .unknown)
            : (w < 0.62 ? .applicant : w < 0.9 ? .examiner : .unknown)
        return (confidence, place, referenceType, rng.chance(0.03))
    }

    /// Running shares of confidence 10, 9, …, 1.
    static let confidenceTotals: [Double] = [0.62, 0.80, 0.85, 0.88, 0.90, 0.92, 0.94, 0.96, 0.98, 1.0]
}

extension SyntheticCorpus {
    /// The technology a work's patent citations belong to: of its technologies, the one patents
    /// cite most (nil: a work in none).
    func patentTechnology(ofWork work: Int, model: PatentCitationModel) -> Int? {
        model.patentTechnology(
            of: (0..<3).lazy.map { self.technologySlots[work * 3 + $0] }.filter { $0 != Self.noTechnology }
                .map { Int($0) })
    }
}
