import Testing

@testable import TechTrackerCore

/// `DuplicateResolution`: records of different sources that are one paper, worked out by hand.
@Suite struct DuplicateResolutionTests {
    typealias Record = DuplicateResolution.Record

    static let title = WorkMatchKey.titleKey(
        title: "Lattice damping in imaginary ceramic films", year: 2020, firstAuthor: "Quill, AB")

    func record(
        _ rowID: Int64, _ source: WorkSource, _ id: String, doi: String? = nil, titleKey: String? = nil
    ) -> Record {
        Record(rowID: rowID, source: source, sourceID: id, doi: doi, titleKey: titleKey)
    }

    @Test func theSameDOIFromWebOfScienceAndScopusIsOnePaperThatWebOfScienceStandsFor() {
        let outcome = DuplicateResolution.resolve([
            record(1, .scopus, "2-s2.0-1", doi: "10.1/a"), record(2, .wos, "WOS:1", doi: "10.1/a"),
        ])
        #expect(outcome.duplicates == [.init(rowID: 1, canonicalRowID: 2, match: .doi)])
        #expect(outcome.ambiguousGroups == 0)
    }

    @Test func anOpenAlexRecordStandsBeforeWebOfScienceAndScopus() {
        let outcome = DuplicateResolution.resolve([
            record(1, .wos, "WOS:1", doi: "10.1/a"), record(2, .scopus, "2-s2.0-1", doi: "10.1/a"),
            record(3, .openalex, "W9", doi: "10.1/a"),
        ])
        #expect(
            outcome.duplicates == [
                .init(rowID: 1, canonicalRowID: 3, match: .doi), .init(rowID: 2, canonicalRowID: 3, match: .doi),
            ])
    }

    @Test func aRecordWithoutDOIMatchesByTitleYearAndFirstAuthor() {
        let outcome = DuplicateResolution.resolve([
            record(1, .wos, "WOS:1", doi: "10.1/a", titleKey: Self.title),
            record(2, .scopus, "2-s2.0-1", titleKey: Self.title),
        ])
        #expect(outcome.duplicates == [.init(rowID: 2, canonicalRowID: 1, match: .title)])
    }

    @Test func twoDifferentDOIsNeverMatchWhateverTheirTitles() {
        let outcome = DuplicateResolution.resolve([
            record(1, .wos, "WOS:1", doi: "10.1/a", titleKey: Self.title),
            record(2, .scopus, "2-s2.0-1", doi: "10.1/b", titleKey: Self.title),
        ])
        #expect(outcome.duplicates.isEmpty)
        #expect(outcome.ambiguousGroups == 0)
    }

    @Test func recordsOfOneSourceAreNeverMerged() {
        let outcome = DuplicateResolution.resolve([
            record(1, .wos, "WOS:1", doi: "10.1/a"), record(2, .wos, "WOS:2", doi: "10.1/a"),
        ])
        #expect(outcome.duplicates.isEmpty)
        #expect(outcome.ambiguousGroups == 0)
    }

    @Test func aGroupWithTwoRecordsOfOneSourceIsAmbiguousAndLeftUnmerged() {
        let outcome = DuplicateResolution.resolve([
            record(1, .wos, "WOS:1", doi: "10.1/a"), record(2, .wos, "WOS:2", doi: "10.1/a"),
            record(3, .scopus, "2-s2.0-1", doi: "10.1/a"),
        ])
        #expect(outcome.duplicates.isEmpty)
        #expect(outcome.ambiguousGroups == 1)
    }

    @Test func matchingIsTransitiveAcrossDOIAndTitle() {
        // WoS and OpenAlex share the DOI; the Scopus row has no DOI but OpenAlex's title key.
        let outcome = DuplicateResolution.resolve([
            record(1, .wos, "WOS:1", doi: "10.1/a"),
            record(2, .scopus, "2-s2.0-1", titleKey: Self.title),
            record(3, .openalex, "W5", doi: "10.1/a", titleKey: Self.title),
        ])
        #expect(
            outcome.duplicates == [
                .init(rowID: 1, canonicalRowID: 3, match: .title), .init(rowID: 2, canonicalRowID: 3, match: .title),
            ])
    }

    @Test func theOutcomeDoesNotDependOnTheOrderOfTheRecords() {
        let records = [
            record(1, .wos, "WOS:1", doi: "10.1/a"), record(2, .scopus, "2-s2.0-1", doi: "10.1/a"),
            record(3, .scopus, "2-s2.0-2", titleKey: Self.title), record(4, .wos, "WOS:2", titleKey: Self.title),
            record(5, .openalex, "W1", doi: "10.1/c"), record(6, .wos, "WOS:3", doi: "10.1/c"),
        ]
        let expected = DuplicateResolution.resolve(records)
        #expect(expected.duplicates.count == 3)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20 {
            #expect(DuplicateResolution.resolve(records.shuffled(using: &generator)) == expected)
        }
    }
}
