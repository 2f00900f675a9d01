import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// Institution keys of Web of Science and Scopus addresses: one key for the spellings of one
/// institution, different keys for different institutions, the word table's consistency, the
/// institution ids, and the organisation segment of a Scopus affiliation.
@Suite struct InstitutionNameTests {
    /// Checks that all the spellings give `expected`.
    private func expectKey(_ expected: String, _ spellings: [String], sourceLocation: SourceLocation = #_sourceLocation)
    {
        for spelling in spellings {
            #expect(InstitutionName.key(spelling) == expected, "\(spelling)", sourceLocation: sourceLocation)
        }
    }

    // MARK: One institution, one key

    @Test func universityOfCaliforniaBerkeley() {
        expectKey(
            "university california berkeley",
            [
                "Univ Calif Berkeley", "University of California, Berkeley", "UNIVERSITY OF CALIFORNIA BERKELEY",
                "University of California at Berkeley", "Univ. of Calif., Berkeley",
                "The University of California Berkeley",
            ])
    }

    @Test func chineseAcademyOfSciences() {
        expectKey("chinese academy science", ["Chinese Acad Sci", "Chinese Academy of Sciences", "CHINESE ACAD SCI"])
    }

    @Test func technicalUniversityOfMunich() {
        expectKey("technical university munich", ["Tech Univ Munich", "Technical University of Munich"])
    }

    @Test func massachusettsInstituteOfTechnology() {
        expectKey(
            "massachusetts institute technology",
            ["Massachusetts Inst Technol", "Massachusetts Institute of Technology", "MASSACHUSETTS INST TECHNOL"])
    }

    @Test func webOfScienceAbbreviationsMatchTheFullNames() {
        let pairs: [(String, String)] = [
            ("Univ Sci & Technol China", "University of Science and Technology of China"),
            ("Natl Univ Singapore", "National University of Singapore"),
            ("Nanyang Technol Univ", "Nanyang Technological University"),
            ("Harbin Inst Technol", "Harbin Institute of Technology"),
            ("Oak Ridge Natl Lab", "Oak Ridge National Laboratory"),
            ("Sandia Natl Labs", "Sandia National Laboratories"),
            ("Natl Inst Hlth", "National Institutes of Health"),
            ("Harvard Med Sch", "Harvard Medical School"),
            ("Yale Sch Med", "Yale School of Medicine"),
            ("Massachusetts Gen Hosp", "Massachusetts General Hospital"),
            ("Brigham & Womens Hosp", "Brigham and Women's Hospital"),
            ("Kings Coll London", "King's College London"),
            ("Imperial Coll London", "Imperial College London"),
            ("Univ Texas MD Anderson Canc Ctr", "University of Texas M.D. Anderson Cancer Center"),
            ("Mem Sloan Kettering Canc Ctr", "Memorial Sloan Kettering Cancer Center"),
            ("Dana Farber Canc Inst", "Dana-Farber Cancer Institute"),
            ("Samsung Elect Co Ltd", "Samsung Electronics Co., Ltd."),
            ("Huawei Technol Co Ltd", "Huawei Technologies Co., Ltd."),
            ("IBM Corp", "IBM Corporation"),
            ("Google Inc", "Google Inc."),
            ("Microsoft Res", "Microsoft Research"),
            ("Mayo Clin", "Mayo Clinic"),
            ("Cent S Univ", "Central South University"),
            ("S China Univ Technol", "South China University of Technology"),
            ("NW A&F Univ", "Northwest A&F University"),
            ("E China Normal Univ", "East China Normal University"),
            ("Univ N Carolina", "University of North Carolina"),
            ("Univ So Calif", "University of Southern California"),
            ("Penn State Univ", "Pennsylvania State University"),
            ("St Jude Childrens Res Hosp", "St. Jude Children's Research Hospital"),
            ("St Louis Univ", "Saint Louis University"),
            ("Icahn Sch Med Mt Sinai", "Icahn School of Medicine at Mount Sinai"),
            ("Swiss Fed Inst Technol", "Swiss Federal Institute of Technology"),
            ("Ecole Polytech Fed Lausanne", "École Polytechnique Fédérale de Lausanne"),
            ("Univ Politecn Madrid", "Universidad Politécnica de Madrid"),
            ("Ctr Natl Rech Sci", "Centre National de la Recherche Scientifique"),
            ("Ist Nazl Fis Nucl", "Istituto Nazionale di Fisica Nucleare"),
            ("Univ Fed Rio Grande do Sul", "Universidade Federal do Rio Grande do Sul"),
            ("Univ Sao Paulo", "Universidade de São Paulo"),
            ("Univ Orleans", "Université d'Orléans"),
            ("Univ Chile", "Universidad de Chile"),
            ("Karolinska Inst", "Karolinska Institutet"),
            ("Xi An Jiao Tong Univ", "Xi'an Jiaotong University"),
            ("Shanghai Jiao Tong Univ", "Shanghai Jiaotong University"),
            ("Commonwealth Sci & Ind Res Org", "Commonwealth Scientific and Industrial Research Organisation"),
            ("Natl Inst Adv Ind Sci & Technol", "National Institute of Advanced Industrial Science and Technology"),
            ("Beijing Univ Chem Technol", "Beijing University of Chemical Technology"),
            ("Nanjing Univ Aeronaut & Astronaut", "Nanjing University of Aeronautics and Astronautics"),
            ("Natl Def Univ", "National Defense University"),
            ("Minist Educ", "Ministry of Education"),
            ("Korea Adv Inst Sci & Technol", "Korea Advanced Institute of Science and Technology"),
            ("Tradit Chinese Med Hosp", "Traditional Chinese Medicine Hospital"),
        ]
        for (abbreviated, full) in pairs {
            #expect(InstitutionName.key(abbreviated) == InstitutionName.key(full), "\(abbreviated) / \(full)")
        }
    }

    @Test func britishAndAmericanSpellingsAreOne() {
        #expect(InstitutionName.key("Research Centre Juelich") == InstitutionName.key("Research Center Juelich"))
        #expect(InstitutionName.key("Defence Science Organisation") == "defense science organization")
        #expect(InstitutionName.key("Defense Science Organization") == "defense science organization")
        #expect(InstitutionName.key("Paediatric Hospital") == InstitutionName.key("Pediat Hosp"))
    }

    @Test func pluralsOfTableWordsAreSingular() {
        #expect(InstitutionName.key("Institutes of Sciences") == "institute science")
        #expect(InstitutionName.key("Laboratories") == "laboratory")
        #expect(
            InstitutionName.key("Universities Space Research Association") == "university space research association")
        #expect(InstitutionName.key("Advanced Materials Systems Services") == "advanced material system service")
    }

