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
        #expect(work.language == "en")
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
}
