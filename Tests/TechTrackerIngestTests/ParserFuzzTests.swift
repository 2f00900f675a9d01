import Foundation
import Testing
@testable import TechTrackerIngest

/// Random mutations of real records: the parser must always return works or rejections,
/// never trap, and must agree with Foundation that a broken text is broken.
@Suite struct ParserFuzzTests {
    /// Bytes that are likely to break JSON structure, escapes or UTF-8 when inserted.
    static let interestingBytes: [UInt8] = [
        0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x2C, 0x20, 0x0A, 0x00, 0x1F, 0x75, 0x2D, 0x30, 0x2E, 0x65,
        0x6E, 0x74, 0x66, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF,
    ]

    /// Fragments that make valid-looking but tricky JSON when spliced in.
    static let interestingFragments: [String] = [
        #"\u"#, #"\uD83D"#, #"\uDE00"#, #"\uD83D\uDE00"#, "null", "true", "-0.5e+3", "[[[[", "]]}}", #"{"id":"#,
        #""id":null"#, #"{"results":["#, "99999999999999999999999", #""W1""#,
    ]

    /// 6,000 mutations with a fixed seed; the outcome counts are checked so that a broken
    /// fixture or mutator cannot make the test pass vacuously.
    @Test func randomMutationsNeverTrap() throws {
        let bases = [
            try fixtureBytes("W2741809807", "json"),
            try fixtureBytes("openalex_api_snowball_1", "json"),
            Array(try fixtureBytes("snowball", "jsonl").split(separator: 0x0A)[2]),
            Array(#"{"results":[{"id":"W1","title":"a\"b\\c\u00e9\uD83D\uDE00","abstract_inverted_index":{"x":[0,2],"y":[1]}},7]}"#.utf8),
        ]
        var random = SplitMix64(seed: 0x5EED_0F_0A1E_A7)
        var parser = OpenAlexRecordParser()
        var outcomes = (works: 0, itemRejections: 0, textRejections: 0)
        let mutationsPerBase = 1500
        for base in bases {
            for round in 0..<mutationsPerBase {
                let mutated = mutate(base, edits: 1 + Int(random.next() % 4), random: &random)
                let report = parseReport(mutated, parser: &parser)
                check(report, for: mutated)
                if report.works.isEmpty && report.rejections.count == 1 && isSyntaxRejection(report.rejections[0]) {
                    outcomes.textRejections += 1
                } else {
                    outcomes.works += report.works.count
                    outcomes.itemRejections += report.rejections.count
                }
                // Foundation is slow; compare with it on a sample.
                if round % 5 == 0 { compareWithFoundation(report, mutated) }
            }
        }
        // Both kinds of outcome must have happened, or the mutations are not testing much.
        #expect(outcomes.textRejections > 1000)
        #expect(outcomes.works > 200)
    }

    @Test func randomJSONishBytesNeverTrap() {
        var random = SplitMix64(seed: 42)
        var parser = OpenAlexRecordParser()
        let alphabet = Array(#"{}[]:,"\ u0123456789abcdefntrl-+.eE"#.utf8) + Self.interestingBytes
        for _ in 0..<5000 {
            let length = Int(random.next() % 64)
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let report = parseReport(bytes, parser: &parser)
            check(report, for: bytes)
        }
    }

    /// The parser's contract on any text.
    private func check(_ report: ParseReport, for text: [UInt8]) {
        for rejection in report.rejections {
            #expect(rejection.offset >= 0 && rejection.offset <= text.count)
            #expect(!rejection.reason.isEmpty)
        }
        if report.rejections.contains(where: isSyntaxRejection) {
            // A broken text is reported once, with no works.
            #expect(report.rejections.count == 1)
            #expect(report.works.isEmpty)
        }
        for work in report.works {
            #expect(work.id.first == "W")
        }
    }

    /// If Foundation cannot read the text, it is broken, and the parser must say so.
    private func compareWithFoundation(_ report: ParseReport, _ text: [UInt8]) {
        guard !text.allSatisfy({ $0 == 0x20 || $0 == 0x0A }) else { return }  // Foundation refuses empty texts
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed])
        } catch {
            // Foundation also refuses valid JSON numbers that overflow a Double (1e999);
            // the grammar allows them and the parser skips them, so that is no disagreement.
            if "\(error)".contains("not representable") { return }
            #expect(report.works.isEmpty, "Foundation rejects text the parser took works from: \(error)")
            #expect(report.rejections.count == 1)
        }
    }

    private func isSyntaxRejection(_ rejection: RecordRejection) -> Bool {
        // Item-level reasons are the OpenAlex ones; every JSON problem is text-level.
        !(rejection.reason.hasPrefix("field ") || rejection.reason == "record has no id"
            || rejection.reason == "id is not an OpenAlex work id" || rejection.reason == "result is not an object"
            || rejection.reason == "not an OpenAlex work or API page"
            || rejection.reason == "record has no id (neither an OpenAlex work nor an API page)")
    }

    /// Applies `edits` random edits: byte flips, insertions, deletions, duplications, truncation.
    private func mutate(_ base: [UInt8], edits: Int, random: inout SplitMix64) -> [UInt8] {
        var bytes = base
        for _ in 0..<edits {
            guard !bytes.isEmpty else { break }
            let position = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 8 {
            case 0:
                bytes[position] = UInt8(truncatingIfNeeded: random.next())
            case 1:
                bytes[position] = Self.interestingBytes[Int(random.next() % UInt64(Self.interestingBytes.count))]
            case 2:
                bytes.insert(Self.interestingBytes[Int(random.next() % UInt64(Self.interestingBytes.count))], at: position)
            case 3:
                let length = min(Int(random.next() % 32) + 1, bytes.count - position)
                bytes.removeSubrange(position..<(position + length))
            case 4:
                let length = min(Int(random.next() % 64) + 1, bytes.count - position)
                bytes.insert(contentsOf: Array(bytes[position..<(position + length)]), at: position)
            case 5:
                bytes.removeSubrange(position...)
            case 6:
                let fragment = Self.interestingFragments[Int(random.next() % UInt64(Self.interestingFragments.count))]
                bytes.insert(contentsOf: Array(fragment.utf8), at: position)
            default:
                let other = Int(random.next() % UInt64(bytes.count))
                bytes.swapAt(position, other)
            }
        }
        return bytes
    }
}
