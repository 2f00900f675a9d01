import Foundation

// MARK: - Folding

/// The case, accent and markup folding of ``WorkMatchKey/title(_:)``, over UTF-8 bytes.
enum TextFold {
    /// `text` folded, words separated by `separator` (or joined when it is `nil`).
    static func fold(_ text: String, separator: UInt8?) -> String {
        var text = text
        return text.withUTF8 { input in
            var folder = Folder(capacity: input.count, separator: separator)
            folder.run(input)
            return String(decoding: folder.output, as: UTF8.self)
        }
    }

    /// Whether the scalar belongs to a script written without spaces between words (Han,
    /// Hiragana, Katakana, Thai, Lao, Khmer, Myanmar).
    static func isUnspacedScript(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x3040...0x30FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            true
        default: false
        }
    }

    /// Scalars that are apostrophes or primes: removed without a word break.
    static func isApostrophe(_ value: UInt32) -> Bool {
        switch value {
        case 0x27, 0x60, 0xB4, 0x2B9, 0x2BB, 0x2BC, 0x2018, 0x2019, 0x201B, 0x2032: true
        default: false
        }
    }

    /// The block-level tags that break words when removed.
    static let breakingTags: Set<[UInt8]> = Set(
        ["br", "p", "div", "li", "td", "tr", "th", "hr", "h1", "h2", "h3", "h4", "h5", "h6"].map { Array($0.utf8) }
    )

    /// The Greek letters' character-reference names, in the order of U+03B1… (final sigma has
    /// its own name, `sigmaf`).
    static let greekNames: [String: UInt32] = {
        let names = [
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
            "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
        ]
        var table: [String: UInt32] = [:]
        for (offset, name) in names.enumerated() { table[name] = 0x3B1 + UInt32(offset) }
        return table
    }()

    /// Accent suffixes of Latin-1 character-reference names (`eacute`, `ouml`, `ccedil`, …): the
    /// reference is its first letter.
    static let accentSuffixes: Set<String> = ["acute", "grave", "uml", "circ", "tilde", "cedil", "ring", "slash"]
}

// MARK: The table

extension TextFold {
    /// The folded UTF-8 of each scalar in a range: empty for a dropped scalar (a combining mark),
    /// a space byte where a word breaks.
    struct Block: Sendable {
        let range: Range<UInt32>
        let starts: [Int]
        let bytes: [UInt8]

        /// The folded bytes of `value`, which must be in `range`.
        func entry(_ value: UInt32) -> ArraySlice<UInt8> {
            let index = Int(value - range.lowerBound)
            return bytes[starts[index]..<starts[index + 1]]
        }
    }

    /// Letters that neither decompose nor lower-case to their folded form.
    static let letterFolds: [UInt32: String] = [
        0xDF: "ss", 0x1E9E: "ss", 0xE6: "ae", 0x153: "oe", 0xF8: "o", 0x111: "d", 0xF0: "d", 0x142: "l", 0xFE: "th",
        0x131: "i", 0x127: "h", 0x167: "t", 0x140: "l", 0x3C2: "\u{3C3}",
    ]

    /// The ranges folded through the table: Latin to the box-drawing block (Latin, Greek,
    /// Cyrillic, Indic, the Latin and Greek extensions, super- and subscripts, letter-like and
    /// number forms, enclosed alphanumerics), the Latin ligatures, the full-width forms, and the
    /// mathematical alphanumeric symbols.
    static let blocks: [Block] = [0x80..<0x2500, 0xFB00..<0xFB50, 0xFF00..<0xFFF0, 0x1D400..<0x1D800].map(block)

    /// The table of one range, built once with Foundation's compatibility decomposition.
    private static func block(_ range: Range<UInt32>) -> Block {
        var starts: [Int] = [0]
        var bytes: [UInt8] = []
        starts.reserveCapacity(range.count + 1)
        for value in range {
            bytes.append(contentsOf: tableEntry(value))
            starts.append(bytes.count)
        }
        return Block(range: range, starts: starts, bytes: bytes)
    }

