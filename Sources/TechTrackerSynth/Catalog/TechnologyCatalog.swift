/// One critical technology of the shipped taxonomy.
///
/// The id is the stable key every other part of the project uses (queries, stored results,
/// reports); the name and category are for people.
public struct Technology: Sendable, Hashable {
    /// Lowercase hyphenated slug of the name without its parenthesised remark,
    /// e.g. `advanced-radiofrequency-communication`.
    public let id: String
    /// The name as ASPI's Critical Technology Tracker gives it, remark included,
    /// e.g. `Advanced radiofrequency communication (incl. 5G and 6G)`.
    public let name: String
    /// One of the eight categories, e.g. `Quantum`.
    public let category: String

    /// Makes a technology.
    init(id: String, name: String, category: String) {
        self.id = id
        self.name = name
        self.category = category
    }
}

/// The 74 critical technologies in ASPI's eight categories, in a fixed order.
///
/// Pure data: the order is the order of reports and of the synthetic corpus' calibration
/// tables, so entries are only ever appended, never reordered.
public enum TechnologyCatalog {
    /// The eight category names, in catalog order.
    public static let categories: [String] = [
        ictCategory, materialsCategory, aiCategory, biotechCategory,
        defenceCategory, energyCategory, quantumCategory, sensingCategory,
    ]

    /// All 74 technologies, grouped by category in `categories` order.
    public static let all: [Technology] = {
        let groups: [(String, [String])] = [
            (
                ictCategory,
                [
                    "Advanced optical communication",
                    "Advanced radiofrequency communication (incl. 5G and 6G)",
                    "Advanced undersea wireless communication",
                    "Distributed ledgers",
                    "High-performance computing",
                    "Mesh and infrastructure-independent networks",
                    "Protective cybersecurity technologies",
                    "Cloud and edge computing",
                    "Digital twins",
                    "Extended reality",
                ]
            ),
            (
                materialsCategory,
                [
                    "Additive manufacturing",
                    "Advanced composite materials",
                    "Advanced explosives and energetic materials",
                    "Advanced magnets and superconductors",
                    "Advanced protection",
                    "Coatings",
                    "Continuous flow chemical synthesis",
                    "Critical minerals extraction and processing",
                    "High-specification machining processes",
                    "Nanoscale materials and manufacturing",
                    "Novel metamaterials",
                    "Smart materials",
                    "Wide and ultrawide bandgap semiconductors",
                ]
            ),
            (
                aiCategory,
                [
                    "AI algorithms and hardware accelerators",
                    "Advanced data analytics",
                    "Advanced integrated circuit design and fabrication",
                    "Adversarial AI",
                    "Machine learning",
                    "Natural language processing",
                    "Computer vision",
                    "Generative AI",
                ]
            ),
            (
                biotechCategory,
                [
                    "Biological manufacturing",
                    "Genetic engineering",
                    "Genomic sequencing and analysis",
                    "Novel antibiotics and antivirals",
                    "Nuclear medicine and radiotherapy",
                    "Synthetic biology",
                    "Vaccines and medical countermeasures",
                    "Brain-computer interfaces",
                    "Neuroprosthetics",
                ]
            ),
            (
                defenceCategory,
                [
                    "Advanced aircraft engines (incl. hypersonics)",
                    "Advanced robotics",
                    "Autonomous systems operation technology",
                    "Drones, swarming and collaborative robots",
                    "Hypersonic detection and tracking",
                    "Small satellites",
                    "Space launch systems",
                    "Precision agriculture",
                    "Air-independent propulsion",
                    "Autonomous underwater vehicles",
                    "Electronic warfare",
                ]
            ),
            (
                energyCategory,
                [
                    "Biofuels",
                    "Directed energy technologies",
                    "Electric batteries",
                    "Hydrogen and ammonia for power",
                    "Nuclear energy",
                    "Nuclear waste management and recycling",
                    "Photovoltaics",
                    "Supercapacitors",
                    "Grid integration technologies",
                    "Geoengineering",
                ]
            ),
            (
                quantumCategory,
                [
                    "Post-quantum cryptography",
                    "Quantum communication",
                    "Quantum computing",
                    "Quantum sensors",
                ]
            ),
            (
                sensingCategory,
                [
                    "Atomic clocks",
                    "Gravitational-force sensors",
                    "Inertial navigation systems",
                    "Magnetic field sensors",
                    "Multispectral and hyperspectral imaging sensors",
                    "Photonic sensors",
                    "Radar",
                    "Satellite positioning and navigation",
                    "Sonar and acoustic sensors",
                ]
            ),
        ]
        return groups.flatMap { category, names in
            names.map { Technology(id: slug(of: $0), name: $0, category: category) }
        }
    }()

    /// The technology with this id, if the catalog has one.
    public static func technology(id: String) -> Technology? {
        all.first { $0.id == id }
    }

    /// The id rule: drop parenthesised remarks, lowercase, and join runs of letters and
    /// digits with single hyphens ("Drones, swarming and collaborative robots" becomes
    /// `drones-swarming-and-collaborative-robots`).
    public static func slug(of name: String) -> String {
        var words: [String] = []
        var current = ""
        var depth = 0
        for character in name.lowercased() {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: "-")
    }

    static let ictCategory = "Advanced information and communication technologies"
    static let materialsCategory = "Advanced materials and manufacturing"
    static let aiCategory = "Artificial intelligence, computing and related"
    static let biotechCategory = "Biotechnology, gene technologies and vaccines"
    static let defenceCategory = "Defence, space, robotics and transportation"
    static let energyCategory = "Energy and environment"
    static let quantumCategory = "Quantum"
    static let sensingCategory = "Sensing, timing and navigation"
}
