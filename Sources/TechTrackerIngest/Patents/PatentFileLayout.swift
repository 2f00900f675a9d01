/// The layouts of patent-to-paper citation files (METHOD §10). Columns are found by header
/// name in both, since editions differ in which columns they have and in what order.
public enum PatentFileLayout: String, Sendable, CaseIterable {
    /// Marx & Fuegi's *Reliance on Science* `_pcs_oa.csv` (or `.tsv`): `reftype`,
    /// `confscore`, `oaid`, `patent`, `wherefound`, and in some editions `uspto`, `self` or
    /// `self_cite`.
    case relianceOnScience = "reliance-on-science"
    /// Any extract (Lens, PATSTAT) with a work id or DOI column and a patent column, and
    /// optionally a confidence, family, year, reference type, place and self-citation flag.
    case generic
}

/// What a header says about where each value of a row is.
public struct PatentColumns: Sendable, Equatable {
    /// The layout the header was read as.
    public var layout: PatentFileLayout
    /// The field separator: `,` or a tab.
    public var delimiter: UInt8
    /// The header's column names as written (quotes and byte order mark removed).
    public var names: [String]
    /// The OpenAlex work id column (`oaid`, `work_id`, `openalex_id`).
    public var work: Int?
    /// The DOI column (`doi`), read when a row's work id is empty or there is no work id column.
    public var doi: Int?
    /// The patent column (`patent`, `patent_id`, `publication_number`, `lens_id`).
    public var patent: Int
    /// `confscore` or `confidence`.
    public var confidence: Int?
    /// `reftype`.
    public var referenceType: Int?
    /// `wherefound`.
    public var place: Int?
    /// `self` or `self_cite`.
    public var selfCitation: Int?
    /// `family`, `family_id` or `docdb_family_id`.
    public var family: Int?
    /// `year` or `publication_year` (a year), or `date` or `publication_date` (a date whose
    /// year is taken).
    public var year: Int?
    /// Whether the year column holds dates (`2019-05-23`) rather than years.
    public var yearColumnHoldsDates = false

    /// The number of fields every row must have.
    public var fieldCount: Int { names.count }

    /// The columns of a *Reliance on Science* file, every one required.
    public static let relianceOnScienceColumns = ["reftype", "confscore", "oaid", "patent", "wherefound"]

    /// Names of each column, in order of preference, as normalised by `key` (lower case, spaces
    /// and hyphens as `_`): the first present is used.
    static let workNames = ["oaid", "work_id", "openalex_id"]
    static let doiNames = ["doi"]
    static let patentNames = ["patent", "patent_id", "publication_number", "lens_id"]
    static let confidenceNames = ["confscore", "confidence"]
    static let referenceTypeNames = ["reftype"]
    static let placeNames = ["wherefound"]
    static let selfCitationNames = ["self", "self_cite"]
    static let familyNames = ["family", "family_id", "docdb_family_id"]
    static let yearNames = ["year", "publication_year"]
    static let dateNames = ["date", "publication_date"]

    /// Reads a header. `layout` is the layout asked for, or `nil` to recognise it (*Reliance
    /// on Science* when every one of its columns is there, generic otherwise). Throws
    /// `PatentFileError.missingColumns` naming the file and the columns found.
    public init(names: [String], delimiter: UInt8, layout asked: PatentFileLayout?, file: String) throws {
        let keys = names.map(Self.key)
        func first(_ candidates: [String]) -> Int? {
            for candidate in candidates { if let index = keys.firstIndex(of: candidate) { return index } }
            return nil
        }
        let hasAllOfRelianceOnScience = Self.relianceOnScienceColumns.allSatisfy { keys.contains($0) }
        let layout = asked ?? (hasAllOfRelianceOnScience ? .relianceOnScience : .generic)
        var missing: [String] = []
        switch layout {
        case .relianceOnScience:
            missing = Self.relianceOnScienceColumns.filter { !keys.contains($0) }
        case .generic:
            if first(Self.workNames) == nil && first(Self.doiNames) == nil {
                missing.append("work id column (\(Self.workNames.joined(separator: ", ")) or doi)")
            }
            if first(Self.patentNames) == nil {
                missing.append(
                    "patent column (\(Self.patentNames.dropLast().joined(separator: ", ")) or "
                        + "\(Self.patentNames.last ?? ""))")
            }
        }
        guard missing.isEmpty, let patent = first(Self.patentNames) else {
            throw PatentFileError.missingColumns(
                file: file, layout: layout, missing: missing, found: names, recognised: asked == nil)
        }
        self.layout = layout
        self.delimiter = delimiter
        self.names = names
        self.patent = patent
        // A Reliance on Science file names its work `oaid`; any other work column is ignored there.
        work = layout == .relianceOnScience ? keys.firstIndex(of: "oaid") : first(Self.workNames)
        doi = layout == .relianceOnScience ? nil : first(Self.doiNames)
        confidence = first(Self.confidenceNames)
        referenceType = first(Self.referenceTypeNames)
        place = first(Self.placeNames)
        selfCitation = first(Self.selfCitationNames)
        family = first(Self.familyNames)
        if let column = first(Self.yearNames) {
            year = column
        } else if let column = first(Self.dateNames) {
            year = column
            yearColumnHoldsDates = true
        }
    }

    /// Columns of no header, for splitting a header's own fields.
    static var unread: PatentColumns {
        PatentColumns(layout: .generic, delimiter: 0x2C, names: [], patent: 0)
    }

    private init(layout: PatentFileLayout, delimiter: UInt8, names: [String], patent: Int) {
        self.layout = layout
        self.delimiter = delimiter
        self.names = names
        self.patent = patent
    }

    /// A column name as compared: trimmed, lower case, spaces and hyphens as `_` (`Lens ID` →
    /// `lens_id`, `Publication Year` → `publication_year`).
    static func key(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars where scalar != "\u{FEFF}" {
            result.unicodeScalars.append(scalar == " " || scalar == "-" ? "_" : scalar)
        }
        return result.trimmingUnderscores.lowercased()
    }
}

extension String {
    /// The text without leading or trailing `_` (trimmed spaces, once turned into `_`).
    fileprivate var trimmingUnderscores: String {
        let trimmed = drop { $0 == "_" }
        return String(trimmed.reversed().drop { $0 == "_" }.reversed())
    }
}