    @Test func stopWordsAndALeadingTheAreDropped() {
        #expect(InstitutionName.key("The Ohio State University") == "ohio state university")
        #expect(InstitutionName.key("The University of Tokyo") == InstitutionName.key("Univ Tokyo"))
        #expect(InstitutionName.key("Institut für Physik und Chemie") == "institute physics chemistry")
        #expect(InstitutionName.key("Università degli Studi dell'Aquila") == "university studi aquila")
        #expect(InstitutionName.key("University of Texas at Austin") == InstitutionName.key("Univ Texas Austin"))
        #expect(InstitutionName.key("Universiteit van Amsterdam") == InstitutionName.key("Univ Amsterdam"))
    }

    @Test func wordOrderIsKept() {
        #expect(InstitutionName.key("Univ Calif Berkeley") != InstitutionName.key("Berkeley Univ Calif"))
        #expect(InstitutionName.key("Northeastern Univ") != InstitutionName.key("Univ Northeastern"))
    }

    // MARK: Different institutions, different keys

    @Test func differentInstitutionsKeepDifferentKeys() {
        let pairs: [(String, String)] = [
            ("Univ Georgia", "Georgia Inst Technol"),
            ("Univ Calif Berkeley", "Univ Calif Los Angeles"),
            ("Univ Calif Berkeley", "Univ Calif San Diego"),
            ("Penn State Univ", "Univ Penn"),
            ("Cent S Univ", "S China Univ Technol"),
            ("Ohio State Univ", "Ohio Univ"),
            ("Univ Washington", "Washington Univ"),
            ("Chinese Acad Sci", "Chinese Acad Med Sci"),
            ("Tech Univ Munich", "Univ Munich"),
            ("Natl Taiwan Univ", "Natl Tsing Hua Univ"),
            ("Univ Illinois", "Univ Illinois Chicago"),
            ("Ctr Canc Res", "Cent Canc Res"),
        ]
        for (first, second) in pairs {
            #expect(InstitutionName.key(first) != InstitutionName.key(second), "\(first) / \(second)")
        }
        #expect(InstitutionName.key("Univ Georgia") == "university georgia")
        #expect(InstitutionName.key("Georgia Inst Technol") == "georgia institute technology")
        #expect(InstitutionName.key("Univ Calif Los Angeles") == "university california los angeles")
    }

