import Foundation
import TestScratch
import Testing
@testable import TechTrackerTaxonomy

/// Taxonomy files that cannot be used are refused with `file:line:column: problem` in words,
/// never a `DecodingError` dump; files that cannot be read say so plainly.
struct TaxonomyFileTests {
    func problem(_ yaml: String) -> String? {
        do {
            _ = try Taxonomy.parse(yaml: yaml, source: "t.yaml")
            return nil
        } catch {
            return "\(error)"
        }
    }

    static let valid = """
        version: 1
        technologies:
          - id: a
            name: A
            category: C
            scope: in and out
            query: >-
              TS=(qubit*
              OR "quantum comput*")
        """

    @Test func aValidFileReadsAsBefore() throws {
        let taxonomy = try Taxonomy.parse(yaml: Self.valid, source: "t.yaml")
        #expect(taxonomy.technologies.map(\.id) == ["a"])
        #expect(taxonomy.technologies[0].queryText == #"TS=(qubit* OR "quantum comput*")"#)
        #expect(taxonomy.technologies[0].scope == "in and out")
        // Words YAML 1.1 reads as booleans or numbers stay text.
        let plain = try Taxonomy.parse(
            yaml: "technologies:\n  - {id: no, name: yes, category: 5G, query: TS=x}\n", source: "p")
        #expect(
            plain.technologies[0].id == "no" && plain.technologies[0].name == "yes"
                && plain.technologies[0].category == "5G")
    }

    @Test func anotherVersionIsUnsupported() {
        #expect(
            problem(Self.valid.replacingOccurrences(of: "version: 1", with: "version: 2"))
                == "t.yaml:1:10: taxonomy version 2 is not supported by this TechTracker (supports 1)")
        #expect(
            problem(Self.valid.replacingOccurrences(of: "version: 1", with: "version: one"))
                == "t.yaml:1:10: version must be a whole number (this TechTracker reads version 1)")
    }

    @Test(arguments: [
        (
            "technologies:\n  - id: a\n    name: [A\n",
            "t.yaml:4:1: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 11)"
        ),
        (
            "technologies:\n  - id: a\n    nmae: A\n    category: C\n    query: x\n",
            "t.yaml:3:5: unknown key 'nmae' in technology 1 (expected id, name, category, scope, query)"
        ),
        ("technologies:\n  - id: a\n    category: C\n    query: x\n", "t.yaml:2:5: technology 1 (a) needs a name"),
        (
            "technologies:\n  - id: a\n    name:\n    category: C\n    query: x\n",
            "t.yaml:3:10: technology 1 (a) needs a name"
        ),
        (
            "technologies:\n  - id: a\n    name: [A]\n    category: C\n    query: x\n",
            "t.yaml:3:11: name of technology 1 must be text, not a list or mapping"
        ),
        (
            "technologies:\n  - id: A b\n    name: A\n    category: C\n    query: x\n",
            "t.yaml:2:9: technology 1: the id 'A b' must be a lowercase slug (letters, digits, hyphens)"
        ),
        (
            "technologies:\n  - {id: a, name: A, category: C, query: x}\n  - {id: a, name: B, category: C, query: y}\n",
            "t.yaml:3:10: the id 'a' is already used at line 2"
        ),
        ("technologies: 5\n", "t.yaml:1:15: 'technologies' must be a list of technologies, each starting with '- id:'"),
        ("technologies: []\n", "t.yaml:1:15: defines no technologies"),
        ("- a\n", "t.yaml:1:1: expected 'technologies:' at the top of the file, followed by a list of technologies"),
        ("techologies:\n  - {id: a}\n", "t.yaml:1:1: unknown key 'techologies' (expected version or technologies)"),
        ("version: 1\n", "t.yaml:1:1: no 'technologies:' list"),
        ("", "t.yaml: defines no technologies (expected 'technologies:' followed by a list)"),
        (
            "technologies:\n  - just text\n",
            "t.yaml:2:5: technology 1 must be a mapping with id, name, category, scope, query"
        ),
        ("technologies:\n  - {id: a, id: b}\n", "t.yaml:2:6: the key 'id' appears twice in one mapping"),
    ])
    func malformedFilesNameTheLineColumnAndProblem(yaml: String, message: String) {
        #expect(problem(yaml) == message)
    }

    @Test func tooManyTechnologiesAreRefused() {
        let entries = (0...Taxonomy.maximumTechnologies).map { "  - {id: t\($0), name: T, category: C, query: TS=x}" }
        let message = problem("technologies:\n" + entries.joined(separator: "\n") + "\n")
        #expect(
            message?.hasPrefix(
                "t.yaml: defines \(Taxonomy.maximumTechnologies + 1) technologies; at most \(Taxonomy.maximumTechnologies)"
            ) == true)
    }

    @Test func unreadableFilesSayWhy() throws {
        let folder = TestScratch.url("taxonomy").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func loadProblem(_ path: String) -> String? {
            do {
                _ = try Taxonomy.load(path: path)
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(loadProblem(folder + "/missing.yaml") == "no such file: \(folder)/missing.yaml")
        #expect(loadProblem(folder) == "a folder, not a taxonomy file: \(folder)")
        let latin1 = folder + "/latin1.yaml"
        try Data("technologies:\n  - id: caf".utf8 + [0xE9] + Data("\n".utf8)).write(to: URL(fileURLWithPath: latin1))
        #expect(loadProblem(latin1) == "\(latin1):2:12: not UTF-8 text (save the file as UTF-8)")
    }
}
