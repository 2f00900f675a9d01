import Testing
@testable import TechTrackerIngest

/// Small invented Scopus exports, one in each layout the samples show: the header lines are
/// Scopus's own, the rows are made up (fake names, institutions, DOIs and EIDs).
enum ScopusFixtures {
    /// The 2024-2026 layout: every field quoted but numbers and NA, LF line ends, no byte order mark.
    static let layout2024 = #"""
        "Authors","Author full names","Author(s) ID","Title","Year","Source title","Volume","Issue","Art. No.",\#
        "Page start","Page end","Cited by","DOI","Link","Affiliations","Authors with affiliations","Abstract",\#
        "Author Keywords","Index Keywords","Molecular Sequence Numbers","Chemicals/CAS","Tradenames",\#
        "Manufacturers","Funding Details","Funding Texts","References","Correspondence Address","Editors",\#
        "Publisher","Sponsors","Conference name","Conference date","Conference location","Conference code","ISSN",\#
        "ISBN","CODEN","PubMed ID","Language of Original Document","Abbreviated Source Title","Document Type",\#
        "Publication Stage","Open Access","Source","EID"
        "Quill A.; Marlowe C.D.; Brightwater E.",\#
        "Quill, Ada (11111111101); Marlowe, Cedric Dunstan (11111111102); Brightwater, Edith (11111111103)",\#
        "11111111101; 11111111102; 11111111103","Lattice damping in imaginary ceramic films",2025,\#
        "Journal of Invented Materials","7","2","","","",4,"10.9999/JIM.2025.0042",\#
        "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85000000001&partnerID=40&md5=0123456789abcdef",\#
        "Department of Pretend Physics, Taipei Imaginary University, Taipei, Taiwan; School of Fake Engineering, \#
        Nowhere University of Technology, Springfield, IL, United States; Institute of Sample Studies, Fictional \#
        Academy of Sciences, Utopia City, China",\#
        "Quill A., Department of Pretend Physics, Taipei Imaginary University, Taipei, Taiwan, School of Fake \#
        Engineering, Nowhere University of Technology, Springfield, IL, United States; Marlowe C.D., Institute of \#
        Sample Studies, Fictional Academy of Sciences, Utopia City, China; Brightwater E., School of Fake \#
        Engineering, Nowhere University of Technology, Springfield, IL, United States","We measure nothing, twice.
        A second line, with ""quoted"" words and a comma.","ceramic films; Lattice damping; lattice damping",\#
        "Ceramic Films; Pretend deposition",NA,"","","","Invented Science Fund, ISF: 0001","Funded by nobody.",\#
        "Doe J.; Roe R., A made-up reference without an identifier, J Invented Phys, 3, pp. 12-19, (2001); Poe \#
        E., An invented study, Fake Lett, 40, (1999), DOI: 10.9999/FAKE.1999.221; Doe J.; Roe R., A made-up \#
        reference without an identifier, J Invented Phys, 3, pp. 12-19, (2001); Moe K.; Lo Bue E., Another one, \#
        https://doi.org/10.9999/other.7, (2010)",\#
        "A. Quill; Department of Pretend Physics, Taipei Imaginary University, Taipei, Taiwan; email: \#
        quill@example.org",NA,"Imaginary Press",NA,NA,NA,NA,NA,"12345678",NA,"",NA,"English","J. Invented Mater.",\#
        "Article","Final","","Scopus","2-s2.0-85000000001"
        "Fenwick Q.; Larkspur T.","Fenwick, Quentin (22222222201); Larkspur, Tamsin (22222222202)",\#
        "22222222201; 22222222202","A second made-up record, with a comma",2024,"Annals of Sample Data","1","","",\#
        "","","",NA,\#
        "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85000000002&partnerID=40&md5=0123456789abcdef",\#
        "Beth Israel Deaconess Medical Center, Boston, MA, United States",\#
        "Fenwick Q.; Larkspur T., Beth Israel Deaconess Medical Center, Boston, MA, United States",\#
        "[No abstract available]",NA,"",NA,"","","","","","","",NA,"",NA,NA,NA,NA,NA,"",NA,"",NA,"English",\#
        "Ann. Sample Data","Review","Final","","Scopus","2-s2.0-85000000002"
        "Nobody N.","Nobody, Nemo (33333333301)","33333333301","A record without a year",NA,\#
        "Annals of Sample Data","","","","","",0,"",\#
        "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85000000003&partnerID=40&md5=0123456789abcdef","","",\#
        "","","","","","","","","","","","","","","","","","","","","","","English","","Article","","","Scopus",\#
        "2-s2.0-85000000003"

