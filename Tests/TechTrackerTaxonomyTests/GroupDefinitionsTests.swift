import Foundation
import TestScratch
import Testing
import TechTrackerCore
@testable import TechTrackerTaxonomy

/// The shipped groups.yaml and what `--groups FILE` / `--group` accept (METHOD §2).
struct BuiltInGroupsTests {
    func codes(_ text: String) -> [CountryCode] { text.split(separator: " ").map { CountryCode($0)! }.sorted() }

    @Test func exactlyTheFiveGroupsInFileOrderWithTheirMembers() throws {
        let groups = try GroupDefinitions.builtIn()
        #expect(groups.map(\.name) == ["EU27", "Five Eyes", "AUKUS", "Quad", "G7"])
        let members = Dictionary(uniqueKeysWithValues: groups.map { ($0.name, $0.members) })
        #expect(
            members["EU27"] == codes("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE")
        )
        #expect(members["Five Eyes"] == codes("AU CA GB NZ US"))
        #expect(members["AUKUS"] == codes("AU GB US"))
        #expect(members["Quad"] == codes("AU IN JP US"))
        #expect(members["G7"] == codes("CA FR DE IT JP GB US"))
    }

    @Test func eu27HasTwentySevenMembersWithGreeceAsGRAndWithoutTheUK() throws {
        let eu = try #require(try GroupDefinitions.builtIn().first { $0.name == "EU27" })
        #expect(eu.members.count == 27)
        #expect(eu.contains(CountryCode("GR")!))
        #expect(!eu.contains(CountryCode("GB")!))
        #expect(eu.members.allSatisfy { $0.description != "EL" })
    }

    @Test func theShippedFileDocumentsTheFormatAndTheCountingRuleAndEveryGroupHasANote() throws {
        let text = GroupDefinitions.shippedYAML
        #expect(text.hasPrefix("#"))
        #expect(text.contains("sum of its members' credits"))
        #expect(text.contains("1 if any member is on the work"))
        #expect(text.components(separatedBy: "\n    note: ").count - 1 == 5)
        #expect(text.contains("EU member states since 1 February 2020 (after the UK left)"))
    }

    @Test func theISOListHasTheAssignedCodesAndKosovo() {
        #expect(ISOCountryCodes.assigned.count == 250)
        #expect(ISOCountryCodes.assigned.contains("XK"))
        #expect(ISOCountryCodes.assigned.allSatisfy { CountryCode($0) != nil })
    }
}

struct GroupOptionTests {
    @Test func validFormsAreRead() throws {
        let nordics = try GroupDefinitions.parseOption("Nordics=DK,FI,IS,NO,SE")
        #expect(nordics.name == "Nordics")
        #expect(nordics.members.map(\.description) == ["DK", "FI", "IS", "NO", "SE"])
        // Spaces around the parts and lower-case codes are tolerated; names may hold spaces.
        let spaced = try GroupDefinitions.parseOption(" Big Two = us , cn ")
        #expect(spaced.name == "Big Two")
        #expect(spaced.members.map(\.description) == ["CN", "US"])
        #expect(try GroupDefinitions.parseOption("G2=US,CN").name == "G2")
        #expect(try GroupDefinitions.parseOption("Solo=FR").members.count == 1)
    }

