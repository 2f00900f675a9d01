/// Research wording shared by all fields: the sentence frames that abstracts and titles are
/// built from. Slots: `{T}` a term of the work's main subject, `{U}` a term of its second
/// subject (or the main one), `{A}` an adjective, `{G}` a method noun, `{M}` a property or
/// metric, `{N}` a number, `{D}` a setting. Punctuation touching a slot stays with it.
/// None of these words is specific to a technology, so they never make a work match a query.
enum GenericWording {
    static let adjectives = [
        "novel", "efficient", "robust", "scalable", "low-cost", "high-performance", "comprehensive",
        "lightweight", "flexible", "reliable", "accurate", "practical", "unified", "adaptive", "integrated",
        "systematic", "hierarchical", "multi-scale", "data-driven", "physics-informed",
    ]

    static let methodNouns = [
        "framework", "approach", "method", "model", "strategy", "scheme", "architecture", "design",
        "technique", "platform", "pipeline", "algorithm", "protocol", "procedure",
    ]

    static let metrics = [
        "accuracy", "efficiency", "robustness", "performance", "stability", "sensitivity", "throughput",
        "reliability", "scalability", "cost", "durability", "resolution", "latency", "selectivity",
        "reproducibility", "energy consumption", "uniformity", "precision",
    ]

    static let settings = [
        "realistic conditions", "laboratory conditions", "field conditions", "benchmark datasets",
        "numerical simulations", "controlled experiments", "real-world scenarios", "industrial settings",
        "large-scale deployments", "varying operating conditions", "long-term operation", "harsh environments",
    ]

    /// Opening sentences: why the subject matters.
    static let background = [
        "{T} has attracted increasing attention in recent years because of its wide range of applications.",
        "Recent advances in {T} have opened new opportunities for {U}.",
        "{T} plays an important role in many scientific and industrial applications.",
        "With the rapid development of {T}, the demand for {A} solutions continues to grow.",
        "Over the past decade, {T} has emerged as a key enabling technology for {U}.",
        "Understanding the {M} of {T} is essential for its practical deployment.",
        "There is growing interest in combining {T} with {U} to achieve better {M}.",
    ]

    /// The gap the work addresses.
    static let gap = [
        "However, existing methods suffer from limited {M} and high computational cost.",
        "However, achieving high {M} under {D} remains a major challenge.",
        "Despite considerable progress, the trade-off between {M} and {M} is still poorly understood.",
        "Nevertheless, most previous studies have focused on idealized conditions and neglected {U}.",
        "Conventional approaches often fail to capture the complex behaviour of {T} in practice.",
        "The lack of {A} tools for {T} hinders systematic comparison between competing designs.",
    ]

    /// What the authors propose.
    static let proposal = [
        "In this paper, we propose a {A} {G} for {T} based on {U}.",
        "In this work, we present a {A} {G} that integrates {T} and {U}.",
        "To address these issues, we develop a {A} {G} for {T}.",
        "Here we report a {A} {G} that exploits {T} to improve {M}.",
        "This study introduces a {A} {G} combining {T} with {U} in a single design.",
        "We propose a {G} that jointly optimizes {M} and {M} for {T}.",
    ]

    /// How it works.
    static let method = [
        "The proposed {G} consists of three main stages, including {T}, {U} and validation.",
        "A {A} model of {T} is first established, and the key parameters are identified.",
        "We formulate the problem as an optimization task and solve it with a {A} {G}.",
        "Specifically, {T} is used to characterize the system, while {U} provides additional constraints.",
        "Both theoretical analysis and {D} are used to evaluate the {G}.",
        "The influence of {T} on {M} is investigated systematically.",
        "A series of experiments was carried out under {D} to verify the {G}.",
        "The {M} and {M} of the {G} are analysed in detail.",
        "We further examine how {U} affects the {M} of {T}.",
        "Extensive comparisons with state-of-the-art methods are conducted on {D}.",
    ]

    /// What came out.
    static let results = [
        "Experimental results demonstrate that the proposed {G} improves {M} by {N} compared with existing methods.",
        "The results show that {T} achieves a {M} of {N} under {D}.",
        "Compared with conventional approaches, the {M} is increased by {N} while the cost is reduced.",
        "Simulation results indicate that {T} significantly outperforms the baseline in terms of {M}.",
        "The measured {M} reaches {N}, which is in good agreement with the theoretical predictions.",
        "Our findings reveal a strong correlation between {T} and {M}.",
        "In addition, the {G} maintains stable {M} over {N} test cycles.",
        "The proposed {G} reduces the error by {N} and shows excellent {M}.",
    ]

    /// The closing sentence.
    static let conclusion = [
        "These results provide new insights into the design of {A} {T} systems.",
        "This work paves the way for practical applications of {T} in {U}.",
        "The proposed {G} offers a promising route toward {A} {T}.",
        "Our study provides useful guidance for future research on {T} and {U}.",
        "The findings are expected to facilitate the development of next-generation {T}.",
    ]

    /// Title frames of research articles and preprints; `{Tc}` is a term with a capital.
    static let articleTitles = [
        "{Tc} for {U}: a {A} {G}",
        "A {A} {G} for {T} using {U}",
        "Towards {A} {T} with {U}",
        "{Tc} with improved {M} via {U}",
        "On the {M} of {T} in {U}",
        "Investigation of {T} under {D}",
        "Enhanced {M} of {T} through {U}",
        "{Tc}: {A} {G} and experimental validation",
        "A {T} based {G} for {U} with high {M}",
        "Analysis of {M} in {T} and {U}",
    ]

    /// Title frames of reviews.
    static let reviewTitles = [
        "{Tc}: recent advances and future perspectives",
        "A review of {T} for {U}",
        "Recent progress in {T} and {U}",
        "{Tc} and {U}: a comprehensive review",
        "Challenges and opportunities in {T}",
    ]

    /// Title frames of editorials.
    static let editorialTitles = [
        "Editorial: advances in {T}",
        "Editorial for the special issue on {T} and {U}",
        "Guest editorial: {T}",
    ]

    /// Title frames of errata.
    static let erratumTitles = [
        "Correction to: {Tc} for {U}",
        "Erratum: {A} {G} for {T}",
        "Corrigendum to \"{Tc} with improved {M}\"",
    ]

    /// Titles of paratext (journal furniture, no subject).
    static let paratextTitles = [
        "Front matter", "Issue information", "Table of contents", "Cover image", "Back matter",
        "Masthead", "Reviewer acknowledgement",
    ]

    /// Tokens for `{N}`: figures as they appear in abstracts.
    static let numbers: [String] = {
        var tokens: [String] = []
        for value in stride(from: 3, through: 97, by: 2) { tokens.append("\(value / 2).\(value % 10)%") }
        for value in [12, 15, 18, 23, 27, 31, 36, 42, 48, 55, 63, 71, 85, 94] { tokens.append("\(value)%") }
        for value in [1.5, 2.1, 2.8, 3.4, 4.2, 5.7, 7.3, 10.6] { tokens.append("\(value)-fold") }
        for value in [100, 200, 500, 1000, 2000, 5000, 10000] { tokens.append("\(value)") }
        return tokens
    }()
}
