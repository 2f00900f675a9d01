import Foundation
import Testing
import TechTrackerClassify
import TechTrackerCore
@testable import TechTrackerTaxonomy

struct ShippedTaxonomyTests {
    @Test func has74TechnologiesEachWithAScopeAndAQuery() throws {
        let taxonomy = try Taxonomy.load(path: nil)
        #expect(taxonomy.technologies.count == 74)
        #expect(Set(taxonomy.technologies.map(\.id)).count == 74)
        for technology in taxonomy.technologies {
            #expect(!technology.scope.isEmpty, "\(technology.id) has no scope note")
            #expect(!technology.queryText.isEmpty)
        }
        #expect(taxonomy.contentHash.count == 16)
    }

    /// The files are built into the binary (no resource bundle): byte for byte what the
    /// repository holds, so the content hash stored by `classify` is that of the file.
    @Test func theBuiltInFilesAreTheRepositoryFilesByteForByte() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TechTrackerTaxonomy")
        let technologies = try Data(contentsOf: folder.appendingPathComponent("technologies.yaml"))
        let groups = try Data(contentsOf: folder.appendingPathComponent("groups.yaml"))
        #expect(Array(Taxonomy.shippedYAML.utf8) == Array(technologies))
        #expect(Array(GroupDefinitions.shippedYAML.utf8) == Array(groups))
        #expect(try Taxonomy.load(path: nil).contentHash == Taxonomy.fnv1a64Hex(Array(technologies)))
    }

    @Test func noQueryIsASingleGenericWord() throws {
        let generic: Set<String> = [
            "coating", "coatings", "network", "networks", "vision", "battery", "batteries",
            "sensor", "sensors", "learning", "cloud", "robot", "robots",
        ]
        for technology in try Taxonomy.load(path: nil).technologies {
            for leaf in technology.query.leaves {
                guard case .term(let term) = leaf, term.phrase.words.count == 1 else { continue }
                #expect(
                    !generic.contains(term.phrase.words[0].text),
                    "\(technology.id) searches the lone word \(term.phrase.words[0].text)")
            }
        }
    }

    @Test func aBadQueryNamesTheEntryAndColumn() {
        let yaml = """
            technologies:
              - id: ok
                name: Fine
                category: Test
                query: TS=qubit*
              - id: broken
                name: Broken
                category: Test
                query: TS=(qubit AND
            """
        #expect(throws: TaxonomyError.self) { try Taxonomy.parse(yaml: yaml, source: "mine.yaml") }
        do {
            _ = try Taxonomy.parse(yaml: yaml, source: "mine.yaml")
        } catch {
            #expect(
                "\(error)"
                    == "mine.yaml:9:12: technology 2 (broken): query: expected a term after AND at column 14 of the query"
            )
        }
    }

    @Test func duplicateIdsAndEmptyFilesAreRefused() {
        let duplicate = """
            technologies:
              - {id: a, name: A, category: C, query: TS=x}
              - {id: a, name: B, category: C, query: TS=y}
            """
        #expect(throws: TaxonomyError.self) { try Taxonomy.parse(yaml: duplicate, source: "d.yaml") }
        #expect(throws: TaxonomyError.self) { try Taxonomy.parse(yaml: "technologies: []", source: "e.yaml") }
        #expect(throws: TaxonomyError.self) { try Taxonomy.parse(yaml: ": not yaml [", source: "f.yaml") }
        #expect(throws: TaxonomyError.self) { try Taxonomy.load(path: "/nonexistent/t.yaml") }
    }

    @Test func theHashChangesWithTheFile() throws {
        let a = try Taxonomy.parse(yaml: "technologies:\n  - {id: a, name: A, category: C, query: TS=x}\n", source: "a")
        let b = try Taxonomy.parse(yaml: "technologies:\n  - {id: a, name: A, category: C, query: TS=y}\n", source: "b")
        #expect(a.contentHash != b.contentHash)
    }
}
