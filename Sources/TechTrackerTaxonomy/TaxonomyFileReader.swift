import Foundation
import TechTrackerClassify
import Yams

/// Reads a taxonomy file node by node rather than with `YAMLDecoder`, as `GroupFileReader`
/// reads groups: every problem then names the line and column of the offending node (a
/// `DecodingError` only gives a coding path, printed as a dump), unknown keys are refused (a
/// decoder ignores them, so `scoep:` would pass unnoticed), and scalars are read as written.
struct TaxonomyFileReader {
    /// The file as messages name it.
    let source: String

    /// The taxonomy format version this reader supports.
    static let supportedVersion = 1
    /// Keys of the top-level mapping.
    static let topKeys = ["version", "technologies"]
    /// Keys of one technology.
    static let entryKeys = ["id", "name", "category", "scope", "query"]

    /// The technologies of `yaml`, in file order, or the first problem found.
    func read(_ yaml: String) throws -> [TechnologyDefinition] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, in: yaml)
        }
        guard let root else {
            throw failure(nil, "defines no technologies (expected 'technologies:' followed by a list)")
        }
        guard case .mapping(let top) = root else {
            throw failure(
                root.mark, "expected 'technologies:' at the top of the file, followed by a list of technologies")
        }
        var list: Node?
        for (key, value) in top {
            switch try keyName(key) {
            case "version": try checkVersion(value)
            case "technologies": list = value
            case let other:
                throw failure(key.mark, "unknown key '\(other)' (expected \(Self.topKeys.joined(separator: " or ")))")
            }
        }
        guard let list else { throw failure(top.mark, "no 'technologies:' list") }
        guard case .sequence(let entries) = list else {
            throw failure(list.mark, "'technologies' must be a list of technologies, each starting with '- id:'")
        }
        guard !entries.isEmpty else { throw failure(list.mark, "defines no technologies") }
        var firstLine: [String: Int] = [:]
        var technologies: [TechnologyDefinition] = []
        for (index, entry) in entries.enumerated() {
            let (technology, idMark) = try readEntry(entry, number: index + 1)
            if let line = firstLine[technology.id] {
                throw failure(idMark, "the id '\(technology.id)' is already used at line \(line)")
            }
            firstLine[technology.id] = idMark?.line ?? 0
            technologies.append(technology)
        }
        return technologies
    }

    /// `version: 1`; another number is a file written for another TechTracker.
    private func checkVersion(_ value: Node) throws {
        guard let text = value.scalar?.string, let version = Int(text) else {
            throw failure(
                value.mark, "version must be a whole number (this TechTracker reads version \(Self.supportedVersion))")
        }
        guard version == Self.supportedVersion else {
            throw failure(
                value.mark,
                "taxonomy version \(version) is not supported by this TechTracker (supports \(Self.supportedVersion))")
        }
    }

    /// One list entry: a mapping of id, name, category, optional scope, and query. Returns the
    /// technology and where its id is, for the duplicate-id message.
    private func readEntry(_ entry: Node, number: Int) throws -> (TechnologyDefinition, Mark?) {
        guard case .mapping(let mapping) = entry else {
            throw failure(
                entry.mark, "technology \(number) must be a mapping with \(Self.entryKeys.joined(separator: ", "))")
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            let name = try keyName(key)
            guard Self.entryKeys.contains(name) else {
                throw failure(
                    key.mark,
                    "unknown key '\(name)' in technology \(number) (expected \(Self.entryKeys.joined(separator: ", ")))"
                )
            }
            values[name] = value
        }
        guard let idNode = values["id"], let id = try text(of: idNode, key: "id", number: number) else {
            throw failure(values["id"]?.mark ?? mapping.mark, "technology \(number) needs an id")
        }
        guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            throw failure(
                idNode.mark, "technology \(number): the id '\(id)' must be a lowercase slug (letters, digits, hyphens)")
        }
        let label = "technology \(number) (\(id))"
        func required(_ key: String) throws -> (String, Node) {
            guard let node = values[key], let value = try text(of: node, key: key, number: number) else {
                throw failure(values[key]?.mark ?? mapping.mark, "\(label) needs a \(key)")
            }
            return (value, node)
        }
        let (name, _) = try required("name")
        let (category, _) = try required("category")
        let scope = try values["scope"].flatMap { try text(of: $0, key: "scope", number: number) } ?? ""
        let (queryText, queryNode) = try required("query")
        let query: Query
        do {
            query = try QueryParser.parse(queryText)
        } catch {
            // The column is the query's own (a folded query spans several lines of the file).
            throw failure(queryNode.mark, "\(label): query: \(error) of the query")
        }
        let technology = TechnologyDefinition(
            id: id, name: name, category: category, scope: scope,
            queryText: queryText.trimmingCharacters(in: .whitespacesAndNewlines), query: query)
        return (technology, idNode.mark)
    }

    /// A mapping key as text; keys are plain words in this format.
    private func keyName(_ key: Node) throws -> String {
        guard let name = key.scalar?.string else {
            throw failure(key.mark, "keys must be plain words such as id or query")
        }
        return name
    }

    /// A scalar's text exactly as written, or `nil` for an empty value (`name:` with nothing
    /// after it, or `~`); a list or mapping where text belongs is an error.
    private func text(of node: Node, key: String, number: Int) throws -> String? {
        guard let scalar = node.scalar else {
            throw failure(node.mark, "\(key) of technology \(number) must be text, not a list or mapping")
        }
        return YAMLScalarText.text(of: scalar)
    }

    /// An error at `mark` (or about the whole file).
    private func failure(_ mark: Mark?, _ problem: String) -> TaxonomyError {
        TaxonomyError(source: source, line: mark?.line, column: mark?.column, problem: problem)
    }

    /// A YAML syntax error in words, at its line and column (`YAMLSyntaxError`).
    private func syntaxError(_ error: YamlError, in yaml: String) -> TaxonomyError {
        let (line, column, problem) = YAMLSyntaxError.describe(error, in: yaml)
        return TaxonomyError(source: source, line: line, column: column, problem: problem)
    }
}
