import Foundation
import TestScratch
import Testing
import TechTrackerCore
@testable import TechTrackerPresent

/// The export files of `UnitsFixture`, byte for byte: columns, row order, empty cells, `inf`.
struct ExportTablesTests {
    static func folder() -> String {
        TestScratch.url("export").path
    }

    static func read(_ folder: String, _ file: String) throws -> String {
        try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
    }

    @Test func countrySharesListCountriesThenGroupsWithTheNewColumns() throws {
        let folder = Self.folder()
        try ResultsExporter.write(UnitsFixture.results(), format: .csv, to: folder)
        #expect(
            try Self.read(folder, "country_shares.csv") == """
                technology,window_start,window_end,counting,unit_type,country,p,p_top,share,pp_top,rank,tied,p_top1,share_top1,h_index,ci_low,ci_high,p_leader,adjusted_share,adjusted_rank,inwardness,low_evidence,rank_among_countries,ratio_to_best_outside
                ai,2003,2007,fractional,country,US,40.0,4.0,0.5,0.1,1,false,0.0,0.0,2,0.25,0.5,0.5,0.5,1,,false,,
                ai,2020,2024,fractional,country,CN,20.0,2.0,0.25,0.1,1,true,1.0,0.5,2,0.125,0.25,0.5,0.25,1,,false,,
                ai,2020,2024,fractional,country,US,20.0,2.0,0.25,0.1,2,true,0.5,0.25,2,0.125,0.25,,0.25,2,,false,,
                ai,2020,2024,fractional,country,DE,10.0,1.0,0.125,0.1,3,true,0.0,0.0,2,0.0625,0.125,,0.125,3,,true,,
                ai,2020,2024,fractional,country,FR,10.0,1.0,0.125,0.1,4,true,0.0,0.0,2,0.0625,0.125,,0.125,4,,false,,
                ai,2020,2024,fractional,group,EU27,30.0,3.0,0.375,0.1,1,false,0.0,0.0,2,0.1875,0.375,0.5,0.375,1,,false,1,1.5
                ai,2020,2024,fractional,group,Five Eyes,25.0,2.5,0.3125,0.1,2,false,0.0,0.0,2,0.15625,0.3125,,0.3125,2,,false,1,1.25
                ai,2020,2024,whole,country,CN,40.0,4.0,0.5,0.1,1,false,0.0,0.0,2,0.25,0.5,0.5,0.5,1,,false,,
                bio,2020,2024,fractional,country,CN,80.0,8.0,1.0,0.1,1,false,0.0,0.0,2,0.5,1.0,0.5,1.0,1,,true,,
                qc,2020,2024,fractional,country,US,60.0,6.0,0.75,0.1,1,false,2.0,1.0,2,0.375,0.75,0.5,0.75,1,,true,,
                qc,2020,2024,fractional,country,GB,20.0,2.0,0.25,0.1,2,false,0.0,0.0,2,0.125,0.25,,0.25,2,,true,,
                qc,2020,2024,fractional,country,CN,0.0,0.0,0.0,0.1,3,false,0.0,0.0,2,,,,0.0,3,,true,,
                qc,2020,2024,fractional,group,Five Eyes,80.0,8.0,1.0,0.1,1,false,2.0,1.0,2,0.5,1.0,0.5,1.0,1,,true,1,inf
                qc,2020,2024,fractional,group,EU27,0.0,0.0,0.0,0.1,2,false,0.0,0.0,2,,,,0.0,2,,true,3,0.0
                zz,2020,2024,fractional,country,FR,0.0,0.0,0.0,0.1,1,false,0.0,0.0,2,,,0.5,0.0,1,,true,,

                """)
    }

    @Test func technologySummaryHasTiesTopOnePercentAndTheEUUnit() throws {
        let folder = Self.folder()
        try ResultsExporter.write(UnitsFixture.results(), format: .csv, to: folder)
        #expect(
            try Self.read(folder, "technology_summary.csv") == """
                technology,name,category,window_start,window_end,counting,works,top_works,leader,leader_share,leader_share_top1,leader_tied,runner_up,runner_up_share,lead_ratio,leader_institutions_in_top10,tmr,p_leader,adjusted_leader,whole_counting_leader,low_evidence,eu_unit_leader,eu_unit_lead_ratio,eu_unit_tmr
                ai,AI,Cat,2003,2007,fractional,100,10.0,US,0.5,,false,,,2.0,3,low,0.5,US,US,false,,,low
                ai,AI,Cat,2020,2024,fractional,400,40.0,CN,0.25,0.5,true,US,0.25,1.0,3,low,0.5,US,CN,false,EU27,1.5,low
                bio,BIO,Cat,2020,2024,fractional,50,5.0,CN,1.0,0.0,false,,,inf,3,medium,0.5,CN,CN,true,CN,inf,high
                qc,QC,Cat,2020,2024,fractional,60,6.0,US,0.75,1.0,false,GB,0.25,3.0,3,high,0.5,US,US,true,US,3.0,high
                zz,ZZ,Cat,2020,2024,fractional,10,1.0,,,,false,,,,3,low,,,,true,,,low

                """)
    }

    @Test func institutionsMobilityGainsAndHeadline() throws {
        let folder = Self.folder()
        try ResultsExporter.write(UnitsFixture.results(), format: .csv, to: folder)
        #expect(
            try Self.read(folder, "institutions.csv") == """
                technology,window_start,window_end,counting,rank,institution_id,name,country,p_top,share,low_evidence
                ai,2020,2024,fractional,1,I1,Big Lab,CN,6.0,0.15,false
                ai,2020,2024,fractional,2,I2,"Small, Lab",DE,1.5,0.0375,true

                """)
        #expect(
            try Self.read(folder, "mobility.csv") == """
                technology,window_start,window_end,origin,destination,authors,low_evidence
                ai,2020,2024,CN,US,6,false
                ai,2020,2024,US,CN,2,true

                """)
        #expect(
            try Self.read(folder, "mobility_gains.csv") == """
                technology,window_start,window_end,country,inflow,outflow,net_gain,low_evidence
                ai,2003,2007,US,100,0,100,false
                ai,2020,2024,AU,3,0,3,true
                ai,2020,2024,BR,0,1,-1,true
                ai,2020,2024,CA,2,0,2,true
                ai,2020,2024,CN,2,8,-6,false
                ai,2020,2024,DE,0,3,-3,true
                ai,2020,2024,FR,0,3,-3,true
                ai,2020,2024,GB,3,0,3,true
                ai,2020,2024,IN,0,1,-1,true
                ai,2020,2024,IT,1,1,0,true
                ai,2020,2024,JP,1,0,1,true
                ai,2020,2024,KR,0,1,-1,true
                ai,2020,2024,NZ,1,0,1,true
                ai,2020,2024,US,7,2,5,false
                bio,2020,2024,US,0,1,-1,true
                qc,2020,2024,US,2,0,2,true

                """)
        #expect(
            try Self.read(folder, "headline.csv") == """
                window_start,window_end,counting,unit_type,country,technologies_led,technologies_top5,led_low_evidence,led_tied
                2003,2007,fractional,country,US,1,1,0,0
                2020,2024,fractional,country,CN,2,2,1,1
                2020,2024,fractional,country,US,1,3,1,0
                2020,2024,fractional,country,GB,0,1,0,0
                2020,2024,fractional,group,EU27,1,1,0,0
                2020,2024,fractional,group,Five Eyes,1,2,1,0
                2020,2024,whole,country,CN,1,1,0,0

                """)
    }

    @Test func writesEveryFileInTheDocumentedOrder() throws {
        let folder = Self.folder()
        let paths = try ResultsExporter.write(UnitsFixture.results(), format: .json, to: folder)
        #expect(
            paths.map { URL(fileURLWithPath: $0).lastPathComponent } == [
                "country_shares.json", "technology_summary.json", "institutions.json", "mobility.json",
                "mobility_gains.json",
                "headline.json", "settings.json",
            ])
    }

    @Test func jsonWritesNullForUnboundedRatios() throws {
        let folder = Self.folder()
        try ResultsExporter.write(UnitsFixture.results(), format: .json, to: folder)
        let summary = try Self.read(folder, "technology_summary.json")
        #expect(summary.contains(#""technology":"bio","#))
        #expect(summary.contains(#""lead_ratio":null,"leader_institutions_in_top10":3"#))
        #expect(summary.contains(#""eu_unit_lead_ratio":null,"eu_unit_tmr":"high"}"#))
        #expect(!summary.contains("inf"))
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.read(folder, "country_shares.json").utf8))
                as? [[String: Any]])
        let fiveEyes = try #require(
            rows.first { $0["technology"] as? String == "qc" && $0["country"] as? String == "Five Eyes" })
        #expect(fiveEyes["ratio_to_best_outside"] is NSNull)
        #expect(fiveEyes["unit_type"] as? String == "group")
        #expect(fiveEyes["rank_among_countries"] as? Int == 1)
        let eu = try #require(rows.first { $0["technology"] as? String == "ai" && $0["country"] as? String == "EU27" })
        #expect(eu["ratio_to_best_outside"] as? Double == 1.5)
        #expect(rows.first { $0["country"] as? String == "CN" }?["rank_among_countries"] is NSNull)
        let gains = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.read(folder, "mobility_gains.json").utf8))
                as? [[String: Any]])
        #expect(gains.count == 16)
        #expect(gains[4]["net_gain"] as? Int == -6)
        #expect(gains[4]["low_evidence"] as? Bool == false)
    }

    @Test func shuffledRowsGiveByteIdenticalFiles() throws {
        let base = Self.folder()
        var generator = SplitMix64(seed: 7)
        for format in ResultsExporter.Format.allCases {
            var shuffled = UnitsFixture.results()
            shuffled.countryShares.shuffle(using: &generator)
            shuffled.technologySummaries.shuffle(using: &generator)
            shuffled.institutions.shuffle(using: &generator)
            shuffled.mobility.shuffle(using: &generator)
            shuffled.mobilityGains.shuffle(using: &generator)
            shuffled.headline.shuffle(using: &generator)
            #expect(shuffled != UnitsFixture.results())
            let first = try ResultsExporter.write(UnitsFixture.results(), format: format, to: base + "/a-\(format)")
            let second = try ResultsExporter.write(shuffled, format: format, to: base + "/b-\(format)")
            #expect(first.count == 7)
            for (a, b) in zip(first, second) {
                #expect(
                    try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)), "\(a)")
            }
        }
    }

    @Test func settingsJSONHasSortedKeysAndTheNewSettings() throws {
        let folder = Self.folder()
        var results = UnitsFixture.results()
        results.settings.mergeRegions = ["CN"]
        results.settings.excludeSelfCitations = true
        try ResultsExporter.write(results, format: .csv, to: folder)
        let text = try Self.read(folder, "settings.json")
        #expect(text.hasSuffix("}\n"))
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("    \"") }.map { $0.split(separator: "\"")[1] }
        #expect(
            keys == [
                "bootstrapDraws", "countings", "excludeSelfCitations", "fromYear", "groups", "mergeRegions",
                "patentFilter", "seed", "thresholdScope", "toYear", "types", "windowLength",
            ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let settings = try #require(object["settings"] as? [String: Any])
        #expect(settings["mergeRegions"] as? [String] == ["CN"])
        #expect(settings["excludeSelfCitations"] as? Bool == true)
        let groups = try #require(settings["groups"] as? [[String: Any]])
        #expect(groups.first?["name"] as? String == "EU27")
        #expect(groups.first?["members"] as? [String] == ["DE", "FR"])
        try ResultsExporter.write(results, format: .csv, to: folder + "/again")
        #expect(try Self.read(folder + "/again", "settings.json") == text)
    }

    @Test func filesAreRenamedIntoPlaceAndNoTemporaryIsLeft() throws {
        let folder = Self.folder()
        let paths = try ResultsExporter.write(UnitsFixture.results(), format: .csv, to: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == paths.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted())
        #expect(!names.contains { $0.hasSuffix(".tmp") })
        for path in paths {
            #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("\n"), "complete: \(path)")
        }
        // A second export replaces the files in place (rename over an existing file).
        var fewer = UnitsFixture.results()
        fewer.mobilityGains = []
        try ResultsExporter.write(fewer, format: .csv, to: folder)
        #expect(
            try Self.read(folder, "mobility_gains.csv")
                == "technology,window_start,window_end,country,inflow,outflow,net_gain,low_evidence\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == names)
    }

    @Test func aFailedWriteKeepsThePreviousFilesAndRemovesTemporaries() throws {
        let folder = Self.folder()
        try ResultsExporter.write(UnitsFixture.results(), format: .csv, to: folder)
        let before = try Self.read(folder, "country_shares.csv")
        // `headline.csv` cannot be replaced by a file while a non-empty folder holds its name: the
        // rename fails after every temporary is written.
        let blocker = folder + "/headline.csv"
        try FileManager.default.removeItem(atPath: blocker)
        try FileManager.default.createDirectory(atPath: blocker + "/inside", withIntermediateDirectories: true)
        var changed = UnitsFixture.results()
        changed.countryShares.removeLast()
        #expect(throws: ResultsExporter.WriteError.self) {
            try ResultsExporter.write(changed, format: .csv, to: folder)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
        // Files renamed before the failure are whole new files; none is truncated.
        let after = try Self.read(folder, "country_shares.csv")
        #expect(after == before || after.split(separator: "\n").count == before.split(separator: "\n").count - 1)
        #expect(after.hasSuffix("\n"))
    }

    @Test func temporaryNamesAreHiddenBesideTheFinalFile() {
        let path = ResultsExporter.temporaryPath(for: "/out/dir/headline.csv")
        #expect(path.hasPrefix("/out/dir/.headline.csv."))
        #expect(path.hasSuffix(".tmp"))
    }
}