    /// The folded UTF-8 of one scalar for the table.
    private static func tableEntry(_ value: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [0x20] }
        if isApostrophe(value) { return [] }
        let category = scalar.properties.generalCategory
        if isMark(category) { return [] }
        guard isLetterOrNumber(category) else { return [0x20] }
        let decomposed = String(scalar).decomposedStringWithCompatibilityMapping
        // A modifier letter that does not decompose is a phonetic sign (`ˈ`), not a letter.
        if category == .modifierLetter && decomposed.unicodeScalars.elementsEqual([scalar]) { return [0x20] }
        var bytes: [UInt8] = []
        for part in decomposed.unicodeScalars {
            let partCategory = part.properties.generalCategory
            if isMark(partCategory) || isApostrophe(part.value) { continue }
            guard isLetterOrNumber(partCategory) else {
                bytes.append(0x20)
                continue
            }
            for lower in part.properties.lowercaseMapping.unicodeScalars where !isMark(lower.properties.generalCategory)
            {
                if let fold = letterFolds[lower.value] {
                    bytes.append(contentsOf: fold.utf8)
                } else {
                    bytes.append(contentsOf: lower.utf8)
                }
            }
        }
        return bytes
    }

    /// Whether a general category is a combining mark.
    static func isMark(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Whether a general category is a letter or a number.
    static func isLetterOrNumber(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber:
            true
        default: false
        }
    }
}

// MARK: The folder

extension TextFold {
    /// One folding pass: the output bytes and whether a word break is pending.
    struct Folder {
        var output: [UInt8]
        /// The byte between words; `nil` to join them.
        let separator: UInt8?
        var pendingBreak = false

        init(capacity: Int, separator: UInt8?) {
            output = []
            output.reserveCapacity(capacity)
            self.separator = separator
        }

        /// A word break: written before the next letter or digit, if any follows.
        @inline(__always) mutating func wordBreak() {
            if !output.isEmpty { pendingBreak = true }
        }

        /// Appends one byte of a letter or digit.
        @inline(__always) mutating func append(_ byte: UInt8) {
            if pendingBreak {
                if let separator { output.append(separator) }
                pendingBreak = false
            }
            output.append(byte)
        }

