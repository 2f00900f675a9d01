/// Special administrative regions counted as their country on request (METHOD §2,
/// `--merge-regions CN`).
///
/// By default Hong Kong (HK), Macao (MO) and Taiwan (TW) keep their own codes, as OpenAlex,
/// Web of Science and Scopus record them, so a ranking never silently re-draws the map. Some
/// readers want Hong Kong and Macao, special administrative regions of the People's Republic
/// of China, counted as China: `--merge-regions CN` maps HK and MO to CN before any credit is
/// summed. Taiwan is deliberately not mergeable, under any option: it is not a region of the
/// People's Republic in any of the sources, it has its own research system and funding, and
/// folding it into CN would be a political statement rather than a choice of method.
///
/// The mapping lives here, in the pure core, so that the analysis maths can apply it without
/// knowing how the option was spelt or parsed.
public enum RegionMerge {
    /// Every supported merge: the country merged into, and the regions it absorbs. TW appears
    /// nowhere, on purpose (see the type's documentation).
    static let supported: [(country: String, regions: [String])] = [
        (country: "CN", regions: ["HK", "MO"])
    ]

    /// The regions that are never merged, with the reason the error message gives.
    static let neverMerged: [String: String] = [
        "TW": "TW (Taiwan) is never merged and always stays its own code (METHOD §2): it is not a region of the "
            + "People's Republic of China in the sources and has its own research system"
    ]

    /// Reads `--merge-regions` values: each value may hold several codes separated by commas
    /// (`CN` or `CN,CN`), in any case. Returns the merged countries upper-cased, sorted and
    /// without repeats, so that the stored settings do not depend on how the option was typed.
    ///
    /// Throws for an empty code, a region given instead of its country (`HK`), `TW`, and any
    /// country without a supported merge; the message names the valid form.
    public static func parse(_ codes: [String]) throws -> [String] {
        var merged = Set<String>()
        for value in codes {
            for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                let code = item.trimmingSpaces().uppercased()
                guard !code.isEmpty else {
                    throw RegionMergeError(
                        code: String(item), problem: "expected a country code, e.g. --merge-regions CN")
                }
                if let reason = neverMerged[code] {
                    throw RegionMergeError(code: code, problem: reason + "; \(supportedList)")
                }
                if let owner = supported.first(where: { $0.regions.contains(code) }) {
                    throw RegionMergeError(
                        code: code,
                        problem: "\(code) is a region, not a country to merge into: "
                            + "--merge-regions \(owner.country) merges \(owner.regions.joined(separator: " and ")) "
                            + "into \(owner.country)"
                    )
                }
                guard supported.contains(where: { $0.country == code }) else {
                    throw RegionMergeError(code: code, problem: "'\(code)' has no regions to merge; \(validForm)")
                }
                merged.insert(code)
            }
        }
        return merged.sorted()
    }

    /// Region → country for the merges asked for: `["CN"]` gives HK → CN and MO → CN; `[]` gives
    /// an empty mapping (every code stays itself). Codes without a supported merge are ignored,
    /// since `parse` has already refused them; TW is never in the result.
    public static func mapping(for merged: [String]) -> [CountryCode: CountryCode] {
        var mapping: [CountryCode: CountryCode] = [:]
        for code in merged {
            guard let merge = supported.first(where: { $0.country == code.uppercased() }),
                let country = CountryCode(merge.country)
            else { continue }
            for region in merge.regions {
                if let region = CountryCode(region) { mapping[region] = country }
            }
        }
        return mapping
    }

    /// `supported: CN (HK and MO into CN)`, for error messages.
    static var supportedList: String {
        "supported: "
            + supported.map { "\($0.country) (\($0.regions.joined(separator: " and ")) into \($0.country))" }
            .joined(separator: ", ")
    }

    /// The supported merges and the TW rule, for error messages.
    static var validForm: String { supportedList + "; TW is never merged" }
}

/// A `--merge-regions` value that cannot be used, and why.
struct RegionMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The code as given (upper-cased), or the empty item.
    var code: String
    /// What is wrong, with the valid form.
    var problem: String

    /// The problem alone: the command prefixes the option's name.
    var description: String { problem }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Core has no Foundation).
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
