import Foundation
import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// The Scopus row mapper: each layout's rows as works, with their authors, institutions,
/// countries, references and keywords, and what it rejects and warns about.
@Suite struct ScopusWorkMapperTests {
    /// The mapped rows of `text`, which must read without problems.
    static func mapped(_ text: String) throws -> [MappedRecord] {
        let result = ScopusCSVReader.read(text)
        try #require(result.problems.isEmpty, "\(result.problems)")
        return result.rows.map(ScopusWorkMapper.map)
    }

    /// The countries of each authorship's institutions, in byline order.
    static func institutionCountries(_ work: Work) -> [[String]] {
        work.authorships.map { $0.institutions.map { $0.country?.description ?? "??" } }
    }

    /// Whether `institution` is named after one of the comma-separated segments of `address`
    /// (which segment names the organisation is the address helper's choice).
    static func isNamed(_ institution: Institution, from address: String) -> Bool {
        let segments = address.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return segments.contains(institution.name) && institution.id.hasPrefix("org:")
    }

    @Test func layout2024FirstRow() throws {
        let records = try Self.mapped(ScopusFixtures.layout2024)
        try #require(records.count == 3)
        let record = records[0]
        #expect(record.warnings.isEmpty)
        let work = try #require(record.work)
        #expect(work.id == "2-s2.0-85000000001")
        #expect(work.source == .scopus)
        #expect(work.doi == "10.9999/jim.2025.0042")
        #expect(work.title == "Lattice damping in imaginary ceramic films")
        #expect(work.abstract == "We measure nothing, twice.\nA second line, with \"quoted\" words and a comma.")
        #expect(work.keywords == ["ceramic films", "Lattice damping", "Pretend deposition"])
        #expect(work.topics.isEmpty)
        #expect(work.publicationYear == 2025)
        #expect(work.type == "article")
        #expect(!work.isRetracted)
        #expect(work.language == "en")
        #expect(work.citedByCount == 4)
        #expect(work.updatedDate == "")
        #expect(
            work.referencedWorks == [
                "ref:Doe J.; Roe R., A made-up reference without an identifier, J Invented Phys, 3, pp. 12-19, (2001)",
                "doi:10.9999/fake.1999.221",
                "doi:10.9999/other.7",
            ])
        #expect(work.authorships.map(\.authorName) == ["Quill, Ada", "Marlowe, Cedric Dunstan", "Brightwater, Edith"])
        #expect(work.authorships.map(\.authorID) == ["scopus:11111111101", "scopus:11111111102", "scopus:11111111103"])
        #expect(work.authorships.map(\.position) == [.first, .middle, .last])
        // Quill's two affiliations are joined in one entry; the Affiliations column tells them apart.
        #expect(Self.institutionCountries(work) == [["TW", "US"], ["CN"], ["US"]])
        #expect(work.authorships.map { $0.countries.map(\.description) } == [["TW", "US"], ["CN"], ["US"]])
        let quill = work.authorships[0].institutions
        #expect(Self.isNamed(quill[0], from: "Department of Pretend Physics, Taipei Imaginary University, Taipei"))
        #expect(
            Self.isNamed(
                quill[1], from: "School of Fake Engineering, Nowhere University of Technology, Springfield, IL"))
        // The same address gives the same institution to every author who has it.
        #expect(work.authorships[2].institutions == [quill[1]])
    }

    @Test func layout2024BlankCitationsNAAndAnAuthorWithoutAddress() throws {
        let records = try Self.mapped(ScopusFixtures.layout2024)
        try #require(records.count == 3)
        let work = try #require(records[1].work)
        #expect(work.id == "2-s2.0-85000000002")
        #expect(work.citedByCount == 0)
        #expect(work.doi == nil)
        #expect(work.abstract == "")
        #expect(work.keywords.isEmpty)
        #expect(work.referencedWorks.isEmpty)
        #expect(work.type == "review")
        #expect(work.authorships.map(\.authorName) == ["Fenwick, Quentin", "Larkspur, Tamsin"])
        #expect(work.authorships.map(\.position) == [.first, .last])
        #expect(Self.institutionCountries(work) == [[], ["US"]])
        #expect(records[1].warnings.map(\.kind) == [.authorWithoutAddress])
        #expect(records[1].warnings.first?.detail.contains("Fenwick, Quentin") == true)
        // The third row has Year NA.
        #expect(records[2] == .rejected("no publication year (Year)"))
    }

    @Test func layout2022() throws {
        let records = try Self.mapped(ScopusFixtures.layout2022)
        try #require(records.count == 2)
        #expect(records[0].warnings.isEmpty)
        let work = try #require(records[0].work)
        #expect(work.id == "2-s2.0-85000000011")
        #expect(work.publicationYear == 2021)
        #expect(work.doi == "10.9999/alloy.2021.7")
        #expect(work.citedByCount == 12)
        #expect(work.keywords == ["Alloys", "Spectra", "Imaginary materials"])
        #expect(work.authorships.map(\.authorName) == ["Quill A.", "Marlowe C.D.", "Brightwater E."])
        // "Author(s) ID" with ";" and a trailing ";".
        #expect(work.authorships.map(\.authorID) == ["scopus:11111111101", "scopus:11111111102", "scopus:11111111103"])
        #expect(work.authorships.map(\.position) == [.first, .middle, .last])
        // "People's Republic of China" is China, and a Taiwan address stays Taiwan.
        #expect(Self.institutionCountries(work) == [["CN"], ["TW"], ["CN", "TW"]])
        #expect(
            work.referencedWorks == [
                "ref:Doe, J., Roe, R., A made-up reference (2001) J. Invented Phys., 3, pp. 12-19",
                "doi:10.9999/fake.1999.221",
                "doi:10.9999/other.7",
            ])

        // A record without authors: no authorships, and nothing to warn about.
        #expect(records[1].warnings.isEmpty)
        let proceedings = try #require(records[1].work)
        #expect(proceedings.authorships.isEmpty)
        #expect(proceedings.citedByCount == 0)
        #expect(proceedings.type == "conference-review")
        #expect(proceedings.doi == nil)
    }

    @Test func layout2016() throws {
        let records = try Self.mapped(ScopusFixtures.layout2016)
        try #require(records.count == 2)
        #expect(records[0].warnings.isEmpty)
        let work = try #require(records[0].work)
        #expect(work.id == "2-s2.0-84000000021")
        #expect(work.publicationYear == 2016)
        #expect(work.doi == "10.9999/its.2016.1")
        #expect(work.citedByCount == 0)
        #expect(work.abstract == "Tapes bend; strain follows. © 2016 IEEE.")
        #expect(work.keywords == ["tapes", "strain", "Superconducting tapes"])
        #expect(work.authorships.map(\.authorName) == ["Quill A.", "Marlowe C.D."])
        #expect(work.authorships.map(\.authorID) == [nil, nil])
        #expect(work.authorships.map(\.position) == [.first, .last])
        #expect(Self.institutionCountries(work) == [["JP"], ["JP"]])
        #expect(work.authorships[0].institutions[0].name == "Fictional University")
        #expect(
            work.referencedWorks == [
                "ref:Doe, J., A made-up reference (2001) J. Invented Phys., 3, pp. 12-19",
                "ref:Poe, E., An invented study (1999) Fake Lett., 40, p. 221",
            ])
    }

    @Test func withoutAuthorsWithAffiliationsEveryAuthorGetsEveryAddress() throws {
        let records = try Self.mapped(ScopusFixtures.layout2016)
        try #require(records.count == 2)
        let record = records[1]
        let work = try #require(record.work)
        #expect(work.citedByCount == 0)
        #expect(work.keywords == ["HOSPITALS"])
        #expect(work.authorships.map(\.authorName) == ["Fenwick Q.", "Larkspur T."])
        #expect(Self.institutionCountries(work) == [["US", "??"], ["US", "??"]])
        #expect(work.authorships.map { $0.countries.map(\.description) } == [["US"], ["US"]])
        #expect(work.authorships[0].institutions[1].id.hasPrefix("org:--:"))
        #expect(record.warnings.map(\.kind) == [.unreadableField, .unrecognisedCountry])
        #expect(record.warnings[0].detail.contains("Cited by: \"n/a\""))
        // One warning per address, however many authors share it.
        #expect(record.warnings[1].detail.contains("\"Utopia Clinic, Utopia City, Freedonia\""))
    }

    /// A minimal export: the columns are found by name, so any order and subset works.
    static func minimal(authors: String, entries: String, affiliations: String = "") -> String {
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return "EID,Affiliations,Authors with affiliations,Authors,Title,Year\n"
            + "2-s2.0-1,\(quoted(affiliations)),\(quoted(entries)),\(quoted(authors)),A title,2020\n"
    }

    static func countries(authors: String, entries: String, affiliations: String = "") throws -> [[String]] {
        let records = try mapped(minimal(authors: authors, entries: entries, affiliations: affiliations))
        let work = try #require(records.first?.work)
        return institutionCountries(work)
    }

    @Test func countrySpellings() throws {
        let addresses: [(String, String)] = [
            ("National Pretend University, Taipei, Taiwan", "TW"),
            ("Beth Israel Deaconess Medical Center, Boston, MA, United States", "US"),
            ("Made-up Institute, Beijing, China", "CN"),
            ("Made-up Institute, Beijing, People's Republic of China", "CN"),
            ("Made-up Institute, Beijing, P.R. China", "CN"),
            ("Made-up Institute, Beijing, Peoples R China", "CN"),
            ("Made-up Institute, Hsinchu, Taiwan, China", "TW"),
        ]
        for (address, code) in addresses {
            #expect(try Self.countries(authors: "Doe J.", entries: "Doe J., \(address)") == [[code]], "\(address)")
        }
    }

    @Test func entriesAreMatchedToTheBylineInOrder() throws {
        // Two authors with the same short name, then one author with two entries.
        let countries = try Self.countries(
            authors: "Li J.; Li J.; Wu B.; Zhang C.",
            entries: "Li J., Alpha Institute, Oslo, Norway; Li J., Beta Institute, Lima, Peru; "
                + "Wu B., Gamma Institute, Quito, Ecuador; Wu B., Delta Institute, Rome, Italy; "
                + "Zhang C., Epsilon Institute, Cairo, Egypt")
        #expect(countries == [["NO"], ["PE"], ["EC", "IT"], ["EG"]])
    }

    @Test func namesRunIntoTheAddressAndNamesOnTheByline() throws {
        let text = Self.minimal(
            authors: "Pope III C.A., Burnett R.T., Thun M.J.",
            entries: "Pope III, C.A., Alpha Institute, Provo, United States; "
                + "Burnett, R.T.Beta Institute, Ottawa, Canada; Nobody, X., Gamma Institute, Oslo, Norway")
        let record = try #require(try Self.mapped(text).first)
        let work = try #require(record.work)
        #expect(Self.institutionCountries(work) == [["US"], ["CA"], []])
        #expect(work.authorships[1].institutions.first?.name.hasPrefix("Beta Institute") == true)
        #expect(record.warnings.map(\.kind) == [.unattributedAddress, .authorWithoutAddress])
        #expect(record.warnings[0].detail.contains("\"Nobody, X., Gamma Institute, Oslo, Norway\""))
        #expect(record.warnings[1].detail.contains("Thun M.J."))
    }

    @Test func entriesNamingNoAuthorFallBackToAffiliations() throws {
        let text = Self.minimal(
            authors: "Doe J.; Roe R.", entries: "Someone E., Alpha Institute, Oslo, Norway",
            affiliations: "Alpha Institute, Oslo, Norway")
        let record = try #require(try Self.mapped(text).first)
        let work = try #require(record.work)
        #expect(Self.institutionCountries(work) == [["NO"], ["NO"]])
        #expect(record.warnings.map(\.kind) == [.unattributedAddress])
    }

    @Test func noAuthorsButAddresses() throws {
        let text = Self.minimal(
            authors: "[No author name available]", entries: "", affiliations: "Alpha Institute, Oslo, Norway")
        let record = try #require(try Self.mapped(text).first)
        #expect(record.work?.authorships.isEmpty == true)
        #expect(record.warnings.map(\.kind) == [.unattributedAddress])
    }

    @Test func fullNamesWithoutShortNamesStillMatchTheirEntries() throws {
        let text = """
            Title,Year,EID,Author full names,Authors with affiliations
            T,2024,2-s2.0-5,"Amoako, Pious Tawiah (1); Yuan, Kuo-Chen (2)","Amoako P.T., A Inst, Accra, Ghana; \
            Yuan K.-C., B Inst, Taipei, Taiwan"

            """
        let work = try #require(try Self.mapped(text).first?.work)
        #expect(work.authorships.map(\.authorName) == ["Amoako, Pious Tawiah", "Yuan, Kuo-Chen"])
        #expect(work.authorships.map(\.authorID) == ["scopus:1", "scopus:2"])
        #expect(Self.institutionCountries(work) == [["GH"], ["TW"]])
        #expect(ScopusAuthors.abbreviated("Abdullah, Saleh M.") == "Abdullah S.M.")
    }

    @Test func rejections() throws {
        let text = """
            Title,Year,EID
            No EID,2020,
            Not an EID,2020,Scopus
            No year,,2-s2.0-3
            Bad year,20x6,2-s2.0-4
            Good,2020,2-s2.0-5

            """
        let records = try Self.mapped(text)
        #expect(
            records.map(\.rejection) == [
                "no EID", "no EID (EID: \"Scopus\" is not a Scopus EID)", "no publication year (Year)",
                "no publication year (Year): \"20x6\" is not a year", nil,
            ])
        #expect(records[4].work?.id == "2-s2.0-5")
        #expect(records[4].work?.title == "Good")
        #expect(records[4].work?.authorships.isEmpty == true)
    }

    @Test func unreadableCitationCountsAndDOIs() throws {
        let text =
            "Title,Year,EID,Cited by,DOI\nT,2020,2-s2.0-1,-3,not a doi\nU,2021,2-s2.0-2,17,https://doi.org/10.1/X\n"
        let records = try Self.mapped(text)
        #expect(records[0].work?.citedByCount == 0)
        #expect(records[0].work?.doi == nil)
        #expect(records[0].warnings.map(\.kind) == [.unreadableField, .unreadableField])
        #expect(records[0].warnings.map(\.detail).joined().contains("\"-3\""))
        #expect(records[1].work?.citedByCount == 17)
        #expect(records[1].work?.doi == "10.1/x")
        #expect(records[1].warnings.isEmpty)
    }

    @Test func referencesWithAndWithoutDOIs() {
        let references = [
            "Doe J.; Roe R., Title one, J One, 1, (2001)",
            "Poe E., Title two, (2002), DOI: 10.1000/ABC.2",
            "Moe K., Title three (2003), https://doi.org/10.1000/three",
            "Title four, 10.12345/four-(4)x.",
            "Title five (see 10.1002/(SICI)1097-0258(20000215)19:3<337::AID-SIM337>3.0.CO;2-Y)",
            "Title six, doi: 10656441",
            "Title seven, p10.1234/not",
            "Poe E., Title two again, DOI 10.1000/abc.2, PII 7",
            "Calin GA; Ferracin M; Cimmino A, Title eight, N Engl J Med, 353, (2005)",
            "Lone A.",
        ]
        #expect(
            ScopusReferences.ids(references.joined(separator: "; ")[...]) == [
                "ref:Doe J.; Roe R., Title one, J One, 1, (2001)",
                "doi:10.1000/abc.2",
                "doi:10.1000/three",
                "doi:10.12345/four-(4)x",
                "doi:10.1002/(sici)1097-0258(20000215)19:3<337::aid-sim337>3.0.co;2-y",
                "ref:Title six, doi: 10656441",
                "ref:Title seven, p10.1234/not",
                "ref:Calin GA; Ferracin M; Cimmino A, Title eight, N Engl J Med, 353, (2005)",
                "ref:Lone A.",
            ])
    }

    /// The real exports in `../shared/samples`, when that folder exists beside the package.
    @Test func readsTheSharedSamples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let samples = root.deletingLastPathComponent().appendingPathComponent("shared/samples")
        guard FileManager.default.fileExists(atPath: samples.path) else { return }
        var works: [Work] = []
        for name in ["scopus_sample.csv", "scopus_2022_layout.csv", "scopus_2016_layout.csv"] {
            let bytes = try Data(contentsOf: samples.appendingPathComponent(name))
            let result = ScopusCSVReader.read(bytes: bytes)
            #expect(!result.problems.contains { $0.kind == .missingColumn }, "\(name)")
            #expect(!result.rows.isEmpty, "\(name)")
            let mapped = result.rows.map(ScopusWorkMapper.map)
            let stored = mapped.compactMap(\.work)
            #expect(result.rows.count == stored.count + mapped.filter { $0.rejection != nil }.count, "\(name)")
            #expect(stored.allSatisfy { $0.publicationYear != nil && $0.id.hasPrefix("2-s2.0-") }, "\(name)")
            #expect(stored.allSatisfy { $0.source == .scopus }, "\(name)")
            works += stored
        }
        let withCountry = works.filter { work in
            work.authorships.contains { !$0.countries.isEmpty || $0.institutions.contains { $0.country != nil } }
        }
        #expect(withCountry.count * 10 >= works.count * 9, "\(withCountry.count) of \(works.count)")
    }
}
