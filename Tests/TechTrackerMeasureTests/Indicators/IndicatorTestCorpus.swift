import TechTrackerCore
@testable import TechTrackerMeasure

/// Builds small `AnalysisCorpus` values by hand for the indicator tests.
struct CorpusBuilder {
    var corpus = AnalysisCorpus()
    private var countryIndex: [String: Int] = [:]
    private var institutionIndex: [String: Int] = [:]
    private var authorIndex: [String: Int] = [:]

    init(technologies: [String] = ["tech"]) {
        corpus.technologyIDs = technologies
        corpus.memberships = technologies.map { _ in [] }
    }

    /// Index of a country code, added on first use.
    mutating func country(_ code: String) -> Int {
        if let i = countryIndex[code] { return i }
        corpus.countries.append(CountryCode(code)!)
        countryIndex[code] = corpus.countries.count - 1
        return corpus.countries.count - 1
    }

    /// Index of an institution, added on first use.
    mutating func institution(_ id: String, _ code: String?) -> Int {
        if let i = institutionIndex[id] { return i }
        let c = code.map { country($0) } ?? -1
        corpus.institutionIDs.append(id)
        corpus.institutionCountry.append(c)
        institutionIndex[id] = corpus.institutionIDs.count - 1
        return corpus.institutionIDs.count - 1
    }

    mutating func author(_ id: String) -> Int {
        if let i = authorIndex[id] { return i }
        corpus.authorIDs.append(id)
        authorIndex[id] = corpus.authorIDs.count - 1
        return corpus.authorIDs.count - 1
    }

    /// Adds a work with explicit country credits (code `nil` = unknown) and returns its index.
    @discardableResult
    mutating func add(
        year: Int?, citations: Int, type: String = "article", retracted: Bool = false,
        credits: [(String?, Double)] = [], institutions: [(String, String?, Double)] = [],
        authors: [(String, String?)] = [], references: [Int] = [], technologies: [Int] = [0]
    ) -> Int {
        let w = corpus.workCount
        corpus.workCount += 1
        corpus.year.append(year)
        corpus.citations.append(citations)
        corpus.type.append(type)
        corpus.isRetracted.append(retracted)
        for (code, value) in credits {
            corpus.creditCountry.append(code.map { country($0) } ?? -1)
            corpus.creditValue.append(value)
            corpus.creditFraction.append(Fraction(max(0, value)))
        }
        corpus.creditOffsets.append(corpus.creditCountry.count)
        for (id, code, value) in institutions {
            corpus.institutionIndex.append(institution(id, code))
            corpus.institutionValue.append(value)
            corpus.institutionFraction.append(Fraction(max(0, value)))
        }
        corpus.institutionOffsets.append(corpus.institutionIndex.count)
        for (id, code) in authors {
            corpus.authorIndex.append(Int32(author(id)))
            corpus.authorCountry.append(Int32(code.map { country($0) } ?? -1))
        }
        corpus.authorOffsets.append(corpus.authorIndex.count)
        corpus.referencedWork.append(contentsOf: references.map { Int32($0) })
        corpus.referenceOffsets.append(corpus.referencedWork.count)
        for t in technologies { corpus.memberships[t].append(w) }
        return w
    }

    /// Adds a work with exact credits (rationals, as the loader gives them) and returns its index.
    @discardableResult
    mutating func add(
        year: Int?, citations: Int, exact credits: [(String?, Fraction)],
        institutions: [(String, String?, Fraction)] = [], technologies: [Int] = [0]
    ) -> Int {
        let w = add(
            year: year, citations: citations, credits: credits.map { ($0.0, $0.1.value) },
            institutions: institutions.map { ($0.0, $0.1, $0.2.value) }, technologies: technologies)
        let creditStart = corpus.creditOffsets[w], institutionStart = corpus.institutionOffsets[w]
        for (i, credit) in credits.enumerated() { corpus.creditFraction[creditStart + i] = credit.1 }
        for (i, credit) in institutions.enumerated() { corpus.institutionFraction[institutionStart + i] = credit.2 }
        return w
    }

    /// Adds a work whose credits come from authorships, as the store computes them (METHOD §3).
    @discardableResult
    mutating func add(
        year: Int?, citations: Int, authorships: [Authorship], references: [Int] = [],
        technologies: [Int] = [0]
    ) -> Int {
        let credits = WorkCredit.fractionalCountryCredits(authorships).map { ($0.country?.description, $0.fraction) }
        let institutions = WorkCredit.fractionalInstitutionCredits(authorships).map { credit in
            let country = authorships.lazy.flatMap(\.institutions).first { $0.id == credit.institutionID }?.country
            return (credit.institutionID, country?.description, credit.fraction)
        }
        let authors: [(String, String?)] = authorships.compactMap { a in
            a.authorID.map {
                ($0, (a.institutions.first { $0.country != nil }?.country ?? a.countries.first)?.description)
            }
        }
        let w = add(
            year: year, citations: citations, credits: credits.map { ($0.0, $0.1.value) },
            institutions: institutions.map { ($0.0, $0.1, $0.2.value) },
            authors: authors, references: references, technologies: technologies)
        let creditStart = corpus.creditOffsets[w], institutionStart = corpus.institutionOffsets[w]
        for (i, credit) in credits.enumerated() { corpus.creditFraction[creditStart + i] = credit.1 }
        for (i, credit) in institutions.enumerated() { corpus.institutionFraction[institutionStart + i] = credit.2 }
        return w
    }

    func code(_ text: String) -> CountryCode { CountryCode(text)! }
}

/// A deterministic generator for property tests.
struct TestRandom {
    var generator: SplitMix64
    init(_ seed: UInt64) { generator = SplitMix64(seed: seed) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func double() -> Double { Double.random(in: 0..<1, using: &generator) }
}

func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-12) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= tolerance
}
