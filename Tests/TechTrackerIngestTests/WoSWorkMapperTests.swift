import Foundation
import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// Web of Science records mapped to works, on small invented records laid out as the plain-text
/// and tab-delimited exports lay them out: identifiers, years, text fields, cited references, and
/// the addresses that give each author institutions and countries.
@Suite struct WoSWorkMapperTests {
    // MARK: - Helpers

    /// The mapping of the only record of a plain-text export.
    static func mapPlain(_ text: String) throws -> MappedRecord {
        let result = WoSPlainTextReader.read(text)
        try #require(result.problems.isEmpty)
        try #require(result.records.count == 1)
        return WoSWorkMapper.map(result.records[0])
    }

    /// The mappings of the records of a tab-delimited export given as its rows (a header naming
    /// a column twice is the only problem allowed).
    static func mapTab(_ rows: [[String]]) throws -> [MappedRecord] {
        let text = "\u{FEFF}" + rows.map { $0.joined(separator: "\t") + "\t\r\n" }.joined()
        let result = WoSTabDelimitedReader.read(text)
        try #require(result.problems.allSatisfy { $0.kind == .duplicateColumn })
        return result.records.map(WoSWorkMapper.map)
    }

    /// The stored work of a mapping.
    static func work(_ mapped: MappedRecord) throws -> Work {
        try #require(mapped.rejection == nil)
        return try #require(mapped.work)
    }

