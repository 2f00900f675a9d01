import Foundation
import TechTrackerClassify
import Yams

/// One technology as the taxonomy defines it: who it is, and the query that finds its works.
public struct TechnologyDefinition: Sendable, Hashable {
    /// Stable slug (`quantum-computing`): the key of every stored result.
    public var id: String
    /// Display name.
    public var name: String
    /// One of ASPI's categories.
    public var category: String
    /// What is in and out, in one line.
    public var scope: String
    /// The query as written.
    public var queryText: String
    /// The parsed query.
    public var query: Query
}

/// A set of technology queries (METHOD §6): the shipped `technologies.yaml` or one of the
/// analyst's own, with a content hash that every stored classification records.
public struct Taxonomy: Sendable {
    /// Technologies in file order (the order of reports).
    public var technologies: [TechnologyDefinition]
    /// FNV-1a 64-bit hash of the file's bytes, as 16 hex digits: results computed with another
    /// file are recognised as stale.
    public var contentHash: String
    /// Where it came from: a path, or `built-in`.
    public var source: String

    /// Reads and checks a taxonomy file; `nil` reads the shipped one.
    public static func load(path: String?) throws -> Taxonomy {
        guard let path else { return try parse(yaml: shippedYAML, source: "built-in technologies.yaml") }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TaxonomyError(source: path, problem: "cannot be read as UTF-8 text (\(error.localizedDescription))")
        }
        return try parse(yaml: text, source: path)
    }

    /// The shipped taxonomy file's text.
    public static var shippedYAML: String {
        get throws {
            guard let url = Bundle.module.url(forResource: "technologies", withExtension: "yaml") else {
                throw TaxonomyError(source: "built-in technologies.yaml", problem: "missing from the build")
            }
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    /// Parses taxonomy YAML: `technologies:` a list of entries with `id`, `name`, `category`,
    /// `scope` and `query`. Every problem names the entry and what is wrong.
    public static func parse(yaml: String, source: String) throws -> Taxonomy {
        let file: TaxonomyFile
        do {
            file = try YAMLDecoder().decode(TaxonomyFile.self, from: yaml)
        } catch {
            throw TaxonomyError(source: source, problem: "is not a valid taxonomy: \(error)")
        }
        var seen = Set<String>()
        var technologies: [TechnologyDefinition] = []
        for (index, entry) in file.technologies.enumerated() {
            let label = "entry \(index + 1) (\(entry.id))"
            guard !entry.id.isEmpty, entry.id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                throw TaxonomyError(source: source, problem: "\(label): id must be a lowercase slug (letters, digits, hyphens)")
            }
            guard seen.insert(entry.id).inserted else {
                throw TaxonomyError(source: source, problem: "\(label): id '\(entry.id)' appears twice")
            }
            let query: Query
            do {
                query = try QueryParser.parse(entry.query)
            } catch {
                throw TaxonomyError(source: source, problem: "\(label): query: \(error)")
            }
            technologies.append(TechnologyDefinition(
                id: entry.id, name: entry.name, category: entry.category, scope: entry.scope ?? "",
                queryText: entry.query.trimmingCharacters(in: .whitespacesAndNewlines), query: query))
        }
        guard !technologies.isEmpty else { throw TaxonomyError(source: source, problem: "defines no technologies") }
        return Taxonomy(technologies: technologies, contentHash: Self.fnv1a64Hex(Array(yaml.utf8)), source: source)
    }

    /// The technology with this id.
    public func technology(id: String) -> TechnologyDefinition? {
        technologies.first { $0.id == id }
    }

    /// A matcher over every query, in taxonomy order.
    public func makeMatcher() -> CompiledMatcher {
        CompiledMatcher(queries: technologies.map { (id: $0.id, query: $0.query) })
    }

    static func fnv1a64Hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A taxonomy file that cannot be used, and why.
public struct TaxonomyError: Error, Sendable, CustomStringConvertible {
    /// The file (or `built-in technologies.yaml`).
    public var source: String
    /// What is wrong, naming the entry.
    public var problem: String

    public var description: String { "\(source): \(problem)" }
}

/// The file's shape, for decoding.
private struct TaxonomyFile: Decodable {
    struct Entry: Decodable {
        var id: String
        var name: String
        var category: String
        var scope: String?
        var query: String
    }

    var version: Int?
    var technologies: [Entry]
}
