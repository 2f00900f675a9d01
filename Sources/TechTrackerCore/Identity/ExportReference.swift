/// How a reference of a Web of Science or Scopus record is kept in a work's
/// `referencedWorks`: those sources cite by bibliographic text, not by a work id, so a
/// reference that gives a DOI is kept as `doi:` + the DOI (`WorkMatchKey.doi` form), which the
/// analysis links to the stored paper with that DOI (METHOD §7), and any other as `ref:` + its
/// text, kept for the record but never linked.
public enum ExportReference {
    /// The prefix of a reference kept by DOI.
    public static let doiPrefix = "doi:"
    /// The prefix of a reference kept as text.
    public static let textPrefix = "ref:"

    /// The DOI of a reference kept by DOI; `nil` for any other reference (an OpenAlex id, a text).
    public static func doi(_ reference: String) -> String? {
        guard reference.hasPrefix(doiPrefix) else { return nil }
        let doi = reference.dropFirst(doiPrefix.count)
        return doi.isEmpty ? nil : String(doi)
    }
}