    @Test func keysOfNamesWithoutWordsAreEmpty() {
        #expect(InstitutionName.key("") == "")
        #expect(InstitutionName.key(" & - , ") == "")
        #expect(InstitutionName.key("The of and") == "")
    }

    @Test func elisionsAndInitialsAreResolvedBeforeFolding() {
        #expect(InstitutionName.splittingElisions("King's College") == "Kings College")
        #expect(InstitutionName.splittingElisions("Université d'Orléans") == "Université d Orléans")
        #expect(InstitutionName.splittingElisions("Repsol S.A.") == "Repsol SA ")
        #expect(InstitutionName.splittingElisions("Univ. Calif.") == "Univ  Calif ")
        #expect(InstitutionName.splittingElisions("No marks here") == "No marks here")
        #expect(InstitutionName.key("Repsol S.A.") == InstitutionName.key("Repsol SA"))
    }

    // MARK: The word table

    @Test func theTableHasOneCanonicalWordPerSpelling() {
        var seen: [String: String] = [:]
        for row in InstitutionName.wordRows {
            for spelling in row.abbreviations + row.variants {
                #expect(seen[spelling] == nil, "\(spelling) in \(row.canonical) and \(seen[spelling] ?? "")")
                #expect(spelling != row.canonical, "\(spelling)")
                seen[spelling] = row.canonical
            }
        }
        let canonicals = Set(InstitutionName.wordRows.map(\.canonical))
        #expect(canonicals.count == InstitutionName.wordRows.count)
        for canonical in canonicals {
            // A canonical word is never rewritten again, nor dropped.
            #expect(InstitutionName.canonicalWords[canonical] == nil, "\(canonical)")
            #expect(!InstitutionName.stopWords.contains(canonical), "\(canonical)")
        }
        for spelling in seen.keys {
            #expect(!InstitutionName.stopWords.contains(spelling), "\(spelling)")
            #expect(WorkMatchKey.title(spelling) == spelling, "\(spelling) is not folded")
        }
    }

    @Test func theTableHoldsTheWebOfScienceAbbreviations() {
        let abbreviations = InstitutionName.wordRows.flatMap(\.abbreviations)
        #expect(abbreviations.count >= 150)
        let expected: [String: String] = [
            "univ": "university", "inst": "institute", "natl": "national", "acad": "academy", "sci": "science",
            "technol": "technology", "coll": "college", "ctr": "center", "lab": "laboratory", "hosp": "hospital",
            "med": "medical", "res": "research", "engn": "engineering", "calif": "california", "minist": "ministry",
            "fdn": "foundation", "assoc": "association", "soc": "society", "int": "international", "appl": "applied",
            "polytech": "polytechnic", "dept": "department", "sch": "school", "fac": "faculty", "corp": "corporation",
            "co": "company", "ltd": "limited", "inc": "incorporated", "grp": "group", "agr": "agricultural",
            "biol": "biology", "chem": "chemistry", "phys": "physics", "math": "mathematics", "elect": "electrical",
            "mech": "mechanical", "comp": "computer", "informat": "information", "environm": "environment",
            "mat": "material", "syst": "system", "commun": "communication", "educ": "education", "hlth": "health",
            "serv": "service", "mil": "military", "def": "defense", "aeronaut": "aeronautics",
            "astronaut": "astronautics", "telecommun": "telecommunication", "ind": "industrial", "tech": "technical",
            "cent": "central", "centre": "center", "defence": "defense", "sciences": "science",
        ]
        for (spelling, canonical) in expected {
            #expect(InstitutionName.canonicalWords[spelling] == canonical, "\(spelling)")
        }
        for unchanged in ["chinese", "energy", "key", "state", "normal"] {
            #expect(InstitutionName.key(unchanged) == unchanged)
        }
    }

