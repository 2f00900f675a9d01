import Testing

@testable import TechTrackerCore

/// The analysis snapshot's bytes: a corpus comes back exactly as written, and bytes that are
/// not a whole, consistent snapshot are refused, never trusted or crashed on.
struct AnalysisSnapshotCodecTests {
    /// Two works, three countries (one credit of unknown country), an institution, a reference,
    /// an author on both works, a work of unknown year and a technology.
    var corpus: AnalysisCorpus {
        var corpus = AnalysisCorpus()
        corpus.countries = [CountryCode("CN")!, CountryCode("DE")!, CountryCode("US")!]
        corpus.workCount = 2
        corpus.year = [2020, nil]
        corpus.citations = [7, 0]
        corpus.type = ["article", "proceedings-paper"]
        corpus.isRetracted = [false, true]
        corpus.creditOffsets = [0, 2, 4]
        corpus.creditCountry = [0, 2, 1, -1]
        corpus.creditValue = [2.0 / 3, 1.0 / 3, 0.5, 0.5]
        corpus.creditFraction = [Fraction(2, 3), Fraction(1, 3), Fraction(1, 2), Fraction(1, 2)]
        corpus.institutionIDs = ["I5", "I9"]
        corpus.institutionCountry = [0, -1]
        corpus.institutionOffsets = [0, 1, 2]
        corpus.institutionIndex = [0, 1]
        corpus.institutionValue = [1, 1]
        corpus.institutionFraction = [Fraction.one, Fraction.one]
        corpus.referenceOffsets = [0, 0, 1]
        corpus.referencedWork = [0]
        corpus.authorOffsets = [0, 1, 2]
        corpus.authorIndex = [0, 0]
        corpus.authorCountry = [2, 0]
        corpus.authorIDs = ["A1"]
        corpus.technologyIDs = ["quantum-sensors", "radar"]
        corpus.memberships = [[0, 1], []]
        corpus.patentWork = [0, 0, 1]
        corpus.patentConfidence = [10, 0, 3]
        corpus.patentAttributes = [
            PatentCitationAttributes([.applicant, .frontPage, .placeKnown]).rawValue, 0,
            PatentCitationAttributes.selfCitation.rawValue,
        ]
        return corpus
    }

    func expectEqual(_ a: AnalysisCorpus, _ b: AnalysisCorpus) {
        #expect(a.countries == b.countries && a.workCount == b.workCount)
        #expect(a.year == b.year && a.citations == b.citations && a.type == b.type && a.isRetracted == b.isRetracted)
        #expect(a.creditOffsets == b.creditOffsets && a.creditCountry == b.creditCountry)
        #expect(a.creditValue == b.creditValue && a.creditFraction == b.creditFraction)
        #expect(a.institutionIDs == b.institutionIDs && a.institutionCountry == b.institutionCountry)
        #expect(a.institutionOffsets == b.institutionOffsets && a.institutionIndex == b.institutionIndex)
        #expect(a.institutionValue == b.institutionValue && a.institutionFraction == b.institutionFraction)
        #expect(a.referenceOffsets == b.referenceOffsets && a.referencedWork == b.referencedWork)
        #expect(a.authorOffsets == b.authorOffsets && a.authorIndex == b.authorIndex)
        #expect(a.authorCountry == b.authorCountry && a.authorIDs == b.authorIDs)
        #expect(a.technologyIDs == b.technologyIDs && a.memberships == b.memberships)
        #expect(a.patentWork == b.patentWork && a.patentConfidence == b.patentConfidence)
        #expect(a.patentAttributes == b.patentAttributes)
    }

    @Test func aCorpusReadsBackExactly() throws {
        let bytes = try corpus.snapshotBytes()
        expectEqual(try AnalysisCorpus(snapshot: bytes), corpus)
        // Written twice, the same bytes: nothing depends on hashing order.
        #expect(try corpus.snapshotBytes() == bytes)
    }

    @Test func anEmptyCorpusAndOneWithoutExactCreditsReadBack() throws {
        expectEqual(try AnalysisCorpus(snapshot: try AnalysisCorpus().snapshotBytes()), AnalysisCorpus())
        var inexact = corpus
        inexact.creditFraction = []
        inexact.institutionFraction = []
        expectEqual(try AnalysisCorpus(snapshot: try inexact.snapshotBytes()), inexact)
    }

    @Test func everyTruncationIsRefused() throws {
        let bytes = try corpus.snapshotBytes()
        for length in 0..<bytes.count {
            #expect(throws: AnalysisSnapshotError.self) { try AnalysisCorpus(snapshot: Array(bytes[..<length])) }
        }
        #expect(throws: AnalysisSnapshotError.self) { try AnalysisCorpus(snapshot: bytes + [0]) }
    }

    @Test func anotherVersionIsRefused() throws {
        var bytes = try corpus.snapshotBytes()
        bytes[4] &+= 1
        #expect(throws: AnalysisSnapshotError.damaged("not a snapshot of this version")) {
            try AnalysisCorpus(snapshot: bytes)
        }
    }

    @Test func indicesOutsideTheirTablesAreRefused() throws {
        var badReference = corpus
        badReference.referencedWork = [2]
        var badAuthor = corpus
        badAuthor.authorIndex = [0, 1]
        var badCountry = corpus
        badCountry.creditCountry = [0, 3, 1, -1]
        var badMembership = corpus
        badMembership.memberships = [[0, 5], []]
        var badOffsets = corpus
        badOffsets.creditOffsets = [0, 3, 2]
        var badPatent = corpus
        badPatent.patentWork = [0, 2, 1]
        for damaged in [badReference, badAuthor, badCountry, badMembership, badOffsets, badPatent] {
            #expect(throws: AnalysisSnapshotError.self) { try AnalysisCorpus(snapshot: try damaged.snapshotBytes()) }
        }
    }

    @Test func valuesBeyondTheFixedWidthsAreNotWritten() {
        var huge = corpus
        huge.citations = [Int(Int32.max) + 1, 0]
        #expect(throws: AnalysisSnapshotError.valueOutOfRange) { try huge.snapshotBytes() }
    }
}
