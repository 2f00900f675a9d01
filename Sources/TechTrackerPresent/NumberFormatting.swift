import Foundation

/// Number formats used in terminal reports (exports keep full precision instead).
public enum NumberFormatting {
    /// `1234567` → `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// A count with one decimal, grouped: `12345.67` → `12,345.7`.
    public static func decimal(_ value: Double, digits: Int = 1) -> String {
        let scaled = (value * pow(10, Double(digits))).rounded() / pow(10, Double(digits))
        let whole = Int(scaled.rounded(.towardZero))
        let fraction = String(format: "%.\(digits)f", abs(scaled - Double(whole))).dropFirst(1)
        return (scaled < 0 && whole == 0 ? "-" : "") + grouped(whole) + fraction
    }

    /// A share as a percentage: `0.1234` → `12.3%`.
    public static func percent(_ share: Double, digits: Int = 1) -> String {
        String(format: "%.\(digits)f%%", share * 100)
    }
}
