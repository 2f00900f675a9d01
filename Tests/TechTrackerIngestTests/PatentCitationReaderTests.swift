import Foundation
import TestScratch
import TechTrackerCore
import TechTrackerGzip
import Testing

@testable import TechTrackerIngest

/// What a patent-citation file gave, in order.
struct PatentReadResult: PatentCitationConsumer {
    var citations: [PatentCitation] = []
    var lines: [Int] = []
    var problems: [PatentRowProblem] = []

    mutating func accept(_ citation: PatentCitation, line: Int) {
        citations.append(citation)
        lines.append(line)
    }

    mutating func reject(_ problem: PatentRowProblem) {
        problems.append(problem)
    }
}

/// Patent-citation files written in exactly the documented layouts (invented rows).
enum PatentFiles {
    /// Writes `text` to a new file (gzipped when asked) and returns its path.
    static func write(_ text: String, name: String = "pcs_oa.csv", gzip: Bool = false) throws -> String {
        let folder = TestScratch.url("patents")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        if gzip {
            let writer = try GzipFileWriter(path: path)
            try writer.write(Array(text.utf8))
            try writer.close()
        } else {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return path
    }

    /// Opens and reads a file written from `text`.
    static func read(
        _ text: String, name: String = "pcs_oa.csv", gzip: Bool = false, layout: PatentFileLayout? = nil
    ) throws -> (file: PatentCitationFile, result: PatentReadResult) {
        let file = try PatentCitationFile(path: try write(text, name: name, gzip: gzip), layout: layout)
        var result = PatentReadResult()
        file.read(into: &result)
        return (file, result)
    }

    /// Reads `text` as the file at `path` holds it, fed in chunks of `chunkSize` bytes.
    static func readInChunks(_ text: String, columns: PatentColumns, chunkSize: Int) -> PatentReadResult {
        var parser = PatentTextParser(columns: columns, path: "x.csv")
        var result = PatentReadResult()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            bytes[start..<end].withUnsafeBytes { parser.feed($0, into: &result) }
            start = end
        }
        parser.finish(into: &result)
        return result
    }
}

