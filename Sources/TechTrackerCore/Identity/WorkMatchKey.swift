import Foundation

/// The keys that say two records from different sources are the same paper (one work in the
/// store, not two): the DOI, else the title, year and first author's surname.
public enum WorkMatchKey {
    /// The DOI in its comparable form (`10.1038/nature12373`: resolver prefixes and `doi:`
    /// removed, lower-cased, trimmed); `nil` when `text` holds no DOI.
    public static func doi(_ text: String) -> String? {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where value.hasPrefix(prefix) {
            value.removeFirst(prefix.count)
        }
        value = value.trimmingCharacters(in: .whitespaces)
        return value.hasPrefix("10.") && value.contains("/") ? value : nil
    }

    /// The title in its comparable form: letters and digits only, lower-cased, words separated
    /// by one space.
    public static func title(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    /// The surname of an author as a source spells the name (`Doe, J`, `Doe J.`, `John Doe`),
    /// in comparable form.
    public static func surname(ofAuthorName name: String) -> String {
        let part = name.split(separator: ",").first.map(String.init) ?? name
        return title(part)
    }

    /// The title + year + first-author key; `nil` when the title or the year is missing.
    public static func titleKey(title: String, year: Int?, firstAuthor: String?) -> String? {
        let titleKey = Self.title(title)
        guard let year, !titleKey.isEmpty else { return nil }
        return "\(titleKey)|\(year)|\(firstAuthor.map { surname(ofAuthorName: $0) } ?? "")"
    }
}
