/// OpenAlex's topic hierarchy (domain > field > subfield), with OpenAlex's own ids and
/// names, so synthetic `topics[]` carry the same objects real records do.
struct OpenAlexSubfield: Sendable {
    let id: Int
    let name: String
    /// The field is the first two digits of the subfield id, as in OpenAlex.
    var fieldID: Int { id / 100 }
    var field: String { OpenAlexTaxonomy.fieldNames[fieldID] ?? "Multidisciplinary" }
    var domainID: Int { OpenAlexTaxonomy.domainOfField[fieldID] ?? 3 }
    var domain: String { OpenAlexTaxonomy.domainNames[domainID] ?? "Physical Sciences" }
}

/// Lookup tables of OpenAlex's 4 domains, 26 fields and the subfields this corpus uses.
enum OpenAlexTaxonomy {
    static let domainNames: [Int: String] = [
        1: "Life Sciences", 2: "Social Sciences", 3: "Physical Sciences", 4: "Health Sciences",
    ]

    static let fieldNames: [Int: String] = [
        11: "Agricultural and Biological Sciences", 12: "Arts and Humanities",
        13: "Biochemistry, Genetics and Molecular Biology", 14: "Business, Management and Accounting",
        15: "Chemical Engineering", 16: "Chemistry", 17: "Computer Science", 18: "Decision Sciences",
        19: "Earth and Planetary Sciences", 20: "Economics, Econometrics and Finance", 21: "Energy",
        22: "Engineering", 23: "Environmental Science", 24: "Immunology and Microbiology",
        25: "Materials Science", 26: "Mathematics", 27: "Medicine", 28: "Neuroscience", 29: "Nursing",
        30: "Pharmacology, Toxicology and Pharmaceutics", 31: "Physics and Astronomy", 32: "Psychology",
        33: "Social Sciences", 34: "Veterinary", 35: "Dentistry", 36: "Health Professions",
    ]

    static let domainOfField: [Int: Int] = [
        11: 1, 12: 2, 13: 1, 14: 2, 15: 3, 16: 3, 17: 3, 18: 2, 19: 3, 20: 2, 21: 3, 22: 3, 23: 3,
        24: 1, 25: 3, 26: 3, 27: 4, 28: 1, 29: 4, 30: 1, 31: 3, 32: 2, 33: 2, 34: 4, 35: 4, 36: 4,
    ]

    private static let subfieldNames: [Int: String] = [
        1102: "Agronomy and Crop Science", 1105: "Ecology, Evolution, Behavior and Systematics",
        1106: "Food Science", 1110: "Plant Science",
        1202: "History", 1203: "Language and Linguistics",
        1303: "Biochemistry", 1305: "Biotechnology", 1311: "Genetics", 1312: "Molecular Biology",
        1408: "Strategy and Management",
        1508: "Process Chemistry and Technology", 1500: "General Chemical Engineering",
        1602: "Analytical Chemistry", 1604: "Inorganic Chemistry", 1605: "Organic Chemistry",
        1606: "Physical and Theoretical Chemistry",
        1702: "Artificial Intelligence", 1703: "Computational Theory and Mathematics",
        1705: "Computer Networks and Communications", 1707: "Computer Vision and Pattern Recognition",
        1708: "Hardware and Architecture", 1709: "Human-Computer Interaction", 1710: "Information Systems",
        1711: "Signal Processing", 1712: "Software",
        1902: "Atmospheric Science", 1907: "Geology", 1908: "Geophysics", 1910: "Oceanography",
        2002: "Economics and Econometrics", 2003: "Finance",
        2102: "Energy Engineering and Power Technology", 2103: "Fuel Technology",
        2104: "Nuclear Energy and Engineering", 2105: "Renewable Energy, Sustainability and the Environment",
        2202: "Aerospace Engineering", 2203: "Automotive Engineering", 2204: "Biomedical Engineering",
        2207: "Control and Systems Engineering", 2208: "Electrical and Electronic Engineering",
        2209: "Industrial and Manufacturing Engineering", 2210: "Mechanical Engineering",
        2211: "Mechanics of Materials", 2212: "Ocean Engineering", 2213: "Safety, Risk, Reliability and Quality",
        2305: "Environmental Engineering", 2306: "Global and Planetary Change",
        2309: "Nature and Landscape Conservation",
        2403: "Immunology", 2404: "Microbiology", 2406: "Virology",
        2502: "Biomaterials", 2503: "Ceramics and Composites", 2504: "Electronic, Optical and Magnetic Materials",
        2505: "Materials Chemistry", 2506: "Metals and Alloys", 2507: "Polymers and Plastics",
        2508: "Surfaces, Coatings and Films",
        2604: "Applied Mathematics", 2613: "Statistics and Probability",
        2705: "Cardiology and Cardiovascular Medicine", 2713: "Epidemiology", 2725: "Infectious Diseases",
        2728: "Neurology", 2730: "Oncology", 2739: "Public Health, Environmental and Occupational Health",
        2741: "Radiology, Nuclear Medicine and Imaging", 2746: "Surgery",
        2805: "Cognitive Neuroscience", 2808: "Neurology",
        3002: "Drug Discovery", 3003: "Pharmaceutical Science",
        3103: "Astronomy and Astrophysics", 3104: "Condensed Matter Physics", 3105: "Instrumentation",
        3106: "Nuclear and High Energy Physics", 3107: "Atomic and Molecular Physics, and Optics",
        3108: "Radiation", 3109: "Statistical and Nonlinear Physics",
        3202: "Applied Psychology", 3204: "Developmental and Educational Psychology",
        3304: "Education", 3308: "Law", 3312: "Sociology and Political Science",
        3320: "Political Science and International Relations",
    ]

    /// The subfield with this OpenAlex id (unknown ids get a generic name rather than a crash:
    /// the tables are data, and a typo must not take the generator down).
    static func subfield(_ id: Int) -> OpenAlexSubfield {
        OpenAlexSubfield(id: id, name: subfieldNames[id] ?? "General")
    }

    /// OpenAlex level-0 concepts (real ids) standing for each field in `concepts[]`.
    static let rootConceptOfField: [Int: (id: Int, wikidata: Int, name: String)] = [
        11: (86803240, 420, "Biology"), 13: (86803240, 420, "Biology"), 15: (185592680, 2329, "Chemistry"),
        16: (185592680, 2329, "Chemistry"), 17: (41008148, 21198, "Computer science"),
        19: (127313418, 1069, "Geology"), 20: (162324750, 8134, "Economics"), 21: (127413603, 11023, "Engineering"),
        22: (127413603, 11023, "Engineering"), 23: (39432304, 188847, "Environmental science"),
        24: (86803240, 420, "Biology"), 25: (192562407, 228736, "Materials science"),
        26: (33923547, 395, "Mathematics"), 27: (71924100, 11190, "Medicine"), 28: (169760540, 207011, "Neuroscience"),
        31: (121332964, 413, "Physics"), 32: (15744967, 9418, "Psychology"), 33: (144024400, 21201, "Sociology"),
        12: (95457728, 309, "History"), 30: (98274493, 128406, "Pharmacology"),
    ]
}
