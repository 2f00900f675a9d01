import Testing
import TechTrackerCore
@testable import TechTrackerPresent

/// A mistyped name gets its close matches, and a report selection that names nothing stored is
/// refused with what is unknown and what there is, instead of printing empty tables.
struct CloseMatchesTests {
    static let technologies = [
        "quantum-computing", "quantum-sensors", "quantum-communication", "drones", "additive-manufacturing",
    ]

    @Test func typosPrefixesAndCaseFindTheIntendedName() {
        #expect(CloseMatches.find("quantum-computin", among: Self.technologies) == ["quantum-computing"])
        #expect(CloseMatches.find("quantum-computingg", among: Self.technologies) == ["quantum-computing"])
        #expect(CloseMatches.find("Quantum-Computing", among: Self.technologies) == ["quantum-computing"])
        #expect(
            CloseMatches.find("quantum", among: Self.technologies)
                == ["quantum-communication", "quantum-computing", "quantum-sensors"])
        #expect(CloseMatches.find("dornes", among: Self.technologies) == ["drones"])
        #expect(CloseMatches.find("articel", among: ["article", "review", "preprint"]) == ["article"])
    }

    @Test func unrelatedEmptyAndHugeInputsFindNothing() {
        #expect(CloseMatches.find("bogus", among: Self.technologies).isEmpty)
        #expect(CloseMatches.find("", among: Self.technologies).isEmpty)
        #expect(CloseMatches.find("x", among: []).isEmpty)
        // A pasted paragraph is compared by its start only, and quickly.
        #expect(
            CloseMatches.find(String(repeating: "quantum-computing ", count: 100_000), among: Self.technologies).count
                <= 5)
    }

    @Test func distanceIsLevenshteinWithinTheLimit() {
        func distance(_ a: String, _ b: String, _ limit: Int = 10) -> Int? {
            CloseMatches.distance(Array(a), Array(b), atMost: limit)
        }
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("kitten", "sitting", 2) == nil)
        #expect(distance("", "abc") == 3)
        #expect(distance("abc", "abc") == 0)
        #expect(distance("ab", "ba") == 2)
    }

    @Test func theHintListsMatchesOrAShortListOfKnownNames() {
        #expect(CloseMatches.hint(for: "dornes", among: Self.technologies) == "close matches: drones")
        #expect(CloseMatches.hint(for: "bogus", among: ["b", "a"]) == "known: a, b")
        let many = (1...30).map { "t\($0)" }
        #expect(CloseMatches.hint(for: "zzzzzz", among: many, listed: 3) == "known: t1, t10, t11, … (30 in all)")
        #expect(CloseMatches.hint(for: "x", among: []) == "there are none")
    }
}

struct ReportSelectionTests {
    func problem(_ configure: (inout AnalysisReport.Selection) -> Void) -> String? {
        var selection = AnalysisReport.Selection()
        configure(&selection)
        do {
            try AnalysisReport.check(selection, in: UnitsFixture.results())
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func storedSelectionsPass() {
        #expect(problem { _ in } == nil)
        #expect(
            problem {
                $0.technology = "qc"; $0.country = "GB"
            } == nil)
        #expect(problem { $0.window = PublicationWindow(start: 2003, end: 2007) } == nil)
    }

    @Test func anUnknownTechnologyNamesItsCloseMatches() {
        #expect(problem { $0.technology = "qcc" } == "--technology: no figures for 'qcc'; close matches: qc")
        #expect(problem { $0.technology = "bogus" } == "--technology: no figures for 'bogus'; known: ai, bio, qc, zz")
    }

    @Test func anUnknownCountryNamesItsCloseMatches() {
        #expect(
            problem { $0.country = "GR" }
                == "--country: no figures for 'GR' (an ISO alpha-2 code); close matches: FR, GB")
        // A group's name is not a country: the group section lists groups.
        #expect(problem { $0.country = "EU27" }?.hasPrefix("--country: no figures for 'EU27'") == true)
    }

    @Test func aWindowNotAnalysedListsTheWindows() {
        #expect(
            problem { $0.window = PublicationWindow(start: 1990, end: 1994) }
                == "--window 1990-1994 was not analysed; windows with figures: 2003-2007, 2020-2024")
    }

    @Test func aCountingNotComputedSaysWhichWere() {
        // The fixture's summaries are all fractional.
        #expect(
            problem { $0.counting = .whole }
                == "--counting whole was not computed by the last analysis; it computed fractional")
    }
}