    /// The institution the mapper is expected to build for an address.
    static func institution(
        _ organisation: String, _ country: String?, displayName: String? = nil
    ) throws
        -> Institution
    {
        try #require(
            InstitutionName.institution(
                organisation: organisation, displayName: displayName, country: country.flatMap { CountryCode($0) }))
    }

    // MARK: - One record in both layouts

    /// An invented record in the plain-text layout: wrapped title, keywords and abstract, two
    /// author groups, enhanced organisation names and cited references.
    static let plainRecord = """
        FN Clarivate Analytics Web of Science
        VR 1.0
        PT J
        AU Quill, AB
           Marlowe, CD
           Brightwater, E
        AF Quill, Ada Beatrix
           Marlowe, Cedric Dunstan
           Brightwater, Elspeth
        TI Lattice damping in imaginary ceramic films grown by
           pretend deposition
        SO JOURNAL OF INVENTED MATERIALS
        LA English
        DT Article
        DE Lattice damping; Ceramic films; Pretend
           deposition; lattice DAMPING
        ID CERAMIC FILMS; THIN-FILMS
        AB Films that do not exist were grown.
           Their lattices were damped.
        C1 [Quill, Ada Beatrix; Marlowe, Cedric Dunstan] Univ Nowhere, Dept Mat, Boston, MA 02215 USA.
           [Marlowe, Cedric Dunstan; Brightwater, Elspeth] Pretend Univ Taiwan, Dept Phys, Hsinchu 30013, Taiwan.
        C3 University of Nowhere; Pretend University of Taiwan
        RP Marlowe, CD (corresponding author), Univ Nowhere, Dept Mat, Boston, MA 02215 USA.
        CR Doe J, 2001, J INVENTED PHYS, V3, P12
           Roe R, 1999, FAKE LETT, V40, P221, DOI 10.0000/FAKE.1999.221
           Poe E, 2010, IMAGINARY REV, V7, P1, DOI [10.0000/imag.2010.1, 10.0000/imag.2010.1b]
           Roe R, 1999, FAKE LETT, V40, P221, DOI 10.0000/fake.1999.221
        NR 4
        TC 7
        PD JAN
        PY 2020
        WC Materials Science, Multidisciplinary; Physics, Applied
        DI 10.0000/JIM.2020.001
        DA 2025-01-17
        UT WOS:000000000000001
        ER
        EF

        """

    /// The same record as a tab-delimited row: each field one value, lists joined by "; ".
    static let tabRows: [[String]] = [
        [
            "PT", "AU", "AF", "TI", "SO", "LA", "DT", "DE", "ID", "AB", "C1", "C3", "RP", "CR", "NR", "TC", "PD", "PY",
            "WC", "DI", "DA", "UT",
        ],
        [
            "J", "Quill, AB; Marlowe, CD; Brightwater, E",
            "Quill, Ada Beatrix; Marlowe, Cedric Dunstan; Brightwater, Elspeth",
            "Lattice damping in imaginary ceramic films grown by pretend deposition", "JOURNAL OF INVENTED MATERIALS",
            "English", "Article", "Lattice damping; Ceramic films; Pretend deposition; lattice DAMPING",
            "CERAMIC FILMS; THIN-FILMS", "Films that do not exist were grown. Their lattices were damped.",
            "[Quill, Ada Beatrix; Marlowe, Cedric Dunstan] Univ Nowhere, Dept Mat, Boston, MA 02215 USA; "
                + "[Marlowe, Cedric Dunstan; Brightwater, Elspeth] Pretend Univ Taiwan, Dept Phys, Hsinchu 30013, "
                + "Taiwan",
            "University of Nowhere; Pretend University of Taiwan",
            "Marlowe, CD (corresponding author), Univ Nowhere, Dept Mat, Boston, MA 02215 USA.",
            "Doe J, 2001, J INVENTED PHYS, V3, P12; Roe R, 1999, FAKE LETT, V40, P221, DOI 10.0000/FAKE.1999.221; "
                + "Poe E, 2010, IMAGINARY REV, V7, P1, DOI [10.0000/imag.2010.1, 10.0000/imag.2010.1b]; "
                + "Roe R, 1999, FAKE LETT, V40, P221, DOI 10.0000/fake.1999.221",
            "4", "7", "JAN", "2020", "Materials Science, Multidisciplinary; Physics, Applied", "10.0000/JIM.2020.001",
            "2025-01-17", "WOS:000000000000001",
        ],
    ]

    @Test func plainTextRecordMapsEveryField() throws {
        let mapped = try Self.mapPlain(Self.plainRecord)
        #expect(mapped.warnings.isEmpty)
        let work = try Self.work(mapped)
        #expect(work.id == "WOS:000000000000001")
        #expect(work.source == .wos)
        #expect(work.doi == "10.0000/jim.2020.001")
        #expect(work.title == "Lattice damping in imaginary ceramic films grown by pretend deposition")
        #expect(work.abstract == "Films that do not exist were grown. Their lattices were damped.")
        #expect(work.keywords == ["Lattice damping", "Ceramic films", "Pretend deposition", "THIN-FILMS"])
        #expect(work.topics == ["Materials Science, Multidisciplinary", "Physics, Applied"])
        #expect(work.publicationYear == 2020)
        #expect(work.type == ExportDocumentType.webOfScience("Article").type)
        #expect(work.language == "English")
        #expect(!work.isRetracted)
        #expect(work.citedByCount == 7)
        #expect(work.countsByYear.isEmpty)
        #expect(work.updatedDate == "2025-01-17")
        #expect(
            work.referencedWorks == [
                "ref:Doe J, 2001, J INVENTED PHYS, V3, P12", "doi:10.0000/fake.1999.221", "doi:10.0000/imag.2010.1",
            ])
        #expect(
            work.authorships.map(\.authorName) == [
                "Quill, Ada Beatrix", "Marlowe, Cedric Dunstan", "Brightwater, Elspeth",
            ])
        #expect(work.authorships.map(\.position) == [.first, .middle, .last])
        #expect(work.authorships.allSatisfy { $0.authorID == nil && $0.countries.isEmpty })

        let nowhere = try Self.institution("Univ Nowhere", "US", displayName: "University of Nowhere")
        let taiwan = try Self.institution("Pretend Univ Taiwan", "TW", displayName: "Pretend University of Taiwan")
        #expect(work.authorships.map(\.institutions) == [[nowhere], [nowhere, taiwan], [taiwan]])
        #expect(nowhere.name == "University of Nowhere")
        #expect(nowhere.country == CountryCode("US"))
        #expect(taiwan.country == CountryCode("TW"))
    }

    @Test func plainTextAndTabDelimitedGiveEqualWorks() throws {
        let plain = try Self.mapPlain(Self.plainRecord)
        let tab = try Self.mapTab(Self.tabRows)
        try #require(tab.count == 1)
        #expect(tab[0] == plain)
        #expect(try Self.work(tab[0]).authorships[1].institutions.count == 2)
    }

    // MARK: - Author groups

    @Test func authorGroupsGiveEachAuthorTheirOwnInstitutions() throws {
        let mapped = try Self.mapPlain(
            """
            PT J
            AU Quill, A
               Marlowe, C
               Brightwater, E
            AF Quill, Ada
               Marlowe, Cedric
               Brightwater, Elspeth
            C1 [Quill, Ada] Univ Nowhere, Dept Mat, Boston, MA 02215 USA.
               [quill,  ada; Marlowe, Cedric] Univ Nowhere, Dept Phys, Boston, MA 02215 USA.
               [Marlowe, Cedric] Tbilisi Pretend State Univ, Fac Phys, Tbilisi, Georgia.
            PY 2021
            UT WOS:000000000000002
            ER
            """)
        let work = try Self.work(mapped)
        let nowhere = try Self.institution("Univ Nowhere", "US")
        let tbilisi = try Self.institution("Tbilisi Pretend State Univ", "GE")
        // The same institution twice counts once; an author in two groups has both.
        #expect(work.authorships[0].institutions == [nowhere])
        #expect(work.authorships[1].institutions == [nowhere, tbilisi])
        #expect(work.authorships[2].institutions.isEmpty)
        #expect(work.authorships[2].countries.isEmpty)
        #expect(mapped.warnings.map(\.kind) == [.authorWithoutAddress])
        #expect(mapped.warnings.first?.detail.contains("Brightwater, Elspeth") == true)
    }

    @Test func withoutGroupsEveryAuthorHasEveryAddress() throws {
        let mapped = try Self.mapPlain(
            """
            PT J
            AU Quill, A
               Marlowe, C
            C1 Univ Nowhere, Dept Mat, Boston, MA 02215 USA.
               Fictional Inst Technol, Lab Films, Rome, Italy.
            PY 2019
            UT WOS:000000000000003
            ER
            """)
        #expect(mapped.warnings.isEmpty)
        let work = try Self.work(mapped)
        let expected = [
            try Self.institution("Univ Nowhere", "US"), try Self.institution("Fictional Inst Technol", "IT"),
        ]
        #expect(work.authorships.map(\.authorName) == ["Quill, A", "Marlowe, C"])
        #expect(work.authorships.map(\.position) == [.first, .last])
        #expect(work.authorships.map(\.institutions) == [expected, expected])
        #expect(expected.map(\.country) == [CountryCode("US"), CountryCode("IT")])
    }

    @Test func groupsNamingNoAuthorAndAddressesWithoutGroupAreNotAttributed() throws {
        let mapped = try Self.mapPlain(
            """
            PT J
            AU Quill, A
               Marlowe, C
            AF Quill, Ada
               Marlowe, Cedric
            C1 [Quill, Ada] Univ Nowhere, Boston, MA 02215 USA.
               Fictional Inst Technol, Rome, Italy.
               [Nobody, Someone] Pretend Univ Paris, Paris, France.
            PY 2019
            UT WOS:000000000000004
            ER
            """)
        let work = try Self.work(mapped)
        #expect(work.authorships[0].institutions == [try Self.institution("Univ Nowhere", "US")])
        #expect(work.authorships[1].institutions.isEmpty)
        #expect(mapped.warnings.map(\.kind) == [.unattributedAddress, .unattributedAddress, .authorWithoutAddress])
        #expect(mapped.warnings[0].detail.contains("Fictional Inst Technol, Rome, Italy."))
        #expect(mapped.warnings[1].detail.contains("Nobody, Someone"))
        #expect(mapped.warnings[2].detail.contains("Marlowe, Cedric"))
    }

    @Test func groupsMatchShortNamesWithoutFullNames() throws {
        let mapped = try Self.mapPlain(
            """
            PT J
            AU Quill, A
               Marlowe, C
            C1 [Quill, A] Univ Nowhere, Boston, MA 02215 USA.
               [Marlowe, C] Fictional Inst Technol, Rome, Italy.
            PY 2019
            UT WOS:000000000000005
            ER
            """)
        #expect(mapped.warnings.isEmpty)
        let work = try Self.work(mapped)
        #expect(work.authorships.map { $0.institutions.map(\.country) } == [[CountryCode("US")], [CountryCode("IT")]])
    }

    // MARK: - Countries

    @Test func countriesAreReadFromTheLastSegment() throws {
        let mapped = try Self.mapPlain(
            """
            PT J
            AU Quill, A
            C1 Beth Israel Deaconess Med Ctr, Dept Med, Boston, MA 02215 USA.
               New Jersey Inst Technol, Dept Phys, Newark, NJ 07102 USA.
               Univ Georgia, Dept Chem, Athens, GA 30602 USA.
               Tbilisi State Univ, Fac Phys, Tbilisi, Georgia.
               Pretend Univ Hsinchu, Dept Phys, Hsinchu 30013, Taiwan.
            PY 2018
            UT WOS:000000000000006
            ER
            """)
        #expect(mapped.warnings.isEmpty)
        let work = try Self.work(mapped)
        let institutions = try #require(work.authorships.first?.institutions)
        #expect(institutions.map(\.country) == ["US", "US", "US", "GE", "TW"].map { CountryCode($0) })
        #expect(
            institutions.map(\.name) == [
                "Beth Israel Deaconess Med Ctr", "New Jersey Inst Technol", "Univ Georgia", "Tbilisi State Univ",
                "Pretend Univ Hsinchu",
            ])
    }

    @Test func unrecognisedCountryIsReportedNotGuessed() throws {
        let mapped = try Self.mapPlain(
            """
            PT J
            AU Quill, A
            C1 Univ Nowhere, Dept Mat, Utopia, Freedonia.
            PY 2018
            UT WOS:000000000000007
            ER
            """)
        let work = try Self.work(mapped)
        let institution = try #require(work.authorships.first?.institutions.first)
        #expect(institution.country == nil)
        #expect(institution == (try Self.institution("Univ Nowhere", nil)))
        #expect(mapped.warnings.map(\.kind) == [.unrecognisedCountry])
        #expect(mapped.warnings[0].detail.contains("\"Freedonia\""))
        #expect(mapped.warnings[0].detail.contains("Univ Nowhere, Dept Mat, Utopia, Freedonia."))
    }

    // MARK: - Enhanced organisation names

    @Test func enhancedNamesAreUsedOnlyWhenTheyPairWithTheOrganisations() throws {
        let paired = try Self.work(
            try Self.mapPlain(
                """
                PT J
                AU Quill, A
                C1 Univ Nowhere, Dept Mat, Boston, MA 02215 USA.
                   Univ Nowhere, Dept Phys, Boston, MA 02215 USA.
                   Fictional Inst Technol, Rome, Italy.
                C3 University of Nowhere; Fictional Institute of
                   Technology
                PY 2018
                UT WOS:000000000000008
                ER
                """))
        #expect(
            paired.authorships[0].institutions.map(\.name) == [
                "University of Nowhere", "Fictional Institute of Technology",
            ])
        #expect(paired.authorships[0].institutions[0].id == (try Self.institution("Univ Nowhere", "US").id))

        let unpaired = try Self.work(
            try Self.mapPlain(
                """
                PT J
                AU Quill, A
                C1 Univ Nowhere, Dept Mat, Boston, MA 02215 USA.
                   Fictional Inst Technol, Rome, Italy.
                C3 University of Nowhere
                PY 2018
                UT WOS:000000000000009
                ER
                """))
        #expect(unpaired.authorships[0].institutions.map(\.name) == ["Univ Nowhere", "Fictional Inst Technol"])

        // One name per address, and none for the company: as many names as organisations, but
        // they do not line up.
        let repeated = try Self.work(
            try Self.mapPlain(
                """
                PT J
                AU Quill, A
                   Marlowe, C
                AF Quill, Ada
                   Marlowe, Cedric
                C1 [Quill, Ada] Univ Nowhere, Dept Mat, Boston, MA 02215 USA.
                   [Quill, Ada] Univ Nowhere, Dept Phys, Boston, MA 02215 USA.
                   [Marlowe, Cedric] Pretend Trade Co, Rome, Italy.
                C3 University of Nowhere; University of Nowhere
                PY 2018
                UT WOS:000000000000026
                ER
                """))
        #expect(repeated.authorships.map { $0.institutions.map(\.name) } == [["Univ Nowhere"], ["Pretend Trade Co"]])
    }

    // MARK: - Reprint address only, no address

    @Test func reprintAddressAloneGoesToTheCorrespondingAuthor() throws {
        let mapped = try Self.mapPlain(
            """
            PT J
            AU Quill, A
               Marlowe, C
            RP Marlowe, C (reprint author), Fictional Inst Technol, Lab Films, Rome, Italy.
            PY 1999
            UT WOS:000000000000010
            ER
            """)
        let work = try Self.work(mapped)
        #expect(work.authorships[0].institutions.isEmpty)
        #expect(work.authorships[1].institutions == [try Self.institution("Fictional Inst Technol", "IT")])
        #expect(mapped.warnings.map(\.kind) == [.authorWithoutAddress])
        #expect(mapped.warnings[0].detail.contains("reprint address"))
        #expect(mapped.warnings[0].detail.contains("1 of 2 authors"))
    }

    @Test func severalCorrespondingAuthorsShareTheirAddress() throws {
        let records = try Self.mapTab([
            ["PT", "AU", "RP", "PY", "UT"],
            [
                "J", "Quill, A; Marlowe, C; Brightwater, E",
                "Quill, A; Brightwater, E (corresponding author), Univ Nowhere, Boston, MA 02215 USA.; "
                    + "Marlowe, C (corresponding author), Fictional Inst Technol, Rome, Italy.",
                "2001", "WOS:000000000000011",
            ],
        ])
        let work = try Self.work(try #require(records.first))
        let (us, italy) = (CountryCode("US"), CountryCode("IT"))
        #expect(work.authorships.map { $0.institutions.map(\.country) } == [[us], [italy], [us]])
        // Every author has the reprint address: no one is left without one.
        #expect(records[0].warnings.isEmpty)
    }

    @Test func noAddressAtAllIsOneWarning() throws {
        let mapped = try Self.mapPlain(
            """
            PT J
            AU Quill, A
               Marlowe, C
            PY 1999
            UT WOS:000000000000012
            ER
            """)
        let work = try Self.work(mapped)
        #expect(work.authorships.allSatisfy { $0.institutions.isEmpty })
        #expect(mapped.warnings == [RecordWarning(.authorWithoutAddress, "no addresses (C1)")])
    }

    // MARK: - Damaged custom exports

    /// A custom tab-delimited export as some tools write it: addresses run together without
    /// separators, a repeated column, and empty columns.
    static let customHeader = ["PT", "AU", "BA", "AU", "TI", "DT", "PY", "TC", "C1", "C3", "DE", "DA", "UT"]

    @Test func runTogetherAddressesAreSplitAtTheCountry() throws {
        let records = try Self.mapTab([
            Self.customHeader,
            [
                "C", "Quill, Ada; Marlowe, Cedric", "", "", "Potholes of pretend roads", "Proceedings Paper", "2022",
                "3",
                "Pretend Technol Univ, Dept Comp Sci, Dublin, IrelandImaginary Pavement Serv Ltd, Galway, Ireland",
                "Pretend Technol UnivImaginary Pavement Serv Ltd", "", "2022-04-22", "WOS:000000000000013",
            ],
            [
                "J", "Brightwater, Elspeth", "", "", "Cracks in invented asphalt", "Article", "2013", "118",
                "Pretend Space Lab, Pasadena, CA 91109 USAUniv Nowhere, Dept Civil Engn, Boston, MA 02215 USA"
                    + "Chinese Pretend Acad, Inst GeorgiaTech Studies, Beijing 100000, Peoples R China",
                "", "", "2013-11-01", "WOS:000000000000014",
            ],
        ])
        try #require(records.count == 2)
        let first = try Self.work(records[0])
        let expected = [
            try Self.institution("Pretend Technol Univ", "IE"),
            try Self.institution("Imaginary Pavement Serv Ltd", "IE"),
        ]
        #expect(first.authorships.map(\.institutions) == [expected, expected])
        #expect(first.type == ExportDocumentType.webOfScience("Proceedings Paper").type)
        #expect(first.citedByCount == 3)
        #expect(records[0].warnings.map(\.kind) == [.damagedText])
        #expect(records[0].warnings[0].detail.contains("IrelandImaginary"))

        let second = try Self.work(records[1])
        let institutions = try #require(second.authorships.first?.institutions)
        #expect(institutions.map(\.name) == ["Pretend Space Lab", "Univ Nowhere", "Chinese Pretend Acad"])
        #expect(institutions.map(\.country) == ["US", "US", "CN"].map { CountryCode($0) })
        #expect(records[1].warnings.map(\.kind) == [.damagedText])
    }

    @Test func runTogetherAuthorGroupsAreSplitAtTheBracket() throws {
        let records = try Self.mapTab([
            ["PT", "AU", "AF", "C1", "PY", "UT"],
            [
                "J", "Quill, A; Marlowe, C; Brightwater, E", "Quill, Ada; Marlowe, Cedric; Brightwater, Elspeth",
                "[Quill, Ada; Marlowe, Cedric] Univ Nowhere, Boston, MA 02215 USA[Brightwater, Elspeth] Fictional Inst "
                    + "Technol, Rome, ItalyPretend Univ Paris, Paris, France",
                "2020", "WOS:000000000000015",
            ],
        ])
        let mapped = try #require(records.first)
        let work = try Self.work(mapped)
        let nowhere = try Self.institution("Univ Nowhere", "US")
        let fictional = try Self.institution("Fictional Inst Technol", "IT")
        #expect(work.authorships.map(\.institutions) == [[nowhere], [nowhere], [fictional]])
        // The address run into Brightwater's has no group of its own: it is nobody's.
        #expect(mapped.warnings.map(\.kind) == [.damagedText, .unattributedAddress])
        #expect(mapped.warnings[1].detail.contains("Pretend Univ Paris, Paris, France"))
    }

    @Test func citedReferencesAmongTheAddressesAreLeftOut() throws {
        // A damaged export whose CR tag was lost: the references continue the C1 field.
        let mapped = try Self.mapPlain(
            """
            PT J
            AU QUILL, A
            AF QUILL, A
            C1 UNIV NOWHERE,INST THEORET PHYS,N-7034 TRONDHEIM,NORWAY.
               PRETEND MIL ACAD,TRONDHEIM MIL 7000,NORWAY.
               Doe J., 1909, RC CIRC MAT PRETEND, V28, P1
               ROE R, 1966, AM J PRETEND, V34, P1185, DOI 10.0000/1.1972585
               POE E, 1970, IMAGINARY FORCES
            PY 1979
            UT WOS:A1979XX00000001
            ER
            """)
        let work = try Self.work(mapped)
        #expect(work.authorships[0].institutions.map(\.name) == ["UNIV NOWHERE", "PRETEND MIL ACAD"])
        #expect(work.authorships[0].institutions.map(\.country) == [CountryCode("NO"), CountryCode("NO")])
        #expect(mapped.warnings.map(\.kind) == [.damagedText])
        #expect(mapped.warnings[0].detail.contains("3 cited references"))
        #expect(mapped.warnings[0].detail.contains("Doe J., 1909"))
    }

    // MARK: - References

    @Test func referencesAreDOIsOrTheirText() throws {
        let references = [
            "Doe J, 2001, J INVENTED PHYS, V3, P12",
            "Roe R, 1999, FAKE LETT, V40, P221, DOI 10.0000/FAKE.1999.221",
            "Poe E, 2010, IMAGINARY REV, V7, P1, DOI [10.0000/imag.2010.1, 10.0000/imag.2010.1b]",
            "Moe M, 1997, J PRETEND POLYM, V35, P479, DOI "
                + "10.0000/(SICI)1097-0000(199706)35:4<479::AID-FAKE8>3.0.CO;2-N",
            "Doe J, 2001, J INVENTED PHYS, V3, P12",
            "Zoe Z, 2003, UNREAL LETT, V1, DOI DOI 10.0000/unreal.1",
            "Anonymous, 2005, PRETEND REPORT, DOI UNSP 42",
        ]
        let expected = [
            "ref:Doe J, 2001, J INVENTED PHYS, V3, P12", "doi:10.0000/fake.1999.221", "doi:10.0000/imag.2010.1",
            "doi:10.0000/(sici)1097-0000(199706)35:4<479::aid-fake8>3.0.co;2-n", "doi:10.0000/unreal.1",
            "ref:Anonymous, 2005, PRETEND REPORT, DOI UNSP 42",
        ]
        let plain = try Self.work(
            try Self.mapPlain(
                "PT J\nCR " + references.joined(separator: "\n   ") + "\nPY 2020\nUT WOS:000000000000016\nER\n"))
        #expect(plain.referencedWorks == expected)
        let tab = try Self.mapTab([
            ["PT", "CR", "PY", "UT"], ["J", references.joined(separator: "; "), "2020", "WOS:000000000000016"],
        ])
        #expect(try Self.work(try #require(tab.first)).referencedWorks == expected)
    }

    // MARK: - Identifiers and years

    @Test func accessionNumberIsTheId() throws {
        let missing = try Self.mapPlain("PT J\nTI No number\nPY 2020\nER\n")
        #expect(missing.work == nil)
        #expect(missing.rejection == "no accession number (UT)")
        #expect(try Self.work(try Self.mapPlain("PT J\nPY 2020\nUT 000000000000017\nER\n")).id == "WOS:000000000000017")
        #expect(try Self.work(try Self.mapPlain("PT J\nPY 2020\nUT MEDLINE:12345678\nER\n")).id == "MEDLINE:12345678")
        #expect(
            try Self.work(try Self.mapPlain("PT J\nPY 1975\nUT WOS:A1975AB12300001\nER\n")).id == "WOS:A1975AB12300001")
        #expect(try Self.mapPlain("PT J\nPY 2020\nUT WOS:\nER\n").rejection == "no accession number (UT)")
    }

    @Test func yearFromPYElseEarlyAccessElseRejected() throws {
        let noYear = try Self.mapPlain("PT J\nUT WOS:000000000000018\nER\n")
        #expect(noYear.rejection == "no publication year (PY)")
        #expect(noYear.work == nil)

        let early = try Self.mapPlain("PT J\nEA JAN 2024\nUT WOS:000000000000019\nER\n")
        #expect(try Self.work(early).publicationYear == 2024)
        #expect(early.warnings.isEmpty)
        let bareEarly = try Self.mapPlain("PT J\nEA 2023\nUT WOS:000000000000020\nER\n")
        #expect(try Self.work(bareEarly).publicationYear == 2023)

        let unreadable = try Self.mapPlain("PT J\nPY 20x1\nUT WOS:000000000000021\nER\n")
        #expect(unreadable.work == nil)
        #expect(unreadable.rejection?.contains("\"20x1\"") == true)
        #expect(unreadable.rejection?.contains("(PY)") == true)

        let unreadableWithEarly = try Self.mapPlain("PT J\nPY 20x1\nEA MAR 2022\nUT WOS:000000000000022\nER\n")
        #expect(try Self.work(unreadableWithEarly).publicationYear == 2022)
        #expect(unreadableWithEarly.warnings.map(\.kind) == [.unreadableField])
        #expect(unreadableWithEarly.warnings.first?.detail.contains("20x1") == true)
    }

    // MARK: - Other fields

    @Test func keywordsJoinAuthorAndIndexKeywordsWithoutRepeats() throws {
        let work = try Self.work(
            try Self.mapPlain(
                """
                PT J
                DE Pretend physics; imaginary
                   materials; ; Pretend Physics
                ID IMAGINARY MATERIALS; FILMS;  films ; Lattice
                PY 2020
                UT WOS:000000000000023
                ER
                """))
        #expect(work.keywords == ["Pretend physics", "imaginary materials", "FILMS", "Lattice"])
        #expect(work.language == nil)
        #expect(work.authorships.isEmpty)
    }

    @Test func citationsTypeDatesAndRetraction() throws {
        let mapped = try Self.mapPlain(
            """
            PT J
            AU Quill, A
            TI RETRACTED: A result that never was
            DT Article; Retracted Publication
            C1 Univ Nowhere, Boston, MA 02215 USA.
            TC many
            PY 2016
            DA 2024-06-30
            UT WOS:000000000000024
            ER
            """)
        let work = try Self.work(mapped)
        #expect(work.isRetracted)
        #expect(work.type == ExportDocumentType.webOfScience("Article; Retracted Publication").type)
        #expect(work.citedByCount == 0)
        #expect(work.updatedDate == "2024-06-30")
        #expect(mapped.warnings.map(\.kind) == [.unreadableField])
        #expect(mapped.warnings[0].detail.contains("many"))

        let plain = try Self.work(
            try Self.mapPlain("PT J\nTI A result that stands\nPY 2016\nUT WOS:000000000000025\nER\n"))
        #expect(!plain.isRetracted)
        #expect(plain.type == "")
        #expect(plain.citedByCount == 0)
        #expect(plain.updatedDate == "")
    }

    @Test func damagedRecordsNeverTrap() {
        let values = [
            "", " ", "[", "]", "[[", "]]", "[;", ";;;", "[Quill, A", "[Quill, A]", "] Univ, X", "DOI", "DOI [", "DOI [",
            "DOI ]", ", DOI ", "x, DOI [,]", "Univ, IrelandX", "A, B, USAU", "é, Ü, 日本", "\u{0}", "a; b; ", "; [",
            "[]", "[] Univ Nowhere, Rome, Italy", "(corresponding author)", "Quill (reprint author)",
            "12345678901234567890",
            "0000", "\r\n\t",
        ]
        for value in values {
            let fields = ["AU", "AF", "C1", "C3", "RP", "CR", "DE", "ID", "TC", "EA", "DI", "TI", "DT", "DA"].map {
                WoSField(tag: $0, values: [value, value])
            }
            for id in ["WOS:1", "", value] {
                let mapped = WoSWorkMapper.map(
                    WoSTaggedRecord(
                        fields: fields + [WoSField(tag: "PY", values: ["2020"]), WoSField(tag: "UT", values: [id])],
                        line: 1))
                let hasID = !id.unicodeScalars.allSatisfy { $0 == " " || $0 == "\r" || $0 == "\n" || $0 == "\t" }
                #expect((mapped.work != nil) == hasID, "\(value)")
                #expect((mapped.rejection == "no accession number (UT)") == !hasID, "\(value)")
                #expect(mapped.work.map { $0.publicationYear == 2020 && $0.source == .wos } ?? true)
            }
        }
        // A year that is no year and nothing else rejects the record.
        for year in ["0000", "12345678901234567890", "", "[", "2O20"] {
            let mapped = WoSWorkMapper.map(
                WoSTaggedRecord(
                    fields: [WoSField(tag: "PY", values: [year]), WoSField(tag: "UT", values: ["WOS:2"])], line: 1))
            #expect(mapped.work == nil)
            #expect(mapped.rejection?.contains("publication year (PY)") == true)
        }
    }

    // MARK: - The shared sample exports

    @Test func mapsEveryRecordOfTheSharedSamples() throws {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let samples = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/samples")
        guard FileManager.default.fileExists(atPath: samples.path) else { return }
        let files: [(name: String, isPlainText: Bool)] = [
            ("wos_sample.txt", true), ("testFile.isi", true), ("single-article.txt", true),
            ("wos_tab_delimited_20.txt", false), ("wos_tab_custom_malformed.txt", false),
        ]
        for file in files {
            let bytes = try Data(contentsOf: samples.appendingPathComponent(file.name))
            let result =
                file.isPlainText ? WoSPlainTextReader.read(bytes: bytes) : WoSTabDelimitedReader.read(bytes: bytes)
            #expect(!result.records.isEmpty, "\(file.name)")
            let mapped = result.records.map(WoSWorkMapper.map)
            let works = mapped.compactMap(\.work)
            let rejected = mapped.filter { $0.rejection != nil }.count
            #expect(works.count + rejected == result.records.count, "\(file.name)")
            #expect(works.allSatisfy { $0.source == .wos && !$0.id.isEmpty }, "\(file.name)")
            if file.name == "wos_tab_delimited_20.txt" {
                #expect(rejected == 0)
                for work in works {
                    #expect(work.publicationYear != nil, "\(work.id)")
                    let countries = work.authorships.flatMap { $0.institutions.compactMap(\.country) }
                    #expect(!countries.isEmpty, "\(work.id)")
                }
            }
        }
    }
}
