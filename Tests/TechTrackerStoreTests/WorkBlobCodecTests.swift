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

    @Test func openAlexReferencesTakeTheNumberedFormAndOthersTheListForm() throws {
        let openAlex = ["W2741809807", "W1", "W4400000000", "W2741809807", "W999999999999999999"]
        let numbered = WorkBlobCodec.encodeReferences(openAlex)
        #expect(numbered.prefix(2) == [0, 1])
        // A typical list (ascending ids of recent works): about a third of the list form.
        let typical = (0..<30).map { "W\(4_000_000_000 + $0 * 97_000_003)" }
        #expect(
            WorkBlobCodec.encodeReferences(typical).count * 5 / 2 < WorkBlobCodec.encodeReferenceList(typical).count)
        #expect(try WorkBlobCodec.decodeReferences(numbered) == openAlex)
        // Ids a number would not give back exactly, or of another source: the list form, as read.
        for ids in [["W2741809807", "W0123"], ["W0"], ["doi:10.1/x"], ["W1", "ref:Smith 2001"], ["W"], ["w12"]] {
            let packed = WorkBlobCodec.encodeReferences(ids)
            #expect(packed == WorkBlobCodec.encodeReferenceList(ids))
            #expect(try WorkBlobCodec.decodeReferences(packed) == ids)
        }
        // Both forms of one list decode alike (a store holds rows of either).
        #expect(try WorkBlobCodec.decodeReferences(WorkBlobCodec.encodeReferenceList(openAlex)) == openAlex)
    }

    @Test func aDamagedNumberedListThrows() {
        let good = WorkBlobCodec.encodeReferences(["W5", "W7", "W2741809807"])
        for cut in 2..<good.count {
            #expect(throws: StoreError.self) { try WorkBlobCodec.decodeReferences(Array(good.prefix(cut))) }
        }
        #expect(throws: StoreError.self) { try WorkBlobCodec.decodeReferences([0, 9, 1, 2]) }
        // A number that would fall to zero or below.
        #expect(throws: StoreError.self) { try WorkBlobCodec.decodeReferences([0, 1, 1, 3]) }
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