        """#

    /// The 2022 layout: byte order mark, empty fields and numbers unquoted.
    static let layout2022 =
        "\u{FEFF}" + #"""
            Authors,Author(s) ID,Title,Year,Source title,Volume,Issue,Art. No.,Page start,Page end,Page count,\#
            Cited by,DOI,Link,Affiliations,Authors with affiliations,Abstract,Author Keywords,Index Keywords,\#
            Molecular Sequence Numbers,Chemicals/CAS,Tradenames,Manufacturers,Funding Details,Funding Text 1,\#
            References,Correspondence Address,Editors,Sponsors,Publisher,Conference name,Conference date,\#
            Conference location,Conference code,ISSN,ISBN,CODEN,PubMed ID,Language of Original Document,\#
            Abbreviated Source Title,Document Type,Publication Stage,Open Access,Source,EID
            "Quill A., Marlowe C.D., Brightwater E.","11111111101;11111111102;11111111103;",\#
            "Pretend spectra of imaginary alloys",2021,"Imaginary Reports","11","1","1234",,,,12,\#
            "10.9999/alloy.2021.7",\#
            "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85000000011&partnerID=40&md5=0123456789abcdef",\#
            "Institute of Sample Studies, Fictional Academy of Sciences, Utopia City, People's Republic of China; \#
            Department of Pretend Physics, Taipei Imaginary University, Taipei, Taiwan",\#
            "Quill, A., Institute of Sample Studies, Fictional Academy of Sciences, Utopia City, People's Republic of \#
            China; Marlowe, C.D., Department of Pretend Physics, Taipei Imaginary University, Taipei, Taiwan; \#
            Brightwater, E., Institute of Sample Studies, Fictional Academy of Sciences, Utopia City, People's \#
            Republic of China, Department of Pretend Physics, Taipei Imaginary University, Taipei, Taiwan",\#
            "Alloys that do not exist have spectra that cannot be measured.","Alloys; Spectra",\#
            "alloys; Imaginary materials",,,,,"Pretend Council: PC-1",,\#
            "Doe, J., Roe, R., A made-up reference (2001) J. Invented Phys., 3, pp. 12-19; Poe, E., An invented study \#
            (1999) Fake Lett., 40, p. 221. , DOI 10.9999/fake.1999.221, PII 0000000; Moe, K., (2010) Another One, , \#
            doi:10.9999/Other.7",\#
            "Quill, A.; Institute of Sample Studies, Utopia City, China; email: quill@example.org",,,\#
            "Imaginary Research",,,,,20452322,,,99999999,"English","Imag. Rep.",Article,"Final",\#
            "All Open Access, Gold",Scopus,2-s2.0-85000000011
            "[No author name available]","[No author id available]","Proceedings of an invented workshop",2020,\#
            "Invented Series in Computing","3",,,,,120,,,\#
            "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85000000012&partnerID=40&md5=0123456789abcdef",,,\#
            "The proceedings contain 12 papers.",,,,,,,,,,,,,,,,,,,,,,"English","Invent. Ser. Comput.",\#
            Conference Review,"Final",,Scopus,2-s2.0-85000000012

