/// Turns the text of one term or quoted phrase into the words it searches for, checking its
/// truncations. Words are cut and folded exactly as document text is (``WordFolding``), so
/// `lithium-ion` becomes the phrase `lithium ion`; a `*` ends the word it follows.
enum QueryTermReader {
    /// The smallest stem a `*` may follow: shorter stems match too much (as in Web of Science).
    static let minimumStemLength = 3

    /// The phrase a term or quoted phrase searches for.
    /// - Parameters:
    ///   - text: the characters as written (for a phrase, without the quotes).
    ///   - firstColumn: the column of `text`'s first character.
    ///   - tokenColumn: the column of the token, named when the whole term is unusable.
    ///   - quoted: whether it was a quoted phrase (only changes the messages).
    static func phrase(
        from text: String, firstColumn: Int, tokenColumn: Int, quoted: Bool
    ) throws(QuerySyntaxError) -> SearchPhrase {
        let characters = Array(text)
        var words: [SearchWord] = []
        var pieceStart = 0
        for (offset, character) in characters.enumerated() {
            let column = firstColumn + offset
            if character == "?" || character == "$" {
                throw .at(column, "wildcard '\(character)' is not supported (only a trailing '*')")
            }
            guard character == "*" else { continue }
            let followsWord = offset > 0 && isWordCharacter(characters[offset - 1])
            guard followsWord else {
                throw .at(
                    column,
                    "'*' must end a word of at least \(minimumStemLength) characters (a leading '*' is too broad)")
            }
            if offset + 1 < characters.count, isWordCharacter(characters[offset + 1]) {
                throw .at(column, "'*' is only allowed at the end of a word")
            }
            var pieceWords = WordFolding.words(in: String(characters[pieceStart..<offset])).map { SearchWord($0) }
            guard let stem = pieceWords.popLast() else {
                throw .at(column, "'*' must end a word")
            }
            guard stem.text.count >= minimumStemLength else {
                throw .at(
                    column, "truncated stem '\(stem.text)*' is shorter than \(minimumStemLength) characters (too broad)"
                )
            }
            words += pieceWords
            words.append(SearchWord(stem.text, truncated: true))
            pieceStart = offset + 1
        }
        words += WordFolding.words(in: String(characters[pieceStart...])).map { SearchWord($0) }
        guard !words.isEmpty else {
            if quoted, text.allSatisfy(\.isWhitespace) { throw .at(tokenColumn, "empty phrase") }
            let what = quoted ? "phrase \"\(text)\"" : "term '\(text)'"
            throw .at(tokenColumn, "\(what) has no searchable word")
        }
        return SearchPhrase(words)
    }

    /// Whether a character would be part of a word in document text.
    static func isWordCharacter(_ character: Character) -> Bool {
        !WordFolding.words(in: String(character)).isEmpty
    }
}
