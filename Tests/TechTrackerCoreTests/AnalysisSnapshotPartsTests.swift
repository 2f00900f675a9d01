import Testing

@testable import TechTrackerCore

/// A snapshot written and read in parts (as the store keeps it) is the same snapshot: the parts
/// join into the bytes written whole, and a corpus read from parts of any size, values cut
/// anywhere by a part's end, equals the corpus written.
struct AnalysisSnapshotPartsTests {
    /// Parts handed out one after another, with a count of how many were asked for.
    struct Parts: AnalysisSnapshotParts {
        var parts: [[UInt8]]
        var byteCount: Int
        var handedOut = 0

        init(_ bytes: [UInt8], size: Int) {
            parts = stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
            byteCount = bytes.count
        }

        mutating func nextPart() -> [UInt8]? {
            guard handedOut < parts.count else { return nil }
            defer { handedOut += 1 }
            return parts[handedOut]
        }
    }

    /// A part that cannot be read.
    struct FailingParts: AnalysisSnapshotParts {
        var first: [UInt8]?
        let byteCount: Int

        mutating func nextPart() throws(AnalysisSnapshotError) -> [UInt8]? {
            guard let part = first else { throw .unreadable("disk I/O error") }
            first = nil
            return part
        }
    }

    let corpus = AnalysisSnapshotCodecTests().corpus

    @Test(arguments: [1, 3, 7, 8, 64, 1 << 20])
    func partsJoinIntoTheWholeSnapshot(size: Int) throws {
        let whole = try corpus.snapshotBytes()
        var parts: [[UInt8]] = []
        try corpus.writeSnapshot(partSize: size) { parts.append($0) }
        #expect(parts.joined().elementsEqual(whole))
        // Every part is full but the last.
        #expect(parts.dropLast().allSatisfy { $0.count == size })
        #expect(parts.last.map { !$0.isEmpty && $0.count <= size } == true)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 8, 13, 16, 64, 1 << 20])
    func aCorpusReadsBackFromPartsOfAnySize(size: Int) throws {
        let bytes = try corpus.snapshotBytes()
        AnalysisSnapshotCodecTests().expectEqual(try AnalysisCorpus(snapshotParts: Parts(bytes, size: size)), corpus)
    }

    @Test func aPartThatCannotBeReadIsReported() throws {
        let bytes = try corpus.snapshotBytes()
        let parts = FailingParts(first: Array(bytes[..<40]), byteCount: bytes.count)
        #expect(throws: AnalysisSnapshotError.unreadable("disk I/O error")) {
            try AnalysisCorpus(snapshotParts: parts)
        }
    }

    @Test func partsThatSayTheyHoldMoreOrLessThanTheyDoAreRefused() throws {
        let bytes = try corpus.snapshotBytes()
        var short = Parts(bytes, size: 16)
        short.byteCount += 5
        #expect(throws: AnalysisSnapshotError.self) { try AnalysisCorpus(snapshotParts: short) }
        var extra = Parts(bytes + [0, 0, 0], size: 16)
        extra.byteCount = bytes.count
        #expect(throws: AnalysisSnapshotError.self) { try AnalysisCorpus(snapshotParts: extra) }
    }

    @Test func aWriteThatFailsStopsWriting() {
        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            try corpus.writeSnapshot(partSize: 8) { _ in
                calls += 1
                if calls == 2 { throw Full() }
            }
        }
        #expect(calls == 2)
    }
}
