import TechTrackerCore

/// The values of a patent-citation row's fields, read from their bytes: numbers straight to
/// integers and words compared byte by byte, so that a row costs no `String` but its patent id.
/// Each reader trims spaces first; an empty field is "not given" (`nil`) wherever a column is
/// optional, and a value that is not one of the allowed ones is `.invalid`.
enum PatentFieldValue<Value> {
    case empty
    case value(Value)
    case invalid
}

enum PatentFieldValues {
    /// The bytes without leading and trailing spaces and tabs.
    static func trimmed(_ field: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = field.count
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: field[start..<end])
    }

    /// An OpenAlex work number: `2741809807`, `W2741809807` or
    /// `https://openalex.org/W2741809807` (`http`, no scheme, any case); 1 to 19 digits, not 0.
    static func openAlexNumber(_ field: UnsafeRawBufferPointer) -> PatentFieldValue<UInt64> {
        var bytes = trimmed(field)
        if bytes.isEmpty { return .empty }
        for prefix in urlPrefixes where startsWithIgnoringCase(bytes, prefix) {
            bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst(prefix.count))
            break
        }
        if let first = bytes.first, first == UInt8(ascii: "W") || first == UInt8(ascii: "w") {
            bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        }
        guard let number = digits(bytes, maximumCount: 19), number > 0 else { return .invalid }
        return .value(number)
    }

    /// The URL forms of an OpenAlex id, longest first.
    private static let urlPrefixes: [[UInt8]] = [
        Array("https://openalex.org/".utf8), Array("http://openalex.org/".utf8), Array("openalex.org/".utf8),
    ]

    /// A whole number of 1 to `maximumCount` ASCII digits (at most 19, so it fits), else `nil`.
    static func digits(_ bytes: UnsafeRawBufferPointer, maximumCount: Int) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= min(maximumCount, 19) else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ UInt64(digit)
        }
        return value
    }

    /// A confidence score: a whole number from 1 to 10.
    static func confidence(_ field: UnsafeRawBufferPointer) -> PatentFieldValue<Int> {
        let bytes = trimmed(field)
        if bytes.isEmpty { return .empty }
        guard let value = digits(bytes, maximumCount: 2), (1...10).contains(value) else { return .invalid }
        return .value(Int(value))
    }

    /// `app`, `exm`, `unk` or `oth` (any case).
    static func referenceType(_ field: UnsafeRawBufferPointer) -> PatentFieldValue<PatentReferenceType> {
        word(field, referenceTypeWords)
    }

    private static let referenceTypeWords = PatentReferenceType.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// `frontonly`, `bodyonly` or `both` (any case).
    static func place(_ field: UnsafeRawBufferPointer) -> PatentFieldValue<PatentCitationPlace> {
        word(field, placeWords)
    }

    private static let placeWords = PatentCitationPlace.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The self-citation flag: 1/0, true/false, yes/no, y/n, self/notself (any case).
    static func selfCitation(_ field: UnsafeRawBufferPointer) -> PatentFieldValue<Bool> {
        word(field, selfCitationWords)
    }

    private static let selfCitationWords: [([UInt8], Bool)] = [
        ("1", true), ("0", false), ("true", true), ("false", false), ("yes", true), ("no", false), ("y", true),
        ("n", false), ("self", true), ("notself", false), ("t", true), ("f", false),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The year of a year column: a whole number from 1800 to 2200.
    static func year(_ field: UnsafeRawBufferPointer) -> PatentFieldValue<Int> {
        let bytes = trimmed(field)
        if bytes.isEmpty { return .empty }
        guard let value = digits(bytes, maximumCount: 4), plausibleYears.contains(Int(value)) else { return .invalid }
        return .value(Int(value))
    }

    /// The year of a date column: `2019-05-23`, `2019/05/23`, `20190523`, `2019-05`, `2019`, or
    /// a day-first or month-first date ending in the year (`23/05/2019`, `05.23.2019`); 1800-2200.
    static func yearOfDate(_ field: UnsafeRawBufferPointer) -> PatentFieldValue<Int> {
        let bytes = trimmed(field)
        if bytes.isEmpty { return .empty }
        // The first run of digits, or the last one when the first is not a year (a day or month).
        var runs: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] &- 0x30 < 10 else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
            runs.append(start..<index)
        }
        for run in [runs.first, runs.last].compactMap({ $0 }) where run.count == 4 || run.count == 8 {
            let four = UnsafeRawBufferPointer(rebasing: bytes[run.lowerBound..<(run.lowerBound + 4)])
            if let value = digits(four, maximumCount: 4), plausibleYears.contains(Int(value)) {
                return .value(Int(value))
            }
        }
        return .invalid
    }

    /// Years a citation may carry (as the store allows for works).
    static let plausibleYears = 1800...2200

    /// One of `words` (compared ignoring ASCII case).
    private static func word<Value>(
        _ field: UnsafeRawBufferPointer, _ words: [([UInt8], Value)]
    ) -> PatentFieldValue<Value> {
        let bytes = trimmed(field)
        if bytes.isEmpty { return .empty }
        for (word, value) in words where word.count == bytes.count {
            if startsWithIgnoringCase(bytes, word) { return .value(value) }
        }
        return .invalid
    }

    /// Whether `bytes` starts with `prefix` (ASCII letters compared ignoring case).
    private static func startsWithIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        var index = 0
        for expected in prefix {
            let byte = bytes[index]
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard folded == expected else { return false }
            index += 1
        }
        return true
    }

    /// A value as shown in a message: at most 40 characters, invalid UTF-8 replaced.
    static func excerpt(_ field: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: field.prefix(160), as: UTF8.self)
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
