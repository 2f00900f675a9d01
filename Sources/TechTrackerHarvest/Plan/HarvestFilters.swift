/// What every request of a harvest asks for besides its search: publication years, work types
/// and page size.
public struct HarvestFilters: Hashable, Sendable, Codable {
    /// The first publication year, or `nil` for no lower bound.
    public var fromYear: Int?
    /// The last publication year, or `nil` for no upper bound.
    public var toYear: Int?
    /// OpenAlex work types (``WorkTypeFilter``); empty asks for every type.
    public var types: [String]
    /// Works per page (OpenAlex allows up to 200).
    public var perPage: Int

    /// The most works OpenAlex returns per page.
    public static let largestPage = 200

    /// Makes the filters.
    public init(fromYear: Int? = nil, toYear: Int? = nil, types: [String] = [], perPage: Int = largestPage) {
        self.fromYear = fromYear
        self.toYear = toYear
        self.types = types
        self.perPage = perPage
    }

    /// The filters as OpenAlex writes them, e.g. `["publication_year:2003-2024",
    /// "type:article|review"]` (documented ranges: `publication_year:2015-2025`, `>`, `<`).
    var filterItems: [String] {
        var items: [String] = []
        switch (fromYear, toYear) {
        case (let from?, let to?): items.append("publication_year:\(from)-\(to)")
        case (let from?, nil): items.append("publication_year:>\(from - 1)")
        case (nil, let to?): items.append("publication_year:<\(to + 1)")
        case (nil, nil): break
        }
        if !types.isEmpty { items.append("type:" + types.joined(separator: "|")) }
        return items
    }

    private enum CodingKeys: String, CodingKey {
        case fromYear = "from_year", toYear = "to_year", types, perPage = "per_page"
    }
}
