import Foundation
import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// Random mutations of real records, with fixed seeds so that a failure reproduces: the
/// parser must always return works or rejections with reasons, never trap, agree with
/// Foundation that a broken text is broken, keep only values in range, and never let a
/// mutated record cost a good one beside it. (`scripts/fuzz.sh` runs the CLI the same way
/// for minutes.)
@Suite struct ParserFuzzTests {
    /// Bytes that are likely to break JSON structure, escapes or UTF-8 when inserted.
    static let interestingBytes: [UInt8] = [
        0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x2C, 0x20, 0x0A, 0x0D, 0x09, 0x00, 0x1F, 0x75, 0x2D, 0x30, 0x2E,
        0x65, 0x6E, 0x74, 0x66, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF,
    ]

    /// Fragments that make valid-looking but tricky JSON when spliced in: escapes and
    /// surrogates, brackets, ids, page keys, numbers out of range or beyond `Int`, and byte
    /// sequences that are not UTF-8 (overlong, surrogate, beyond U+10FFFF, truncated).
    static let interestingFragments: [[UInt8]] =
        [
            #"\u"#, #"\uD83D"#, #"\uDE00"#, #"\ud800"#, #"\uD83D\uDE00"#, "null", "true", "-0.5e+3", "[[[[", "]]}}",
            #"{"id":"#,
            #""id":null"#, #"{"results":["#, #""results":[]"#, "99999999999999999999999", #""W1""#, "1e999",
            "9223372036854775807", "-9223372036854775809", "100000", "-1", #""publication_year":3000,"#,
            #""updated_date":"yesterday","#, #""cited_by_count":-5,"#, "\"", "\"\"", "{", "}", "[", "]", "01", "\r",
        ].map { Array($0.utf8) } + [
            [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF],
        ]

    /// The real records to mutate: a single work, API pages, a JSON line, and a small page
    /// full of escapes.
    static func bases() throws -> [[UInt8]] {
        [
            try fixtureBytes("W2741809807", "json"),
            try fixtureBytes("openalex_api_snowball_1", "json"),
            Array(try fixtureBytes("snowball", "jsonl").split(separator: 0x0A)[2]),
            Array(
                #"{"results":[{"id":"W1","title":"a\"b\\c\u00e9\uD83D\uDE00","abstract_inverted_index":{"x":[0,2],"y":[1]}},7]}"#
                    .utf8),
        ]
    }

