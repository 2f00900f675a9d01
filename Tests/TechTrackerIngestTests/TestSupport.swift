import Foundation
import TestScratch
import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// Loads a file from the test bundle's `Fixtures` folder.
func fixtureBytes(_ name: String, _ fileExtension: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: fileExtension, subdirectory: "Fixtures"))
    return [UInt8](try Data(contentsOf: url))
}

/// What `OpenAlexRecordParser.parse` reported for one text, in order.
struct ParseReport {
    var works: [Work] = []
    var rejections: [RecordRejection] = []
    /// `W…` for works and `!reason` for rejections, in report order.
    var sequence: [String] = []
}

/// Parses `bytes` with a fresh parser (or `parser` when given) and collects the outcomes.
func parseReport(_ bytes: [UInt8], parser: inout OpenAlexRecordParser) -> ParseReport {
    var report = ParseReport()
    bytes.withUnsafeBytes { raw in
        parser.parse(
            raw,
            onWork: { work in
                report.works.append(work)
                report.sequence.append(work.id)
            },
            onReject: { rejection in
                report.rejections.append(rejection)
                report.sequence.append("!" + rejection.reason)
            })
    }
    return report
}

/// Parses `bytes` with a fresh parser.
func parseReport(_ bytes: [UInt8]) -> ParseReport {
    var parser = OpenAlexRecordParser()
    return parseReport(bytes, parser: &parser)
}

/// Parses a text given as a Swift string.
func parseReport(_ text: String) -> ParseReport {
    parseReport(Array(text.utf8))
}

/// Runs `body` on a scanner over `bytes`.
func withScanner<Result>(
    _ bytes: [UInt8],
    _ body: (inout JSONScanner) throws(JSONError) -> Result
) -> Swift.Result<Result, JSONError> {
    bytes.withUnsafeBytes { raw in
        var scanner = JSONScanner(raw)
        do throws(JSONError) {
            return .success(try body(&scanner))
        } catch {
            return .failure(error)
        }
    }
}

/// Validates `bytes` as one complete JSON text by skipping it; `nil` when valid.
func validationError(_ bytes: [UInt8]) -> JSONError? {
    let result = withScanner(bytes) { (scanner: inout JSONScanner) throws(JSONError) in
        try scanner.skipValue()
        try scanner.expectEndOfInput()
    }
    if case .failure(let error) = result { return error }
    return nil
}

/// Validates a text given as a Swift string.
func validationError(_ text: String) -> JSONError? {
    validationError(Array(text.utf8))
}

/// Reads `bytes` as one JSON string value and decodes it.
func decodedString(_ bytes: [UInt8]) -> Swift.Result<String, JSONError> {
    withScanner(bytes) { (scanner: inout JSONScanner) throws(JSONError) -> String in
        guard try scanner.peekValueStart() == UInt8(ascii: "\"") else {
            throw JSONError(offset: scanner.position, problem: .expectedValue)
        }
        let span = try scanner.scanString()
        try scanner.expectEndOfInput()
        var scratch: [UInt8] = []
        return scanner.string(from: span, scratch: &scratch)
    }
}

/// Reads a JSON string written as Swift text (quotes included).
func decodedString(_ text: String) -> Swift.Result<String, JSONError> {
    decodedString(Array(text.utf8))
}

/// The error of a failed result, if any.
extension Swift.Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }

    var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}

/// A small deterministic random generator (SplitMix64) so that fuzzing is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Collects what a `RecordFileReader` reports.
struct CollectingConsumer: RecordFileConsumer {
    var works: [Work] = []
    var rejections: [IngestRejection] = []
    var warnings: [IngestWarning] = []

    mutating func accept(_ work: Work) { works.append(work) }
    mutating func reject(_ rejection: IngestRejection) { rejections.append(rejection) }
    mutating func warn(_ warning: IngestWarning) { warnings.append(warning) }
    mutating func consumed(diskBytes: Int, textBytes: Int) {}
}

/// Reads `text` as the content of a file named `name`, in chunks of `chunkSize` bytes, with
/// the given line and document limit.
func readAsFile(
    _ text: [UInt8], name: String = "input.jsonl", chunkSize: Int = 1 << 20,
    maximumTextLength: Int = RecordFileReader.defaultMaximumTextLength
) -> CollectingConsumer {
    var reader = RecordFileReader(file: InputFile(path: name, size: text.count, encoding: .plain))
    reader.maximumTextLength = maximumTextLength
    var parser = OpenAlexRecordParser()
    var consumer = CollectingConsumer()
    text.withUnsafeBytes { reader.read(text: $0, chunkSize: chunkSize, parser: &parser, into: &consumer) }
    return consumer
}

/// Reads a text given as a Swift string as the content of a file.
func readAsFile(
    _ text: String, name: String = "input.jsonl", chunkSize: Int = 1 << 20,
    maximumTextLength: Int = RecordFileReader.defaultMaximumTextLength
) -> CollectingConsumer {
    readAsFile(Array(text.utf8), name: name, chunkSize: chunkSize, maximumTextLength: maximumTextLength)
}

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> String {
    let path = TestScratch.url("ingest-tests").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Where `needle` first occurs in `haystack` at or after `from`.
func offset(of needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
    for index in from...(haystack.count - needle.count) where haystack[index] == needle[0] {
        if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
    }
    return nil
}
