/// MeSH headings for biomedical works and the UN Sustainable Development Goals OpenAlex
/// tags works with; both only fill the record out (ingest skips them).
enum MedicalHeadings {
    /// (descriptor UI, descriptor name): check tags first, then subject headings.
    static let all: [(ui: String, name: String)] = [
        ("D006801", "Humans"), ("D000818", "Animals"), ("D051379", "Mice"), ("D005260", "Female"),
        ("D008297", "Male"), ("D000328", "Adult"), ("D008875", "Middle Aged"), ("D000368", "Aged"),
        ("D014612", "Vaccines"), ("D064113", "CRISPR-Cas Systems"), ("D000900", "Anti-Bacterial Agents"),
        ("D000998", "Antiviral Agents"), ("D011878", "Radiotherapy"), ("D062207", "Brain-Computer Interfaces"),
        ("D019903", "Neural Prostheses"), ("D058615", "Synthetic Biology"), ("D017422", "Sequence Analysis, DNA"),
        ("D059014", "High-Throughput Nucleotide Sequencing"), ("D019275", "Radiopharmaceuticals"),
        ("D049268", "Positron-Emission Tomography"), ("D019149", "Bioreactors"), ("D015316", "Genetic Therapy"),
        ("D004194", "Disease Models, Animal"), ("D018570", "Risk Assessment"),
        ("D016032", "Randomized Controlled Trials as Topic"),
    ]

    /// Number of check tags at the start of `all` (Humans … Aged).
    static let checkTagCount = 8

    /// SDG number -> OpenAlex display name.
    static let goals: [Int: String] = [
        2: "Zero hunger", 3: "Good health and well-being", 4: "Quality Education", 6: "Clean water and sanitation",
        7: "Affordable and clean energy", 8: "Decent work and economic growth",
        9: "Industry, innovation and infrastructure", 11: "Sustainable cities and communities", 13: "Climate action",
        14: "Life below water", 15: "Life in Land", 16: "Peace, justice, and strong institutions",
    ]

    /// The SDG of each catalog category, in `TechnologyCatalog.categories` order.
    static let goalOfCategory = [9, 9, 9, 3, 16, 7, 9, 9]

    /// The SDG of each filler subject, in `FillerTopics.all` order.
    static let goalOfFiller = [15, 8, 3, 3, 4, 3, 2, 16, 3, 13, 4]

    /// Filler subjects that are biomedical (their works carry MeSH headings).
    static let medicalFillers: Set<Int> = [2, 3, 8]
}
