import Foundation
import Synchronization
import Testing
import TechTrackerCore
import TechTrackerPipeline
import TechTrackerPresent
import TechTrackerStore
import TechTrackerSynth
import TechTrackerTaxonomy

/// The analysis end to end on a small synthetic corpus (classified once for the suite).
@Suite(.serialized)
struct AnalyzeRunTests {
    static let template = Result { try syntheticTemplateStore(works: 6000, seed: 5, classified: true) }

    func freshStore() throws -> WorkStore {
        try copyOfStore(try Self.template.get())
    }

    func settings(draws: Int = 200) -> AnalysisSettings {
        var settings = AnalysisSettings()
        settings.bootstrapDraws = draws
        return settings
    }

    @Test func everyTechnologyWindowAndCountingHasASummaryAndStoredResultsMatch() throws {
        let store = try freshStore()
        let (results, _) = try AnalyzeRun(settings: settings()).run(on: store)
        let windows = Set(results.technologySummaries.map(\.windowStart))
        #expect(windows == Set(2003...2020))
        #expect(results.technologySummaries.count == 74 * 18 * 2)
        #expect(results.synthetic)
        // What the store gives back exports to the same bytes as what was computed.
        let stored = try #require(try store.storedResults())
        let folder = try temporaryFolder()
        let computedFiles = try ResultsExporter.write(results, format: .csv, to: folder + "/computed")
        let storedFiles = try ResultsExporter.write(stored, format: .csv, to: folder + "/stored")
        for (left, right) in zip(computedFiles, storedFiles) {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: left)) == Data(contentsOf: URL(fileURLWithPath: right)),
                "\(left)")
        }
        // Fractional shares of a (technology, window) plus the unknown part sum to 1.
        let groups = Dictionary(grouping: results.countryShares.filter { $0.counting == .fractional }) {
            "\($0.technology) \($0.windowStart)"
        }
        for (_, rows) in groups.prefix(50) {
            #expect(rows.reduce(0) { $0 + $1.share } <= 1 + 1e-9)
        }
        // Every leader is the rank-1 country of its table.
        for summary in results.technologySummaries.prefix(200) where summary.leader != nil {
            let first = results.countryShares.first {
                $0.technology == summary.technology && $0.windowStart == summary.windowStart
                    && $0.counting == summary.counting && $0.rank == 1
            }
            #expect(first?.country == summary.leader)
        }
        #expect(!results.headline.isEmpty)
    }

    @Test func sameSettingsGiveByteIdenticalExportsAndSettingsChangesShow() throws {
        let base = try temporaryFolder()
        let (first, _) = try AnalyzeRun(settings: settings()).run(on: try freshStore())
        let (second, _) = try AnalyzeRun(settings: settings()).run(on: try freshStore())
        let a = try ResultsExporter.write(first, format: .csv, to: base + "/a")
        let b = try ResultsExporter.write(second, format: .csv, to: base + "/b")
        for (left, right) in zip(a, b) {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: left)) == Data(contentsOf: URL(fileURLWithPath: right)),
                "\(left)")
        }
        var windowScope = settings()
        windowScope.thresholdScope = .window
        windowScope.countings = [.whole]
        let (changed, _) = try AnalyzeRun(settings: windowScope).run(on: try freshStore())
        let c = try ResultsExporter.write(changed, format: .csv, to: base + "/c")
        let shares = try String(contentsOfFile: c[0], encoding: .utf8)
        #expect(shares.contains(",whole,") && !shares.contains(",fractional,"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: c[0])) != Data(contentsOf: URL(fileURLWithPath: a[0])))
        let settingsFile = try String(contentsOfFile: base + "/c/settings.json", encoding: .utf8)
        #expect(settingsFile.contains("\"thresholdScope\" : \"window\""))
    }

    /// METHOD §2: windows are whole, within --from/--to, and the stored settings say which.
    @Test func windowsAreWholeAndStated() throws {
        var narrow = settings(draws: 0)
        narrow.fromYear = 2010
        narrow.toYear = 2016
        narrow.countings = [.fractional]
        let (results, _) = try AnalyzeRun(settings: narrow).run(on: try freshStore())
        let windows = Set(results.technologySummaries.map { "\($0.windowStart)-\($0.windowEnd)" })
        #expect(windows == ["2010-2014", "2011-2015", "2012-2016"])
        #expect(results.settings.fromYear == 2010 && results.settings.toYear == 2016)
        #expect(results.settings.summary.contains("2010-2014 … 2012-2016, 3 windows"))
    }

    /// A run with nothing to analyse fails and leaves the stored figures as they were.
    @Test func aRunWithoutWindowsKeepsTheStoredFigures() throws {
        let store = try freshStore()
        let (results, _) = try AnalyzeRun(settings: settings(draws: 0)).run(on: store)
        var bogus = settings(draws: 0)
        bogus.types = ["no-such-type"]
        #expect(throws: AnalyzeError.self) { try AnalyzeRun(settings: bogus).run(on: store) }
        #expect(try store.storedResults()?.countryShares.count == results.countryShares.count)
        // Whole windows with no kept work in them (--from/--to beyond the data) are nothing too.
        var future = settings(draws: 0)
        future.fromYear = 2100
        future.toYear = 2110
        #expect {
            try AnalyzeRun(settings: future).run(on: store)
        } throws: { error in
            "\(error)".hasPrefix("no kept work (types article,review,proceedings-paper) was published in 2100-2110")
        }
        #expect(try store.storedResults()?.countryShares.count == results.countryShares.count)
    }

    /// Progress counts every technology of every counting once, in order, ending at the total.
    @Test func progressReachesTheTotalOfTechnologiesTimesCountings() throws {
        let seen = Mutex<[(Int, Int)]>([])
        var run = AnalyzeRun(settings: settings(draws: 0))
        run.progress = { done, total in seen.withLock { $0.append((done, total)) } }
        _ = try run.run(on: try freshStore())
        let calls = seen.withLock { $0 }
        #expect(calls.map(\.0) == Array(1...(74 * 2)))
        #expect(calls.allSatisfy { $0.1 == 74 * 2 })
    }

    /// A classification without technologies computes nothing: the run fails and the stored
    /// figures stay.
    @Test func anEmptyRunNeverReplacesStoredFigures() throws {
        let store = try freshStore()
        let (results, _) = try AnalyzeRun(settings: settings(draws: 0)).run(on: store)
        try store.replaceClassification(
            technologies: [], memberships: [], taxonomyHash: "0000000000000000",
            taxonomySource: "empty", startedAt: Date(), works: 0)
        #expect {
            try AnalyzeRun(settings: settings(draws: 0)).run(on: store)
        } throws: { error in
            "\(error)".contains("nothing to analyse")
        }
        #expect(try store.storedResults()?.countryShares.count == results.countryShares.count)
    }

    /// A store classified with more technologies than the limit (before it existed) is refused
    /// before anything is loaded, and keeps its figures.
    @Test func tooManyTechnologiesAreRefused() throws {
        let store = try freshStore()
        let (results, _) = try AnalyzeRun(settings: settings(draws: 0)).run(on: store)
        let count = Taxonomy.maximumTechnologies + 1
        try store.replaceClassification(
            technologies: (0..<count).map {
                StoredTechnology(id: "t\($0)", name: "T", category: "C", scope: "", query: "TS=x")
            },
            memberships: Array(repeating: [], count: count), taxonomyHash: "0000000000000000", taxonomySource: "big",
            startedAt: Date(), works: 0)
        #expect {
            try AnalyzeRun(settings: settings(draws: 0)).run(on: store)
        } throws: { error in
            "\(error)".hasPrefix("the last classification holds \(count) technologies; analyze handles at most 1000")
        }
        #expect(try store.storedResults()?.countryShares.count == results.countryShares.count)
    }

    @Test func analyzeNeedsAClassification() throws {
        let store = try WorkStore(path: try temporaryFolder() + "/empty.sqlite")
        #expect(throws: AnalyzeError.self) { try AnalyzeRun(settings: AnalysisSettings()).run(on: store) }
    }
}
