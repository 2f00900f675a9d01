import Foundation
import Testing
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore
import TechTrackerTaxonomy

/// The whole pipeline (ingest, classify with a one-technology taxonomy, analyze) on a Web of
/// Science export and on a Scopus export written for these tests, with the country shares
/// worked out by hand from the rules of METHOD §2-§5.
///
/// The corpus: 20 works of 2020 about qubits, cited 1…20 times. The top-10% set of the year
/// (METHOD §4: cum(18) = 0.9, so t* = 18, θ = 0) is the two works cited 19 and 20 times, weight
/// 1 each:
/// - cited 20: authors Alpha and Beta in one address group in China, Gamma in the US: CN 2/3,
///   US 1/3;
/// - cited 19: Delta in two groups (Taiwan and Japan), Epsilon in Japan: Delta's half splits
///   1/4 TW + 1/4 JP, so TW 1/4, JP 3/4.
/// Share = P_top(country) / P_top(all) = credit / 2: CN 1/3, US 1/6, TW 1/8, JP 3/8.
/// The other 18 works: cited 18, an author in an unrecognised country and one in no group
/// (unknown 1); cited 1, two authors and two addresses without groups (each author both: DE
/// 1/2, FR 1/2); cited 2…17, one author in England (GB 1 each, so P(GB) = 16).
@Suite struct ExportPipelineTests {
    static let expectedShares: [String: Double] = ["CN": 1.0 / 3, "US": 1.0 / 6, "TW": 1.0 / 8, "JP": 3.0 / 8]
    static let expectedOutput: [String: Double] = [
        "CN": 2.0 / 3, "US": 1.0 / 3, "TW": 1.0 / 4, "JP": 3.0 / 4, "GB": 16, "DE": 0.5, "FR": 0.5,
    ]

    /// One invented paper: authors (full name, short name) and addresses (the authors of the
    /// group, or none, then the address).
    struct Paper {
        var citations: Int
        var authors: [(full: String, short: String)]
        var addresses: [(group: [String], address: String)]

        var doi: String { "10.5555/qubit.\(citations)" }
        var title: String { "Qubit lattice coherence study number \(citations)" }
    }

    static let papers: [Paper] = (1...20).map { citations in
        switch citations {
        case 20:
            Paper(
                citations: 20,
                authors: [("Alpha, Ann", "Alpha A."), ("Beta, Bob", "Beta B."), ("Gamma, Cy", "Gamma C.")],
                addresses: [
                    (["Alpha, Ann", "Beta, Bob"], "Tsinghua Univ, Dept Phys, Beijing 100084, Peoples R China"),
                    (["Gamma, Cy"], "Beth Israel Deaconess Med Ctr, Boston, MA 02215 USA"),
                ])
        case 19:
            Paper(
                citations: 19, authors: [("Delta, Dee", "Delta D."), ("Epsilon, Eve", "Epsilon E.")],
                addresses: [
                    (["Delta, Dee"], "Natl Taiwan Univ, Dept Phys, Taipei 10617, Taiwan"),
                    (["Delta, Dee", "Epsilon, Eve"], "Univ Tokyo, Dept Phys, Tokyo 1130033, Japan"),
                ])
        case 18:
            Paper(
                citations: 18, authors: [("Zeta, Zed", "Zeta Z."), ("Eta, Eli", "Eta E.")],
                addresses: [(["Zeta, Zed"], "Freedonia Inst Technol, Fredville, Freedonia")])
        case 1:
            Paper(
                citations: 1, authors: [("Theta, Tom", "Theta T."), ("Iota, Ida", "Iota I.")],
                addresses: [([], "Free Univ Berlin, Berlin, Germany"), ([], "Sorbonne Univ, Paris, France")])
        default:
            Paper(
                citations: citations, authors: [("Kappa, Kim", "Kappa K.")],
                addresses: [(["Kappa, Kim"], "Univ Oxford, Dept Phys, Oxford OX1 3PU, England")])
        }
    }

    /// The papers as a Web of Science plain-text export.
    static var webOfSciencePlainText: String { webOfSciencePlainText(papers) }

