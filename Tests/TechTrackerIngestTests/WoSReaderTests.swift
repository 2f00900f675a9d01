import Testing
@testable import TechTrackerIngest

/// The Web of Science plain-text and tab-delimited readers, on small invented exports laid out
/// like the real ones: header spellings, byte order mark, line ends, continuation lines, record
/// and file ends, and the damaged files each reader must report without stopping.
@Suite struct WoSReaderTests {
    /// Two invented records in the plain-text layout, LF line ends, no blank lines between
    /// records (as Clarivate writes them today).
    static let plainText = """
        FN Clarivate Analytics Web of Science
        VR 1.0
        PT J
        AU Quill, AB
           Marlowe, CD
        AF Quill, Ada Beatrix
           Marlowe, Cedric Dunstan
        TI Lattice damping in imaginary ceramic films grown by
           pretend deposition
        SO JOURNAL OF INVENTED MATERIALS
        LA English
        DT Article
        C1 [Quill, Ada Beatrix] Univ Nowhere, Dept Mat, Springfield, IL 62701 USA.
           [Marlowe, Cedric Dunstan] Fictional Inst Technol, Lab Films, Utopia, Freedonia.
        CR Doe J, 2001, J INVENTED PHYS, V3, P12
           Roe R, 1999, FAKE LETT, V40, P221, DOI 10.0000/fake.1999.221
           Poe E, 2010, IMAGINARY REV, V7, P1
        NR 3
        PY 2020
        UT WOS:000000000000001
        ER
        PT J
        AU Brightwater, E
        TI A second made-up record
        SO ANNALS OF SAMPLE DATA
        PY 2021
        UT WOS:000000000000002
        ER
        EF

        """

    /// The same export under the older header, with a blank line after each record (as the
    /// Thomson Reuters exports have).
    static var thomsonText: String {
        plainText
            .replacingFirst("FN Clarivate Analytics Web of Science", with: "FN Thomson Reuters Web of Science™")
            .replacingEvery("ER\n", with: "ER\n\n")
    }

