import Testing
import TechTrackerCore
@testable import TechTrackerStore

struct WorkBlobCodecTests {
    @Test func authorshipsRoundTripWithIdsAndCountries() throws {
        let work = sampleWork()
        let decoded = try WorkBlobCodec.decodeAuthorships(WorkBlobCodec.encodeAuthorships(work.authorships))
        #expect(decoded.count == 2)
        #expect(decoded[0].position == .first)
        #expect(decoded[0].authorID == "A1")
        #expect(decoded[0].authorName == "Ada Å")
        #expect(decoded[0].institutions == [Institution(id: "I1", country: CountryCode("US"))])
        #expect(decoded[1].authorID == nil)
        #expect(decoded[1].countries == [CountryCode("CN")!])
    }

    @Test func referencesAndCountsRoundTrip() throws {
        let ids = (0..<300).map { "W\($0 * 104_729)" }
        #expect(try WorkBlobCodec.decodeReferences(WorkBlobCodec.encodeReferences(ids)) == ids)
        #expect(try WorkBlobCodec.decodeReferences(WorkBlobCodec.encodeReferences([])) == [])
        let counts = [YearCount(year: 2024, count: 0), YearCount(year: 2003, count: 1_000_000)]
        #expect(try WorkBlobCodec.decodeCountsByYear(WorkBlobCodec.encodeCountsByYear(counts)) == counts)
    }

    @Test func damagedBlobsThrowInsteadOfTrapping() {
        let good = WorkBlobCodec.encodeAuthorships(sampleWork().authorships)
        for cut in 0..<good.count {
            #expect(throws: StoreError.self) { try WorkBlobCodec.decodeAuthorships(Array(good.prefix(cut))) }
        }
        #expect(throws: StoreError.self) { try WorkBlobCodec.decodeReferences([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) }
        #expect(throws: StoreError.self) { try WorkBlobCodec.decodeAuthorships([9, 0]) }
    }
}