            """#

    /// The 2016 layout: no Author(s) ID, an article number after a space, Cited by unquoted and empty.
    static let layout2016 =
        "\u{FEFF}" + #"""
            Authors,Title,Year,Source title,Volume,Issue,Art. No.,Page start,Page end,Page count,Cited by,DOI,Link,\#
            Affiliations,Authors with affiliations,Abstract,Author Keywords,Index Keywords,Molecular Sequence Numbers,\#
            Chemicals/CAS,Tradenames,Manufacturers,Funding Details,References,Correspondence Address,Editors,Sponsors,\#
            Publisher,Conference name,Conference date,Conference location,Conference code,ISSN,ISBN,CODEN,PubMed ID,\#
            Language of Original Document,Abbreviated Source Title,Document Type,Source,EID
            "Quill A., Marlowe C.D.","Strain in invented tapes",2016,"Imaginary Transactions on Superconductivity",\#
            "26","4", 7654321,"","",,,10.9999/ITS.2016.1,\#
            "https://www.scopus.com/inward/record.uri?eid=2-s2.0-84000000021&partnerID=40&md5=0123456789abcdef",\#
            "Fictional University, Kyoto, Japan; Pretend Institute of Science, Tokyo, Japan",\#
            "Quill, A., Fictional University, Kyoto, Japan; Marlowe, C.D., Pretend Institute of Science, Tokyo, \#
            Japan","Tapes bend; strain follows. © 2016 IEEE.","tapes; strain","Strain; Superconducting tapes",,,,,,\#
            "Doe, J., A made-up reference (2001) J. Invented Phys., 3, pp. 12-19; Poe, E., An invented study (1999) \#
            Fake Lett., 40, p. 221",,,,"Institute of Invented Engineers",,,,,10518223,,ITASE,,"English",\#
            "Imag Trans Supercond",Article,Scopus,2-s2.0-84000000021
            "Fenwick Q., Larkspur T.","Hospitals that are not there",2009,"Invented Journal of Medicine","2",,,"","",,\#
            n/a,,"https://www.scopus.com/inward/record.uri?eid=2-s2.0-84000000022&partnerID=40&md5=0123456789abcdef",\#
            "Nowhere Hospital, Springfield, United States; Utopia Clinic, Utopia City, Freedonia",,\#
            "Nothing was found.",,"HOSPITALS; Hospitals",,,,,,,,,,,,,,,,,,,"English","Invent J Med",Article,Scopus,\#
            2-s2.0-84000000022

