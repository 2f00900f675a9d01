import Foundation
import Testing
import TechTrackerCore
@testable import TechTrackerPresent

/// The patent export files of `PatentFixture`, byte for byte, and `settings.json`'s `patents`;
/// without patent data, exactly the files there always were.
struct PatentExportTests {
    static func write(_ results: AnalysisResults, format: ResultsExporter.Format = .csv) throws -> (String, [String]) {
        let folder = ExportTablesTests.folder()
        let paths = try ResultsExporter.write(results, format: format, to: folder)
        return (folder, paths.map { URL(fileURLWithPath: $0).lastPathComponent })
    }

    static func settings(_ folder: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(ExportTablesTests.read(folder, "settings.json").utf8))
                as? [String: Any])
    }

    @Test func withoutPatentDataTheFilesAreAsBefore() throws {
        var results = UnitsFixture.results()
        // Rows without the data that produced them are not written either.
        results.patentSummaries = PatentFixture.results().patentSummaries
        let (folder, names) = try Self.write(results)
        #expect(
            names == [
                "country_shares.csv", "technology_summary.csv", "institutions.csv", "mobility.csv",
                "mobility_gains.csv", "headline.csv", "settings.json",
            ])
        #expect(try Self.settings(folder)["patents"] == nil)
        #expect(try !ExportTablesTests.read(folder, "settings.json").contains("\"patents\""))
        let (plain, _) = try Self.write(UnitsFixture.results())
        #expect(try ExportTablesTests.read(plain, "settings.json") == ExportTablesTests.read(folder, "settings.json"))
    }

    @Test func patentFilesHaveTheDocumentedColumnsRowsAndNumbers() throws {
        var results = PatentFixture.results()
        results.patentLinkage[4].rti = .infinity
        let (folder, names) = try Self.write(results)
        #expect(
            names == [
                "country_shares.csv", "technology_summary.csv", "institutions.csv", "mobility.csv",
                "mobility_gains.csv", "headline.csv", "patent_linkage.csv", "patent_summary.csv",
                "patent_headline.csv", "settings.json",
            ])
        #expect(
            try ExportTablesTests.read(folder, "patent_linkage.csv") == """
                technology,window_start,window_end,counting,unit_type,country,pc,patent_cited_share,patent_rate,rti,rank,ci_low,ci_high,incomplete,low_evidence
                ai,2003,2007,fractional,country,US,20.0,1.0,0.25,1.0,1,0.875,1.125,false,false
                ai,2020,2024,fractional,country,US,12.5,0.625,0.3125,2.5,1,0.5,0.75,true,false
                ai,2020,2024,fractional,country,CN,7.5,0.375,,1.5,2,,,true,true
                ai,2020,2024,fractional,group,EU27,5.0,0.25,0.25,1.0,1,0.125,0.375,true,false
                bio,2020,2024,fractional,country,GB,20.0,1.0,0.25,inf,1,0.875,1.125,true,true

                """)
        #expect(
            try ExportTablesTests.read(folder, "patent_summary.csv") == """
                technology,window_start,window_end,counting,top_works,patent_cited_top_works,leader_by_share,leader,leader_patent_cited_share,leader_tied,leaders_differ,incomplete,low_evidence
                ai,2003,2007,fractional,40.0,20.0,US,US,1.0,false,false,false,false
                ai,2020,2024,fractional,40.0,20.0,CN,US,0.625,false,true,true,false
                bio,2020,2024,fractional,40.0,20.0,CN,GB,1.0,false,true,true,true
                qc,2020,2024,fractional,40.0,20.0,US,US,0.5,true,false,true,true
                zz,2020,2024,fractional,40.0,20.0,,,,false,false,true,true

                """)
        let headline = try ExportTablesTests.read(folder, "patent_headline.csv")
        #expect(
            headline == """
                window_start,window_end,counting,unit_type,country,technologies_led,technologies_top5,led_low_evidence,led_tied
                2003,2007,fractional,country,US,1,1,0,0
                2020,2024,fractional,country,US,2,3,1,1
                2020,2024,fractional,country,GB,1,2,1,0
                2020,2024,fractional,group,EU27,0,1,0,0

                """)
        // The headline's own columns: the two files read side by side.
        #expect(
            headline.split(separator: "\n").first
                == (try ExportTablesTests.read(folder, "headline.csv")).split(separator: "\n").first)
    }

    @Test func patentFilesInJSONAndWithoutRows() throws {
        let (folder, _) = try Self.write(PatentFixture.results(), format: .json)
        let summary = try ExportTablesTests.read(folder, "patent_summary.json")
        #expect(summary.contains(#""technology":"zz","#) && summary.contains(#""leader":null,"#))
        var empty = UnitsFixture.results()
        empty.patentData = PatentFixture.data()
        let (bare, names) = try Self.write(empty)
        #expect(names.contains("patent_linkage.csv"))
        #expect(try ExportTablesTests.read(bare, "patent_headline.csv").split(separator: "\n").count == 1)
    }

    @Test func settingsStateThePatentFilterCutOffFilesAndSyntheticData() throws {
        var results = PatentFixture.results()
        results.settings.patentFilter = PatentCitationFilter(minimumConfidence: 5, excludeSelfCitations: true)
        let (folder, _) = try Self.write(results)
        let object = try Self.settings(folder)
        #expect(object["synthetic"] as? Bool == false)
        #expect(object["note"] as? String == "computed from ingested records")
        let patents = try #require(object["patents"] as? [String: Any])
        #expect(
            patents["filter"] as? String == "patent citations with confidence ≥ 5, inventor self-citations excluded")
        #expect(patents["cutoffYear"] as? Int == 2024)
        #expect(patents["lastCompleteWindowEnd"] as? Int == 2018)
        #expect(patents["citations"] as? Int == 9_000 && patents["countingCitations"] as? Int == 7_000)
        #expect(patents["citedWorks"] as? Int == 3_210 && patents["synthetic"] as? Bool == false)
        let file = try #require((patents["files"] as? [[String: Any]])?.first)
        #expect(file["name"] as? String == "_pcs_oa.csv" && file["size"] as? Int == 1_234_567_890)
        #expect(file["latestYear"] as? Int == 2024)
        let note = try #require(patents["note"] as? String)
        #expect(note.hasPrefix("Windows ending after 2018 are incomplete (patent lag)."))
        #expect(note.hasSuffix(AnalysisReport.patentMeaning))
        let filter = try #require((object["settings"] as? [String: Any])?["patentFilter"] as? [String: Any])
        #expect(filter["minimumConfidence"] as? Int == 5 && filter["excludeSelfCitations"] as? Bool == true)

        let (synthetic, _) = try Self.write(PatentFixture.results(fileName: "citations-SYNTHETIC.csv"))
        let labelled = try Self.settings(synthetic)
        #expect(labelled["synthetic"] as? Bool == true)
        #expect((labelled["note"] as? String)?.hasPrefix("SYNTHETIC DATA: ") == true)
        let labelledPatents = try #require(labelled["patents"] as? [String: Any])
        #expect(labelledPatents["synthetic"] as? Bool == true)
        #expect((labelledPatents["note"] as? String)?.hasPrefix("SYNTHETIC DATA: generated patent citations") == true)

        var unknown = PatentFixture.results()
        unknown.patentData = PatentFixture.data(cutoff: nil)
        let (noCutoff, _) = try Self.write(unknown)
        let unknownPatents = try #require(try Self.settings(noCutoff)["patents"] as? [String: Any])
        #expect(unknownPatents["cutoffYear"] == nil && unknownPatents["lastCompleteWindowEnd"] == nil)
        #expect(
            (unknownPatents["note"] as? String)?.hasPrefix("The patent cut-off is unknown: every window is incomplete")
                == true)
    }
}
