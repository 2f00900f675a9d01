/// One author's place on a work, with the affiliations given for it.
public struct Authorship: Sendable, Hashable {
    /// The author's place in the byline.
    public var position: AuthorPosition
    /// The source's persistent author id (`A5048491430`), when known.
    public var authorID: String?
    /// The author's display name; empty when unknown.
    public var authorName: String
    /// The affiliations listed for this authorship, in source order.
    public var institutions: [Institution]
    /// Countries given for the authorship itself (OpenAlex `authorships[].countries`): the
    /// fallback when no institution carries a country (METHOD §3).
    public var countries: [CountryCode]

    /// Makes an authorship.
    public init(
        position: AuthorPosition = .middle, authorID: String? = nil, authorName: String = "",
        institutions: [Institution] = [], countries: [CountryCode] = []
    ) {
        self.position = position
        self.authorID = authorID
        self.authorName = authorName
        self.institutions = institutions
        self.countries = countries
    }
}

/// An author's place in the byline, as OpenAlex's `author_position` gives it.
public enum AuthorPosition: UInt8, Sendable, Hashable, CaseIterable {
    case first = 1, middle = 2, last = 3

    /// Reads OpenAlex's spelling (`first`, `middle`, `last`); anything else is `middle`.
    public init(openAlexName: some StringProtocol) {
        switch openAlexName {
        case "first": self = .first
        case "last": self = .last
        default: self = .middle
        }
    }

    /// OpenAlex's spelling.
    var name: String {
        switch self {
        case .first: "first"
        case .middle: "middle"
        case .last: "last"
        }
    }
}

/// A research organisation as an affiliation names it.
public struct Institution: Sendable, Hashable {
    /// The source's institution id (`I4210166736`); empty when the affiliation has none.
    public var id: String
    /// The display name.
    public var name: String
    /// The ROR id (`https://ror.org/05ppvf150` shortened to `05ppvf150`), when known.
    public var ror: String?
    /// The institution's country, when known.
    public var country: CountryCode?
    /// The institution type (`education`, `company`, `government`, …), when known.
    public var type: String?

    /// Makes an institution.
    public init(id: String, name: String = "", ror: String? = nil, country: CountryCode? = nil, type: String? = nil) {
        self.id = id
        self.name = name
        self.ror = ror
        self.country = country
        self.type = type
    }
}
