import Foundation
import TestScratch
import GRDB
import TechTrackerCore
@testable import TechTrackerStore

/// A store in a fresh temporary folder.
func temporaryStore() throws -> WorkStore {
    let directory = TestScratch.url("store-tests")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return try WorkStore(path: directory.appendingPathComponent("t.sqlite").path)
}

/// A work with every field set.
func sampleWork(id: String = "W1", updated: String = "2025-01-01", title: String = "Qubit arrays") -> Work {
    Work(
        id: id, source: .openalex, doi: "10.1/x", title: title, abstract: "We study qubits.",
        keywords: ["qubit", "error correction"], topics: ["Quantum Computing"], publicationYear: 2021,
        type: "article", language: "en", isRetracted: false, citedByCount: 12,
        countsByYear: [YearCount(year: 2023, count: 5), YearCount(year: 2022, count: 7)],
        referencedWorks: ["W10", "W11"], updatedDate: updated,
        authorships: [
            Authorship(
                position: .first, authorID: "A1", authorName: "Ada Å",
                institutions: [
                    Institution(id: "I1", name: "MIT", ror: "042nb2s44", country: CountryCode("US"), type: "education")
                ],
                countries: [CountryCode("US")!]),
            Authorship(
                position: .last, authorID: nil, authorName: "Anon", institutions: [], countries: [CountryCode("CN")!]),
        ])
}

/// Upserts works in one transaction.
func upsert(_ works: [Work], into store: WorkStore) throws -> UpsertCounts {
    try store.database.write { db in
        let upserter = try WorkUpserter(db)
        var counts = UpsertCounts()
        for work in works { counts.add(try upserter.upsert(work)) }
        return counts
    }
}
