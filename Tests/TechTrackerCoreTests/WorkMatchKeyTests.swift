import Testing
@testable import TechTrackerCore

/// The keys that match records of different sources: DOIs in every written form, folded
/// titles, surnames in the three sources' name styles, and the title key's ambiguity rules.
@Suite struct WorkMatchKeyTests {
    // MARK: DOIs

    @Test func doiResolverAndLabelPrefixesAreRemoved() {
        let expected = "10.1038/nature12373"
        for text in [
            "10.1038/nature12373",
            "https://doi.org/10.1038/nature12373",
            "http://doi.org/10.1038/nature12373",
            "https://dx.doi.org/10.1038/nature12373",
            "http://dx.doi.org/10.1038/nature12373",
            "HTTPS://DOI.ORG/10.1038/NATURE12373",
            "https://www.doi.org/10.1038/nature12373",
            "doi.org/10.1038/nature12373",
            "dx.doi.org/10.1038/nature12373",
            "doi:10.1038/nature12373",
            "DOI:10.1038/nature12373",
            "doi: 10.1038/nature12373",
            "DOI: 10.1038/nature12373",
            "DOI 10.1038/nature12373",
            "Doi  10.1038/nature12373",
            "info:doi/10.1038/nature12373",
            "urn:doi:10.1038/nature12373",
            "https://doi.org/doi:10.1038/nature12373",
            "  10.1038/nature12373 \n",
            "\t DOI: https://doi.org/10.1038/nature12373  ",
        ] {
            #expect(WorkMatchKey.doi(text) == expected, "\(text)")
        }
    }

    @Test func doiIsLowerCased() {
        #expect(WorkMatchKey.doi("10.1016/J.CELL.2020.01.001") == "10.1016/j.cell.2020.01.001")
        #expect(WorkMatchKey.doi("10.1002/ANIE.201915678") == WorkMatchKey.doi("10.1002/anie.201915678"))
    }

    @Test func doiTrailingPunctuationIsRemoved() {
        #expect(WorkMatchKey.doi("10.1038/nature12373.") == "10.1038/nature12373")
        #expect(WorkMatchKey.doi("10.1038/nature12373,") == "10.1038/nature12373")
        #expect(WorkMatchKey.doi("10.1038/nature12373;") == "10.1038/nature12373")
        #expect(WorkMatchKey.doi("10.1038/nature12373).") == "10.1038/nature12373")
        #expect(WorkMatchKey.doi("10.1038/nature12373]") == "10.1038/nature12373")
        #expect(WorkMatchKey.doi("doi:10.1038/nature12373);") == "10.1038/nature12373")
        #expect(WorkMatchKey.doi("(doi:10.1038/nature12373)") == "10.1038/nature12373")
        #expect(WorkMatchKey.doi("[https://doi.org/10.1038/nature12373].") == "10.1038/nature12373")
        #expect(WorkMatchKey.doi("<10.1038/nature12373>") == "10.1038/nature12373")
        #expect(WorkMatchKey.doi("\"10.1038/nature12373\"") == "10.1038/nature12373")
    }

