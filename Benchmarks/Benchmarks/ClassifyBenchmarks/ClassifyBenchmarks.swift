import Benchmark
import Foundation
import TechTrackerClassify
import TechTrackerTaxonomy

/// The compiled matcher with the shipped taxonomy's 74 queries: compiling them, and matching
/// fixed documents, the 20 Web of Science records of `TS="Bluetooth low energy"` (title,
/// abstract, keywords; the classifier tests' fixture), which hit several technologies' words.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    let taxonomy: Taxonomy
    do {
        taxonomy = try Taxonomy.load(path: nil)
    } catch {
        fatalError("the shipped taxonomy does not load: \(error)")
    }
    let queries = taxonomy.technologies.map { (id: $0.id, query: $0.query) }
    let documents = loadDocuments("wos_bluetooth_low_energy_20")

    Benchmark("Classify: compile \(queries.count) queries") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(CompiledMatcher(queries: queries))
        }
    }

    let matcher = CompiledMatcher(queries: queries)
    // One scratch, kept across documents as each `classify` thread keeps its own.
    var scratch = matcher.makeScratch()
    Benchmark("Classify: match \(queries.count) queries, \(documents.count) documents") { benchmark in
        for _ in benchmark.scaledIterations {
            for document in documents {
                blackHole(matcher.matchingQueries(in: document, scratch: &scratch))
            }
        }
    }
}

/// One Web of Science record of the fixture: title, abstract and the `; `-separated keyword
/// lists DE and ID.
private struct WebOfScienceRecord: Decodable {
    let TI: String
    let AB: String
    let DE: String
    let ID: String
}

/// The fixture's records as the texts `classify` searches, built as the classifier tests build them.
func loadDocuments(_ name: String) -> [ClassifiableText] {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources"),
        let data = try? Data(contentsOf: url),
        let records = try? JSONDecoder().decode([WebOfScienceRecord].self, from: data)
    else {
        fatalError("missing or unreadable benchmark resource \(name).json")
    }
    return records.map { record in
        let keywords = (record.DE + ";" + record.ID).split(separator: ";")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return ClassifiableText(title: record.TI, abstract: record.AB, keywords: keywords)
    }
}
