import TechTrackerCore

/// An OpenAlex-style research topic: a display name placed in OpenAlex's subfield tree.
struct ResearchTopic: Sendable {
    /// The topic's display name, e.g. "Quantum Computing Algorithms and Architecture".
    let name: String
    /// The OpenAlex subfield id (e.g. 3107), which also fixes the field and domain.
    let subfieldID: Int
}

/// The words specialists use for one technology: what titles, abstracts, keywords, topics
/// and concepts of synthetic works in that technology are made of, so that a Web-of-Science
/// style query written against real vocabulary finds them.
struct TechnologyVocabulary: Sendable {
    /// The `TechnologyCatalog` id.
    let technologyID: String
    /// One or two topics; the first gives the work's field (journals, departments, concepts).
    let topics: [ResearchTopic]
    /// 15-30 domain terms and phrases, most specific first.
    let terms: [String]
}

/// The vocabularies of all 74 technologies, in `TechnologyCatalog.all` order.
enum TechnologyVocabularies {
    /// One vocabulary per catalog technology, same order.
    static let all: [TechnologyVocabulary] = {
        let byID = Dictionary(
            (ict + materials + artificialIntelligence + biotechnology + defence + energy + quantum + sensing)
                .map { ($0.technologyID, $0) },
            uniquingKeysWith: { first, _ in first })
        // Follow the catalog's order; a catalog entry without vocabulary gets its own name as
        // its only term (the tests catch that, the generator keeps running).
        return TechnologyCatalog.all.map { technology in
            byID[technology.id]
                ?? TechnologyVocabulary(
                    technologyID: technology.id,
                    topics: [ResearchTopic(name: technology.name, subfieldID: 2208)],
                    terms: [technology.name.lowercased()])
        }
    }()

    /// Shorthand used by the per-category tables.
    static func entry(_ id: String, _ topics: [(String, Int)], _ terms: [String]) -> TechnologyVocabulary {
        TechnologyVocabulary(
            technologyID: id, topics: topics.map { ResearchTopic(name: $0.0, subfieldID: $0.1) }, terms: terms)
    }
}
