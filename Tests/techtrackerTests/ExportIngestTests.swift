import Foundation
import Testing

/// `ingest` of Web of Science and Scopus exports as a user runs it: formats recognised by
/// content in a folder of mixed files, the Done-when query, countries in `stats`, `--format`,
/// and the messages for damaged exports (file, line, field) with `--rejects` and `--strict`.
/// The exports are invented, written in exactly the databases' layouts.
@Suite struct ExportIngestTests {
    static let tabColumns = "PT AU AF TI SO LA DT DE C1 CR NR TC PY DI UT".split(separator: " ").map(String.init)

    /// Three invented records in the tab-delimited layout: byte order mark, CRLF, header of tags.
    static var tabDelimited: String {
        let rows: [[String: String]] = [
            [
                "AU": "Quill, AB; Marlowe, CD", "AF": "Quill, Ada Beatrix; Marlowe, Cedric Dunstan",
                "TI": "Bluetooth low energy beacons for imaginary indoor positioning", "DT": "Article",
                "C1": "[Quill, Ada Beatrix] Tsinghua Univ, Dept Elect Engn, Beijing 100084, Peoples R China; "
                    + "[Marlowe, Cedric Dunstan] Univ Nowhere, Dept Comp Sci, Springfield, IL 62701 USA",
                "CR":
                    "Doe J, 2001, J INVENTED PHYS, V3, P12; Roe R, 1999, FAKE LETT, V40, P221, DOI 10.5555/ble.2022.2",
                "NR": "2", "TC": "5", "PY": "2021", "DI": "10.5555/ble.2021.1", "UT": "WOS:000000000000101",
            ],
            [
                "AU": "Fenwick, E", "AF": "Fenwick, Eliza", "DT": "Article; Proceedings Paper",
                "TI": "Energy use of Bluetooth low energy links in pretend wearables",
                "C1": "Natl Taiwan Univ, Dept Elect Engn, Taipei 10617, Taiwan", "TC": "3", "PY": "2022",
                "DI": "10.5555/ble.2022.2", "UT": "WOS:000000000000102",
            ],
            [
                "AU": "Ashdown, R", "AF": "Ashdown, Rowan", "TI": "A survey of Bluetooth low energy mesh networks",
                "DT": "Review", "C1": "[Ashdown, Rowan] Beth Israel Deaconess Med Ctr, Boston, MA 02215 USA",
                "TC": "9", "PY": "2023", "UT": "WOS:000000000000103",
            ],
        ]
        var text = "\u{FEFF}" + tabColumns.joined(separator: "\t") + "\r\n"
        for row in rows {
            var fields = row
            fields["PT"] = "J"
            fields["SO"] = "JOURNAL OF INVENTED SENSING"
            fields["LA"] = "English"
            text += tabColumns.map { fields[$0] ?? "" }.joined(separator: "\t") + "\r\n"
        }
        return text
    }

    /// One invented Scopus row (2022 layout: BOM, unquoted header) of the paper the first
    /// tab-delimited record also is (same DOI).
    static let scopus = """
        \u{FEFF}Authors,Author(s) ID,Title,Year,Source title,Cited by,DOI,Affiliations,Authors with affiliations,\
        Document Type,Source,EID
        "Quill A.B., Marlowe C.D.","57000000001;57000000002;","Bluetooth low energy beacons for imaginary indoor \
        positioning",2021,"Journal of Invented Sensing",7,"10.5555/ble.2021.1","Tsinghua University, Beijing, China; \
        University of Nowhere, Springfield, IL, United States","Quill A.B., Tsinghua University, Beijing, China; \
        Marlowe C.D., University of Nowhere, Springfield, IL, United States",Article,Scopus,2-s2.0-85000000101

        """

