import TechTrackerCore

/// The in-memory model of a synthetic corpus: for every work its year, type, technologies,
/// authors with affiliations, references and citation counts, before any JSON is written.
///
/// This is the ground truth the written records are serialised from, exposed so that tests
/// and calibration checks can compare an analysis of the files with what was generated
/// (which technologies a work belongs to is decided here, not by text matching).
/// Works are numbered 0..<workCount in publication-year order.
public struct SyntheticCorpus: Sendable {
    /// The configuration the corpus was built from.
    let configuration: SyntheticCorpusConfiguration
    let world: SyntheticWorld
    let propensity: CountryPropensity

    // Per work.
    var years: [UInt16] = []
    var kinds: [WorkKind] = []
    var retracted: [Bool] = []
    /// Three slots per work; `noTechnology` marks empty slots.
    var technologySlots: [UInt8] = []
    /// Filler subject of works in no technology (index into `world.fillers`).
    var fillerTopics: [UInt8] = []
    var leadCountries: [UInt8] = []
    var fitness: [Float] = []
    /// Authorships of work `i` are `authorshipStart[i]..<authorshipStart[i + 1]`.
    var authorshipStart: [Int] = [0]

    // Per authorship.
    var authorshipAuthors: [UInt32] = []
    /// Three institution slots per authorship (`AuthorRecord.none` = empty).
    var authorshipInstitutions: [UInt16] = []
    /// For authorships without institution: the country given alone (`noCountry` if none).
    var authorshipBareCountry: [UInt8] = []

    var authors: [AuthorRecord] = []

    // Citation graph.
    /// References of work `i` are `references[referenceStart[i]..<referenceStart[i + 1]]`.
    var referenceStart: [Int] = []
    var references: [UInt32] = []
    var citedInCorpus: [UInt32] = []
    /// Publication-year offsets of the works citing work `i`: `citingYears[citingStart[i]..<citingStart[i + 1]]`.
    var citingStart: [Int] = []
    var citingYears: [UInt8] = []
    var externalCitations: [UInt32] = []
    /// Citation percentile among works of the same year, and its rank bounds (0-100).
    var percentiles: [Float] = []
    var percentileBounds: [UInt8] = []
    /// Field-weighted citation impact (citations / mean of the same year and subject).
    var fieldWeightedImpact: [Float] = []

    static let noTechnology = UInt8.max
    static let noCountry = UInt8.max

    /// Builds the model: works, teams and careers, then references and citation counts.
    /// Deterministic for a configuration; takes a few seconds per million works.
    /// Throws `SyntheticCorpusError.invalidConfiguration` for out-of-range values.
    init(configuration: SyntheticCorpusConfiguration) throws {
        try configuration.validate()
        var builder = WorkBuilder(corpus: SyntheticCorpus(empty: configuration))
        builder.buildWorks()
        var citations = CitationBuilder(corpus: builder.corpus)
        citations.buildReferences()
        var corpus = citations.corpus
        corpus.computeCitationCounts()
        self = corpus
    }

    /// A corpus with its world and tables but no works yet.
    private init(empty configuration: SyntheticCorpusConfiguration) {
        self.configuration = configuration
        world = SyntheticWorld()
        propensity = CountryPropensity(firstYear: configuration.fromYear, lastYear: configuration.toYear)
    }

    /// Number of works.
    var workCount: Int { years.count }

    /// Publication year of work `index`.
    func publicationYear(ofWork index: Int) -> Int { Int(years[index]) }

    /// OpenAlex type of work `index` (`article`, `review`, `preprint`, …).
    func workType(ofWork index: Int) -> String { kinds[index].openAlexType.description }

    /// Whether work `index` is retracted.
    func isRetracted(ofWork index: Int) -> Bool { retracted[index] }

    /// Whether the default analysis keeps work `index` (an article or review, not retracted).
    func isCountedByDefault(ofWork index: Int) -> Bool { kinds[index].isCountedByDefault && !retracted[index] }

    /// Catalog ids of the technologies work `index` belongs to (empty for about a third).
    func technologyIDs(ofWork index: Int) -> [String] {
        technologyIndices(ofWork: index).map { TechnologyCatalogReference.technologies[$0].id }
    }

    /// Catalog indices of the technologies of work `index`.
    func technologyIndices(ofWork index: Int) -> [Int] {
        (0..<3).compactMap { slot in
            let value = technologySlots[index * 3 + slot]
            return value == Self.noTechnology ? nil : Int(value)
        }
    }

    /// Citations as the record's `cited_by_count` gives them (in-corpus plus outside).
    func citedByCount(ofWork index: Int) -> Int { Int(citedInCorpus[index] + externalCitations[index]) }

    /// Citations from works inside the corpus.
    func citationsInCorpus(ofWork index: Int) -> Int { Int(citedInCorpus[index]) }

    /// The OpenAlex id of work `index` (`https://openalex.org/W…`).
    func openAlexID(ofWork index: Int) -> String { "https://openalex.org/W\(workNumber(index))" }

    /// Fractional country credit of work `index` (METHOD §3): each author holds 1/n, split
    /// equally over the author's institutions (or bare countries); `nil` is "unknown".
    /// Credits sum to 1 for works with authors.
    func countryCredits(ofWork index: Int) -> [(country: String?, credit: Double)] {
        var credits: [Int: Double] = [:]
        var unknown = 0.0
        forEachCountryCredit(ofWork: index) { country, credit in
            if let country { credits[country, default: 0] += credit } else { unknown += credit }
        }
        var result = credits.keys.sorted().map {
            (country: Optional(world.countries[$0].code), credit: credits[$0] ?? 0)
        }
        if unknown > 0 { result.append((country: nil, credit: unknown)) }
        return result
    }

    /// Calls `body` with (country index or nil, credit) for each affiliation of work `index`.
    func forEachCountryCredit(ofWork index: Int, _ body: (Int?, Double) -> Void) {
        let start = authorshipStart[index], end = authorshipStart[index + 1]
        guard end > start else { return }
        let authorShare = 1 / Double(end - start)
        for authorship in start..<end {
            let base = authorship * 3
            let institutionCount = (0..<3).reduce(0) {
                $0 + (authorshipInstitutions[base + $1] == AuthorRecord.none ? 0 : 1)
            }
            if institutionCount == 0 {
                let bare = authorshipBareCountry[authorship]
                body(bare == Self.noCountry ? nil : Int(bare), authorShare)
                continue
            }
            let part = authorShare / Double(institutionCount)
            for slot in 0..<3 {
                let value = authorshipInstitutions[base + slot]
                if value != AuthorRecord.none { body(world.institutions[Int(value)].country, part) }
            }
        }
    }

    /// The number in a work's OpenAlex id: a seed-dependent permutation of the index, so ids
    /// are unique, stable for a seed and not simply sequential.
    @inline(__always)
    func workNumber(_ index: Int) -> UInt64 {
        let offset = configuration.seed % 1_000_000_007
        return 4_000_000_000 + (UInt64(index) &+ offset) % 1_000_000_000 &* 2_654_435_761 % 1_000_000_000
    }

    /// The number in an author's OpenAlex id.
    @inline(__always)
    func authorNumber(_ index: Int) -> UInt64 {
        5_000_000_000 + UInt64(index) &* 2_246_822_519 % 1_000_000_000
    }
}