@Suite struct PatentCitationReaderTests {
    @Test func theFiveColumnsOfRelianceOnScienceAreReadByName() throws {
        let (file, result) = try PatentFiles.read(
            """
            reftype,confscore,oaid,patent,wherefound
            app,9,2741809807,US-10000000-B2,both
            exm,3,W17,EP-1234567-A1,frontonly
            unk,10,https://openalex.org/W42,WO-2020123456-A1,bodyonly
            oth,1,w5,US-7-B1,both

            """)
        #expect(file.columns.layout == .relianceOnScience && file.columns.delimiter == UInt8(ascii: ","))
        #expect(file.columns.year == nil && !file.isGzip)
        #expect(result.problems.isEmpty)
        #expect(result.lines == [2, 3, 4, 5])
        #expect(
            result.citations.first
                == PatentCitation(
                    work: .openAlex(2_741_809_807), patent: "US-10000000-B2", confidence: 9,
                    referenceType: .applicant, place: .both))
        #expect(result.citations.map(\.work) == [.openAlex(2_741_809_807), .openAlex(17), .openAlex(42), .openAlex(5)])
        #expect(result.citations.map(\.referenceType) == [.applicant, .examiner, .unknown, .other])
        #expect(result.citations.map(\.place) == [.both, .frontOnly, .bodyOnly, .both])
        #expect(result.citations.allSatisfy { $0.isSelfCitation == nil && $0.family == nil && $0.year == nil })
    }

    @Test func editionsWithUsptoAndSelfOrSelfCiteInAnyOrder() throws {
        let withSelf = try PatentFiles.read(
            """
            oaid,patent,reftype,confscore,uspto,wherefound,self
            1,US-1-B2,app,9,1,both,1
            2,US-2-B2,exm,4,0,frontonly,0
            3,US-3-B2,exm,4,1,frontonly,
            """
        ).result
        #expect(withSelf.problems.isEmpty)
        #expect(withSelf.citations.map(\.isSelfCitation) == [true, false, nil])
        #expect(withSelf.citations.map(\.patent) == ["US-1-B2", "US-2-B2", "US-3-B2"])

        let withSelfCite = try PatentFiles.read(
            """
            reftype,confscore,oaid,patent,wherefound,self_cite
            app,9,1,US-1-B2,both,true
            app,9,2,US-2-B2,both,FALSE
            app,9,3,US-3-B2,both,yes
            app,9,4,US-4-B2,both,no
            app,9,5,US-5-B2,both,self
            app,9,6,US-6-B2,both,notself
            """
        ).result
        #expect(withSelfCite.problems.isEmpty)
        #expect(withSelfCite.citations.map(\.isSelfCitation) == [true, false, true, false, true, false])
    }

    @Test func tabSeparatedFilesAreRecognisedByTheirHeader() throws {
        let (file, result) = try PatentFiles.read(
            "reftype\tconfscore\toaid\tpatent\twherefound\napp\t9\t1\tUS-1-B2\tboth\nexm\t5\t2\tUS, 2\tfrontonly\n",
            name: "pcs_oa.tsv")
        #expect(file.columns.delimiter == 0x09 && file.columns.layout == .relianceOnScience)
        #expect(result.problems.isEmpty)
        // A comma is no separator in a tab-separated file.
        #expect(result.citations.map(\.patent) == ["US-1-B2", "US, 2"])
    }

    @Test func aGenericFileWithDOIsFamiliesAndYears() throws {
        let (file, result) = try PatentFiles.read(
            """
            Lens ID,DOI,work_id,Confidence,DOCDB Family ID,Publication Year
            000-111-222-333-444,10.1234/ABC.1,,7,55501,2019
            000-111-222-333-445,https://doi.org/10.1234/abc.2,W99,,,
            000-111-222-333-446,,,2,55502,2021
            """, name: "lens.csv")
        #expect(file.columns.layout == .generic)
        #expect(result.citations.count == 2)
        #expect(
            result.citations[0]
                == PatentCitation(
                    work: .doi("10.1234/abc.1"), patent: "000-111-222-333-444", confidence: 7, family: "55501",
                    year: 2019))
        // The work id comes first when a row gives both.
        #expect(result.citations[1] == PatentCitation(work: .openAlex(99), patent: "000-111-222-333-445"))
        #expect(result.problems.map(\.kind) == [.noWork])
        #expect(result.problems.first?.line == 4)
    }

    @Test func aDateColumnGivesItsYear() throws {
        let result = try PatentFiles.read(
            """
            openalex_id,publication_number,publication_date,family_id
            https://openalex.org/W1,US-1-B2,2019-05-23,F1
            W2,US-2-B2,20180101,
            W3,US-3-B2,23/05/2017,
            W4,US-4-B2,2016,
            W5,US-5-B2,someday,
            """
        ).result
        #expect(result.citations.map(\.year) == [2019, 2018, 2017, 2016])
        #expect(result.problems.map(\.kind) == [.year] && result.problems.first?.line == 6)
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let result = try PatentFiles.read(
            """
            "reftype","confscore","oaid","patent","wherefound"
            "app","9","1","US-1,B2","both"
            app,9,2,"US-""2""-B2",both
            app,9,3,"US-3
            -B2",both
            app, 8 ,4, "US-4-B2" ,both
            app,9,5,US-5-B2,both
            """
        ).result
        #expect(result.problems.isEmpty)
        #expect(result.citations.map(\.patent) == ["US-1,B2", "US-\"2\"-B2", "US-3\n-B2", "US-4-B2", "US-5-B2"])
        // The row with a line break in a quoted field starts on line 4; the next on line 6.
        #expect(result.lines == [2, 3, 4, 6, 7])
        #expect(result.citations[3].confidence == 8)
    }

    @Test func crlfLineEndsAndAByteOrderMark() throws {
        let (file, result) = try PatentFiles.read(
            "\u{FEFF}reftype,confscore,oaid,patent,wherefound\r\napp,9,1,US-1-B2,both\r\n\r\nexm,4,2,US-2-B2,frontonly\r\n"
        )
        #expect(file.columns.names == ["reftype", "confscore", "oaid", "patent", "wherefound"])
        #expect(result.problems.isEmpty)
        #expect(result.citations.map(\.place) == [.both, .frontOnly])
        #expect(result.lines == [2, 4])

        // A byte order mark alone on the first line, and blank lines before the header.
        let late = try PatentFiles.read(
            "\u{FEFF}\n\n  \nreftype,confscore,oaid,patent,wherefound\napp,9,1,US-1-B2,both\n")
        #expect(late.result.problems.isEmpty && late.result.lines == [5])
        #expect(late.file.columns.names.first == "reftype")
        // An index column without a name (as pandas writes one) is a column all the same.
        let indexed = try PatentFiles.read(
            "\treftype\tconfscore\toaid\tpatent\twherefound\n0\tapp\t9\t1\tUS-1-B2\tboth\n")
        #expect(indexed.file.columns.names == ["", "reftype", "confscore", "oaid", "patent", "wherefound"])
        #expect(indexed.result.problems.isEmpty && indexed.result.citations.count == 1)
    }

    @Test func aGzippedFileIsReadWhateverItIsCalled() throws {
        var text = "reftype,confscore,oaid,patent,wherefound\n"
        for row in 1...20_000 { text += "app,\(row % 10 + 1),\(row),US-\(row)-B2,both\n" }
        let (file, result) = try PatentFiles.read(text, name: "pcs_oa.csv", gzip: true)
        #expect(file.isGzip)
        #expect(result.problems.isEmpty && result.citations.count == 20_000)
        #expect(result.citations.last?.work == .openAlex(20_000) && result.lines.last == 20_001)
    }

    @Test func everyKindOfBadRowIsReportedWithItsLine() throws {
        let (_, result) = try PatentFiles.read(
            """
            reftype,confscore,oaid,patent,wherefound,self
            app,9,1,US-1-B2,both,0
            app,9,1,US-1-B2,both
            app,9,W1x,US-1-B2,both,0
            app,0,1,US-1-B2,both,0
            app,11,1,US-1-B2,both,0
            app,nine,1,US-1-B2,both,0
            xyz,9,1,US-1-B2,both,0
            app,9,1,US-1-B2,inside,0
            app,9,1,US-1-B2,both,maybe
            app,9,1, ,both,0
            app,9,,US-1-B2,both,0
            app,9,1,US-1-B2,both,0,extra
            app,9,1,US-2-B2,both,1
            """, name: "bad.csv")
        #expect(result.citations.count == 2 && result.lines == [2, 14])
        #expect(
            result.problems.map { "\($0.line) \($0.kind.rawValue)" } == [
                "3 field count", "4 work id", "5 confidence", "6 confidence", "7 confidence", "8 reftype",
                "9 wherefound", "10 self-citation flag", "11 empty patent", "12 no work", "13 field count",
            ])
        #expect(result.problems.allSatisfy { $0.file.hasSuffix("bad.csv") })
        #expect(
            result.problems[1].description.hasSuffix(
                "bad.csv:4: oaid \"W1x\" is not an OpenAlex work id (2741809807, W2741809807)"))
        #expect(result.problems[0].detail == "5 field(s) for the header's 6 columns")
    }

    @Test func aMissingColumnNamesTheFileAndTheColumnsFound() throws {
        let path = try PatentFiles.write("reftype,confscore,openalex,patent,wherefound\napp,9,1,US-1-B2,both\n")
        let error = try #require(throws: PatentFileError.self) {
            try PatentCitationFile(path: path, layout: nil)
        }
        let message = error.description
        #expect(message.hasPrefix(path + ": no work id column (oaid, work_id, openalex_id or doi) (read as generic)"))
        #expect(message.contains("\"reftype\", \"confscore\", \"openalex\", \"patent\", \"wherefound\""))

        // Asked for Reliance on Science, a generic file lacks its columns.
        let generic = try PatentFiles.write("doi,patent_id\n10.1/x,US-1\n")
        let forced = try #require(throws: PatentFileError.self) {
            try PatentCitationFile(path: generic, layout: .relianceOnScience)
        }
        #expect(
            forced.description.contains(
                "no reftype, confscore, oaid, patent, wherefound columns (--layout reliance-on-science)"))
        let noPatent = try PatentFiles.write("work_id,year\nW1,2020\n")
        let withoutPatent = try #require(throws: PatentFileError.self) {
            try PatentCitationFile(path: noPatent, layout: nil)
        }
        #expect(
            withoutPatent.description
                == "\(noPatent): no patent column (patent, patent_id, publication_number or lens_id) (read as generic); "
                + "the header has \"work_id\", \"year\"")
        let blank = try PatentFiles.write("\n\n")
        #expect(throws: PatentFileError.noHeader(file: blank)) { try PatentCitationFile(path: blank, layout: nil) }
    }

    @Test func chunkBoundariesChangeNothing() throws {
        let text = """
            reftype,confscore,oaid,patent,wherefound\r
            "app","9","1","US-1,B2","both"\r
            app,9,2,"US-""2""-B2",both\r
            app,9,3,"US-3\r
            -B2",both\r
            app,nine,4,US-4-B2,both\r
            app,9,5,US-5-B2,both
            """
        let columns = try PatentCitationFile(path: try PatentFiles.write(text), layout: nil).columns
        let whole = PatentFiles.readInChunks(text, columns: columns, chunkSize: 1 << 20)
        #expect(whole.citations.count == 4 && whole.problems.count == 1)
        for size in 1...9 {
            let pieces = PatentFiles.readInChunks(text, columns: columns, chunkSize: size)
            #expect(pieces.citations == whole.citations && pieces.lines == whole.lines, "chunks of \(size)")
            #expect(pieces.problems == whole.problems, "chunks of \(size)")
        }
    }

    @Test func anOverlongRowAndAnUnclosedQuoteAreSkippedInBoundedMemory() throws {
        let header = "reftype,confscore,oaid,patent,wherefound\n"
        let long =
            "app,9,1,US-" + String(repeating: "9", count: PatentRecordSplitter.defaultMaximumRecordBytes) + ",both\n"
        let columns = try PatentCitationFile(path: try PatentFiles.write(header), layout: nil).columns
        let text = header + long + "app,9,2,US-2-B2,both\napp,9,3,\"US-3\napp,9,4,US-4-B2,both\n"
        for size in [4096, 1 << 22] {
            let result = PatentFiles.readInChunks(text, columns: columns, chunkSize: size)
            #expect(result.citations.map(\.patent) == ["US-2-B2"], "chunks of \(size)")
            #expect(result.problems.map(\.kind) == [.tooLong, .unterminatedQuote], "chunks of \(size)")
            #expect(result.problems.map(\.line) == [2, 4], "chunks of \(size)")
        }
    }

    @Test func aCutOffGzipKeepsTheRowsBeforeTheDamage() throws {
        var text = "reftype,confscore,oaid,patent,wherefound\n"
        for row in 1...50_000 { text += "app,9,\(row),US-\(row * 7919 % 1_000_003)-B2,both\n" }
        let path = try PatentFiles.write(text, gzip: true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        let file = try PatentCitationFile(path: path, layout: nil)
        var result = PatentReadResult()
        file.read(into: &result)
        #expect(result.citations.count > 1000 && result.citations.count < 50_000)
        #expect(result.problems.map(\.kind) == [.unreadableRest])
        #expect(result.problems.first?.detail.contains("the rest of the file could not be read") == true)
    }

    @Test func aFileThatIsNotATable() throws {
        let path = try PatentFiles.write(
            String(repeating: "x", count: PatentRecordSplitter.defaultMaximumRecordBytes + 10))
        #expect(throws: PatentFileError.headerTooLong(file: path, loneCarriageReturns: false)) {
            try PatentCitationFile(path: path, layout: nil)
        }
        let oldMac = try PatentFiles.write(
            "reftype,confscore,oaid,patent,wherefound\r"
                + String(repeating: "app,9,1,US-1-B2,both\r", count: 60_000))
        #expect(throws: PatentFileError.headerTooLong(file: oldMac, loneCarriageReturns: true)) {
            try PatentCitationFile(path: oldMac, layout: nil)
        }
        #expect(throws: IngestError.self) { try PatentCitationFile(path: "/no/such/file.csv", layout: nil) }
        #expect(throws: IngestError.self) { try PatentCitationFile(path: "/tmp", layout: nil) }
    }
}
