import Foundation
import Testing
@testable import TechTrackerSynth

/// The written files: valid JSON, OpenAlex's layout and manifest, and the properties the
/// analysis relies on.
@Suite struct CorpusFileTests {
    let fixture: WrittenCorpus

    init() throws {
        fixture = try WrittenCorpus.shared.get()
    }

    @Test func everyLineIsASyntheticWorkWithAUniqueID() {
        #expect(fixture.works.count == fixture.configuration.works)
        #expect(fixture.works.allSatisfy { $0.isSynthetic })
        #expect(Set(fixture.works.map(\.id)).count == fixture.works.count)
        #expect(fixture.works.allSatisfy { $0.id.hasPrefix("https://openalex.org/W") })
    }

    @Test func manifestMatchesTheFiles() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture.summary.manifestPath))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require(manifest["entries"] as? [[String: Any]])
        #expect(entries.count == fixture.summary.parts)
        var totalBytes = 0, totalRecords = 0
        for (entry, path) in zip(entries, fixture.summary.files) {
            let url = try #require(entry["url"] as? String)
            let meta = try #require(entry["meta"] as? [String: Any])
            let suffix = String(path.dropFirst(fixture.directory.count))  // "/data/works/updated_date=…/part_000.gz"
            #expect(url == "s3://openalex" + suffix)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            #expect(meta["content_length"] as? Int == size)
            #expect(meta["record_count"] as? Int == fixture.linesPerFile[path])
            totalBytes += size
            totalRecords += fixture.linesPerFile[path] ?? 0
        }
        let totals = try #require(manifest["meta"] as? [String: Any])
        #expect(totals["content_length"] as? Int == totalBytes)
        #expect(totals["record_count"] as? Int == totalRecords)
        #expect(fixture.summary.compressedBytes == totalBytes)
        #expect(fixture.summary.files.allSatisfy { $0.contains("/data/works/updated_date=") && $0.hasSuffix(".gz") })
    }

    @Test func yearsStayInRangeAndOutputGrows() {
        let years = fixture.works.map(\.year)
        #expect(years.allSatisfy { (2003...2024).contains($0) })
        let early = years.filter { $0 <= 2007 }.count, late = years.filter { $0 >= 2020 }.count
        #expect(late > 2 * early)
    }

    @Test func recordsHaveOpenAlexSize() {
        let average = Double(fixture.works.map(\.lineBytes).reduce(0, +)) / Double(fixture.works.count)
        #expect((8_000...15_000).contains(average), "average record \(average) bytes")
        #expect(abs(fixture.summary.averageRecordBytes - average - 1) < 1)  // + the newline
    }

    @Test func typesAreMostlyArticles() {
        let types = Dictionary(grouping: fixture.works, by: \.type).mapValues(\.count)
        let share = { (type: String) in Double(types[type] ?? 0) / Double(fixture.works.count) }
        #expect(share("article") > 0.75)
        #expect((0.03...0.12).contains(share("review")))
        for type in ["preprint", "editorial", "erratum", "paratext"] { #expect((0.003...0.06).contains(share(type))) }
        #expect(Double(fixture.works.filter(\.isRetracted).count) / Double(fixture.works.count) < 0.01)
    }

    @Test func internationalShareIsAboutAFifth() {
        let withAuthors = fixture.works.filter { !$0.credits.isEmpty }
        let international = withAuthors.filter { $0.countries.count > 1 }.count
        let share = Double(international) / Double(withAuthors.count)
        #expect((0.17...0.28).contains(share), "international share \(share)")
        // Unknown countries exist but stay rare.
        let unknown = withAuthors.reduce(0.0) { $0 + ($1.credits[""] ?? 0) } / Double(withAuthors.count)
        #expect(unknown > 0.002 && unknown < 0.05, "unknown credit \(unknown)")
    }

    @Test func chinaAndTheUnitedStatesProduceMost() {
        var output: [String: Double] = [:]
        for work in fixture.works {
            for (country, credit) in work.credits where !country.isEmpty { output[country, default: 0] += credit }
        }
        let ranked = output.sorted { $0.value > $1.value }.map(\.key)
        #expect(Set(ranked.prefix(2)) == ["CN", "US"])
        #expect(output.count >= 55, "\(output.count) countries")
    }

    @Test func everyTechnologyIsFoundThroughItsVocabulary() {
        let vocabularies = TechnologyVocabularies.all
        var found = Set<Int>()
        var missing: [String] = []
        let modelIndex = fixture.modelIndex
        for work in fixture.works {
            guard let model = modelIndex[work.id] else {
                Issue.record("\(work.id) is not in the model")
                continue
            }
            for technology in fixture.corpus.technologyIndices(ofWork: model) {
                let terms = vocabularies[technology].terms.map { $0.lowercased() }
                if terms.contains(where: { work.text.contains($0) }) {
                    found.insert(technology)
                } else if work.type != "paratext" {
                    missing.append("\(work.id) \(vocabularies[technology].technologyID)")
                }
            }
        }
        #expect(found.count == 74)
        #expect(missing.isEmpty, "\(missing.prefix(5))")
    }

    @Test func referencesPointToEarlierWorksOfTheCorpus() {
        var yearOf: [String: Int] = [:]
        for work in fixture.works { yearOf[work.id] = work.year }
        var citations: [String: Int] = [:]
        for work in fixture.works {
            #expect(Set(work.references).count == work.references.count)
            for reference in work.references {
                guard let citedYear = yearOf[reference] else {
                    Issue.record("\(work.id) cites \(reference), not in the corpus")
                    continue
                }
                #expect(citedYear <= work.year)
                citations[reference, default: 0] += 1
            }
        }
        let articles = fixture.works.filter { $0.type == "article" && $0.year >= 2005 }
        #expect(articles.allSatisfy { (20...50).contains($0.references.count) })
        for work in fixture.works {
            #expect(work.citedByCount >= citations[work.id] ?? 0)
            #expect(work.countsByYear.reduce(0) { $0 + $1.count } == work.citedByCount)
            #expect(work.countsByYear.allSatisfy { (work.year...2024).contains($0.year) && $0.count > 0 })
        }
    }

    @Test func citationsAreHeavyTailed() {
        let counts = fixture.works.filter { $0.type == "article" && $0.year <= 2014 }.map(\.citedByCount).sorted()
        let median = counts[counts.count / 2], top = counts[counts.count * 99 / 100]
        #expect(median >= 5 && top > 8 * median, "median \(median), p99 \(top)")
    }
}

extension WrittenCorpus {
    /// Model index of each written id.
    var modelIndex: [String: Int] {
        Dictionary(uniqueKeysWithValues: (0..<corpus.workCount).map { (corpus.openAlexID(ofWork: $0), $0) })
    }
}
