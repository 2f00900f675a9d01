public import TechTrackerClassify

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

    /// Characters of a title printed in a sample line: a stored title can be megabytes long
    /// (bad records exist), and one sample line must stay one line.
    public static let titleLimit = 300

    /// The title with every matched title span of `explanation` marked, cut to `limit`
    /// characters with "…" when longer. The cut comes before the marking: word positions count
    /// from the start, so the words kept are marked exactly as in the whole title.
    public static func markTitle(_ title: String, explanation: QueryExplanation, limit: Int = titleLimit) -> String {
        let ranges = explanation.trueLeaves.flatMap(\.spans).filter { $0.segment == .title }.map(\.words)
        let shortened = shorten(title, to: limit)
        return mark(shortened, wordRanges: ranges) + (shortened.count < title.count ? "…" : "")
    }

    /// The first `limit` characters of `text` (whole characters; nothing for a negative limit).
    static func shorten(_ text: String, to limit: Int) -> String {
        String(text.prefix(max(0, limit)))
    }
}
