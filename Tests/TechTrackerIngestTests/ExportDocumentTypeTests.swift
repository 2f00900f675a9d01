import Testing
@testable import TechTrackerIngest

/// Web of Science `DT` and Scopus `Document Type` values mapped to the store's types, and the
/// retraction flag.
@Suite struct ExportDocumentTypeTests {
    /// Checks each value's type and retraction flag.
    private func expectTypes(
        _ read: (String) -> (type: String, isRetracted: Bool), _ cases: [(String, String, Bool)],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (value, type, isRetracted) in cases {
            let result = read(value)
            #expect(result.type == type, "\(value)", sourceLocation: sourceLocation)
            #expect(result.isRetracted == isRetracted, "\(value)", sourceLocation: sourceLocation)
        }
    }

    @Test func webOfScienceMainTypes() {
        expectTypes(
            ExportDocumentType.webOfScience,
            [
                ("Article", "article", false),
                ("Review", "review", false),
                ("Proceedings Paper", "proceedings-paper", false),
                ("ARTICLE", "article", false),
                ("  review  ", "review", false),
                ("Proceedings  Paper", "proceedings-paper", false),
            ])
    }

    @Test func webOfScienceListsTakeTheFirstMainType() {
        expectTypes(
            ExportDocumentType.webOfScience,
            [
                ("Article; Early Access", "article", false),
                ("Article; Proceedings Paper", "article", false),
                ("Proceedings Paper; Article", "proceedings-paper", false),
                ("Review; Book Chapter", "review", false),
                ("Book Chapter; Review", "review", false),
                ("Editorial Material; Book Chapter", "editorial-material", false),
                ("Review; Early Access", "review", false),
                ("Article; Data Paper", "article", false),
                ("Early Access; Article", "article", false),
                ("Article;Proceedings Paper", "article", false),
            ])
    }

    @Test func webOfScienceOtherTypesInPlainForm() {
        expectTypes(
            ExportDocumentType.webOfScience,
            [
                ("Editorial Material", "editorial-material", false),
                ("Meeting Abstract", "meeting-abstract", false),
                ("Letter", "letter", false),
                ("Correction", "correction", false),
                ("Retraction", "retraction", false),
                ("Data Paper", "data-paper", false),
                ("Book Review", "book-review", false),
                ("News Item", "news-item", false),
                ("Note", "note", false),
                ("Biographical-Item", "biographical-item", false),
                ("Correction, Addition", "correction-addition", false),
                ("Correction; Early Access", "correction", false),
            ])
    }

    @Test func webOfScienceRetractedPublications() {
        expectTypes(
            ExportDocumentType.webOfScience,
            [
                ("Article; Retracted Publication", "article", true),
                ("Retracted Publication; Review", "review", true),
                ("Proceedings Paper; Retracted Publication; Early Access", "proceedings-paper", true),
                ("Retracted Publication", "retracted", true),
                ("Editorial Material; Retracted Publication", "editorial-material", true),
            ])
    }

    @Test func webOfScienceEmptyValues() {
        expectTypes(
            ExportDocumentType.webOfScience,
            [("", "", false), ("   ", "", false), (";", "", false), ("Early Access", "", false)])
    }

    @Test func scopusTypes() {
        expectTypes(
            ExportDocumentType.scopus,
            [
                ("Article", "article", false),
                ("Review", "review", false),
                ("Conference Paper", "proceedings-paper", false),
                ("Conference Review", "conference-review", false),
                ("Book Chapter", "book-chapter", false),
                ("Editorial", "editorial", false),
                ("Letter", "letter", false),
                ("Note", "note", false),
                ("Erratum", "erratum", false),
                ("Short Survey", "short-survey", false),
                ("Data Paper", "data-paper", false),
                ("Book", "book", false),
                ("Retracted", "retracted", true),
                ("Abstract Report", "abstract-report", false),
            ])
    }

    @Test func scopusValuesIgnoreCaseAndWhitespace() {
        expectTypes(
            ExportDocumentType.scopus,
            [
                ("  ARTICLE ", "article", false),
                ("conference paper", "proceedings-paper", false),
                ("Conference  Paper", "proceedings-paper", false),
                ("RETRACTED", "retracted", true),
                ("", "", false),
                ("  ", "", false),
            ])
    }

    @Test func scopusApiCodes() {
        expectTypes(
            ExportDocumentType.scopus,
            [
                ("ar", "article", false), ("re", "review", false), ("cp", "proceedings-paper", false),
                ("cr", "conference-review", false), ("ch", "book-chapter", false), ("ed", "editorial", false),
                ("le", "letter", false), ("no", "note", false), ("er", "erratum", false), ("sh", "short-survey", false),
                ("dp", "data-paper", false), ("bk", "book", false), ("tb", "retracted", true),
                ("AR", "article", false),
            ])
    }

    @Test func plainFormsCollapseSeparators() {
        #expect(ExportDocumentType.plainForm("  Editorial   Material ") == "editorial-material")
        #expect(ExportDocumentType.plainForm("Biographical - Item") == "biographical-item")
        #expect(ExportDocumentType.plainForm("--Note--") == "note")
        #expect(ExportDocumentType.plainForm("Éditorial") == "éditorial")
        #expect(ExportDocumentType.plainForm("") == "")
    }
}

/// `ExportLanguage`: the databases' language names as the ISO 639-1 codes OpenAlex gives.
@Suite struct ExportLanguageTests {
    @Test func namesBecomeCodesAndUnknownNamesAreKept() {
        #expect(ExportLanguage.code("English") == "en")
        #expect(ExportLanguage.code(" Chinese ") == "zh")
        #expect(ExportLanguage.code("English; Chinese") == "en")
        #expect(ExportLanguage.code("Klingon") == "klingon")
        #expect(ExportLanguage.code("") == nil)
    }
}
