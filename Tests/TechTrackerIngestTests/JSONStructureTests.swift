import Testing
@testable import TechTrackerIngest

/// Containers, skipping, numbers, literals and every syntax error with its offset.
@Suite struct JSONStructureTests {
    // MARK: Skipping

    @Test func skipsNestedValuesAndStopsAtTheRightByte() {
        let tricky = #"{"a":"}]{[\"","b":[{"c":"\\"},[[],{}],{"d":{"e":[1,-2.5e3,true,false,null]}}],"f":"\u007d"}"#
        let text = "[" + tricky + ",42]"
        let result = withScanner(Array(text.utf8)) { (scanner: inout JSONScanner) throws(JSONError) -> Int? in
            #expect(try scanner.beginArray())
            try scanner.skipValue()
            #expect(try scanner.nextElement())
            let number = try scanner.scanNumber()
            #expect(try !scanner.nextElement())
            try scanner.expectEndOfInput()
            if case .integer(let value) = number { return value }
            return nil
        }
        #expect(result.success == 42)
    }

    @Test func skipsWithWhitespaceEverywhere() {
        let text = " \t\r\n{ \"a\" : [ 1 , { \"b\" : null } , [ ] , { } ] , \"c\" : \"x\" }\n "
        #expect(validationError(text) == nil)
    }

    @Test func deepNestingWithinTheLimitIsSkipped() {
        let depth = JSONScanner.maximumSkipDepth
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(validationError(arrays) == nil)
        let objects = String(repeating: #"{"k":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(validationError(objects) == nil)
        let mixed =
            String(repeating: #"[{"k":"#, count: depth / 2 - 1) + "[[]]" + String(repeating: "}]", count: depth / 2 - 1)
        #expect(validationError(mixed) == nil)
    }

    @Test func tooDeepNestingIsAnErrorNotACrash() {
        let depth = JSONScanner.maximumSkipDepth
        #expect(
            validationError(String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1))
                == JSONError(offset: depth, problem: .nestingTooDeep))
        // Far deeper than any stack would survive with recursion.
        #expect(validationError(String(repeating: "[", count: 1_000_000))?.problem == .nestingTooDeep)
    }

    @Test func mismatchedBracketsAreErrors() {
        #expect(validationError("[}") == JSONError(offset: 1, problem: .expectedValue))
        #expect(validationError("[1}") == JSONError(offset: 2, problem: .expectedCommaOrArrayEnd))
        #expect(validationError(#"{"a":1]"#) == JSONError(offset: 6, problem: .expectedCommaOrObjectEnd))
        #expect(validationError(#"[{"a":[}]]"#) == JSONError(offset: 7, problem: .expectedValue))
        #expect(validationError("]") == JSONError(offset: 0, problem: .expectedValue))
    }

    // MARK: Syntax errors, each with its offset and reason

