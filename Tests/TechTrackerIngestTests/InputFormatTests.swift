import Foundation
import TestScratch
import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// Formats recognised by content (`InputFormat.detect`) and exports read whole
/// (`ExportFileReader`): what each layout problem becomes (a rejection when records are lost, a
/// warning when not), and gzip-compressed exports.
@Suite struct InputFormatTests {
    func detect(_ text: String) -> InputFormat.Detection {
        InputFormat.detect(head: Array(text.utf8))
    }

    @Test func eachLayoutIsRecognisedWhateverItsLineEndsAndByteOrderMark() {
        #expect(detect("{\"id\": \"W1\"}\n") == .format(.openAlex))
        #expect(detect("\n\n  [\n") == .format(.openAlex))
        #expect(detect("FN Clarivate Analytics Web of Science\r\nVR 1.0\r\n") == .format(.wosPlainText))
        #expect(detect("\u{FEFF}FN Thomson Reuters Web of Science\u{2122}\nVR 1.0\n") == .format(.wosPlainText))
        #expect(detect("PT J\nAU Quill, A\n") == .format(.wosPlainText))
        #expect(detect("\u{FEFF}PT\tAU\tTI\tPY\tUT\r\nJ\tQuill, A\tT\t2020\tWOS:1\r\n") == .format(.wosTabDelimited))
        #expect(detect("\u{FEFF}Authors,Author(s) ID,Title,Year,Source title,EID\n") == .format(.scopusCSV))
        #expect(detect("\"Authors\",\"Title\",\"Year\",\"Document Type\"\n") == .format(.scopusCSV))
        // Semicolons: still Scopus, so that its reader can say the delimiter is wrong.
        #expect(detect("Authors;Title;Year;EID\n") == .format(.scopusCSV))
        #expect(detect("just some notes\n") == .unknown)
        #expect(detect("") == .unknown)
        guard case .unsupported(let why) = detect("\"id\",\"display_name\",\"authorships.author.id\"\n") else {
            Issue.record("an OpenAlex CSV download is recognised")
            return
        }
        #expect(why.hasPrefix("an OpenAlex CSV download"))
    }

    @Test func aPatentCitationTableIsNamedAndLeftToIngestPatents() {
        for header in [
            "reftype,confscore,oaid,patent,wherefound,self\n",
            "\u{FEFF}reftype,confscore,oaid,patent,uspto,wherefound\r\n",
            "reftype\tconfscore\tmagid\tpatent\n", "doi,patent_id,family_id,year\n",
        ] {
            guard case .unsupported(let why) = detect(header) else {
                Issue.record("\(header) is recognised as a patent-citation table")
                continue
            }
            #expect(why.contains("ingest-patents"))
        }
        // A Scopus export that happens to have a DOI column is still Scopus.
        #expect(detect("Authors,Title,Year,DOI,EID\n") == .format(.scopusCSV))
    }

    func read(_ text: String, as format: InputFormat) -> CollectingConsumer {
        var consumer = CollectingConsumer()
        ExportFileReader(file: InputFile(path: "export", size: text.utf8.count, encoding: .plain), format: format)
            .read(bytes: Array(text.utf8), into: &consumer)
        return consumer
    }

    @Test func problemsThatLoseRecordsAreRejectionsAndTheOthersWarnings() {
        let tab = read(
            "PT\tTI\tPY\tUT\nJ\tQubits\t2020\tWOS:000000000000001\nJ\tX\t2020\tWOS:2\textra\n", as: .wosTabDelimited)
        #expect(tab.works.map(\.id) == ["WOS:000000000000001"])
        #expect(tab.rejections.map(\.line) == [3])
        #expect(tab.rejections.first?.reason == "5 fields for 4 columns; the row is skipped")

        let noAccession = read("PT\tTI\tPY\nJ\tQubits\t2020\n", as: .wosTabDelimited)
        #expect(noAccession.warnings.map(\.kind) == [.fileLayout])
        #expect(noAccession.rejections.map(\.reason) == ["no accession number (UT)"])

        let csv = read("\"Title\",\"Year\",\"EID\"\n\"Qubits\",2020,\"2-s2.0-1\"\n\"Cut", as: .scopusCSV)
        #expect(csv.works.map(\.id) == ["2-s2.0-1"])
        #expect(csv.rejections.count == 1)
        #expect(csv.rejections.first?.line == 3)
    }

    @Test func aGzippedExportIsReadLikeAPlainOne() throws {
        let text = "PT J\nTI Qubit lattices\nPY 2021\nUT WOS:000000000000009\nER\nEF\n"
        let folder = TestScratch.url("format").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/savedrecs.txt.gz"
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "printf '%s' \"$0\" | gzip -c > \"$1\"", text, path]
        try gzip.run()
        gzip.waitUntilExit()
        let file = try #require(InputDiscovery(paths: [path]).files.first)
        #expect(file.encoding == .gzip)
        #expect(try InputFormat.detect(file: file) == .format(.wosPlainText))
        var consumer = CollectingConsumer()
        var parser = OpenAlexRecordParser()
        InputFileReader().read(file, parser: &parser, into: &consumer)
        #expect(consumer.works.map(\.id) == ["WOS:000000000000009"])
        #expect(consumer.works.first?.publicationYear == 2021)
        #expect(consumer.rejections.isEmpty)
    }
}