            """#

    /// `text` with CRLF line ends.
    static func crlf(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }
}

/// The Scopus CSV reader: the three layouts, RFC 4180 quoting, line ends, and each kind of damage
/// it reports with its line.
@Suite struct ScopusCSVReaderTests {
    @Test func layout2024ReadsEveryRowByColumnName() throws {
        let result = ScopusCSVReader.read(ScopusFixtures.layout2024)
        #expect(result.problems.isEmpty)
        #expect(result.header.count == 45)
        #expect(result.header.first == "Authors")
        #expect(result.header.last == "EID")
        try #require(result.rows.count == 3)
        // The first row's abstract spans two lines, so the second row starts on line 4.
        #expect(result.rows.map(\.line) == [2, 4, 5])
        let first = result.rows[0]
        #expect(first.fields.count == 45)
        #expect(first["Authors"] == "Quill A.; Marlowe C.D.; Brightwater E.")
        #expect(first["year"] == "2025")
        #expect(first["  CITED BY "] == "4")
        #expect(first["Abstract"] == "We measure nothing, twice.\nA second line, with \"quoted\" words and a comma.")
        #expect(first["Funding Texts"] == "Funded by nobody.")
        #expect(first["Molecular Sequence Numbers"] == nil)
        #expect(first.fields[first.header.index(of: "Molecular Sequence Numbers") ?? 0] == "NA")
        #expect(first["Open Access"] == nil)
        #expect(first["No such column"] == nil)
        let second = result.rows[1]
        #expect(second["Title"] == "A second made-up record, with a comma")
        #expect(second["Cited by"] == nil)
        #expect(second["DOI"] == nil)
        #expect(second["EID"] == "2-s2.0-85000000002")
        #expect(result.rows[2]["Year"] == nil)
    }

    @Test func layout2022WithByteOrderMarkAndUnquotedFields() throws {
        let result = ScopusCSVReader.read(ScopusFixtures.layout2022)
        #expect(result.problems.isEmpty)
        #expect(result.header.count == 45)
        #expect(result.header.first == "Authors")
        #expect(result.header.contains("Funding Text 1"))
        #expect(!result.header.contains("Author full names"))
        try #require(result.rows.count == 2)
        #expect(result.rows.map(\.line) == [2, 3])
        let first = result.rows[0]
        #expect(first["Authors"] == "Quill A., Marlowe C.D., Brightwater E.")
        #expect(first["Author(s) ID"] == "11111111101;11111111102;11111111103;")
        #expect(first["Year"] == "2021")
        #expect(first["Cited by"] == "12")
        #expect(first["Page start"] == nil)
        #expect(first["Document Type"] == "Article")
        #expect(first["EID"] == "2-s2.0-85000000011")
        #expect(result.rows[1]["Cited by"] == nil)
        #expect(result.rows[1]["Document Type"] == "Conference Review")
    }

    @Test func layout2016WithALeadingSpaceBeforeANumber() throws {
        let result = ScopusCSVReader.read(ScopusFixtures.layout2016)
        #expect(result.problems.isEmpty)
        #expect(result.header.count == 41)
        #expect(!result.header.contains("Author(s) ID"))
        try #require(result.rows.count == 2)
        let first = result.rows[0]
        #expect(first["Art. No."] == "7654321")
        #expect(first.fields[6] == "7654321")
        #expect(first["Cited by"] == nil)
        #expect(first["DOI"] == "10.9999/ITS.2016.1")
        #expect(first["Abstract"] == "Tapes bend; strain follows. © 2016 IEEE.")
        #expect(result.rows[1]["Cited by"] == "n/a")
        #expect(result.rows[1]["Authors with affiliations"] == nil)
    }

    @Test func crlfAndByteOrderMarkReadLikeLF() {
        let lf = ScopusCSVReader.read(ScopusFixtures.layout2024)
        let crlf = "\u{FEFF}" + ScopusFixtures.crlf(ScopusFixtures.layout2024)
        let result = ScopusCSVReader.read(crlf)
        #expect(result.problems.isEmpty)
        #expect(result == lf)
        #expect(!result.rows.flatMap(\.fields).contains { $0.contains("\r") })
        #expect(ScopusCSVReader.read(bytes: Array(crlf.utf8)) == lf)
        // The 2022 fixture already starts with a byte order mark.
        let withCRLF = ScopusCSVReader.read(ScopusFixtures.crlf(ScopusFixtures.layout2022))
        #expect(withCRLF == ScopusCSVReader.read(ScopusFixtures.layout2022))
        #expect(withCRLF.header.first == "Authors")
    }

    @Test func quotedFieldsHoldCommasLineBreaksAndQuotes() throws {
        let text = #"""
            Title,Year,EID,Abstract
            "Commas, and ""quotes""",2020,2-s2.0-1,"one
            two

            four"
            "",2021,2-s2.0-2,""
            Plain title ,  2022 ,2-s2.0-3,"x"

