import TechTrackerCore
/// The OpenAlex work types the synthetic corpus uses, with their shares.
enum WorkKind: UInt8, Sendable, CaseIterable {
    case article, review, preprint, editorial, erratum, paratext

    /// OpenAlex `type`.
    var openAlexType: StaticString {
        switch self {
        case .article: "article"
        case .review: "review"
        case .preprint: "preprint"
        case .editorial: "editorial"
        case .erratum: "erratum"
        case .paratext: "paratext"
        }
    }

    /// OpenAlex `type_crossref`.
    var crossrefType: StaticString {
        switch self {
        case .preprint: "posted-content"
        case .paratext: "component"
        default: "journal-article"
        }
    }

    /// The analysis' default keeps articles and reviews only (METHOD §2).
    var isCountedByDefault: Bool { self == .article || self == .review }

    /// Draws a type: mostly articles, some reviews, a few percent of the rest.
    static func draw(_ rng: inout SplitMix64) -> WorkKind {
        let u = rng.nextDouble()
        switch u {
        case ..<0.845: return .article
        case ..<0.915: return .review
        case ..<0.945: return .preprint
        case ..<0.970: return .editorial
        case ..<0.985: return .erratum
        default: return .paratext
        }
    }

    /// How strongly a type attracts citations, relative to an article.
    var citationFactor: Double {
        switch self {
        case .article: 1
        case .review: 2.2
        case .preprint: 0.45
        case .editorial: 0.12
        case .erratum: 0.03
        case .paratext: 0.01
        }
    }

    /// Number of references, before capping at the number of earlier works.
    func drawReferenceCount(_ rng: inout SplitMix64) -> Int {
        // Sum of two uniforms: a peaked, bounded spread around the middle of each range.
        let spread = (rng.nextDouble() + rng.nextDouble()) / 2
        switch self {
        case .article: return 20 + Int(spread * 30.99)
        case .review: return 50 + Int(spread * 70.99)
        case .preprint: return 15 + Int(spread * 30.99)
        case .editorial: return rng.nextInt(below: 9)
        case .erratum: return 1
        case .paratext: return 0
        }
    }
}

/// One author of the synthetic world: a career at one institution (sometimes with a second
/// or third affiliation), for some authors a move to another country part-way through.
struct AuthorRecord: Sendable {
    static let none = UInt16.max

    var home: UInt16
    var second: UInt16 = none
    var third: UInt16 = none
    /// Institution after the move (`none`: never moves).
    var movedTo: UInt16 = none
    /// Publication year from which works carry `movedTo`.
    var moveYear: UInt16 = .max
    /// Last year the author publishes.
    var lastYear: UInt16
    var givenName: UInt16
    var familyName: UInt16
    var nameRegion: UInt8

    /// Institutions listed for the author in `year`, main one first (secondary ones dropped
    /// after a move: a new post replaces the old arrangements).
    @inline(__always)
    func affiliations(in year: Int) -> (UInt16, UInt16, UInt16) {
        if movedTo != Self.none && year >= Int(moveYear) { return (movedTo, Self.none, Self.none) }
        return (home, second, third)
    }
}