        /// Folds the whole input.
        mutating func run(_ input: UnsafeBufferPointer<UInt8>) {
            var index = 0
            let count = input.count
            while index < count {
                let byte = input[index]
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        append(byte)
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                        append(byte | 0x20)
                    case UInt8(ascii: "'"), UInt8(ascii: "`"):
                        break
                    case UInt8(ascii: "<"):
                        if let (end, breaks) = Self.tag(in: input, at: index) {
                            if breaks { wordBreak() }
                            index = end
                            continue
                        }
                        wordBreak()
                    case UInt8(ascii: "&"):
                        if let (scalar, end) = Self.reference(in: input, at: index) {
                            if let scalar { fold(scalar) } else { wordBreak() }
                            index = end
                            continue
                        }
                        wordBreak()
                    default:
                        wordBreak()
                    }
                    index += 1
                } else {
                    let (value, length) = Self.decode(input, at: index)
                    fold(value)
                    index += length
                }
            }
        }

        /// Folds one scalar of any kind.
        mutating func fold(_ value: UInt32) {
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: append(UInt8(value))
                case 0x41...0x5A: append(UInt8(value) | 0x20)
                case 0x27, 0x60: break
                default: wordBreak()
                }
                return
            }
            for block in TextFold.blocks where block.range.contains(value) {
                for byte in block.entry(value) {
                    if byte == 0x20 { wordBreak() } else { append(byte) }
                }
                return
            }
            guard let scalar = Unicode.Scalar(value) else { return wordBreak() }
            if TextFold.isApostrophe(value) { return }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                return
            case .uppercaseLetter, .titlecaseLetter:
                for lower in properties.lowercaseMapping.unicodeScalars
                where !TextFold.isMark(lower.properties.generalCategory) {
                    appendScalar(lower)
                }
            case .lowercaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
                appendScalar(scalar)
            default:
                wordBreak()
            }
        }

        /// Appends a scalar's UTF-8.
        mutating func appendScalar(_ scalar: Unicode.Scalar) {
            for byte in scalar.utf8 { append(byte) }
        }

        /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
        static func decode(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
            let lead = UInt32(input[index])
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length <= input.count else { return (0xFFFD, input.count - index) }
            var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length {
                value = value << 6 | UInt32(input[index + offset] & 0x3F)
            }
            return (value, length)
        }

        /// The end of a markup tag starting at the `<` at `index`, and whether it breaks words;
        /// `nil` when the `<` opens no tag.
        static func tag(in input: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Bool)? {
            var position = index + 1
            guard position < input.count else { return nil }
            if input[position] == UInt8(ascii: "/") || input[position] == UInt8(ascii: "!") { position += 1 }
            guard position < input.count, isASCIILetter(input[position]) else { return nil }
            var name: [UInt8] = []
            while position < input.count {
                let byte = input[position]
                if isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") {
                    name.append(byte | (isASCIILetter(byte) ? 0x20 : 0))
                } else if byte == UInt8(ascii: ":") {
                    name.removeAll()
                } else {
                    break
                }
                position += 1
            }
            let limit = min(input.count, index + 1024)
            while position < limit {
                switch input[position] {
                case UInt8(ascii: ">"): return (position + 1, TextFold.breakingTags.contains(name))
                case UInt8(ascii: "<"): return nil
                default: position += 1
                }
            }
            return nil
        }

        /// The scalar of a character reference starting at the `&` at `index` (`nil` for one
        /// that is a word break), and its end; `nil` when the `&` starts no reference.
        static func reference(in input: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32?, Int)? {
            let limit = min(input.count, index + 12)
            var position = index + 1
            guard position < limit else { return nil }
            if input[position] == UInt8(ascii: "#") {
                position += 1
                var hex = false
                if position < limit && (input[position] | 0x20) == UInt8(ascii: "x") {
                    hex = true
                    position += 1
                }
                var value: UInt32 = 0
                var digits = 0
                while position < limit {
                    let byte = input[position]
                    if byte == UInt8(ascii: ";") {
                        guard digits > 0, Unicode.Scalar(value) != nil else { return nil }
                        return (value, position + 1)
                    }
                    guard let digit = hex ? WorkMatchKey.hexValue(byte) : decimalDigit(byte) else { return nil }
                    value = value * (hex ? 16 : 10) + UInt32(digit)
                    digits += 1
                    position += 1
                }
                return nil
            }
            var name = ""
            while position < limit {
                let byte = input[position]
                if byte == UInt8(ascii: ";") {
                    guard !name.isEmpty else { return nil }
                    return (namedReference(name), position + 1)
                }
                guard isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) else { return nil }
                name.unicodeScalars.append(Unicode.Scalar(byte | (isASCIILetter(byte) ? 0x20 : 0)))
                position += 1
            }
            return nil
        }

        /// The scalar a named reference (lower-cased) stands for; `nil` for a word break.
        static func namedReference(_ name: String) -> UInt32? {
            if let greek = TextFold.greekNames[name] { return greek }
            switch name {
            case "apos", "rsquo", "lsquo", "prime": return 0x27
            case "szlig": return 0xDF
            case "aelig": return 0xE6
            case "oelig": return 0x153
            case "eth": return 0xF0
            case "thorn": return 0xFE
            default: break
            }
            if let first = name.unicodeScalars.first, TextFold.accentSuffixes.contains(String(name.dropFirst())) {
                return first.value
            }
            return nil
        }

        @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }

        @inline(__always) static func decimalDigit(_ byte: UInt8) -> UInt8? {
            byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : nil
        }
    }
}
