import Testing
@testable import TechTrackerCore

/// `--merge-regions` (METHOD §2): HK and MO into CN on request, TW never.
struct RegionMergeTests {
    let cn = CountryCode("CN")!
    let hk = CountryCode("HK")!
    let mo = CountryCode("MO")!
    let tw = CountryCode("TW")!

    @Test func mergingCNMapsHongKongAndMacaoButNotTaiwan() {
        let mapping = RegionMerge.mapping(for: ["CN"])
        #expect(mapping == [hk: cn, mo: cn])
        #expect(mapping[tw] == nil)
        #expect(mapping[cn] == nil)
    }

    @Test func nothingMergedByDefault() {
        #expect(RegionMerge.mapping(for: []).isEmpty)
        #expect(RegionMerge.mapping(for: ["XX"]).isEmpty)
    }

    @Test func parseAcceptsRepeatedCommaSeparatedAndLowerCaseValues() throws {
        #expect(try RegionMerge.parse(["CN"]) == ["CN"])
        #expect(try RegionMerge.parse(["cn", " CN "]) == ["CN"])
        #expect(try RegionMerge.parse(["CN,cn"]) == ["CN"])
        #expect(try RegionMerge.parse([]) == [])
    }

    @Test func taiwanIsRefusedWithTheReason() {
        for value in [["TW"], ["CN,TW"], ["tw"]] {
            do {
                _ = try RegionMerge.parse(value)
                Issue.record("\(value) was accepted")
            } catch {
                let message = "\(error)"
                #expect(message.contains("TW (Taiwan) is never merged"), "\(message)")
                #expect(message.contains("supported: CN (HK and MO into CN)"), "\(message)")
            }
        }
    }

    @Test func regionsEmptyItemsAndUnknownCountriesAreRefused() {
        #expect(throws: RegionMergeError.self) { try RegionMerge.parse(["HK"]) }
        #expect(throws: RegionMergeError.self) { try RegionMerge.parse(["CN,"]) }
        #expect(throws: RegionMergeError.self) { try RegionMerge.parse([""]) }
        #expect(throws: RegionMergeError.self) { try RegionMerge.parse(["US"]) }
        do {
            _ = try RegionMerge.parse(["HK"])
        } catch {
            #expect("\(error)".contains("--merge-regions CN merges HK and MO into CN"))
        }
    }
}
