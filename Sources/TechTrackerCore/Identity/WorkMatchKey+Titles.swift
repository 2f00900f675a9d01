import Foundation

// MARK: - Titles

extension WorkMatchKey {
    /// Whether a folded title is long enough to tell papers apart (see
    /// ``titleKey(title:year:firstAuthor:)``).
    static func isDistinctive(foldedTitle: String) -> Bool {
        guard !foldedTitle.isEmpty else { return false }
        var characters = 0
        var words = 1
        var unspaced = 0
        for scalar in foldedTitle.unicodeScalars {
            characters += 1
            if scalar == " " {
                words += 1
            } else if TextFold.isUnspacedScript(scalar.value) {
                unspaced += 1
            }
        }
        return unspaced >= 10 || (words >= 3 && characters >= 20)
    }
}

extension Substring {
    /// The text without whitespace (and newlines) at either end.
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    /// How many times `character` occurs.
    func count(of character: Character) -> Int {
        reduce(0) { $0 + ($1 == character ? 1 : 0) }
    }
}
