import Foundation
import Testing
@testable import TechTrackerClassify

/// Real records: the 20 records of a Web of Science export of the topic search
/// `TS="Bluetooth low energy"` (their TI, AB, DE and ID fields only).
@Suite struct BluetoothFixtureTests {
    struct Record: Decodable {
        let TI: String
        let AB: String
        let DE: String
        let ID: String

        /// DE and ID are `; `-separated keyword lists.
        var text: ClassifiableText {
            let keywords = (DE + ";" + ID).split(separator: ";")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return ClassifiableText(title: TI, abstract: AB, keywords: keywords)
        }
    }

    static func records() throws -> [Record] {
        let url = try #require(
            Bundle.module.url(
                forResource: "wos_bluetooth_low_energy_20", withExtension: "json",
                subdirectory: "Fixtures"))
        return try JSONDecoder().decode([Record].self, from: Data(contentsOf: url))
    }

    @Test func everyRecordMatchesTheSearchThatFoundIt() throws {
        let records = try Self.records()
        #expect(records.count == 20)
        let query = try QueryParser.parse("TS=\"Bluetooth low energy\"")
        let matcher = CompiledMatcher(queries: [(id: "ble", query: query)])
        for (index, record) in records.enumerated() {
            #expect(ReferenceEvaluator().matches(query, record.text), "record \(index): \(record.TI)")
            #expect(matcher.matchingQueries(in: record.text) == [0], "record \(index): \(record.TI)")
        }
    }

    @Test func fieldsAndNeighboursOnRealText() throws {
        let texts = try Self.records().map(\.text)
        func count(_ query: String) throws -> Int {
            let matcher = CompiledMatcher(queries: [(id: "q", query: try QueryParser.parse(query))])
            return texts.filter { !matcher.matchingQueries(in: $0).isEmpty }.count
        }
        // Every title names the technology.
        #expect(try count("TI=\"bluetooth low energy\"") == 20)
        #expect(try count("TS=(BLE OR \"bluetooth low energy\")") == 20)
        #expect(try count("TS=(bluetooth NEAR/0 energy)") == 0)
        #expect(try count("TS=(bluetooth NEAR/1 energy)") == 20)
        // Two records give the technology no keyword of its own.
        #expect(try count("AK=\"bluetooth low energy\"") == 18)
        // "Bluetooth Low Energy-Based" and "Bluetooth low energy -based" count as the phrase.
        #expect(try count("TS=\"bluetooth low energy based\"") == 3)
        #expect(try count("TS=BLE") == 17)
        #expect(try count("TI=BLE") == 0)
    }
}