    /// 6,000 mutations with a fixed seed; the outcome counts are checked so that a broken
    /// fixture or mutator cannot make the test pass vacuously.
    @Test func randomMutationsNeverTrap() throws {
        var random = SplitMix64(seed: 0x5EED_0F_0A1E_A7)
        var parser = OpenAlexRecordParser()
        var outcomes = (works: 0, itemRejections: 0, textRejections: 0)
        for base in try Self.bases() {
            for round in 0..<1500 {
                let mutated = Self.mutate(base, edits: 1 + Int(random.next() % 4), random: &random)
                let report = parseReport(mutated, parser: &parser)
                check(report, for: mutated)
                outcomes.works += report.works.count
                for reason in report.sequence where reason.hasPrefix("!") {
                    if Self.isTerminal(String(reason.dropFirst())) {
                        outcomes.textRejections += 1
                    } else {
                        outcomes.itemRejections += 1
                    }
                }
                // Foundation is slow; compare with it on a sample.
                if round % 5 == 0 { compareWithFoundation(report, mutated) }
            }
        }
        // Every kind of outcome must have happened, or the mutations are not testing much.
        #expect(outcomes.textRejections > 1000)
        #expect(outcomes.itemRejections > 200)
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

    /// A mutated record between two good ones, as JSON Lines read through the file reader
    /// (mutations may add line ends, CRs, or a pretty-printed-looking first line), and as
    /// the second result of a page: the good records are always kept.
    @Test func goodRecordsBesideAMutatedOneAreKept() throws {
        let good = [
            #"{"id":"https://openalex.org/W900000001","title":"Good one","publication_year":2020}"#,
            #"{"id":"https://openalex.org/W900000002","title":"Good two","updated_date":"2025-01-01"}"#,
        ]
        var random = SplitMix64(seed: 0xB0_0D_F0_0D)
        var totals = (lines: 0, pages: 0)
        for base in try Self.bases() {
            let compact = Array(base.split(separator: 0x0A).joined(separator: [0x20]))  // one line
            for _ in 0..<400 {
                let mutated = Self.mutate(compact, edits: 1 + Int(random.next() % 4), random: &random)
                let lines = Array((good[0] + "\n").utf8) + mutated + Array(("\n" + good[1] + "\n").utf8)
                let read = readAsFile(lines, chunkSize: 1 + Int(random.next() % 5000))
                let ids = Set(read.works.map(\.id))
                #expect(
                    ids.isSuperset(of: ["W900000001", "W900000002"]),
                    "\(String(decoding: mutated.prefix(120), as: UTF8.self))")
                #expect(read.rejections.allSatisfy { !$0.reason.isEmpty && $0.line >= 1 })
                totals.lines += read.works.count + read.rejections.count

                let item = Self.mutate(
                    Array(#"{"id":"W900000003","title":"Item","cited_by_count":7}"#.utf8),
                    edits: 1 + Int(random.next() % 3), random: &random)
                let page =
                    Array(#"{"meta":{},"results":["#.utf8) + Array(good[0].utf8) + [0x2C] + item + Array("]}".utf8)
                let report = parseReport(page)
                check(report, for: page)
                #expect(report.works.first?.id == "W900000001", "\(String(decoding: item, as: UTF8.self))")
                totals.pages += report.sequence.count
            }
        }
        #expect(totals.lines > 4 * 400 * 3 && totals.pages > 4 * 400)
    }

    /// The parser's contract on any text.
    private func check(_ report: ParseReport, for text: [UInt8]) {
        for rejection in report.rejections {
            #expect(rejection.offset >= 0 && rejection.offset <= text.count)
            #expect(!rejection.reason.isEmpty)
        }
        // Damage that stops the reading is reported once, after whatever was kept before it.
        let terminal = report.sequence.indices.filter {
            report.sequence[$0].hasPrefix("!") && Self.isTerminal(String(report.sequence[$0].dropFirst()))
        }
        #expect(terminal.count <= 1)
        if let last = terminal.last { #expect(last == report.sequence.count - 1) }
        for work in report.works {
            #expect(work.id.first == "W" && work.id.dropFirst().allSatisfy(\.isASCII))
            // Only values in range reach a work.
            #expect(
                work.publicationYear.map { (OpenAlexLimits.earliestYear...OpenAlexLimits.latestYear).contains($0) }
                    ?? true)
            #expect((0...OpenAlexLimits.maximumCitationCount).contains(work.citedByCount))
            #expect(
                work.updatedDate.isEmpty
                    || Array(work.updatedDate.utf8).withUnsafeBufferPointer(OpenAlexLimits.isISODate))
            #expect(work.countsByYear.allSatisfy { $0.year >= OpenAlexLimits.earliestYear && $0.count >= 0 })
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
            #expect(
                report.rejections.contains { Self.isSyntax($0.reason) },
                "Foundation rejects text the parser found no fault in: \(error)")
        }
    }

    /// Reasons about a work's content or shape rather than the JSON text.
    static func isItemLevel(_ reason: String) -> Bool {
        reason.hasPrefix("field ") || reason == "record has no id" || reason == "id is not an OpenAlex work id"
            || reason == "result is not an object" || reason == "not an OpenAlex work or API page"
            || reason == "record has no id (neither an OpenAlex work nor an API page)"
    }

    /// A JSON syntax or encoding problem, whether it cost one list item or the rest of the text.
    static func isSyntax(_ reason: String) -> Bool { !isItemLevel(reason) }

    /// A syntax problem that ended the reading (not one list item stepped over).
    static func isTerminal(_ reason: String) -> Bool {
        guard isSyntax(reason), let range = reason.range(of: " in result ", options: .backwards) else {
            return isSyntax(reason)
        }
        return !reason[range.upperBound...].allSatisfy(\.isNumber)
    }

    /// Applies `edits` random edits: byte flips, insertions, deletions, duplications,
    /// truncation, fragment splices, swaps.
    static func mutate(_ base: [UInt8], edits: Int, random: inout SplitMix64) -> [UInt8] {
        var bytes = base
        for _ in 0..<edits {
            guard !bytes.isEmpty else { break }
            let position = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 8 {
            case 0:
                bytes[position] = UInt8(truncatingIfNeeded: random.next())
            case 1:
                bytes[position] = interestingBytes[Int(random.next() % UInt64(interestingBytes.count))]
            case 2:
                bytes.insert(interestingBytes[Int(random.next() % UInt64(interestingBytes.count))], at: position)
            case 3:
                let length = min(Int(random.next() % 32) + 1, bytes.count - position)
                bytes.removeSubrange(position..<(position + length))
            case 4:
                let length = min(Int(random.next() % 64) + 1, bytes.count - position)
                bytes.insert(contentsOf: Array(bytes[position..<(position + length)]), at: position)
            case 5:
                bytes.removeSubrange(position...)
            case 6:
                bytes.insert(
                    contentsOf: interestingFragments[Int(random.next() % UInt64(interestingFragments.count))],
                    at: position)
            default:
                let other = Int(random.next() % UInt64(bytes.count))
                bytes.swapAt(position, other)
            }
        }
        return bytes
    }
}