    /// `papers` as a Web of Science plain-text export.
    static func webOfSciencePlainText(_ papers: [Paper]) -> String {
        var lines = ["FN Clarivate Analytics Web of Science", "VR 1.0"]
        for paper in papers {
            lines.append("PT J")
            for (index, author) in paper.authors.enumerated() {
                lines.append((index == 0 ? "AF " : "   ") + author.full)
            }
            lines.append("TI \(paper.title)")
            lines.append("SO JOURNAL OF INVENTED QUANTUM DEVICES")
            lines.append("DT Article")
            for (index, entry) in paper.addresses.enumerated() {
                let group = entry.group.isEmpty ? "" : "[\(entry.group.joined(separator: "; "))] "
                lines.append((index == 0 ? "C1 " : "   ") + group + entry.address + ".")
            }
            lines.append("TC \(paper.citations)")
            lines.append("PY 2020")
            lines.append("DI \(paper.doi)")
            lines.append("UT WOS:0000000000000\(paper.citations + 10)")
            lines.append("ER")
            lines.append("")
        }
        lines.append("EF")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Scopus (2024+ layout) header.
    static let scopusHeader = [
        "Authors", "Author full names", "Author(s) ID", "Title", "Year", "Source title", "Volume", "Issue", "Art. No.",
        "Page start", "Page end", "Cited by", "DOI", "Link", "Affiliations", "Authors with affiliations", "Abstract",
        "Author Keywords", "Index Keywords", "Molecular Sequence Numbers", "Chemicals/CAS", "Tradenames",
        "Manufacturers", "Funding Details", "Funding Texts", "References", "Correspondence Address", "Editors",
        "Publisher", "Sponsors", "Conference name", "Conference date", "Conference location", "Conference code",
        "ISSN", "ISBN", "CODEN", "PubMed ID", "Language of Original Document", "Abbreviated Source Title",
        "Document Type", "Publication Stage", "Open Access", "Source", "EID",
    ]

    /// The same papers as a Scopus CSV export, with Scopus's spellings of the addresses.
    static var scopusCSV: String {
        func quoted(_ value: String) -> String { "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        func scopusAddress(_ address: String) -> String {
            address.replacingOccurrences(of: "Peoples R China", with: "China")
                .replacingOccurrences(of: "MA 02215 USA", with: "MA, United States")
                .replacingOccurrences(of: "England", with: "United Kingdom")
        }
        var lines = [scopusHeader.map(quoted).joined(separator: ",")]
        for paper in papers {
            var entries: [String] = []
            for author in paper.authors {
                let own = paper.addresses.filter { $0.group.contains(author.full) || $0.group.isEmpty }
                for entry in own { entries.append(author.short + ", " + scopusAddress(entry.address)) }
            }
            var row = [String: String]()
            row["Authors"] = paper.authors.map(\.short).joined(separator: "; ")
            row["Author full names"] = paper.authors.enumerated()
                .map { "\($0.element.full) (\(70_000_000_000 + $0.offset))" }.joined(separator: "; ")
            row["Title"] = paper.title
            row["Year"] = "2020"
            row["Source title"] = "Journal of Invented Quantum Devices"
            row["Cited by"] = "\(paper.citations)"
            row["DOI"] = paper.doi
            row["Affiliations"] = paper.addresses.map { scopusAddress($0.address) }.joined(separator: "; ")
            row["Authors with affiliations"] = entries.joined(separator: "; ")
            row["Document Type"] = "Article"
            row["Source"] = "Scopus"
            row["EID"] = "2-s2.0-850000000\(paper.citations + 10)"
            lines.append(scopusHeader.map { quoted(row[$0] ?? "") }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static let taxonomy = Result {
        try Taxonomy.parse(
            yaml: "technologies:\n  - {id: qubits, name: Qubits, category: Quantum, query: 'TS=qubit*'}\n",
            source: "qubits.yaml")
    }

    /// Ingests `files`, classifies, analyses, and returns the fractional shares and outputs of
    /// window 2016-2020.
    func analyse(
        _ files: [(name: String, text: String)]
    ) throws -> (
        share: [String: Double], output: [String: Double], summary: IngestSummary
    ) {
        let folder = try temporaryFolder()
        for file in files { try write(file.text, to: folder + "/" + file.name) }
        let store = try WorkStore(path: folder + "/s.sqlite")
        let summary = try ingest(files.map { folder + "/" + $0.name }, into: store)
        _ = try ClassifyRun(taxonomy: Self.taxonomy.get()).run(on: store)
        var settings = AnalysisSettings()
        settings.bootstrapDraws = 20
        settings.countings = [.fractional]
        settings.groups = []
        let (results, _) = try AnalyzeRun(settings: settings).run(on: store)
        let rows = results.countryShares.filter {
            $0.technology == "qubits" && $0.windowStart == 2016 && $0.counting == .fractional && $0.unitType == .country
        }
        return (
            Dictionary(uniqueKeysWithValues: rows.filter { $0.share > 0 }.map { ($0.country, $0.share) }),
            Dictionary(uniqueKeysWithValues: rows.map { ($0.country, $0.p) }), summary
        )
    }

    func expectFigures(_ figures: (share: [String: Double], output: [String: Double], summary: IngestSummary)) {
        #expect(Set(figures.share.keys) == Set(Self.expectedShares.keys))
        for (country, share) in Self.expectedShares {
            #expect(abs((figures.share[country] ?? -1) - share) < 1e-9, "share of \(country)")
        }
        #expect(Set(figures.output.keys) == Set(Self.expectedOutput.keys))
        for (country, output) in Self.expectedOutput {
            #expect(abs((figures.output[country] ?? -1) - output) < 1e-9, "output of \(country)")
        }
    }

    @Test func aWebOfScienceExportGivesTheHandComputedShares() throws {
        let figures = try analyse([("savedrecs.txt", Self.webOfSciencePlainText)])
        #expect(figures.summary.read == 20 && figures.summary.outcomes.new == 20 && figures.summary.rejected == 0)
        #expect(figures.summary.unrecognisedCountries == ["Freedonia": 1])
        #expect(figures.summary.warnings["author without an address"] == 1)
        expectFigures(figures)
    }

    @Test func aScopusExportGivesTheHandComputedShares() throws {
        let figures = try analyse([("scopus.csv", Self.scopusCSV)])
        #expect(figures.summary.read == 20 && figures.summary.outcomes.new == 20 && figures.summary.rejected == 0)
        #expect(figures.summary.unrecognisedCountries == ["Freedonia": 1])
        expectFigures(figures)
    }

    @Test func bothExportsOfTheSamePapersCountEachPaperOnce() throws {
        let figures = try analyse([("savedrecs.txt", Self.webOfSciencePlainText), ("scopus.csv", Self.scopusCSV)])
        #expect(figures.summary.read == 40 && figures.summary.outcomes.new == 40)
        #expect(figures.summary.crossSource.duplicatesByDOI == 20)
        #expect(figures.summary.crossSource.papersBySource == [.wos: 20])
        expectFigures(figures)
    }

    /// The exports of an analysis of `files` (ingested in the order given), by file name.
    func exported(_ files: [(name: String, text: String)]) throws -> [String: Data] {
        let folder = try temporaryFolder()
        for file in files { try write(file.text, to: folder + "/" + file.name) }
        let store = try WorkStore(path: folder + "/s.sqlite")
        for file in files { _ = try ingest([folder + "/" + file.name], into: store) }
        _ = try ClassifyRun(taxonomy: Self.taxonomy.get()).run(on: store)
        var settings = AnalysisSettings()
        settings.bootstrapDraws = 50
        let (results, _) = try AnalyzeRun(settings: settings).run(on: store)
        var files: [String: Data] = [:]
        for path in try ResultsExporter.write(results, format: .csv, to: folder + "/out") {
            files[URL(fileURLWithPath: path).lastPathComponent] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    @Test func theExportsDoNotDependOnTheOrderOrFilesTheRecordsCameIn() throws {
        let once = try exported([("savedrecs.txt", Self.webOfSciencePlainText), ("scopus.csv", Self.scopusCSV)])
        // Reversed records, split over two WoS files, the Scopus file first, in separate ingests.
        let reversed = Array(Self.papers.reversed())
        let other = try exported([
            ("scopus.csv", Self.scopusCSV), ("b.txt", Self.webOfSciencePlainText(Array(reversed.prefix(7)))),
            ("a.txt", Self.webOfSciencePlainText(Array(reversed.dropFirst(7)))),
        ])
        #expect(once.count >= 7)
        #expect(once == other)
    }
}