    @Test func clarivateHeaderTwoRecordsWithMultiLineFields() throws {
        let result = WoSPlainTextReader.read(Self.plainText)
        #expect(result.problems.isEmpty)
        try #require(result.records.count == 2)
        let first = result.records[0]
        #expect(first.line == 3)
        #expect(first.isComplete)
        #expect(first.values("AU") == ["Quill, AB", "Marlowe, CD"])
        #expect(first.values("TI") == ["Lattice damping in imaginary ceramic films grown by", "pretend deposition"])
        #expect(first.values("C1").count == 2)
        #expect(
            first.values("C1").last == "[Marlowe, Cedric Dunstan] Fictional Inst Technol, Lab Films, Utopia, Freedonia."
        )
        #expect(first.values("CR").count == 3)
        #expect(first.first("CR") == "Doe J, 2001, J INVENTED PHYS, V3, P12")
        #expect(first.accessionNumber == "WOS:000000000000001")
        #expect(first.tags == ["PT", "AU", "AF", "TI", "SO", "LA", "DT", "C1", "CR", "NR", "PY", "UT"])
        #expect(!first.contains("FN"))
        #expect(first.first("BA") == nil)
        #expect(first.values("BA").isEmpty)
        #expect(result.records[1].line == 22)
        #expect(result.records[1].values("AU") == ["Brightwater, E"])
        #expect(result.records[1].accessionNumber == "WOS:000000000000002")
    }

    @Test func thomsonHeaderWithBlankLinesReadsTheSameRecords() {
        let thomson = WoSPlainTextReader.read(Self.thomsonText)
        let clarivate = WoSPlainTextReader.read(Self.plainText)
        #expect(thomson.problems.isEmpty)
        #expect(thomson.records.map(\.fields) == clarivate.records.map(\.fields))
        #expect(thomson.records.map(\.line) == [3, 23])
    }

    @Test func byteOrderMarkAndCRLFReadLikeLF() {
        let crlf = "\u{FEFF}" + Self.thomsonText.replacingEvery("\n", with: "\r\n")
        let result = WoSPlainTextReader.read(crlf)
        #expect(result.problems.isEmpty)
        #expect(result.records == WoSPlainTextReader.read(Self.thomsonText).records)
        let values: [String] = result.records.flatMap(\.fields).flatMap(\.values)
        #expect(!values.contains { $0.contains("\r") })
        let bytes = WoSPlainTextReader.read(bytes: Array(crlf.utf8))
        #expect(bytes == result)
    }

    @Test func singleRecordWithoutHeaderOrEF() throws {
        let text = """
            PT J
            AU Fenwick, Q
               Larkspur, T
            TI Nothing measured twice
            UT WOS:000000000000009
            ER

            """
        let result = WoSPlainTextReader.read(text)
        #expect(result.problems.isEmpty)
        let record = try #require(result.records.first)
        #expect(result.records.count == 1)
        #expect(record.line == 1)
        #expect(record.values("AU") == ["Fenwick, Q", "Larkspur, T"])
    }

    @Test func truncatedFileKeepsTheOpenRecordAsIncomplete() throws {
        let lines = Self.plainText.split(separator: "\n", omittingEmptySubsequences: false)
        // Cut inside the second record, after its TI line (line 24).
        let text = lines.prefix(24).joined(separator: "\n") + "\n"
        let result = WoSPlainTextReader.read(text)
        try #require(result.records.count == 2)
        #expect(result.records[0].isComplete)
        #expect(!result.records[1].isComplete)
        #expect(result.records[1].tags == ["PT", "AU", "TI"])
        #expect(result.records[1].accessionNumber == nil)
        #expect(result.problems.map(\.kind) == [.unterminatedRecord])
        #expect(result.problems.first?.line == 24)
        #expect(result.problems.first?.description.contains("line 22") == true)
    }

    @Test func recordOpenAtEFIsIncomplete() {
        let result = WoSPlainTextReader.read("PT J\nTI Unfinished\nEF\n")
        #expect(result.records.map(\.isComplete) == [false])
        #expect(result.problems.map(\.kind) == [.unterminatedRecord])
        #expect(result.problems.first?.line == 3)
    }

    @Test func continuationBeforeAnyTagIsReportedOnce() {
        let text = "FN Clarivate Analytics Web of Science\nVR 1.0\n   Orphan, A\n   Orphan, B\nPT J\nUT WOS:1\nER\nEF\n"
        let result = WoSPlainTextReader.read(text)
        #expect(result.problems.map(\.kind) == [.continuationBeforeTag])
        #expect(result.problems.first?.line == 3)
        #expect(result.records.count == 1)
        #expect(result.records.first?.values("PT") == ["J"])
    }

    @Test func continuationAfterERIsBeforeAnyTag() {
        let result = WoSPlainTextReader.read("PT J\nER\n   Lost, L\nEF\n")
        #expect(result.problems.map(\.kind) == [.continuationBeforeTag])
        #expect(result.problems.first?.line == 3)
    }

    @Test func textAfterEFIsReportedAndNotRead() {
        let text = Self.plainText + "\nPT J\nUT WOS:000000000000003\nER\n"
        let result = WoSPlainTextReader.read(text)
        #expect(result.records.count == 2)
        #expect(result.problems.map(\.kind) == [.textAfterEndOfFile])
        #expect(result.problems.first?.line == 31)
        #expect(result.problems.first?.detail.contains("PT J") == true)
    }

    @Test func unrecognisedLineIsSkippedWithItsContinuations() throws {
        let text = "PT J\nAUQuill, A\n   Marlowe, C\nTI Kept\nUT WOS:4\nER\nEF\n"
        let result = WoSPlainTextReader.read(text)
        #expect(result.problems.map(\.kind) == [.unrecognisedLine])
        #expect(result.problems.first?.line == 2)
        #expect(result.problems.first?.detail.contains("AUQuill, A") == true)
        let record = try #require(result.records.first)
        // The continuation belonged to the bad line, not to PT.
        #expect(record.values("PT") == ["J"])
        #expect(record.values("TI") == ["Kept"])
    }

    @Test func strayERAndLowercaseTagsAreReported() {
        let result = WoSPlainTextReader.read("ER\nPT J\nau Quill, A\n\tTabbed\nER\n")
        #expect(result.problems.map(\.kind) == [.strayRecordEnd, .unrecognisedLine, .unrecognisedLine])
        #expect(result.problems.map(\.line) == [1, 3, 4])
        #expect(result.records.count == 1)
    }

    @Test func tagWithoutValueIsAnEmptyValue() {
        let result = WoSPlainTextReader.read("PT J\nBA\nER\n")
        #expect(result.problems.isEmpty)
        #expect(result.records.first?.values("BA") == [""])
    }

    @Test func damagedInputsNeverTrap() {
        let inputs: [String] = [
            "", "\u{FEFF}", "\r\n\r\n", "ER", "EF", "   ", "\r", "A", "AU", "AU ", "\u{FEFF}   x", "EF\nEF\n",
            "PT", "PT J", "PT J\r", "PT J\nER\nER\nEF\nEF", "\u{0}\u{1}\t\t", "ÄÖ Ü\n   é", "FN\nVR\n",
        ]
        for input in inputs {
            _ = WoSPlainTextReader.read(input)
            _ = WoSTabDelimitedReader.read(input)
        }
        let invalid: [UInt8] = [0xEF, 0xBB, 0xBF, 0x50, 0x54, 0x20, 0xFF, 0xFE, 0x0A, 0x45, 0x52, 0x0A]
        #expect(WoSPlainTextReader.read(bytes: invalid).records.count == 1)
        _ = WoSTabDelimitedReader.read(bytes: invalid)
    }
}