    @Test(arguments: [
        ("NordicsDK,FI", "no '='"),
        ("=DK,FI", "needs a name"),
        ("EU=FR,DE", "two letters"),
        ("X=FR", "2 to 40"),
        (String(repeating: "n", count: 41) + "=FR", "2 to 40"),
        ("Nordics=", "at least one member"),
        ("Nordics=DK,,FI", "empty country code"),
        ("Nordics=DK,FI,", "empty country code"),
        ("Nordics=DNK", "not a two-letter"),
        ("Nordics=D1", "not a two-letter"),
        ("Nordics=DK,QQ", "not an assigned"),
        ("Anglo=US,UK", "GB"),
        ("Med=GR,EL", "Greece is GR"),
        ("Nordics=DK,dk", "twice"),
    ])
    func invalidFormsNameTheOptionAndTheValidForm(text: String, fragment: String) {
        do {
            _ = try GroupDefinitions.parseOption(text)
            Issue.record("\(text) was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("--group '\(text)': "), "\(message)")
            #expect(message.contains(fragment), "\(message)")
            #expect(message.contains("expected --group NAME=CC,CC,..."), "\(message)")
        }
    }
}

struct GroupFileTests {
    /// Writes `text` to a fresh temporary file and returns its path.
    func file(_ text: String) throws -> String {
        let url = TestScratch.url("groups", fileExtension: ".yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The error `yaml` gives, as text.
    func problem(_ yaml: String) -> GroupDefinitionError? {
        do {
            _ = try GroupDefinitions.parse(yaml: yaml, source: "mine.yaml")
            return nil
        } catch {
            return error as? GroupDefinitionError
        }
    }

    let userFile = """
        # my blocs
        version: 1
        groups:
          - name: Nordics
            note: Nordic Council states
            members: [DK, FI, IS, NO, SE]
          - name: EU27
            members: [FR, DE]
        """

    @Test func aUserFileReplacesTheBuiltInOnesAndKeepsItsOrder() throws {
        let groups = try GroupDefinitions.resolve(file: try file(userFile), options: [])
        #expect(groups.map(\.name) == ["Nordics", "EU27"])
        // NO is Norway, not YAML 1.1's false.
        #expect(groups[0].members.map(\.description) == ["DK", "FI", "IS", "NO", "SE"])
        #expect(try GroupDefinitions.load(path: try file(userFile)) == groups)
    }

    @Test func optionsReplaceByNameInPlaceAndAddAtTheEnd() throws {
        let groups = try GroupDefinitions.resolve(
            file: nil, options: ["quad=JP,US", "Nordics=DK,FI,IS,NO,SE", "Big Two=US,CN"])
        #expect(groups.map(\.name) == ["EU27", "Five Eyes", "AUKUS", "quad", "G7", "Nordics", "Big Two"])
        #expect(groups[3].members.map(\.description) == ["JP", "US"])
        let onFile = try GroupDefinitions.resolve(
            file: try file(userFile), options: ["EU27=AT,BE", "Benelux=BE,NL,LU"])
        #expect(onFile.map(\.name) == ["Nordics", "EU27", "Benelux"])
        #expect(onFile[1].members.map(\.description) == ["AT", "BE"])
    }

    @Test func theSameNameTwiceInOptionsIsRefused() {
        #expect(throws: GroupDefinitionError.self) {
            try GroupDefinitions.resolve(file: nil, options: ["Nordics=DK,FI", "nordics=SE"])
        }
    }

    @Test func noOptionsAndNoFileGiveTheBuiltInGroups() throws {
        #expect(try GroupDefinitions.resolve(file: nil, options: []) == GroupDefinitions.builtIn())
    }

    @Test func aTwoLetterNameIsRefusedAtItsLineAndColumn() throws {
        let error = try #require(problem("groups:\n  - name: EU\n    members: [FR, DE]\n"))
        #expect(error.line == 2 && error.column == 11)
        #expect(error.description.hasPrefix("mine.yaml:2:11: "))
        #expect(error.problem.contains("two letters"))
    }

    @Test func aDuplicateNameIgnoringCaseIsRefusedNamingTheFirst() throws {
        let yaml = "groups:\n  - name: Quad\n    members: [AU]\n  - name: QUAD\n    members: [US]\n"
        let error = try #require(problem(yaml))
        #expect(error.line == 4)
        #expect(error.problem.contains("already used at line 2"), "\(error)")
    }

    @Test func badCodesAreRefusedAtTheCode() throws {
        let uk = try #require(problem("groups:\n  - name: Anglo\n    members: [US, UK]\n"))
        #expect(uk.line == 3 && uk.column == 19)
        #expect(uk.problem.contains("the United Kingdom is GB"), "\(uk)")
        let long = try #require(problem("groups:\n  - name: Anglo\n    members:\n      - USA\n"))
        #expect(long.line == 4 && long.column == 9)
        #expect(long.problem.contains("not a two-letter"))
        let twice = try #require(problem("groups:\n  - name: Anglo\n    members: [US, us]\n"))
        #expect(twice.problem.contains("twice"))
        let none = try #require(problem("groups:\n  - name: Anglo\n    members: []\n"))
        #expect(none.problem.contains("at least one member"))
        let scalar = try #require(problem("groups:\n  - name: Anglo\n    members: US, GB\n"))
        #expect(scalar.problem.contains("must be a list"))
    }

    @Test func unknownKeysAreRefusedWherever() throws {
        let inGroup = try #require(problem("groups:\n  - name: Anglo\n    member: [US, GB]\n"))
        #expect(inGroup.line == 3 && inGroup.column == 5)
        #expect(inGroup.problem.contains("unknown key 'member'"), "\(inGroup)")
        let atTop = try #require(problem("grops:\n  - name: Anglo\n    members: [US]\n"))
        #expect(atTop.line == 1 && atTop.column == 1)
        #expect(atTop.problem.contains("unknown key 'grops'"))
        let missing = try #require(problem("groups:\n  - name: Anglo\n"))
        #expect(missing.problem.contains("needs members"))
        let nameless = try #require(problem("groups:\n  - members: [US]\n"))
        #expect(nameless.problem.contains("needs a name"))
        let version = try #require(problem("version: 2\ngroups:\n  - {name: Anglo, members: [US]}\n"))
        #expect(version.problem.contains("version must be 1"))
    }

    @Test func malformedYAMLGivesLineColumnAndTheProblemInWords() throws {
        let error = try #require(problem("groups:\n  - name: Anglo\n    members: [US, GB\n  - name: Other\n"))
        #expect(error.line != nil && error.column != nil)
        #expect(error.description.hasPrefix("mine.yaml:\(error.line!):\(error.column!): not valid YAML: "))
        #expect(!error.description.contains("\n"), "\(error)")
        #expect(!error.description.contains("DecodingError"))
        let tab = try #require(problem("groups:\n\t- name: Anglo\n"))
        #expect(tab.line == 2, "\(tab)")
    }

    @Test func emptyFilesAndListsAreRefused() throws {
        #expect(try #require(problem("# nothing\n")).problem.contains("defines no groups"))
        #expect(try #require(problem("groups: []\n")).problem.contains("--no-groups"))
        #expect(try #require(problem("- name: Anglo\n  members: [US]\n")).problem.contains("'groups:' at the top"))
    }

    @Test func aMissingFileSaysSo() {
        do {
            _ = try GroupDefinitions.resolve(file: "/nonexistent/my-groups.yaml", options: [])
            Issue.record("a missing file was accepted")
        } catch {
            #expect("\(error)" == "/nonexistent/my-groups.yaml: no such file")
        }
    }
}