    @Test func doiBracketsThatBelongToTheDOIAreKept() {
        #expect(WorkMatchKey.doi("10.1016/S0140-6736(20)30183-5") == "10.1016/s0140-6736(20)30183-5")
        #expect(WorkMatchKey.doi("10.1002/(SICI)1097-4636(199812)") == "10.1002/(sici)1097-4636(199812)")
        #expect(WorkMatchKey.doi("10.1002/(SICI)1097-4636(199812)).") == "10.1002/(sici)1097-4636(199812)")
        #expect(WorkMatchKey.doi("10.1000/abc[1]") == "10.1000/abc[1]")
        #expect(WorkMatchKey.doi("(10.1016/S0140-6736(20)30183-5)") == "10.1016/s0140-6736(20)30183-5")
        #expect(
            WorkMatchKey.doi("10.1002/(SICI)1099-1409(199908/10)3:6/7<672::AID-JPP192>3.0.CO;2-8")
                == "10.1002/(sici)1099-1409(199908/10)3:6/7<672::aid-jpp192>3.0.co;2-8")
    }

    @Test func doiPercentEscapesAreDecoded() {
        #expect(WorkMatchKey.doi("https://doi.org/10.1038%2Fnature12373") == "10.1038/nature12373")
        #expect(WorkMatchKey.doi("https://doi.org/10.1038%2fnature12373") == "10.1038/nature12373")
        #expect(
            WorkMatchKey.doi("https://doi.org/10.1002/%28SICI%291097-4636%28199812%2943")
                == "10.1002/(sici)1097-4636(199812)43")
        // An escape that does not decode to UTF-8 is left as written.
        #expect(WorkMatchKey.doi("10.1000/a%FFb") == "10.1000/a%ffb")
        // A decoded space is still a space inside the DOI.
        #expect(WorkMatchKey.doi("https://doi.org/10.1000/a%20b") == nil)
    }

    @Test func registrantCodesWithSubdivisionsAreDOIs() {
        #expect(WorkMatchKey.doi("10.1000.10/123456") == "10.1000.10/123456")
        #expect(WorkMatchKey.doi("10.12345/ABC-def_1.2") == "10.12345/abc-def_1.2")
    }

    @Test func textThatIsNotADOIIsNil() {
        for text in [
            "", "   ", "nature12373", "10.1038", "10.1038/", "10./nature", "10.abc/nature", "10.1038./x", "10..1/x",
            "11.1038/nature12373", "1038/nature12373", "10.1038/nature 12373", "10.1038/nature\t12373",
            "https://example.com/10.1038/nature12373", "https://onlinelibrary.wiley.com/doi/10.1002/anie.1",
            "doi:", "https://doi.org/", "PMID: 12345",
        ] {
            #expect(WorkMatchKey.doi(text) == nil, "\(text)")
        }
    }

    // MARK: Titles

    @Test func titlesAreCaseFoldedAndPunctuationSeparatesWords() {
        #expect(WorkMatchKey.title("Deep Learning: A Review!") == "deep learning a review")
        #expect(WorkMatchKey.title("  Graphene -- the  next   STEP?  ") == "graphene the next step")
        #expect(WorkMatchKey.title("Non-linear dynamics (part 2)") == "non linear dynamics part 2")
        #expect(WorkMatchKey.title("2.5 nm gate; 10% faster") == "2 5 nm gate 10 faster")
        #expect(WorkMatchKey.title("") == "")
        #expect(WorkMatchKey.title(" ...;; ") == "")
    }

    @Test func titlesAreDiacriticFolded() {
        #expect(WorkMatchKey.title("Étude sur la Méthode") == "etude sur la methode")
        #expect(WorkMatchKey.title("Schrödinger’s equation à Zürich") == "schrodingers equation a zurich")
        #expect(WorkMatchKey.title("Ångström-scale señal São Paulo Łódź") == "angstrom scale senal sao paulo lodz")
        #expect(WorkMatchKey.title("Großhandel Straße") == "grosshandel strasse")
        #expect(WorkMatchKey.title("ÆTHER encyclopædia Œuvre Ørsted") == "aether encyclopaedia oeuvre orsted")
        #expect(WorkMatchKey.title("Đà Nẵng Việt Nam") == "da nang viet nam")
        #expect(WorkMatchKey.title("İstanbul ıslak Þingvellir") == "istanbul islak thingvellir")
        // Already decomposed (a letter followed by combining marks) folds the same.
        #expect(WorkMatchKey.title("E\u{301}tude") == "etude")
        #expect(WorkMatchKey.title("Étude") == WorkMatchKey.title("E\u{301}tude"))
    }

    @Test func compatibilityFormsFoldToPlainLettersAndDigits() {
        #expect(WorkMatchKey.title("CO₂ capture") == "co2 capture")
        #expect(WorkMatchKey.title("10⁹ cells") == "109 cells")
        #expect(WorkMatchKey.title("eﬃcient ﬁlters") == "efficient filters")
        #expect(WorkMatchKey.title("ＡＢＣ １２３") == "abc 123")
        #expect(WorkMatchKey.title("𝑁-body 𝐱") == "n body x")
        #expect(WorkMatchKey.title("5 \u{B5}m") == "5 \u{3BC}m")
        #expect(WorkMatchKey.title("½ spin") == "1 2 spin")
    }

    @Test func greekAndOtherScriptsStayLetters() {
        #expect(WorkMatchKey.title("α-Synuclein and TGF-β") == "α synuclein and tgf β")
        #expect(WorkMatchKey.title("ΑΒΓ Ωmega") == "αβγ ωmega")
        #expect(WorkMatchKey.title("Λόγος") == "λογοσ")
        #expect(WorkMatchKey.title("Квантовая Физика") == "квантовая физика")
        #expect(WorkMatchKey.title("深度学习 研究") == "深度学习 研究")
        #expect(WorkMatchKey.title("α") != "alpha")
    }

    @Test func markupIsRemovedWithoutBreakingWords() {
        #expect(WorkMatchKey.title("CO<sub>2</sub> capture") == "co2 capture")
        #expect(WorkMatchKey.title("Bi<sub>2</sub>Te<sub>3</sub> films") == "bi2te3 films")
        #expect(WorkMatchKey.title("Growth of <i>E. coli</i> in <b>milk</b>") == "growth of e coli in milk")
        #expect(WorkMatchKey.title("<jats:italic>In vivo</jats:italic> imaging") == "in vivo imaging")
        #expect(
            WorkMatchKey.title("A <mml:math><mml:msub><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msub></mml:math> model")
                == "a x2 model")
        #expect(WorkMatchKey.title("10<sup>9</sup> cells") == WorkMatchKey.title("10⁹ cells"))
        #expect(WorkMatchKey.title("<span class=\"x\">Label</span>-free") == "label free")
        #expect(WorkMatchKey.title("first<br/>second") == "first second")
        #expect(WorkMatchKey.title("one<p>two</p>") == "one two")
    }

    @Test func lessThanSignsThatOpenNoTagArePunctuation() {
        #expect(WorkMatchKey.title("p < 0.05 in trials") == "p 0 05 in trials")
        #expect(WorkMatchKey.title("a<b and c") == "a b and c")
        #expect(WorkMatchKey.title("x <y <z> w") == "x y w")
        #expect(WorkMatchKey.title("Temperature <5 K>") == "temperature 5 k")
    }

    @Test func characterReferencesAreDecoded() {
        #expect(WorkMatchKey.title("TGF-&beta; signalling") == "tgf β signalling")
        #expect(WorkMatchKey.title("&Delta;G values") == "δg values")
        #expect(WorkMatchKey.title("&#946;-cells and &#x3B1;-cells") == "β cells and α cells")
        #expect(WorkMatchKey.title("Caf&eacute; &amp; Cr&egrave;me") == "cafe creme")
        #expect(WorkMatchKey.title("Stra&szlig;e") == "strasse")
        #expect(WorkMatchKey.title("Crohn&apos;s and Crohn&#39;s") == "crohns and crohns")
        #expect(WorkMatchKey.title("AT&T Labs") == "at t labs")
        #expect(WorkMatchKey.title("R&D;x") == "r x")
    }

    @Test func apostrophesAreRemovedWithoutBreakingWords() {
        #expect(WorkMatchKey.title("Alzheimer's disease") == "alzheimers disease")
        #expect(WorkMatchKey.title("Alzheimer’s disease") == "alzheimers disease")
        #expect(WorkMatchKey.title("5′UTR and 5'UTR") == "5utr and 5utr")
        #expect(WorkMatchKey.title("5′-UTR and 5'-UTR") == "5 utr and 5 utr")
    }

    // MARK: Surnames

    @Test func webOfScienceNamesGiveThePartBeforeTheComma() {
        #expect(WorkMatchKey.surname(ofAuthorName: "Doe, J") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "Doe, John A.") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "van der Berg, J") == "vanderberg")
        #expect(WorkMatchKey.surname(ofAuthorName: "Martinez-Garcia, J") == "martinezgarcia")
        #expect(WorkMatchKey.surname(ofAuthorName: "O'Brien, M") == "obrien")
        #expect(WorkMatchKey.surname(ofAuthorName: "Müller,Hans") == "muller")
        #expect(WorkMatchKey.surname(ofAuthorName: "Doe, Jr., John") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "Zhang, Wei") == "zhang")
    }

    @Test func scopusNamesGiveTheWordsBeforeTheInitials() {
        #expect(WorkMatchKey.surname(ofAuthorName: "Doe J.") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "Doe J.A.") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "Doe J. A.") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "Doe JA") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "Doe J") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "van der Berg J.") == "vanderberg")
        #expect(WorkMatchKey.surname(ofAuthorName: "Dupont J.-P.") == "dupont")
        #expect(WorkMatchKey.surname(ofAuthorName: "Ivanov Yu.A.") == "ivanov")
        #expect(WorkMatchKey.surname(ofAuthorName: "Zhang W.") == "zhang")
        #expect(WorkMatchKey.surname(ofAuthorName: "St. John M.") == "stjohn")
        #expect(WorkMatchKey.surname(ofAuthorName: "DOE JA") == "doe")
    }

    @Test func openAlexNamesGiveTheLastWordWithItsParticles() {
        #expect(WorkMatchKey.surname(ofAuthorName: "John A. Doe") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "J. van der Berg") == "vanderberg")
        #expect(WorkMatchKey.surname(ofAuthorName: "Ludwig van Beethoven") == "vanbeethoven")
        #expect(WorkMatchKey.surname(ofAuthorName: "Juan de la Cruz") == "delacruz")
        #expect(WorkMatchKey.surname(ofAuthorName: "Leonardo da Vinci") == "davinci")
        #expect(WorkMatchKey.surname(ofAuthorName: "Pierre Le Roux") == "leroux")
        #expect(WorkMatchKey.surname(ofAuthorName: "Wei Zhang") == "zhang")
        #expect(WorkMatchKey.surname(ofAuthorName: "Wei Li") == "li")
        #expect(WorkMatchKey.surname(ofAuthorName: "José Martínez") == "martinez")
        #expect(WorkMatchKey.surname(ofAuthorName: "JOHN DOE") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "Doe") == "doe")
    }

    @Test func aParticleThatIsTheFirstWordIsAGivenName() {
        #expect(WorkMatchKey.surname(ofAuthorName: "Al Gore") == "gore")
        #expect(WorkMatchKey.surname(ofAuthorName: "Ahmad Al Khatib") == "alkhatib")
    }

    @Test func generationalSuffixesAreDropped() {
        #expect(WorkMatchKey.surname(ofAuthorName: "John Doe Jr.") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "John Doe, Jr.") == "doe")
        #expect(WorkMatchKey.surname(ofAuthorName: "John Doe III") == "doe")
    }

    @Test func theThreeSourcesAgreeOnOneAuthor() {
        let styles = ["van der Berg, J", "van der Berg J.", "J. van der Berg", "Jan van der Berg", "van der Berg, Jan"]
        #expect(Set(styles.map(WorkMatchKey.surname(ofAuthorName:))) == ["vanderberg"])
        let accented = ["Sánchez, M", "Sanchez M.", "María Sánchez", "SANCHEZ, M"]
        #expect(Set(accented.map(WorkMatchKey.surname(ofAuthorName:))) == ["sanchez"])
    }

    @Test func namesWithoutLettersGiveAnEmptySurname() {
        #expect(WorkMatchKey.surname(ofAuthorName: "") == "")
        #expect(WorkMatchKey.surname(ofAuthorName: "  , ") == "")
    }

    @Test func familyNameFirstWithoutACommaIsTheDocumentedLimit() {
        #expect(WorkMatchKey.surname(ofAuthorName: "Zhang Wei") == "wei")
        #expect(WorkMatchKey.surname(ofAuthorName: "Juan Martínez García") == "garcia")
    }

    // MARK: Title keys

    @Test func titleKeysJoinTitleYearAndSurname() {
        #expect(
            WorkMatchKey.titleKey(title: "Deep learning for protein folding", year: 2021, firstAuthor: "Doe, J")
                == "deep learning for protein folding|2021|doe")
        #expect(
            WorkMatchKey.titleKey(title: "Deep learning for protein folding", year: 2021, firstAuthor: nil)
                == "deep learning for protein folding|2021|")
    }

    @Test func oneWorkFromThreeSourcesHasOneTitleKey() {
        let wos = WorkMatchKey.titleKey(
            title: "CO2 CAPTURE BY ALPHA-ZEOLITES IN SAO PAULO", year: 2020, firstAuthor: "van der Berg, J")
        let scopus = WorkMatchKey.titleKey(
            title: "CO<sub>2</sub> capture by alpha-zeolites in São Paulo", year: 2020, firstAuthor: "van der Berg J.")
        let openAlex = WorkMatchKey.titleKey(
            title: "CO₂ Capture by Alpha-Zeolites in São Paulo.", year: 2020, firstAuthor: "Jan van der Berg")
        #expect(wos == "co2 capture by alpha zeolites in sao paulo|2020|vanderberg")
        #expect(scopus == wos)
        #expect(openAlex == wos)
    }

    @Test func missingYearOrEmptyTitleGivesNoKey() {
        #expect(WorkMatchKey.titleKey(title: "Deep learning for protein folding", year: nil, firstAuthor: "Doe") == nil)
        #expect(WorkMatchKey.titleKey(title: "", year: 2020, firstAuthor: "Doe") == nil)
        #expect(WorkMatchKey.titleKey(title: "<i></i> -- ", year: 2020, firstAuthor: "Doe") == nil)
    }

    @Test func shortTitlesAreTooAmbiguousForAKey() {
        // Fewer than 3 words.
        #expect(WorkMatchKey.titleKey(title: "Editorial", year: 2020, firstAuthor: "Doe") == nil)
        #expect(
            WorkMatchKey.titleKey(title: "Supercalifragilistic Expialidocious", year: 2020, firstAuthor: nil) == nil)
        // Fewer than 20 characters folded.
        #expect(WorkMatchKey.titleKey(title: "Reply to comment", year: 2020, firstAuthor: "Doe") == nil)
        #expect(WorkMatchKey.titleKey(title: "Data for 2019 set", year: 2020, firstAuthor: "Doe") == nil)
        // 3 words and exactly 20 characters is enough.
        #expect(
            WorkMatchKey.titleKey(title: "Notes on graphene xy", year: 2020, firstAuthor: "Doe")
                == "notes on graphene xy|2020|doe")
    }

    @Test func titlesInScriptsWithoutSpacesAreLongEnoughByTheirCharacters() {
        #expect(
            WorkMatchKey.titleKey(title: "基于深度学习的图像识别方法研究", year: 2020, firstAuthor: "张伟")
                == "基于深度学习的图像识别方法研究|2020|张伟")
        #expect(WorkMatchKey.titleKey(title: "研究进展", year: 2020, firstAuthor: nil) == nil)
    }

    @Test func distinctivenessCountsFoldedCharactersAndWords() {
        #expect(WorkMatchKey.isDistinctive(foldedTitle: "abcdefgh ijklmnop qr"))
        #expect(!WorkMatchKey.isDistinctive(foldedTitle: "abcdefgh ijklmnop q"))
        #expect(!WorkMatchKey.isDistinctive(foldedTitle: "abcdefghijklmnopqrstuvwxyz abc"))
        #expect(!WorkMatchKey.isDistinctive(foldedTitle: ""))
    }
}