/// The tab-delimited reader.
@Suite struct WoSTabDelimitedReaderTests {
    /// A tab-delimited export: byte order mark, CRLF, the header and each row ending in a tab.
    static func export(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.joined(separator: "\t") + "\t\r\n" }.joined()
    }

    static let header = ["PT", "AU", "BA", "TI", "SO", "C1", "CR", "NR", "PY", "UT"]
    static let first = [
        "J", "Quill, AB; Marlowe, CD", "", "Lattice damping in imaginary ceramic films",
        "JOURNAL OF INVENTED MATERIALS",
        "[Quill, AB; Marlowe, CD] Univ Nowhere, Springfield, IL 62701 USA",
        "Doe J, 2001, J INVENTED PHYS, V3, P12; Roe R, 1999, FAKE LETT, V40, P221", "2", "2020",
        "WOS:000000000000001",
    ]
    static let second = [
        "J", "Brightwater, E", "", "A second made-up record", "ANNALS OF SAMPLE DATA", "", "", "0", "2021",
        "WOS:000000000000002",
    ]

    @Test func headerAndTwoRows() throws {
        let result = WoSTabDelimitedReader.read(Self.export([Self.header, Self.first, Self.second]))
        #expect(result.problems.isEmpty)
        try #require(result.records.count == 2)
        let record = result.records[0]
        #expect(record.line == 2)
        #expect(record.isComplete)
        // Lists stay as written: splitting on "; " is left to whoever interprets the tag.
        #expect(record.values("AU") == ["Quill, AB; Marlowe, CD"])
        #expect(record.values("CR").count == 1)
        #expect(record.first("C1") == "[Quill, AB; Marlowe, CD] Univ Nowhere, Springfield, IL 62701 USA")
        // Empty fields are absent, as in a plain-text record.
        #expect(!record.contains("BA"))
        #expect(record.accessionNumber == "WOS:000000000000001")
        #expect(result.records[1].line == 3)
        #expect(result.records[1].tags == ["PT", "AU", "TI", "SO", "NR", "PY", "UT"])
    }

    @Test func lfAndNoTrailingTabReadTheSame() {
        let plain = [Self.header, Self.first, Self.second].map { $0.joined(separator: "\t") + "\n" }.joined()
        let result = WoSTabDelimitedReader.read(plain)
        #expect(result == WoSTabDelimitedReader.read(Self.export([Self.header, Self.first, Self.second])))
        #expect(WoSTabDelimitedReader.read(bytes: Array(plain.utf8)) == result)
    }

    @Test func rowWithTooManyFieldsIsSkipped() {
        let long = Self.first + ["stray value"]
        let result = WoSTabDelimitedReader.read(Self.export([Self.header, long, Self.second]))
        #expect(result.problems.map(\.kind) == [.tooManyFields])
        #expect(result.problems.first?.line == 2)
        #expect(result.problems.first?.detail.contains("11 fields for 10 columns") == true)
        #expect(result.records.map(\.line) == [3])
    }

    @Test func shortRowReadsMissingFieldsAsEmpty() {
        let result = WoSTabDelimitedReader.read(Self.export([Self.header, ["J", "Brightwater, E"]]))
        #expect(result.problems.isEmpty)
        #expect(result.records.first?.tags == ["PT", "AU"])
    }

    @Test func csvGivenAsTabDelimitedIsRejected() {
        let csv = "\u{FEFF}PT,AU,TI,UT\r\nJ,\"Quill, AB\",A title,WOS:1\r\n"
        let result = WoSTabDelimitedReader.read(csv)
        #expect(result.records.isEmpty)
        #expect(result.problems.map(\.kind) == [.notTabDelimited])
        #expect(result.problems.first?.line == 1)
        #expect(
            result.problems.first?.description.contains("not a tab-delimited export (a comma-separated file?)") == true)
    }

    @Test func plainTextGivenAsTabDelimitedIsRejected() {
        let result = WoSTabDelimitedReader.read(WoSReaderTests.plainText)
        #expect(result.records.isEmpty)
        #expect(result.problems.map(\.kind) == [.notTabDelimited])
        #expect(result.problems.first?.detail.contains("plain-text export") == true)
    }

    @Test func headerWithANonTagColumnIsRejected() {
        let result = WoSTabDelimitedReader.read("PT\tAuthors\tUT\r\nJ\tQuill, A\tWOS:1\r\n")
        #expect(result.records.isEmpty)
        #expect(result.problems.first?.detail.contains("\"Authors\" is not a tag") == true)
    }

    @Test func headerWithoutUTAndWithARepeatedTag() {
        let result = WoSTabDelimitedReader.read(
            Self.export([["PT", "AU", "TI", "AU"], ["J", "Quill, A", "T", "Q, A"]]))
        #expect(result.problems.map(\.kind) == [.missingAccessionColumn, .duplicateColumn])
        #expect(result.problems.map(\.line) == [1, 1])
        #expect(result.records.first?.values("AU") == ["Quill, A", "Q, A"])
        #expect(result.records.first?.accessionNumber == nil)
    }

    @Test func emptyFiles() {
        for text in ["", "\u{FEFF}", "\r\n\r\n"] {
            let result = WoSTabDelimitedReader.read(text)
            #expect(result.records.isEmpty)
            #expect(result.problems.map(\.kind) == [.emptyFile])
        }
        let headerOnly = WoSTabDelimitedReader.read(Self.export([Self.header]))
        #expect(headerOnly.records.isEmpty)
        #expect(headerOnly.problems.isEmpty)
    }
}

extension String {
    /// The text with the first `target` replaced, without Foundation.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }

    /// The text with every `target` replaced, without Foundation.
    fileprivate func replacingEvery(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
