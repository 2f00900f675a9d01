import Foundation

// MARK: - Surnames

extension WorkMatchKey {
    /// Generational suffixes dropped from the end of a name.
    fileprivate static let generationalSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]
    /// Generational suffixes dropped only after at least two other words (they may be initials).
    fileprivate static let romanSuffixes: Set<String> = ["ii", "iii", "iv"]
    /// Particles that belong to the surname when they come right before its last word.
    fileprivate static let particles: Set<String> = [
        "van", "von", "de", "der", "den", "del", "della", "da", "das", "do", "dos", "du", "des", "di", "le", "la",
        "ten", "ter", "st", "al", "el",
    ]

    /// The part of `name` that is the surname, as written (see ``surname(ofAuthorName:)``).
    static func surnamePart(of name: String) -> String {
        let name = NameScalars(name)
        let all = name.trimmed(0..<name.scalars.count)
        guard let comma = name.scalars[all].firstIndex(of: ",") else {
            return name.surname(amongWords: name.words(in: all))
        }
        let before = name.trimmed(all.lowerBound..<comma)
        let after = name.trimmed((comma + 1)..<all.upperBound)
        if !generationalSuffixes.contains(name.asciiLetters(after)) {
            return name.text(before.isEmpty ? after : before)
        }
        return name.surname(amongWords: name.words(in: before))
    }
}

/// The scalars of an author's name, with the word-level reading of
/// ``WorkMatchKey/surname(ofAuthorName:)``. Words are ranges of `scalars`.
private struct NameScalars {
    let scalars: [Unicode.Scalar]

    init(_ name: String) {
        scalars = Array(name.unicodeScalars)
    }

    /// The surname among the words of a name written without a comma.
    func surname(amongWords words: [Range<Int>]) -> String {
        var words = words
        while words.count > 1, let last = words.last {
            let word = asciiLetters(last)
            guard WorkMatchKey.generationalSuffixes.contains(word),
                !WorkMatchKey.romanSuffixes.contains(word) || words.count > 2
            else { break }
            words.removeLast()
        }
        guard let first = words.first, let last = words.last else { return "" }
        let upperCase = !scalars[first.lowerBound..<last.upperBound].contains { isLowercase($0) }
        var end = words.count
        while end > 1 && looksLikeInitials(words[end - 1], nameIsUpperCase: upperCase) {
            end -= 1
        }
        if end < words.count {
            return text(first.lowerBound..<words[end - 1].upperBound)
        }
        var start = words.count - 1
        while start > 1 && WorkMatchKey.particles.contains(asciiLetters(words[start - 1])) {
            start -= 1
        }
        return text(words[start].lowerBound..<last.upperBound)
    }

    /// Whether a word looks like initials (`J`, `J.`, `J.A.`, `J.-P.`, `Yu.`, `JA`).
    func looksLikeInitials(_ word: Range<Int>, nameIsUpperCase: Bool) -> Bool {
        var letters = 0
        var pieceLetters = 0
        var hasPeriod = false
        var piecesAreShortAndCapitalised = true
        var allUpperCase = true
        for scalar in scalars[word] {
            if scalar == "." || scalar == "-" {
                hasPeriod = hasPeriod || scalar == "."
                pieceLetters = 0
            } else if isLetter(scalar) {
                if pieceLetters == 0 && !isUppercase(scalar) { piecesAreShortAndCapitalised = false }
                letters += 1
                pieceLetters += 1
                if pieceLetters > 2 { piecesAreShortAndCapitalised = false }
                if !isUppercase(scalar) { allUpperCase = false }
            } else if !isMark(scalar) {
                return false
            }
        }
        if letters <= 1 { return letters == 1 }
        if hasPeriod { return piecesAreShortAndCapitalised }
        return allUpperCase && letters <= (nameIsUpperCase ? 2 : 3)
    }

    /// The words (runs of non-whitespace) in `range`.
    func words(in range: Range<Int>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for index in range {
            if isSpace(scalars[index]) {
                if let wordStart = start { words.append(wordStart..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let wordStart = start { words.append(wordStart..<range.upperBound) }
        return words
    }

    /// `range` without whitespace at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && isSpace(scalars[lower]) { lower += 1 }
        while upper > lower && isSpace(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The ASCII letters of a short word, lower-cased, without periods; empty for a word of more
    /// than 6 scalars or with other characters (the words compared with the suffix and particle
    /// sets, which are ASCII).
    func asciiLetters(_ word: Range<Int>) -> String {
        guard word.count <= 6 else { return "" }
        var result = String.UnicodeScalarView()
        for scalar in scalars[word] where scalar != "." {
            guard scalar.isASCII, let lower = asciiLower(scalar) else { return "" }
            result.append(lower)
        }
        return String(result)
    }

    /// The text of `range`.
    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    private func asciiLower(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x61...0x7A: scalar
        case 0x41...0x5A: Unicode.Scalar(UInt8(scalar.value | 0x20))
        default: nil
        }
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? asciiLower(scalar) != nil : scalar.properties.isAlphabetic && !isMark(scalar)
    }

    private func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    private func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x61 && scalar.value <= 0x7A : scalar.properties.isLowercase
    }

    private func isMark(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && TextFold.isMark(scalar.properties.generalCategory)
    }
}
