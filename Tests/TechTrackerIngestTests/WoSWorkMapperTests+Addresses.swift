import Foundation
import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// Enhanced organisation names, reprint addresses, damaged custom exports, references,
/// identifiers and years.
extension WoSWorkMapperTests {
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
