import TechTrackerClassify

/// Marks the words a query matched in a text, `like [this]`, for spot-checking precision.
public enum MatchMarking {
    /// `text` with the words at `wordRanges` (word positions as the query tokeniser counts
    /// them) wrapped in brackets; adjacent matched words share one pair of brackets.
    public static func mark(_ text: String, wordRanges: [Range<Int>]) -> String {
        guard !wordRanges.isEmpty else { return text }
        var marked = Set<Int>()
        for range in wordRanges { marked.formUnion(range) }
        var output = ""
        var wordIndex = -1
        var inWord = false
        var open = false
        for scalar in text.unicodeScalars {
            let continuesWord = inWord ? WordFolding.isWordScalar(scalar) : WordFolding.startsWord(scalar)
            if continuesWord && !inWord {
                wordIndex += 1
                inWord = true
                if marked.contains(wordIndex) && !open {
                    output += "["
                    open = true
                }
            } else if !continuesWord && inWord {
                inWord = false
                // Keep the bracket open across a separator when the next word is matched too.
                if open && !marked.contains(wordIndex + 1) {
                    output += "]"
                    open = false
                }
            }
            output.unicodeScalars.append(scalar)
        }
        if open { output += "]" }
        return output
    }

    /// The title with every matched title span of `explanation` marked.
    public static func markTitle(_ title: String, explanation: QueryExplanation) -> String {
        let ranges = explanation.trueLeaves.flatMap(\.spans).filter { $0.segment == .title }.map(\.words)
        return mark(title, wordRanges: ranges)
    }
}
