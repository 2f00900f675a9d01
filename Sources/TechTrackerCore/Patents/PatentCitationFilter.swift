/// The attributes of a patent citation that the filters of METHOD §10 read, packed in a byte
/// (one per citation in the analysis columns).
public struct PatentCitationAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    /// Makes attributes from their packed byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The applicant supplied the reference (`reftype = app`).
    public static let applicant = PatentCitationAttributes(rawValue: 1 << 0)
    /// The reference is on the front page (`wherefound` = `frontonly` or `both`).
    public static let frontPage = PatentCitationAttributes(rawValue: 1 << 1)
    /// The file says where the reference was found.
    public static let placeKnown = PatentCitationAttributes(rawValue: 1 << 2)
    /// An inventor is an author of the paper (known to be a self-citation).
    public static let selfCitation = PatentCitationAttributes(rawValue: 1 << 3)
}

/// Which patent citations count (METHOD §10): a confidence floor, and optionally applicant
/// references only, no self-citations, front-page references only. What a file does not say
/// never excludes a citation, except for `applicantOnly`, which asks for a known applicant:
/// a citation without a confidence passes the floor, one without a place passes
/// `frontPageOnly` (Reliance on Science's editions before body-text extraction list front-page
/// citations only), one without a self-citation flag passes `excludeSelfCitations`.
public struct PatentCitationFilter: Sendable, Hashable, Codable {
    /// METHOD §10: a citation counts if its confidence is at least 3.
    public static let defaultMinimumConfidence = 3

    /// Lowest confidence (1-10) that counts.
    public var minimumConfidence: Int
    /// Only references the applicant supplied (`--patent-applicant-only`).
    public var applicantOnly: Bool
    /// Leave out citations where an inventor is an author of the paper (`--patent-exclude-self`).
    public var excludeSelfCitations: Bool
    /// Only references on the front page (`--patent-front-page-only`).
    public var frontPageOnly: Bool

    /// The defaults of METHOD §10: confidence ≥ 3, every other citation kept.
    public init(
        minimumConfidence: Int = defaultMinimumConfidence, applicantOnly: Bool = false,
        excludeSelfCitations: Bool = false, frontPageOnly: Bool = false
    ) {
        self.minimumConfidence = minimumConfidence
        self.applicantOnly = applicantOnly
        self.excludeSelfCitations = excludeSelfCitations
        self.frontPageOnly = frontPageOnly
    }

    /// Whether a citation with this confidence (0 = not given) and these attributes counts.
    @inlinable
    public func counts(confidence: UInt8, attributes: PatentCitationAttributes) -> Bool {
        if confidence != 0 && Int(confidence) < minimumConfidence { return false }
        if applicantOnly && !attributes.contains(.applicant) { return false }
        if excludeSelfCitations && attributes.contains(.selfCitation) { return false }
        if frontPageOnly && attributes.contains(.placeKnown) && !attributes.contains(.frontPage) { return false }
        return true
    }

    /// Whether a citation counts.
    public func counts(_ citation: PatentCitation) -> Bool {
        counts(confidence: UInt8(clamping: max(0, citation.confidence ?? 0)), attributes: citation.attributes)
    }

    /// One line for report headers.
    public var summary: String {
        var parts = ["patent citations with confidence ≥ \(minimumConfidence)"]
        if applicantOnly { parts.append("applicant references only") }
        if excludeSelfCitations { parts.append("inventor self-citations excluded") }
        if frontPageOnly { parts.append("front-page references only") }
        return parts.joined(separator: ", ")
    }
}
