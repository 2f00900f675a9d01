#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ranges a work's values must fall in. A record outside them is rejected when it is
/// parsed, with the value in the reason, so that an impossible year or count never reaches
/// the store (where it would skew windows and citation thresholds) and a list large enough to
/// exhaust memory is not kept.
///
/// The limits are far beyond any real OpenAlex record (the most cited works have a few hundred
/// thousand citations, the longest author lists a few thousand names) and far below what would
/// hurt.
enum OpenAlexLimits {
    /// The earliest `publication_year` (and `counts_by_year[].year`) accepted.
    static let earliestYear = 1800
    /// The latest year accepted: next year (works are sometimes dated a year ahead).
    static let latestYear = currentYear() + 1
    /// The largest `cited_by_count` (and `counts_by_year[].cited_by_count`) accepted.
    static let maximumCitationCount = 10_000_000
    /// The most `authorships` one work may have.
    static let maximumAuthorships = 10_000
    /// The most `institutions` one authorship may have.
    static let maximumInstitutionsPerAuthorship = 1_000
    /// The most `referenced_works` one work may have.
    static let maximumReferencedWorks = 100_000

    /// The current calendar year (UTC), read once per process.
    private static func currentYear() -> Int {
        var now = time(nil)
        var parts = tm()
        guard gmtime_r(&now, &parts) != nil else { return 2025 }
        return Int(parts.tm_year) + 1900
    }

    /// Whether `bytes` is an ISO 8601 date `YYYY-MM-DD`, optionally followed by `T` and a time
    /// (`HH:MM`, then only digits, `:`, `.`, `+`, `-` or `Z`).
    ///
    /// `updated_date` decides which of two records of a work is kept by comparing the texts, so
    /// anything else (`"yesterday"`, `"9999"`) would compare newer or older than every real date
    /// and make a later genuine update be reported unchanged and lost.
    static func isISODate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 10 else { return false }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard digits(0..<4) != nil, bytes[4] == UInt8(ascii: "-"), let month = digits(5..<7),
            bytes[7] == UInt8(ascii: "-"), let day = digits(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return false }
        guard bytes.count > 10 else { return true }
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T"), let hour = digits(11..<13),
            bytes[13] == UInt8(ascii: ":"), let minute = digits(14..<16), hour < 24, minute < 60
        else { return false }
        for byte in bytes[16...] {
            let allowed =
                byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "Z")
            guard allowed else { return false }
        }
        return true
    }

    /// `10,000,000`: a limit written with thousands separators, for messages (years and other
    /// numbers below 10,000 stay as they are).
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 4 else { return String(value) }
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }
}