            """#
        let result = ScopusCSVReader.read(text)
        #expect(result.problems.isEmpty)
        try #require(result.rows.count == 3)
        #expect(result.rows.map(\.line) == [2, 6, 7])
        #expect(result.rows[0].fields == ["Commas, and \"quotes\"", "2020", "2-s2.0-1", "one\ntwo\n\nfour"])
        #expect(result.rows[1].fields == ["", "2021", "2-s2.0-2", ""])
        #expect(result.rows[1]["Title"] == nil)
        #expect(result.rows[2].fields == ["Plain title", "2022", "2-s2.0-3", "x"])
    }

    @Test func blankLinesAndLinesOfCommasAreSkipped() {
        let result = ScopusCSVReader.read("\n\nTitle,Year,EID\n\nA,2020,2-s2.0-1\n,,\n\"\",,\"\"\n  \nB,2021,2-s2.0-2")
        #expect(result.problems.isEmpty)
        #expect(result.rows.map(\.line) == [5, 9])
        #expect(result.rows.map { $0["EID"] } == ["2-s2.0-1", "2-s2.0-2"])
    }

    @Test func aHeaderNameWithAByteOrderMarkInsideItsQuotes() {
        let result = ScopusCSVReader.read("\"\u{FEFF}Title\",\"Year\",\"EID\"\n\"T\",\"2020\",\"2-s2.0-9\"\n")
        #expect(result.problems.isEmpty)
        #expect(result.header == ["Title", "Year", "EID"])
        #expect(result.rows.first?["Title"] == "T")
    }

    @Test func emptyFiles() {
        for text in ["", "\u{FEFF}", "\n\n", "\r\n  \r\n"] {
            let result = ScopusCSVReader.read(text)
            #expect(result.problems == [ScopusReadProblem(line: 1, kind: .emptyFile, detail: "the file is empty")])
            #expect(result.rows.isEmpty)
            #expect(result.header.isEmpty)
        }
    }

    @Test func headersThatAreNotScopusHeaders() {
        let cases: [(String, String)] = [
            ("PT\tAU\tTI\tPY\tUT\nJ\tDoe, J\tTitle\t2020\tWOS:1\n", "tab-delimited export (Web of Science?)"),
            ("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", "Web of Science plain-text export"),
            ("Authors;Title;Year;EID\nDoe J.;A title;2020;2-s2.0-1\n", "wrong delimiter"),
            ("\"Authors\";\"Title\";\"Year\";\"EID\"\n", "wrong delimiter"),
            ("id,doi,display_name\nW1,10.1/x,Name\n", "names none of the Scopus columns"),
            ("Just one column\nvalue\n", "single column"),
        ]
        for (text, words) in cases {
            let result = ScopusCSVReader.read(text)
            #expect(result.problems.map(\.kind) == [.notScopusHeader])
            #expect(result.problems.first?.line == 1)
            #expect(result.problems.first?.detail.contains(words) == true, "\(result.problems)")
            #expect(result.rows.isEmpty)
        }
        // After blank lines, the header's own line is named.
        #expect(ScopusCSVReader.read("\n\nA;B;C\n").problems.first?.line == 3)
    }

    @Test func missingRequiredColumnsAreNamedWithTheHeader() throws {
        let result = ScopusCSVReader.read("Authors,Title,Source title\nDoe J.,A title,Annals\n")
        #expect(result.problems.map(\.kind) == [.missingColumn, .missingColumn])
        #expect(result.problems.map(\.line) == [1, 1])
        let details = result.problems.map(\.detail)
        #expect(details[0].hasPrefix("no \"Year\" column"))
        #expect(details[1].hasPrefix("no \"EID\" column"))
        #expect(details[1].hasSuffix("the header has \"Authors\", \"Title\", \"Source title\""))
        // The rows are still read; the mapper rejects them.
        #expect(result.rows.count == 1)
        #expect(result.rows.first?["Title"] == "A title")
    }

    @Test func aRowWithTooManyFieldsIsSkipped() {
        let text = "Title,Year,EID\nA,2020,2-s2.0-1\nB,2021,2-s2.0-2,extra\nC,2022,2-s2.0-3,,\n"
        let result = ScopusCSVReader.read(text)
        #expect(result.problems.map(\.kind) == [.tooManyFields])
        #expect(result.problems.first?.line == 3)
        #expect(result.problems.first?.detail == "4 fields for 3 columns; the row is skipped")
        // Trailing empty fields are trailing commas, not data.
        #expect(result.rows.map(\.line) == [2, 4])
        #expect(result.rows.map { $0["Title"] } == ["A", "C"])
    }

    @Test func extraFieldsAfterNumberedFundingTextsAreReadAsFundingTexts() throws {
        let text = """
            Title,Year,Funding Text 1,References,EID
            A,2020,First text,Refs A,2-s2.0-1
            B,2021,First text,Second text,Refs B,2-s2.0-2
            C,2022,,,Refs C,2-s2.0-3
            D,2023,Text,Refs D,2-s2.0-4,junk