    // MARK: Institutions

    @Test func institutionIdsNameTheCountryAndTheKey() throws {
        let us = try #require(CountryCode("US"))
        let institution = try #require(
            InstitutionName.institution(organisation: "  Univ Calif Berkeley ", country: us))
        #expect(institution.id == "org:US:university california berkeley")
        #expect(institution.name == "Univ Calif Berkeley")
        #expect(institution.country == us)
        let same = try #require(
            InstitutionName.institution(organisation: "University of California, Berkeley", country: us))
        #expect(same.id == institution.id)
    }

    @Test func institutionsWithoutACountryUseDashes() throws {
        let institution = try #require(InstitutionName.institution(organisation: "Chinese Acad Sci", country: nil))
        #expect(institution.id == "org:--:chinese academy science")
        #expect(institution.country == nil)
    }

    @Test func theDisplayNameIsUsedWhenGiven() throws {
        let cn = try #require(CountryCode("CN"))
        let named = try #require(
            InstitutionName.institution(
                organisation: "Chinese Acad Sci", displayName: "Chinese Academy of Sciences", country: cn))
        #expect(named.name == "Chinese Academy of Sciences")
        #expect(named.id == "org:CN:chinese academy science")
        let blank = try #require(
            InstitutionName.institution(organisation: "Chinese Acad Sci", displayName: "  ", country: cn))
        #expect(blank.name == "Chinese Acad Sci")
    }

    @Test func organisationsWithoutWordsAreNoInstitution() {
        #expect(InstitutionName.institution(organisation: "", country: nil) == nil)
        #expect(InstitutionName.institution(organisation: " - ", displayName: "Name", country: nil) == nil)
        #expect(InstitutionName.institution(organisation: "The", country: nil) == nil)
    }

    // MARK: Organisation segments

    @Test func theUniversitySegmentIsTheOrganisation() {
        #expect(
            InstitutionName.organisationSegment(in: [
                "Department of Clinical Medicine", "Hunan Normal University Health Science Center", "Hunan", "Changsha",
                "China",
            ]) == 1)
        #expect(
            InstitutionName.organisationSegment(in: [
                "College of Chemistry", "Beckman Institute", "University of Illinois at Urbana-Champaign", "Urbana",
                "IL", "United States",
            ]) == 2)
        #expect(
            InstitutionName.organisationSegment(in: ["Physikalisches Institut", "Universität Heidelberg", "Germany"])
                == 1)
        #expect(InstitutionName.organisationSegment(in: ["Laboratoire X", "Université Paris-Saclay", "France"]) == 1)
        #expect(InstitutionName.organisationSegment(in: ["Dept. of Physics", "Tokyo Univ.", "Japan"]) == 1)
        #expect(InstitutionName.organisationSegment(in: ["Dept of Physics", "ETH Hochschule", "Switzerland"]) == 1)
    }

    @Test func anAcademyRanksAboveItsInstitute() {
        #expect(
            InstitutionName.organisationSegment(in: [
                "Institute of Physics", "Chinese Academy of Sciences", "Beijing", "China",
            ]) == 1)
        #expect(
            InstitutionName.organisationSegment(in: [
                "Key Laboratory of Optoelectronic Materials", "Institute of Semiconductors", "Beijing", "China",
            ]) == 1)
    }

    @Test func ranksGoFromHospitalToCompanyToOthers() {
        #expect(
            InstitutionName.organisationSegment(in: [
                "Department of Surgery", "Massachusetts General Hospital", "Harvard Medical School", "Boston", "MA",
                "United States",
            ]) == 1)
        #expect(InstitutionName.organisationSegment(in: ["Research Dept", "Siemens AG", "Munich", "Germany"]) == 1)
        #expect(
            InstitutionName.organisationSegment(in: [
                "R&D Center", "Samsung Electronics Co., Ltd.", "Suwon", "South Korea",
            ])
                == 1)
        #expect(
            InstitutionName.organisationSegment(in: [
                "Storage Div", "Samsung Electronics Co., Ltd.", "Suwon", "South Korea",
            ])
                == 1)
        #expect(InstitutionName.organisationSegment(in: ["Quantum Group", "Google Inc.", "Mountain View", "USA"]) == 1)
        #expect(InstitutionName.organisationSegment(in: ["Energy Unit", "Repsol S.A.", "Madrid", "Spain"]) == 1)
        #expect(InstitutionName.organisationSegment(in: ["Energy Unit", "Repsol SA", "Madrid", "Spain"]) == 1)
        #expect(InstitutionName.organisationSegment(in: ["Optics Unit", "Nikon Co.", "Tokyo", "Japan"]) == 1)
        #expect(InstitutionName.organisationSegment(in: ["Unit 5", "Zeiss GmbH", "Jena", "Germany"]) == 1)
        #expect(
            InstitutionName.organisationSegment(in: ["Bureau X", "Ministry of Health", "Hanoi", "Viet Nam"]) == 1)
        #expect(
            InstitutionName.organisationSegment(in: ["Harvard Medical School", "Harvard Foundation", "Boston", "USA"])
                == 1)
        #expect(
            InstitutionName.organisationSegment(in: ["Physics Unit", "Argonne National Laboratory", "Lemont", "USA"])
                == 1)
        #expect(
            InstitutionName.organisationSegment(in: [
                "Materials Center", "Argonne National Laboratory", "Lemont", "USA",
            ])
                == 1)
    }

    @Test func aCenterCountsOnlyWithoutABetterSegment() {
        #expect(
            InstitutionName.organisationSegment(in: [
                "Cancer Center", "University of Michigan", "Ann Arbor", "MI", "United States",
            ]) == 1)
        #expect(InstitutionName.organisationSegment(in: ["Flight Unit", "Ames Research Center", "CA", "USA"]) == 1)
    }

    @Test func tiesGoToTheEarliestSegment() {
        #expect(
            InstitutionName.organisationSegment(in: ["Peking University", "Tsinghua University", "Beijing", "China"])
                == 0)
        #expect(InstitutionName.organisationSegment(in: ["Foo Hospital", "Bar Hospital", "Paris", "France"]) == 0)
    }

    @Test func subunitsAreChosenOnlyWhenNothingElseQualifies() {
        #expect(
            InstitutionName.organisationSegment(in: ["School of Physics", "Peking University", "Beijing", "China"]) == 1
        )
        #expect(
            InstitutionName.organisationSegment(in: [
                "State Key Laboratory of Chemistry", "Institute of Chemistry", "Beijing", "China",
            ]) == 1)
        #expect(
            InstitutionName.organisationSegment(in: [
                "Hunan Provincial Key Laboratory of Materials", "Central South Hospital", "Changsha", "China",
            ]) == 1)
        #expect(
            InstitutionName.organisationSegment(in: ["Faculty of Medicine", "Some Place", "Somewhere", "Chile"]) == 0)
        #expect(
            InstitutionName.organisationSegment(in: ["Cambridge", "Department of Physics", "Somewhere", "UK"]) == 1)
        #expect(
            InstitutionName.organisationSegment(in: [
                "College of Engineering", "Seoul National University", "South Korea",
            ])
                == 1)
        #expect(
            InstitutionName.organisationSegment(in: ["College of Medicine", "Seoul Hospital", "Seoul", "South Korea"])
                == 1)
        #expect(InstitutionName.organisationSegment(in: ["College of Charleston", "Charleston", "SC", "USA"]) == 0)
    }

    @Test func acronymSegmentsNameOrganisationsAboveSubunits() {
        #expect(
            InstitutionName.organisationSegment(in: [
                "Department of Physics", "MIT", "Cambridge", "MA", "United States",
            ]) == 1)
        #expect(
            InstitutionName.organisationSegment(in: ["Department of Chemistry", "ETH Zurich", "Zurich", "Switzerland"])
                == 1)
        #expect(
            InstitutionName.organisationSegment(in: ["Department of Physics", "Sydney", "NSW", "Australia"]) == 0)
    }

    @Test func theCountrySegmentIsNeverChosenUnlessAlone() {
        #expect(InstitutionName.organisationSegment(in: ["Beijing", "Peking University"]) == 0)
        #expect(InstitutionName.organisationSegment(in: ["Harvard University"]) == 0)
        #expect(InstitutionName.organisationSegment(in: ["Somewhere", "Somehow", "Nowhere"]) == 0)
        #expect(InstitutionName.organisationSegment(in: []) == nil)
    }
}
