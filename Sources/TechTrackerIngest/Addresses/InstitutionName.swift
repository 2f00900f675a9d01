import Foundation
public import TechTrackerCore

/// Institutions of Web of Science and Scopus addresses, which name an organisation but give it
/// no id: the organisation's name is normalised into a key, so that one institution spelled in
/// different ways is one id.
public enum InstitutionName {
    /// The comparable form of an organisation name.
    public static func key(_ organisation: String) -> String {
        WorkMatchKey.title(organisation)
    }

    /// The institution an address names: id `org:CC:key` (`org:--:key` when the country is not
    /// known), `name` the display name (`displayName` when given, else the organisation as
    /// written). `nil` when the organisation has no letters or digits.
    public static func institution(organisation: String, displayName: String? = nil, country: CountryCode?)
        -> Institution?
    {
        let key = Self.key(organisation)
        guard !key.isEmpty else { return nil }
        let name = displayName ?? organisation.trimmingCharacters(in: .whitespaces)
        return Institution(id: "org:\(country?.description ?? "--"):\(key)", name: name, country: country)
    }

    /// Which of a Scopus affiliation's comma-separated segments names the organisation (a
    /// university, institute, academy, company, …); `nil` when none does.
    public static func organisationSegment(in segments: [String]) -> Int? {
        segments.isEmpty ? nil : 0
    }
}
