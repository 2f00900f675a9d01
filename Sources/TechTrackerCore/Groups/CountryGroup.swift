/// A named set of countries measured as one unit beside the countries (METHOD §2): EU27,
/// Five Eyes, AUKUS, Quad and G7 are built in; analysts add their own.
///
/// A group's credit on a work is the sum of its members' credits under fractional counting,
/// and 1 when any member is on the work under whole counting (a work with two EU countries
/// counts once for the EU). Groups are ranked among groups, shown beside the countries and
/// never mixed into the country ranking.
public struct CountryGroup: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The group's name as reports show it (`EU27`, `Five Eyes`); never two letters, so that it
    /// cannot be mistaken for a country code.
    public var name: String
    /// The member countries, sorted and without repeats.
    public var members: [CountryCode]

    /// Makes a group; members are sorted and de-duplicated.
    public init(name: String, members: [CountryCode]) {
        self.name = name
        self.members = Array(Set(members)).sorted()
    }

    /// Whether `country` is a member.
    public func contains(_ country: CountryCode) -> Bool { members.contains(country) }

    /// `EU27 (AT, BE, …)`.
    public var description: String { "\(name) (\(members.map(\.description).joined(separator: ", ")))" }

    enum CodingKeys: String, CodingKey { case name, members }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        let codes = try container.decode([String].self, forKey: .members)
        var members: [CountryCode] = []
        for code in codes {
            guard let country = CountryCode(code) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .members, in: container,
                    debugDescription: "group \(name): \"\(code)\" is not a two-letter country code")
            }
            members.append(country)
        }
        self.init(name: name, members: members)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(members.map(\.description), forKey: .members)
    }
}

/// Whether a row of figures is about a country or a group of countries (METHOD §2).
public enum UnitType: String, Sendable, Hashable, Codable, CaseIterable {
    /// An ISO 3166-1 alpha-2 country (or a merged region, `--merge-regions`).
    case country
    /// A group (bloc) of countries.
    case group
}
