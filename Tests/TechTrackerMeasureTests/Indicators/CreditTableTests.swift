import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// What the prepared corpus keeps (METHOD §3): whole-counting tables keep only their keys, every
/// credit being 1, and the corpus's raw credit columns and references are released once the
/// tables and the citation pass hold what is needed of them.
struct CreditTableTests {
    /// Two works: US + CN (half each) with two institutions, and DE alone citing the first.
    var builder: CorpusBuilder {
        var builder = CorpusBuilder()
        builder.add(
            year: 2020, citations: 4, credits: [("US", 0.5), ("CN", 0.5)],
            institutions: [("I1", "US", 0.5), ("I2", "CN", 0.5)], authors: [("A1", "US"), ("A2", "CN")])
        builder.add(
            year: 2021, citations: 1, credits: [("DE", 1)], institutions: [("I3", "DE", 1)],
            authors: [("A3", "DE")], references: [0])
        return builder
    }

    @Test func wholeCountingTablesKeepOnlyTheirKeys() {
        let corpus = builder.corpus
        let whole = CreditTable.countries(corpus, .whole)
        #expect(whole.isUnit)
        #expect(whole.keys == [0, 1, 2])
        #expect(whole.keys.indices.map(whole.value) == [1, 1, 1])
        #expect(whole.keys.indices.map(whole.fraction) == [.one, .one, .one])
        #expect(CreditTable.institutions(corpus, .whole).isUnit)
        #expect(CreditTable.groups(whole, members: [[0, 1]], counting: .whole).isUnit)

        let fractional = CreditTable.countries(corpus, .fractional)
        #expect(!fractional.isUnit)
        #expect(fractional.keys.indices.map(fractional.fraction) == [Fraction(1, 2), Fraction(1, 2), .one])
        // A fractional table whose credits all happen to be 1 keeps none either.
        let groups = CreditTable.groups(fractional, members: [[0, 1]], counting: .fractional)
        #expect(groups.isUnit && groups.fraction(0) == .one)
    }

    @Test func preparingReleasesTheRawCreditsAndTheReferences() {
        let prepared = IndicatorCorpus(builder.corpus)
        #expect(prepared.corpus.creditCountry.isEmpty && prepared.corpus.creditFraction.isEmpty)
        #expect(prepared.corpus.institutionIndex.isEmpty && prepared.corpus.institutionFraction.isEmpty)
        #expect(prepared.corpus.referencedWork.isEmpty && prepared.corpus.referenceOffsets.isEmpty)
        // What the indicators read per window stays.
        #expect(prepared.corpus.authorIndex == [0, 1, 2] && prepared.corpus.institutionIDs == ["I1", "I2", "I3"])
        #expect(prepared.year == [2020, 2021])
        // The tables and the citation pass hold what was released: work 1 cites work 0 from
        // another country, so nothing is removed from its citations.
        #expect(prepared.fractional.institutions.keys == [0, 1, 2])
        #expect(prepared.fractional.adjustment.inCorpusCitations == [1, 0])
        #expect(prepared.fractional.adjustment.adjustedCitations == [4, 1])
    }
}
