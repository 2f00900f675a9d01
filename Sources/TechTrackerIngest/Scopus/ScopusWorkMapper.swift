import TechTrackerCore

/// Turns one row of a Scopus CSV export into a `Work` (source `.scopus`), or says why it cannot
/// be stored.
///
/// A row is rejected without an EID (`2-s2.0-…`, the work's id) or a four-digit Year. The rest is
/// read as far as it can be: an unreadable "Cited by" is 0 with a warning; authors, their
/// institutions and countries come from ``ScopusAuthors``, cited references from
/// ``ScopusReferences``. An empty value and Scopus's `NA` are both "absent".
public enum ScopusWorkMapper {
    /// The work of `row`, or its rejection, with warnings about what could not be attributed.
    public static func map(_ row: ScopusRow) -> MappedRecord {
        let columns = row.header.known
        guard let eid = row.value(at: columns.eid) else { return .rejected("no EID") }
        guard eid.hasPrefix("2-s2.0-"), eid.utf8.count > 7 else {
            return .rejected("no EID (EID: \"\(ScopusText.excerpt(eid))\" is not a Scopus EID)")
        }
        guard let yearText = row.value(at: columns.year) else { return .rejected("no publication year (Year)") }
        guard let year = year(yearText) else {
            return .rejected("no publication year (Year): \"\(ScopusText.excerpt(yearText))\" is not a year")
        }

        var warnings: [RecordWarning] = []
        var work = Work(id: String(eid), source: .scopus, publicationYear: year, updatedDate: "")
        if let doiText = row.value(at: columns.doi) {
            work.doi = WorkMatchKey.doi(String(doiText))
            if work.doi == nil {
                warnings.append(
                    RecordWarning(
                        .unreadableField, "DOI: \"\(ScopusText.excerpt(doiText))\" is not a DOI; none is stored"))
            }
        }
        work.title = row.value(at: columns.title).map(String.init) ?? ""
        if let abstract = row.value(at: columns.abstract), abstract != "[No abstract available]" {
            work.abstract = String(abstract)
        }
        work.keywords = keywords(row.value(at: columns.authorKeywords), row.value(at: columns.indexKeywords))
        if let documentType = row.value(at: columns.documentType) {
            let mapped = ExportDocumentType.scopus(String(documentType))
            work.type = mapped.type
            work.isRetracted = mapped.isRetracted
        }
        if let citedBy = row.value(at: columns.citedBy) {
            if let count = Int(citedBy), count >= 0 {
                work.citedByCount = count
            } else {
                warnings.append(
                    RecordWarning(
                        .unreadableField, "Cited by: \"\(ScopusText.excerpt(citedBy))\" is not a count; 0 is stored"))
            }
        }
        work.language = row.value(at: columns.language).flatMap { ExportLanguage.code(String($0)) }
        work.referencedWorks = row.value(at: columns.references).map(ScopusReferences.ids) ?? []
        work.authorships = ScopusAuthors.authorships(row, warnings: &warnings)
        return .stored(work, warnings: warnings)
    }

    /// A Year value of four ASCII digits; `nil` for anything else.
    static func year(_ text: Substring) -> Int? {
        guard text.utf8.count == 4, text.utf8.allSatisfy(ScopusReferences.isDigit) else { return nil }
        return Int(text)
    }

    /// Author Keywords then Index Keywords, split on `"; "`, trimmed, each once whatever its case
    /// (the first spelling is kept).
    static func keywords(_ lists: Substring?...) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        for list in lists {
            guard let list else { continue }
            for keyword in ScopusText.split(list) where seen.insert(keyword.lowercased()).inserted {
                result.append(String(keyword))
            }
        }
        return result
    }
}
