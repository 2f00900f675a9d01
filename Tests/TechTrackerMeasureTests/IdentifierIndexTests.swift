import Testing
@testable import TechTrackerMeasure

/// Ids resolved by number when they are OpenAlex-shaped, by text otherwise.
struct IdentifierIndexTests {
    @Test func numericAndOtherIdsAreBothFound() {
        var index = IdentifierIndex(prefix: "W")
        index.insert("W2741809807", 0)
        index.insert("WOS:000123", 1)  // not "W" + digits: kept as text
        index.insert("W", 2)
        #expect(index.index(of: "W2741809807") == 0)
        #expect(index.index(of: "WOS:000123") == 1)
        #expect(index.index(of: "W") == 2)
        #expect(index.index(of: "W2741809808") == nil)
        #expect(index.number("A123") == nil)
        #expect(index.number("W99999999999999999999") == nil)  // too long for a UInt64: text
    }
}
