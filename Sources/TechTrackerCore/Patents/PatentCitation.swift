/// One citation from a patent to a paper (METHOD §10), as a patent-to-paper citation file gives
/// it: Marx & Fuegi's *Reliance on Science* (`_pcs_oa.csv`) or a generic extract (Lens,
/// PATSTAT). Only `work` and `patent` are always known; every other field is `nil` when the
/// file has no column for it or leaves it empty.
public struct PatentCitation: Sendable, Hashable {
    /// The cited paper.
    public var work: PatentCitedWork
    /// The citing patent as the file spells it (`US-10000000-B2`: office-number-kind).
    public var patent: String
    /// Confidence of the match, 1 (weak) to 10 (certain) (`confscore`).
    public var confidence: Int?
    /// Who put the reference on the patent (`reftype`).
    public var referenceType: PatentReferenceType?
    /// Where in the patent the reference was found (`wherefound`).
    public var place: PatentCitationPlace?
    /// Whether an inventor of the patent is an author of the paper (`self`, `self_cite`).
    public var isSelfCitation: Bool?
    /// The patent's family id, when the file gives one: a family counts once per paper.
    public var family: String?
    /// The year of the citing patent (its publication or filing), when the file gives one.
    public var year: Int?

    /// Makes a citation.
    public init(
        work: PatentCitedWork, patent: String, confidence: Int? = nil, referenceType: PatentReferenceType? = nil,
        place: PatentCitationPlace? = nil, isSelfCitation: Bool? = nil, family: String? = nil, year: Int? = nil
    ) {
        self.work = work
        self.patent = patent
        self.confidence = confidence
        self.referenceType = referenceType
        self.place = place
        self.isSelfCitation = isSelfCitation
        self.family = family
        self.year = year
    }

    /// The attributes the analysis keeps of this citation (the filters of METHOD §10 need no more).
    public var attributes: PatentCitationAttributes {
        var result: PatentCitationAttributes = []
        if referenceType == .applicant { result.insert(.applicant) }
        if let place {
            result.insert(.placeKnown)
            if place != .bodyOnly { result.insert(.frontPage) }
        }
        if isSelfCitation == true { result.insert(.selfCitation) }
        return result
    }
}

/// How a patent-citation file names the cited paper.
public enum PatentCitedWork: Sendable, Hashable {
    /// An OpenAlex work by number (`oaid` 2741809807, or `W2741809807`).
    case openAlex(UInt64)
    /// A DOI in comparable form (`WorkMatchKey.doi`).
    case doi(String)
}

/// Who supplied a patent's reference to a paper (Reliance on Science's `reftype`).
public enum PatentReferenceType: String, Sendable, CaseIterable, Codable {
    /// The applicant (`app`).
    case applicant = "app"
    /// The examiner (`exm`).
    case examiner = "exm"
    /// Not known (`unk`).
    case unknown = "unk"
    /// Another party (`oth`).
    case other = "oth"
}

/// Where in a patent a reference to a paper was found (Reliance on Science's `wherefound`).
public enum PatentCitationPlace: String, Sendable, CaseIterable, Codable {
    /// On the front page only (`frontonly`).
    case frontOnly = "frontonly"
    /// In the body text only (`bodyonly`).
    case bodyOnly = "bodyonly"
    /// Both (`both`).
    case both = "both"
}
