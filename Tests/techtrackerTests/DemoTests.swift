import Foundation
import Testing

/// The demo end to end, and the commands that read what it left: export, query, explain.
@Suite
struct DemoTests {
    @Test func demoRunsThePipelineAndEndsWithTheHeadlineTheReportAndTheDashboard() async throws {
        let run = try await DemoFixture.run.value
        #expect(run.outcome.status == 0, "\(run.outcome.error)")
        let out = run.outcome.out
        #expect(out.contains("SYNTHETIC DATA"))
        #expect(out.contains("Works by country"))
        #expect(out.contains("Classified 3,000 works against 74 technologies"))
        let lines = out.split(separator: "\n")
        try #require(lines.count > 4)
        // The two headlines: by Share, then by patent-cited share (METHOD §10) from the synthetic
        // patent citations, stated for the latest window complete for them.
        let headline = lines[lines.count - 4]
        #expect(
            headline.wholeMatch(of: /SYNTHETIC DATA: [A-Z][A-Z] leads [0-9]+ of 74 technologies in 2020-2024 .*/)
                != nil,
            "\(headline)")
        let patentHeadline = lines[lines.count - 3]
        #expect(
            patentHeadline.wholeMatch(
                of: /SYNTHETIC DATA: By patent-cited share, [A-Z][A-Z] leads [0-9]+ of 74 technologies in 2014-2018 .*/)
                != nil,
            "\(patentHeadline)")
        #expect(lines[lines.count - 2].hasPrefix("Wrote \(run.folder)/report.html: the overview, 74 technologies"))
        #expect(
            lines[lines.count - 1]
                == "Dashboard: techtracker serve --store \(run.folder)/techtracker.sqlite   (then open http://127.0.0.1:8080/)"
        )
        let report = try String(contentsOfFile: run.folder + "/report.html", encoding: .utf8)
        #expect(report.contains("SYNTHETIC DATA"))
        #expect(!report.contains("https://") && !report.contains("http://"))
        // The steps, in order, on standard error; the analysis step states the defaults.
        let steps = run.outcome.error.split(separator: "\n").filter { $0.hasPrefix("== ") }
        #expect(
            steps == [
                "== 1/7 generate: 3000 synthetic works and their patent citations into \(run.folder)/corpus-3000-seed42",
                "== 2/7 ingest into \(run.folder)/techtracker.sqlite",
                "== 3/7 ingest-patents \(run.folder)/corpus-3000-seed42/patent-citations-SYNTHETIC_pcs_oa.csv.gz "
                    + "--cutoff-year 2024",
                "== 4/7 stats",
                "== 5/7 classify with the shipped 74-technology taxonomy",
                "== 6/7 analyze (both countings, 5-year windows, 1000 bootstrap draws)",
                "== 7/7 report",
            ])
        #expect(run.outcome.error.contains("read 3000, new 3000, updated 0, unchanged 0, conflicting 0, rejected 0"))
        #expect(run.outcome.error.contains("+ not in store 0 + rejected 0 + duplicates 0"))
    }

    @Test func exportIsByteIdenticalForTheSameFigures() async throws {
        let store = try await DemoFixture.store()
        let folder = try temporaryFolder()
        for out in ["export1", "export2"] {
            let printed = try await Techtracker.output([
                "export", "--store", store, "--format", "csv", "--out", folder + "/" + out,
            ])
            #expect(
                printed.hasPrefix("SYNTHETIC DATA: these files describe a generated corpus.\nwrote \(folder)/\(out)/"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/export1").sorted()
        #expect(
            names == [
                "country_shares.csv", "headline.csv", "institutions.csv", "memberships.csv", "mobility.csv",
                "mobility_gains.csv", "patent_headline.csv", "patent_linkage.csv", "patent_summary.csv",
                "settings.json", "technology_summary.csv",
            ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/export2").sorted() == names)
        for name in names {
            #expect(
                FileManager.default.contentsEqual(
                    atPath: folder + "/export1/" + name, andPath: folder + "/export2/" + name), "\(name) differs")
        }
        let shares = try String(contentsOfFile: folder + "/export1/country_shares.csv", encoding: .utf8)
        #expect(
            shares.prefix { $0 != "\n" }
                == "technology,window_start,window_end,counting,unit_type,country,p,p_top,share,pp_top,rank,tied,"
                + "p_top1,share_top1,h_index,ci_low,ci_high,p_leader,adjusted_share,adjusted_rank,inwardness,low_evidence,"
                + "rank_among_countries,ratio_to_best_outside")
        #expect(shares.contains(",group,EU27,"))
        let gains = try String(contentsOfFile: folder + "/export1/mobility_gains.csv", encoding: .utf8)
        #expect(
            gains.prefix { $0 != "\n" }
                == "technology,window_start,window_end,country,inflow,outflow,net_gain,low_evidence")
    }

    @Test func exportWritesJSONWhenAsked() async throws {
        let folder = try temporaryFolder()
        _ = try await Techtracker.output([
            "export", "--store", try await DemoFixture.store(), "--format", "json", "--out", folder,
        ])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(
            names.contains("country_shares.json") && names.contains("memberships.json")
                && !names.contains { $0.hasSuffix(".csv") })
    }

    @Test func queryAndExplainDescribeTheStore() async throws {
        let store = try await DemoFixture.store()
        let query = try await Techtracker.output([
            "query", "--store", store, #"TS=("quantum comput*" OR qubit*)"#, "--years", "2015-2024",
        ])
        #expect(
            query.split(separator: "\n").contains { $0.hasPrefix("Matches: ") && $0.hasSuffix(", published 2015-2024") }
        )
        #expect(query.contains("Top countries (fractional counting, METHOD §3)"))
        let explain = try await Techtracker.output(["explain", "quantum-computing", "--store", store])
        #expect(explain.contains("Overlap with other technologies"))
        #expect(explain.contains("Quantum computing (quantum-computing)"))
    }

    @Test func reportTakesEitherCountingOfTheStoredFigures() async throws {
        let store = try await DemoFixture.store()
        let fractional = try await Techtracker.output(["report", "--store", store])
        #expect(fractional.contains("(fractional counting"))
        let whole = try await Techtracker.output(["report", "--store", store, "--counting", "whole"])
        #expect(whole.contains("(whole counting"))
    }

    /// Mistyped numbers and names on a real store: exit code 2 and a message naming what is wrong.
    @Test func misuseOnAStoreIsRefusedWithAMessage() async throws {
        let store = try await DemoFixture.store()
        let negative = try await Techtracker.run(["stats", "--store", store, "--countries=-1"])
        #expect(negative.status == 2)
        let spaced = try await Techtracker.run(["analyze", "--store", store, "--bootstrap", "-1"])
        #expect(spaced.status == 2)
        #expect(spaced.error.contains("0…100000"))
        let unknown = try await Techtracker.run(["report", "--store", store, "--technology", "quantum-computin"])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("quantum-computing"))
    }
}
