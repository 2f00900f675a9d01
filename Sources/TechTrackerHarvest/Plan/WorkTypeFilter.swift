/// The work types a harvest asks OpenAlex for, from the types the store and `analyze --types`
/// use.
///
/// OpenAlex files conference papers as `article` (the source's type is `conference`), so the
/// store's `proceedings-paper` (Web of Science's Proceedings Paper, Scopus's Conference Paper)
/// asks for `article`. Every other name must be one of OpenAlex's work types
/// (developers.openalex.org/api-reference/work-types).
public enum WorkTypeFilter {
    /// OpenAlex's work types.
    public static let openAlexTypes = [
        "article", "book", "book-chapter", "book-review", "dataset", "dissertation", "editorial", "erratum", "letter",
        "libguides", "other", "paratext", "peer-review", "preprint", "reference-entry", "report", "retraction",
        "review", "standard", "supplementary-materials",
    ]

    /// The store's name for conference papers, which OpenAlex types `article`.
    public static let proceedingsPaper = "proceedings-paper"

    /// Every name `--types` accepts.
    public static var acceptedNames: [String] { openAlexTypes + [proceedingsPaper] }

    /// The OpenAlex types to ask for, in the order given, each once; the names that are
    /// neither an OpenAlex type nor `proceedings-paper` are returned as `unknown`.
    public static func openAlexTypes(for names: [String]) -> (types: [String], unknown: [String]) {
        var types: [String] = []
        var unknown: [String] = []
        for name in names {
            let type = name == proceedingsPaper ? "article" : name
            guard openAlexTypes.contains(type) else {
                unknown.append(name)
                continue
            }
            if !types.contains(type) { types.append(type) }
        }
        return (types, unknown)
    }
}
