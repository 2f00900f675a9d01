import Testing
@testable import TechTrackerClassify

/// Cutting text into words: folding, hyphens, apostrophes, digits; the ASCII fast path against
/// the Unicode definition; vocabulary ids and their storage form.
@Suite struct TokenizerTests {
    @Test func foldsCaseAndDiacritics() {
        #expect(WordFolding.words(in: "Schrödinger ÅNGSTRÖM Café") == ["schrodinger", "angstrom", "cafe"])
        // Composed and decomposed ö fold alike.
        #expect(WordFolding.words(in: "Schro\u{308}dinger") == ["schrodinger"])
        #expect(WordFolding.words(in: "Straße") == ["strasse"])
        #expect(WordFolding.words(in: "Αθήνα") == ["αθηνα"])
    }

    @Test func hyphensAndPunctuationSeparateWords() {
        #expect(
            WordFolding.words(in: "lithium-ion (Li-ion) batteries; solid–state") == [
                "lithium", "ion", "li", "ion", "batteries", "solid", "state",
            ])
        #expect(WordFolding.words(in: "x/y_z.w,v:u") == ["x", "y", "z", "w", "v", "u"])
    }

    @Test func apostrophesSplitWords() {
        #expect(WordFolding.words(in: "Alzheimer's disease") == ["alzheimer", "s", "disease"])
        #expect(WordFolding.words(in: "Parkinson\u{2019}s") == ["parkinson", "s"])
    }

    @Test func digitsAreWordCharacters() {
        #expect(
            WordFolding.words(in: "5G and 6G, 2D materials, 2.4 GHz, H2O") == [
                "5g", "and", "6g", "2d", "materials", "2", "4", "ghz", "h2o",
            ])
    }

    @Test func marksStayInsideWordsButStartNone() {
        #expect(WordFolding.words(in: "हिन्दी") == ["हिन्दी"])
        #expect(WordFolding.words(in: "\u{301}abc") == ["abc"])
        #expect(WordFolding.words(in: "北京大学 한국어") == ["北京大学", "한국어"])
    }

    @Test func emptyAndSeparatorOnlyTexts() {
        #expect(WordFolding.words(in: "").isEmpty)
        #expect(WordFolding.words(in: " -- ;; () ").isEmpty)
    }

    /// The byte scanner the matcher uses agrees with the definition, on ASCII text (its own
    /// path) and on mixed text (the Unicode path).
    @Test func scannerAgreesWithDefinition() {
        let alphabet =
            Array("aZ9 -'.,;:()/_*\"\t\nQx<=")
            + ["é", "Ö", "ß", "量", "\u{301}", "\u{338}", "🙂", "–", "’", "±", "µ", "ﬁ", "İ", "Ω", "²", "\u{200B}"]
        var generator = SeededGenerator(seed: 3)
        for round in 0..<6000 {
            let asciiOnly = round % 2 == 0
            let length = Int.random(in: 0...40, using: &generator)
            var text = ""
            for _ in 0..<length {
                let pool = asciiOnly ? Array(alphabet.prefix(22)) : alphabet
                text.append(pool.randomElement(using: &generator) ?? " ")
            }
            let scanned = WordScanner.foldedWords(of: text).map { String(decoding: $0, as: UTF8.self) }
            #expect(scanned == WordFolding.words(in: text), "text: \(text)")
        }
    }

    @Test func vocabularyNumbersWordsInOrder() {
        var vocabulary = Vocabulary()
        let document = vocabulary.tokenize(
            ClassifiableText(
                title: "Lithium-ion batteries", abstract: "Ion transport in lithium",
                keywords: ["Li-ion", "", "solid state"]))
        #expect(vocabulary.words == ["lithium", "ion", "batteries", "transport", "in", "li", "solid", "state"])
        #expect(document.title == [0, 1, 2])
        #expect(document.abstract == [1, 3, 4, 0])
        let b = TokenizedDocument.boundary
        #expect(document.keywords == [5, 1, b, b, 6, 7])
        #expect(document.keywordRuns == [[5, 1], [], [6, 7]])
        #expect(vocabulary.id(of: "ion") == 1)
        #expect(vocabulary.word(for: 3) == "transport")
        #expect(vocabulary.word(for: 99) == nil)
        #expect(Vocabulary(words: vocabulary.words)?.words == vocabulary.words)
        #expect(Vocabulary(words: ["a", "b", "a"]) == nil)
    }

    @Test func tokenizedDocumentStorageRoundTrips() {
        let b = TokenizedDocument.boundary
        let documents = [
            TokenizedDocument(title: [], abstract: [], keywords: []),
            TokenizedDocument(
                title: [0, 126, 127, 128], abstract: [16_383, 16_384, 2_000_000, b - 1], keywords: [3, b, 4]),
            TokenizedDocument(title: [1], abstract: [], keywordRuns: [[], [2, 3], []]),
        ]
        for document in documents {
            #expect(TokenizedDocument(flattened: document.flattened) == document)
            #expect(TokenizedDocument(serializedBytes: document.serializedBytes()) == document)
        }
        // Ids below 127 take one byte each; boundaries one byte.
        #expect(TokenizedDocument(title: [5, 6], abstract: [7], keywords: []).serializedBytes() == [6, 7, 0, 8, 0])
        #expect(TokenizedDocument(flattened: [1, 2]) == nil)
        #expect(TokenizedDocument(serializedBytes: [0x80]) == nil)
        #expect(TokenizedDocument(serializedBytes: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]) == nil)
    }
}