    @Test func aFolderOfExportsIsReadByContentAndTheQueryMatchesEveryRecord() async throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try write(Self.tabDelimited, to: folder + "/in/savedrecs.txt")
        try write(Self.scopus, to: folder + "/in/scopus.csv")
        try write("Notes on the search strings used.\n", to: folder + "/in/README.txt")
        let store = folder + "/s.sqlite"
        let ingest = try await Techtracker.run(["ingest", "--quiet", "--store", store, folder + "/in"])
        #expect(ingest.status == 0)
        #expect(ingest.out.contains("read 4, new 4, updated 0, unchanged 0, conflicting 0, rejected 0"))
        #expect(ingest.error.contains("note: skipped \(folder)/in/README.txt: not a Web of Science or Scopus export"))
        // The Scopus row is the first WoS record's paper: one work, which WoS stands for.
        #expect(ingest.out.contains("records merged as the same paper from another source: 1 (1 by DOI"))
        #expect(ingest.out.contains("papers by the source that stands for them (its citation count is used): wos 3"))
        #expect(
            ingest.out.contains(
                "references of Web of Science and Scopus papers: 2, 1 with a DOI, 1 linked to stored papers"))

        let query = try await Techtracker.run(["query", "TS=\"Bluetooth low energy\"", "--store", store])
        #expect(query.status == 0)
        #expect(query.out.contains("Matches: 3 of 3 works (100.00%)"))
        let stats = try await Techtracker.run(["stats", "--store", store])
        #expect(stats.out.contains("Works: 3 (wos 3)"))
        for line in ["  US              1.5", "  TW              1.0", "  CN              0.5"] {
            #expect(stats.out.contains(line), "\(line)")
        }
    }

    @Test func formatForcesAReadingAndAWrongWordIsRefused() async throws {
        let folder = try temporaryFolder()
        try write(Self.tabDelimited, to: folder + "/export.dat")
        let forced = try await Techtracker.run([
            "ingest", "--quiet", "--format", "scopus", "--store", folder + "/a.sqlite", folder + "/export.dat",
        ])
        #expect(forced.out.contains("read 1, new 0, updated 0, unchanged 0, conflicting 0, rejected 1"))
        #expect(forced.error.contains("export.dat:1: the header is separated by tabs"))
        let recognised = try await Techtracker.run([
            "ingest", "--quiet", "--store", folder + "/b.sqlite", folder + "/export.dat",
        ])
        #expect(recognised.out.contains("read 3, new 3"))
        let wrong = try await Techtracker.run([
            "ingest", "--format", "endnote", "--store", folder + "/c.sqlite", folder,
        ])
        #expect(wrong.status == 2)
        #expect(wrong.error.contains("Please provide one of 'openalex', 'wos', 'wos-tab' or 'scopus'"))
    }

    @Test func damagedExportsAreReportedByFileLineAndFieldAndNothingGoodIsLost() async throws {
        let folder = try temporaryFolder()
        // A plain-text export cut short inside its third record, the second without a year.
        try write(
            """
            FN Clarivate Analytics Web of Science
            VR 1.0
            PT J
            AU Quill, A
            TI Qubit lattices in invented ceramics
            C1 Univ Nowhere, Springfield, IL 62701 USA.
            PY 2020
            UT WOS:000000000000201
            ER

            PT J
            AU Marlowe, C
            TI Qubit readout in pretend cavities
            UT WOS:000000000000202
            ER

            PT J
            AU Birch, D
            TI Truncated qu
            """, to: folder + "/cut.txt")
        try write("Authors;Title;Year;Source title;EID\nQuill A.;Invented;2020;J;2-s2.0-1\n", to: folder + "/semi.csv")
        try write(
            "\"Authors\",\"Title\",\"Year\",\"Document Type\"\n\"Quill A.\",\"Invented qubits\",2020,\"Article\"\n",
            to: folder + "/noeid.csv")
        let rejects = folder + "/rejects.tsv"
        let run = try await Techtracker.run([
            "ingest", "--quiet", "--store", folder + "/s.sqlite", "--rejects", rejects,
            folder + "/cut.txt", folder + "/semi.csv", folder + "/noeid.csv",
        ])
        #expect(run.status == 0)
        #expect(run.out.contains("read 5, new 1, updated 0, unchanged 0, conflicting 0, rejected 4"))
        for message in [
            "cut.txt:11: no publication year (PY) [record WOS:000000000000202]",
            "cut.txt:17: no accession number (UT)",
            "cut.txt:19: damaged text: the record starting at line 17 is not closed by ER",
            "semi.csv:1: wrong delimiter",
            "noeid.csv:1: file layout: no \"EID\" column",
            "noeid.csv:2: no EID",
        ] {
            #expect(run.error.contains(message), "\(message)")
        }
        let kept = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(
            kept.contains("PT J\\nAU Marlowe, C\\nTI Qubit readout in pretend cavities\\nUT WOS:000000000000202\\nER"))

        let strict = try await Techtracker.run([
            "ingest", "--quiet", "--strict", "--store", folder + "/strict.sqlite", folder + "/cut.txt",
        ])
        #expect(strict.status == 2)
        #expect(strict.out.contains("nothing was committed"))
    }
}

/// `ingest --only-matching --taxonomy FILE` as a user runs it.
@Suite struct OnlyMatchingIngestTests {
    @Test func onlyMatchingWorksAreStoredAndClassified() async throws {
        let folder = try temporaryFolder()
        let lines = (1...6).map { workLine($0, title: $0 % 2 == 0 ? "Qubit arrays number \($0)" : "Soil carbon \($0)") }
        try write(lines.joined(separator: "\n") + "\n", to: folder + "/works.jsonl")
        try write(
            "technologies:\n  - {id: qubits, name: Qubits, category: Quantum, query: 'TS=qubit*'}\n",
            to: folder + "/q.yaml")
        let run = try await Techtracker.run([
            "ingest", "--quiet", "--only-matching", "--taxonomy", folder + "/q.yaml", "--store", folder + "/s.sqlite",
            folder + "/works.jsonl",
        ])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.out.contains("read 6, new 3, updated 0, unchanged 0, conflicting 0, rejected 0, not matching 3"))
        #expect(run.out.contains("Classified 3 works against 1 technologies"))
        let misuse = try await Techtracker.run([
            "ingest", "--taxonomy", folder + "/q.yaml", "--store", folder + "/t.sqlite", folder + "/works.jsonl",
        ])
        #expect(misuse.status == 2)
        #expect(misuse.error.contains("--taxonomy is for --only-matching"))
    }
}