            """
        let result = ScopusCSVReader.read(text)
        #expect(result.problems.map(\.kind) == [.unlistedFundingText, .tooManyFields])
        #expect(result.problems.map(\.line) == [3, 5])
        #expect(result.problems.first?.detail.hasPrefix("2 rows (lines 3 to 4) have 1 field(s) more") == true)
        try #require(result.rows.count == 3)
        #expect(result.rows[1].fields == ["B", "2021", "First text\nSecond text", "Refs B", "2-s2.0-2"])
        #expect(result.rows[2].fields == ["C", "2022", "", "Refs C", "2-s2.0-3"])
    }

    @Test func aShortRowIsReadWithItsMissingFieldsEmpty() throws {
        let text = "Title,Year,EID,Abstract,Language of Original Document\nA,2020,2-s2.0-1\nB,2021\n"
        let result = ScopusCSVReader.read(text)
        // Only the row whose missing fields include a required column is reported.
        #expect(result.problems.map(\.kind) == [.tooFewFields])
        #expect(result.problems.first?.line == 3)
        #expect(result.problems.first?.detail.contains("2 fields for 5 columns, so no EID") == true)
        try #require(result.rows.count == 2)
        #expect(result.rows[0].fields == ["A", "2020", "2-s2.0-1", "", ""])
        #expect(result.rows[1].fields == ["B", "2021", "", "", ""])
        #expect(result.rows[1]["EID"] == nil)
    }

    @Test func aQuotedFieldOpenAtTheEndOfTheFileCostsOnlyItsRow() {
        let text = "Title,Year,EID,Abstract\nA,2020,2-s2.0-1,\"whole\"\nB,2021,2-s2.0-2,\"cut\noff in the\nmiddle"
        let result = ScopusCSVReader.read(text)
        #expect(result.problems.map(\.kind) == [.unterminatedQuote])
        #expect(result.problems.first?.line == 3)
        #expect(result.problems.first?.detail.contains("column \"Abstract\" opened on line 3") == true)
        #expect(result.rows.map(\.line) == [2])
        #expect(result.rows.first?["Abstract"] == "whole")
    }

    @Test func strayQuotesAreKeptAndReported() throws {
        let text = "Title,Year,EID\nA 5\" disk,2020,2-s2.0-1\n\"Closed\" and more,2021,2-s2.0-2\nFine,2022,2-s2.0-3\n"
        let result = ScopusCSVReader.read(text)
        #expect(result.problems.map(\.kind) == [.strayQuote, .strayQuote])
        #expect(result.problems.map(\.line) == [2, 3])
        #expect(result.problems.first?.detail.contains("column \"Title\"") == true)
        try #require(result.rows.count == 3)
        #expect(result.rows[0]["Title"] == "A 5\" disk")
        #expect(result.rows[1]["Title"] == "Closed and more")
        #expect(result.rows[1]["Year"] == "2021")
        #expect(result.rows[2]["Title"] == "Fine")
    }

    @Test func problemsComeInLineOrder() {
        let text = """
            Title,Year,EID
            A,2020,2-s2.0-1,x
            B,2021,2-s2.0-2
            C"",2022,2-s2.0-3
            D,2023

            """
        let result = ScopusCSVReader.read(text)
        #expect(result.problems.map(\.kind) == [.tooManyFields, .strayQuote, .tooFewFields])
        #expect(result.problems.map(\.line) == [2, 4, 5])
        #expect(result.rows.map(\.line) == [3, 4, 5])
    }

    @Test func readingBytesDecodesInvalidUTF8Leniently() throws {
        var bytes = Array("Title,Year,EID\n\"Caf".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\",2020,2-s2.0-1\n".utf8)
        let result = ScopusCSVReader.read(bytes: bytes)
        #expect(result.problems.isEmpty)
        #expect(result.rows.first?["Title"] == "Caf\u{FFFD}\u{FFFD}")
        #expect(result.rows.first?["EID"] == "2-s2.0-1")
    }

    @Test func damagedInputsNeverTrap() {
        let inputs: [String] = [
            "\"", "\"\"", ",", ",,,\n,,,", "Title", "Title,Year,EID", "Title,Year,EID\n\"", "Title,Year,EID\n\"\"\"",
            "Title,Year,EID\r", "Title,Year,EID\r\r\r", "\u{FEFF}\"Title\"x,Year,EID\n", "Title,Year,EID\n\u{0},\u{1}",
            "\"Title\",\"Year\",\"EID\"\n\"a\"\"", "Title,Year,EID\n   \"  ", "\r", "\n\"\n",
            "Title,Year,EID\nA,2020,\"",
        ]
        for input in inputs {
            let result = ScopusCSVReader.read(input)
            for row in result.rows { _ = ScopusWorkMapper.map(row) }
            _ = ScopusCSVReader.read(bytes: Array(input.utf8))
        }
        #expect(ScopusCSVReader.read("Title,Year,EID\n\"\"\"").problems.map(\.kind) == [.unterminatedQuote])
    }
}
