import Foundation

/// One page of OpenAlex's `/works` list, cut into its works without decoding them: each result
/// is kept as the exact bytes the API sent (one JSON object), and only `meta` is decoded.
///
/// A body that is not a complete JSON object with a `results` array of objects (a page cut
/// short by a dropped connection, an error page) is refused, so that it is fetched again
/// rather than stored.
struct APIPage: Sendable {
    /// The body as received.
    var body: [UInt8]
    /// Where each result object lies in `body`, in order.
    var results: [Range<Int>]
    /// `meta.next_cursor`: the cursor of the next page, `nil` at the end.
    var nextCursor: String?
    /// `meta.count`: how many works the search finds in all.
    var count: Int?
    /// `meta.cost_usd`: what OpenAlex charged for the request, when it says.
    var costUSD: Double?

    /// Why a body is not a usable page.
    struct Problem: Error, Equatable, CustomStringConvertible {
        /// The reason in words.
        var description: String
    }

    /// Cuts `body` into a page, or says why it is not one.
    static func parse(_ body: [UInt8]) throws(Problem) -> APIPage {
        var scanner = JSONSpans(body)
        var results: [Range<Int>]?
        var meta: Range<Int>?
        try scanner.forEachMember { (key, scanner) throws(Problem) in
            switch key {
            case "results":
                results = try scanner.arrayItems()
            case "meta":
                let start = scanner.index
                try scanner.skipValue()
                meta = start..<scanner.index
            default:
                try scanner.skipValue()
            }
        }
        scanner.skipWhitespace()
        guard scanner.index == body.count else { throw Problem(description: "text after the page's JSON object") }
        guard let results else { throw Problem(description: "no results array") }
        for range in results where body[range.lowerBound] != UInt8(ascii: "{") {
            throw Problem(description: "a result that is not a JSON object")
        }
        var page = APIPage(body: body, results: results)
        if let meta { try page.readMeta(body[meta]) }
        return page
    }

    /// Reads the cursor, count and cost from the `meta` object.
    private mutating func readMeta(_ bytes: ArraySlice<UInt8>) throws(Problem) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw Problem(description: "meta is not a JSON object")
        }
        if let cursor = object["next_cursor"] as? String, !cursor.isEmpty { nextCursor = cursor }
        if let count = object["count"] as? NSNumber, count.intValue >= 0 { self.count = count.intValue }
        if let cost = object["cost_usd"] as? NSNumber, cost.doubleValue.isFinite { costUSD = cost.doubleValue }
    }

    /// Result `index` as one JSON line's content: the bytes as sent, or, when the API
    /// pretty-printed them, the same JSON without the whitespace between tokens (a raw line
    /// break cannot be inside a JSON string, so a result with one is pretty-printed).
    func line(_ index: Int) -> ArraySlice<UInt8> {
        let range = results[index]
        let bytes = body[range]
        guard bytes.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return bytes }
        var compact: [UInt8] = []
        compact.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                compact.append(byte)
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                compact.append(byte)
            } else if !JSONSpans.isWhitespace(byte) {
                compact.append(byte)
            }
        }
        return compact[...]
    }
}

/// A minimal JSON walker over bytes that finds where values start and end, checking brackets,
/// strings and the top-level structure but not decoding anything.
struct JSONSpans {
    let bytes: [UInt8]
    var index = 0
    /// The deepest nesting accepted (OpenAlex works nest a few levels).
    static let maximumDepth = 512

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    /// Calls `body` with each key of the top-level object; `body` must consume the value.
    mutating func forEachMember(
        _ body: (String, inout JSONSpans) throws(APIPage.Problem) -> Void
    ) throws(APIPage.Problem) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            throw APIPage.Problem(description: "not a JSON object")
        }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            let keyRange = try stringContent()
            let key = String(decoding: bytes[keyRange], as: UTF8.self)
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try body(key, &self)
            skipWhitespace()
            guard index < bytes.count else { throw APIPage.Problem(description: "the page ends inside its object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            } else {
                throw APIPage.Problem(description: "expected ',' or '}' at byte \(index)")
            }
        }
    }

    /// The ranges of the items of the array that starts here.
    mutating func arrayItems() throws(APIPage.Problem) -> [Range<Int>] {
        try expect(UInt8(ascii: "["))
        var items: [Range<Int>] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return items
        }
        while true {
            skipWhitespace()
            let start = index
            try skipValue()
            items.append(start..<index)
            skipWhitespace()
            guard index < bytes.count else { throw APIPage.Problem(description: "the page ends inside its results") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return items
            } else {
                throw APIPage.Problem(description: "expected ',' or ']' at byte \(index)")
            }
        }
    }

    /// Moves past the value that starts here: brackets must pair up and strings must close.
    mutating func skipValue() throws(APIPage.Problem) {
        guard index < bytes.count else { throw APIPage.Problem(description: "the page ends where a value should be") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            _ = try stringContent()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var closers: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    _ = try stringContent()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    closers.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                    guard closers.count <= Self.maximumDepth else {
                        throw APIPage.Problem(description: "nested deeper than \(Self.maximumDepth) levels")
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard closers.popLast() == byte else {
                        throw APIPage.Problem(description: "mismatched bracket at byte \(index)")
                    }
                    if closers.isEmpty {
                        index += 1
                        return
                    }
                default:
                    break
                }
                index += 1
            }
            throw APIPage.Problem(description: "the page ends inside a value (cut short)")
        default:
            // A number or a literal: up to the next delimiter.
            let start = index
            while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
            guard index > start else { throw APIPage.Problem(description: "expected a value at byte \(start)") }
        }
    }

    /// The range of the content of the string that starts here, moving past its closing quote.
    mutating func stringContent() throws(APIPage.Problem) -> Range<Int> {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return start..<(index - 1)
            case UInt8(ascii: "\\"):
                index += 2
            default:
                index += 1
            }
        }
        throw APIPage.Problem(description: "the page ends inside a string (cut short)")
    }

    private mutating func expect(_ byte: UInt8) throws(APIPage.Problem) {
        guard index < bytes.count, bytes[index] == byte else {
            throw APIPage.Problem(description: "expected '\(Character(Unicode.Scalar(byte)))' at byte \(index)")
        }
        index += 1
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        isWhitespace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
    }
}
