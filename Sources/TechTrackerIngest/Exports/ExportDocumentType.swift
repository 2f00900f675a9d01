/// The document types of Web of Science (`DT`) and Scopus (`Document Type`) mapped to the
/// store's types (METHOD §2): `article`, `review`, `proceedings-paper` are kept by default.
///
/// Both readings ignore case and surrounding whitespace. A type the tables do not name is kept
/// in a plain form, so new types reach the store as themselves: lower-cased, each run of
/// characters other than letters, digits and hyphens one hyphen (`Editorial Material` →
/// `editorial-material`, `Correction, Addition` → `correction-addition`). Empty text is the
/// type `""`.
public enum ExportDocumentType {
    /// The store's type for a WoS `DT` value, and whether it marks a retracted work.
    ///
    /// `DT` lists one or more types joined by `"; "` (`Article; Early Access`, `Article;
    /// Proceedings Paper`, `Review; Book Chapter`). The type is the first of the main types
    /// `Article` → `article`, `Review` → `review`, `Proceedings Paper` → `proceedings-paper`
    /// anywhere in the list; without one, the first other part in the plain form (`Editorial
    /// Material` → `editorial-material`, `Meeting Abstract` → `meeting-abstract`, `Retraction`
    /// → `retraction`, the notice, which is not retracted itself). `Early Access` is a status,
    /// not a type, and is skipped. `Retracted Publication` marks the work retracted
    /// (`isRetracted`); on its own it gives the type `retracted`, as Scopus's `Retracted` does.
    public static func webOfScience(_ value: String) -> (type: String, isRetracted: Bool) {
        let parts = value.split(separator: ";").map(plainForm).filter { !$0.isEmpty }
        let isRetracted = parts.contains("retracted-publication")
        let types = parts.filter { $0 != "early-access" && $0 != "retracted-publication" }
        if let main = types.first(where: { webOfScienceMainTypes.contains($0) }) {
            return (main, isRetracted)
        }
        if let first = types.first { return (first, isRetracted) }
        return (isRetracted ? "retracted" : "", isRetracted)
    }

    /// The store's type for a Scopus `Document Type` value, and whether it marks a retracted work.
    ///
    /// `Article` → `article`, `Review` → `review`, `Conference Paper` → `proceedings-paper`,
    /// `Conference Review` → `conference-review`, `Book Chapter` → `book-chapter`, `Editorial` →
    /// `editorial`, `Letter` → `letter`, `Note` → `note`, `Erratum` → `erratum`, `Short Survey` →
    /// `short-survey`, `Data Paper` → `data-paper`, `Book` → `book`, and `Retracted` →
    /// `retracted`, which marks the work retracted (`isRetracted`). The two-letter codes of the
    /// Scopus API are read too (`ar`, `re`, `cp`, `cr`, `ch`, `ed`, `le`, `no`, `er`, `sh`, `dp`,
    /// `bk`, `tb` for retracted, `ab` → `abstract-report`, `bz` → `business-article`, `rp` →
    /// `report`). Anything else is kept in the plain form.
    public static func scopus(_ value: String) -> (type: String, isRetracted: Bool) {
        let plain = plainForm(Substring(value))
        let type = scopusTypes[plain] ?? plain
        return (type, type == "retracted")
    }

    /// The main Web of Science types, which win over the others in a list.
    private static let webOfScienceMainTypes: Set<String> = ["article", "review", "proceedings-paper"]

    /// Scopus types (in plain form) whose store type differs from their plain form, and the
    /// API's codes.
    private static let scopusTypes: [String: String] = [
        "conference-paper": "proceedings-paper",
        "ar": "article", "re": "review", "cp": "proceedings-paper", "cr": "conference-review", "ch": "book-chapter",
        "ed": "editorial", "le": "letter", "no": "note", "er": "erratum", "sh": "short-survey", "dp": "data-paper",
        "bk": "book", "tb": "retracted", "ab": "abstract-report", "bz": "business-article", "rp": "report",
    ]

    /// `text` lower-cased, each run of characters other than letters, digits and hyphens one
    /// hyphen, without hyphens at either end.
    static func plainForm(_ text: Substring) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text {
            if character.isLetter || character.isNumber || character == "-" {
                if pendingHyphen && !result.isEmpty && character != "-" && result.last != "-" { result.append("-") }
                pendingHyphen = false
                if character == "-" {
                    if !result.isEmpty && result.last != "-" { result.append("-") }
                } else {
                    result.append(contentsOf: character.lowercased())
                }
            } else {
                pendingHyphen = true
            }
        }
        while result.last == "-" { result.removeLast() }
        return result
    }
}
