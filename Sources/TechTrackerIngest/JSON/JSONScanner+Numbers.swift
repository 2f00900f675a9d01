extension JSONScanner {
    /// The outcome of scanning one JSON number.
    enum NumberValue: Equatable {
        /// An integer that fits in `Int`.
        case integer(Int)
        /// A valid number that is not such an integer: it has a fraction or exponent, or is
        /// too large for `Int`. Its value is not computed (nothing here needs it).
        case other
    }

    /// Scans the number at the current position (after whitespace), validating the JSON
    /// grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`. Integers are accumulated
    /// as they are read, so ids and counts never go through a string.
    mutating func scanNumber() throws(JSONError) -> NumberValue {
        _ = try peekValueStart()
        let start = position
        var index = position
        let negative = input[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < end else { throw error(.invalidNumber, at: start) }

        var magnitude = 0
        var fitsInInt = true
        let first = input[index]
        if first == UInt8(ascii: "0") {
            index += 1
            // JSON forbids leading zeros: "01" is not a number.
            if index < end && isDigit(input[index]) { throw error(.invalidNumber, at: start) }
        } else if isDigit(first) {
            while index < end {
                let byte = input[index]
                guard isDigit(byte) else { break }
                if fitsInInt {
                    let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times10.addingReportingOverflow(Int(byte &- UInt8(ascii: "0")))
                    magnitude = sum
                    fitsInInt = !overflow1 && !overflow2
                }
                index += 1
            }
        } else {
            throw error(.invalidNumber, at: start)
        }

        var isInteger = true
        if index < end && input[index] == UInt8(ascii: ".") {
            isInteger = false
            index = try skipDigits(from: index + 1, numberStart: start)
        }
        if index < end && (input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if index < end && (input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-")) { index += 1 }
            index = try skipDigits(from: index, numberStart: start)
        }
        position = index
        guard isInteger && fitsInInt else { return .other }
        return .integer(negative ? -magnitude : magnitude)
    }

    /// Skips one or more digits from `offset`; returns the offset after them.
    @inline(__always)
    private func skipDigits(from offset: Int, numberStart: Int) throws(JSONError) -> Int {
        var index = offset
        while index < end && isDigit(input[index]) { index += 1 }
        // At least one digit is required after '.', 'e', 'e+' or 'e-'.
        guard index > offset else { throw error(.invalidNumber, at: numberStart) }
        return index
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