    static let malformed: [(text: String, offset: Int, reason: String)] = [
        (#"{"a" 1}"#, 5, "expected ':' after object key"),
        (#"{"a":1 "b":2}"#, 7, "expected ',' or '}' in object"),
        ("[1 2]", 3, "expected ',' or ']' in array"),
        ("{1:2}", 1, "expected string key in object"),
        ("{'a':2}", 1, "expected string key in object"),
        (#"{"a":1,}"#, 7, "expected string key in object"),
        (#"{"a":}"#, 5, "expected a JSON value"),
        ("[1,]", 3, "expected a JSON value"),
        ("[,1]", 1, "expected a JSON value"),
        (#""abc"#, 0, "unterminated string"),
        (#"["a\x"]"#, 3, "invalid escape \\x"),
        (#"{"a":1"#, 6, "unexpected end of input"),
        ("[", 1, "unexpected end of input"),
        (#"{"a""#, 4, "unexpected end of input"),
        (#"{"a":"#, 5, "unexpected end of input"),
        ("", 0, "unexpected end of input"),
        ("   ", 3, "unexpected end of input"),
        ("tru", 3, "unexpected end of input"),
        ("trUe", 0, "invalid literal"),
        ("nul", 3, "unexpected end of input"),
        ("nulL", 0, "invalid literal"),
        ("fals", 4, "unexpected end of input"),
        ("[True]", 1, "expected a JSON value"),
        ("[NaN]", 1, "expected a JSON value"),
        (#"{"a":1} x"#, 8, "trailing characters after JSON value"),
        ("[1]]", 3, "trailing characters after JSON value"),
        ("1 2", 2, "trailing characters after JSON value"),
        ("truex", 4, "trailing characters after JSON value"),
        (#"["a"#, 1, "unterminated string"),
        ("[\"\u{01}\"]", 2, "control character in string"),
        ("[01]", 1, "invalid number"),
        ("[1.]", 1, "invalid number"),
        ("[-]", 1, "invalid number"),
        ("[1e]", 1, "invalid number"),
        ("[1e+]", 1, "invalid number"),
        ("[-a]", 1, "invalid number"),
        ("[.5]", 1, "expected a JSON value"),
        ("[+1]", 1, "expected a JSON value"),
        (#"["\u00G0"]"#, 2, "invalid \\u escape (expected four hex digits)"),
        (#"["\uDC00"]"#, 2, "lone surrogate in \\u escape"),
    ]

    @Test(arguments: malformed)
    func malformedInputReportsOffsetAndReason(text: String, offset: Int, reason: String) {
        let error = validationError(text)
        #expect(error?.offset == offset)
        #expect(error?.reason == reason)
    }

    @Test func everyProblemHasAReason() {
        let problems: [JSONProblem] = [
            .unexpectedEnd, .expectedValue, .expectedColon, .expectedKey, .expectedCommaOrObjectEnd,
            .expectedCommaOrArrayEnd, .unterminatedString, .invalidEscape(0x78), .invalidUnicodeEscape,
            .loneSurrogate, .controlCharacter, .invalidUTF8, .invalidNumber, .invalidLiteral,
            .nestingTooDeep, .trailingCharacters,
        ]
        #expect(Set(problems.map(\.description)).count == problems.count)
        #expect(JSONError(offset: 7, problem: .invalidUTF8).description == "invalid UTF-8 at byte 7")
    }

    // MARK: Numbers

    static let integers: [(String, Int)] = [
        ("0", 0), ("-0", 0), ("7", 7), ("-7", -7), ("2025", 2025), ("1234567890123", 1_234_567_890_123),
        ("9223372036854775807", Int.max), ("-9223372036854775807", -Int.max),
    ]

    @Test(arguments: integers)
    func integersParseStraightToInt(text: String, value: Int) {
        let result = withScanner(Array(text.utf8)) { (scanner: inout JSONScanner) throws(JSONError) in
            let number = try scanner.scanNumber()
            try scanner.expectEndOfInput()
            return number
        }
        #expect(result.success == .integer(value))
    }

    @Test(arguments: [
        "1.5", "-0.0", "1e10", "1E+2", "-1.0e-5", "2.5E3", "1e999999", "9223372036854775808",
        "-9223372036854775809", String(repeating: "9", count: 400), "0.000000000000000000001",
    ])
    func otherNumbersAreAcceptedAndSkippable(text: String) {
        let result = withScanner(Array(text.utf8)) { (scanner: inout JSONScanner) throws(JSONError) in
            let number = try scanner.scanNumber()
            try scanner.expectEndOfInput()
            return number
        }
        #expect(result.success == .other)
        #expect(validationError("[\(text),\(text)]") == nil)
    }

    @Test func numbersEndAtDelimiters() {
        #expect(validationError(#"{"a":-12,"b":3.5e-2}"#) == nil)
        #expect(validationError("[1,2 , 3\n]") == nil)
        #expect(validationError("[1x]") == JSONError(offset: 2, problem: .expectedCommaOrArrayEnd))
    }

    // MARK: Literals and top level

    @Test func literalsAndScalarsAtTopLevel() {
        for text in ["true", "false", "null", "0", "-1.5", "\"s\"", " [] ", "{}"] {
            #expect(validationError(text) == nil, "\(text)")
        }
        let bools = withScanner(Array("[true,false]".utf8)) { (scanner: inout JSONScanner) throws(JSONError) in
            _ = try scanner.beginArray()
            let first = try scanner.scanBool()
            _ = try scanner.nextElement()
            return [first, try scanner.scanBool()]
        }
        #expect(bools.success == [true, false])
    }

    @Test func keysAreComparedWithoutDecodingUnlessEscaped() {
        let keys = withScanner(Array(#"{"id":1,"\u0069d":2,"idx":3}"#.utf8)) {
            (scanner: inout JSONScanner) throws(JSONError) in
            var matches: [Bool] = []
            var key = try scanner.beginObject()
            while let current = key {
                matches.append(scanner.span(current, equals: "id"))
                try scanner.skipValue()
                key = try scanner.nextKey()
            }
            return matches
        }
        #expect(keys.success == [true, true, false])
    }

    @Test func byteOrderMarkIsSkippedOnlyAtTheStart() {
        let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)
        let result = withScanner(text) { (scanner: inout JSONScanner) throws(JSONError) in
            scanner.skipByteOrderMark()
            try scanner.skipValue()
            try scanner.expectEndOfInput()
        }
        #expect(result.failure == nil)
        #expect(validationError(text) == JSONError(offset: 0, problem: .expectedValue))
    }
}
