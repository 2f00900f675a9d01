import Foundation
import TestScratch
import TechTrackerGzip
import TechTrackerIngest
import Testing

@testable import TechTrackerClassify
@testable import TechTrackerHarvest

/// The real OpenAlex API pages of `../shared/samples` (CC0), copied into Fixtures: 207 works.
enum HarvestFixtures {
    /// The fixture file's bytes.
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
        return [UInt8](try Data(contentsOf: url))
    }

    /// Every work of the three pages, as the API sent it, in page order.
    static let works: [[UInt8]] = {
        var works: [[UInt8]] = []
        for name in ["openalex_api_page_biodiversity", "openalex_api_snowball_1", "openalex_api_snowball_2"] {
            guard let body = try? bytes(name), let page = try? APIPage.parse(body) else { return [] }
            works += page.results.indices.map { Array(page.line($0)) }
        }
        return works
    }()

    /// The OpenAlex id of a work's JSON (`https://openalex.org/W…`).
    static func id(_ work: [UInt8]) -> String {
        let object = try? JSONSerialization.jsonObject(with: Data(work)) as? [String: Any]
        return object?["id"] as? String ?? ""
    }

    /// The lines of every page file under `folder/works`, with the file each came from.
    static func harvestedLines(_ folder: String) throws -> [(file: String, line: [UInt8])] {
        let works = folder + "/works"
        var result: [(String, [UInt8])] = []
        let enumerator = FileManager.default.enumerator(atPath: works)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".jsonl.gz") { files.append(path) }
        }
        for file in files.sorted() {
            var bytes: [UInt8] = []
            try GzipFileReader(path: works + "/" + file).forEachChunk { bytes += $0 }
            for line in bytes.split(separator: 0x0A) { result.append((file, Array(line))) }
        }
        return result
    }

    /// A fresh temporary folder path (not created).
    static func temporaryPath() -> String {
        TestScratch.url("harvest-tests").path
    }

    /// A query that the fixture's works are searched with (the fake server ignores it).
    static func query(_ text: String) throws -> Query { try QueryParser.parse(text) }
}
