/// A country's particular strength (or weakness) in one technology: multipliers on its
/// share of the technology's output, at the start and the end of the period, and on the
/// citation impact of its papers there.
struct CountryStrength: Sendable {
    let code: String
    let early: Double
    let late: Double
    let quality: Double
}

/// How big a technology is, when it took off, and which countries are unusually strong in it.
struct TechnologyCalibration: Sendable {
    let technologyID: String
    /// Relative output of the technology in the last years (1 = a typical technology).
    let size: Double
    /// The year a young field took off (logistic midpoint); nil for established fields.
    let emergence: Int?
    let strengths: [CountryStrength]
}

/// The story the synthetic corpus tells, written as data (see ASPI's Critical Technology
/// Tracker, 2023-2025): the USA ahead in about nine in ten technologies in 2003-2007; China
/// ahead in most of the 74 by 2020-2024 through fast-growing output and rising impact; the
/// USA keeping quantum computing, vaccines, genetic engineering, natural language processing,
/// atomic clocks, generative AI, brain-computer interfaces and neuroprosthetics; and other
/// countries strong in their specialities.
enum TechnologyCalibrations {
    /// The technologies the USA still leads in 2020-2024.
    static let retainedByUnitedStates: Set<String> = [
        "quantum-computing", "vaccines-and-medical-countermeasures", "genetic-engineering",
        "natural-language-processing", "atomic-clocks", "generative-ai", "brain-computer-interfaces",
        "neuroprosthetics",
    ]

    /// Technologies another country leads in 2003-2007 (the rest: the USA).
    static let earlyLeaders: [String: String] = [
        "critical-minerals-extraction-and-processing": "CN", "coatings": "CN",
        "advanced-explosives-and-energetic-materials": "CN", "advanced-magnets-and-superconductors": "JP",
        "high-specification-machining-processes": "DE", "quantum-communication": "GB",
        "wide-and-ultrawide-bandgap-semiconductors": "JP",
    ]

    /// China's and the USA's share multipliers per category: (CN early, CN late, US).
    static let categoryDefaults: [String: (chinaEarly: Double, chinaLate: Double, unitedStates: Double)] = [
        "Advanced information and communication technologies": (1.05, 1.25, 1.05),
        "Advanced materials and manufacturing": (1.35, 1.55, 0.80),
        "Artificial intelligence, computing and related": (0.90, 1.35, 1.15),
        "Biotechnology, gene technologies and vaccines": (0.55, 1.30, 1.35),
        "Defence, space, robotics and transportation": (1.00, 1.30, 1.15),
        "Energy and environment": (1.25, 1.50, 0.85),
        "Quantum": (0.60, 1.60, 1.25),
        "Sensing, timing and navigation": (1.00, 1.30, 1.00),
    ]

    /// Per-technology sizes, take-off years and particular strengths, in catalog order.
    static let all: [TechnologyCalibration] = [
        t("advanced-optical-communication", 1.0, nil, [s("JP", 1.3, 1.1), s("GB", 1.2, 1.2)]),
        t(
            "advanced-radiofrequency-communication", 1.6, 2012,
            [s("KR", 1.5, 1.4), s("FI", 2.0, 2.0), s("SE", 1.6, 1.5)]),
        t("advanced-undersea-wireless-communication", 0.5, nil, [s("NO", 1.6, 1.5)]),
        t("distributed-ledgers", 0.9, 2016, [s("IN", 1.0, 1.6), s("SG", 1.5, 1.5)]),
        t("high-performance-computing", 1.0, nil, [s("US", 1.3, 1.2, 1.1), s("JP", 1.4, 1.2), s("DE", 1.3, 1.2)]),
        t("mesh-and-infrastructure-independent-networks", 0.7, nil, [s("IN", 1.3, 1.5), s("SG", 1.5, 1.4)]),
        t("protective-cybersecurity-technologies", 1.3, 2010, [s("IL", 2.5, 2.5), s("IN", 1.2, 1.6)]),
        t("cloud-and-edge-computing", 1.4, 2011, [s("IN", 1.3, 1.6), s("AU", 1.2, 1.3)]),
        t("digital-twins", 0.8, 2018, [s("DE", 1.8, 1.7), s("GB", 1.2, 1.3)]),
        t("extended-reality", 0.9, 2014, [s("KR", 1.3, 1.4), s("GB", 1.2, 1.2)]),

        t("additive-manufacturing", 1.3, 2013, [s("DE", 1.8, 1.7), s("US", 1.1, 1.1, 1.05)]),
        t("advanced-composite-materials", 1.2, nil, [s("GB", 1.3, 1.2), s("FR", 1.2, 1.1)]),
        t(
            "advanced-explosives-and-energetic-materials", 0.6, nil,
            [s("CN", 5.0, 1.6, 2.0), s("RU", 2.5, 1.8), s("US", 0.5, 0.6), s("IN", 1.5, 1.5)]),
        t(
            "advanced-magnets-and-superconductors", 0.9, nil,
            [s("JP", 6.0, 2.2, 1.8), s("DE", 1.2, 1.2), s("US", 0.7, 0.8)]),
        t("advanced-protection", 0.6, nil, [s("GB", 1.3, 1.2), s("IL", 1.6, 1.5)]),
        t("coatings", 1.3, nil, [s("CN", 3.2, 1.5, 1.6), s("US", 0.5, 0.7), s("DE", 1.3, 1.2)]),
        t("continuous-flow-chemical-synthesis", 0.6, 2012, [s("GB", 1.4, 1.3), s("CH", 1.5, 1.4), s("AT", 1.6, 1.5)]),
        t(
            "critical-minerals-extraction-and-processing", 0.8, nil,
            [s("CN", 5.0, 1.6, 2.0), s("US", 0.5, 0.6), s("AU", 2.5, 2.5), s("ZA", 2.0, 1.8), s("CA", 1.5, 1.5)]),
        t(
            "high-specification-machining-processes", 0.8, nil,
            [s("DE", 5.0, 1.8, 1.6), s("JP", 1.6, 1.3), s("US", 0.5, 0.6)]),
        t(
            "nanoscale-materials-and-manufacturing", 2.0, nil,
            [s("IR", 1.6, 1.8), s("KR", 1.3, 1.3), s("SG", 1.3, 1.4)]),
        t("novel-metamaterials", 0.8, 2010, [s("GB", 1.4, 1.2), s("SG", 1.3, 1.3)]),
        t("smart-materials", 0.9, nil, [s("KR", 1.2, 1.2), s("IT", 1.3, 1.2)]),
        t(
            "wide-and-ultrawide-bandgap-semiconductors", 1.0, nil,
            [s("JP", 5.0, 1.6, 1.7), s("US", 0.6, 0.8), s("TW", 1.4, 1.4), s("KR", 1.2, 1.2)]),

        t(
            "ai-algorithms-and-hardware-accelerators", 1.2, 2016,
            [s("US", 1.2, 1.2, 1.05), s("KR", 1.3, 1.4), s("TW", 1.3, 1.3)]),
        t("advanced-data-analytics", 1.5, 2012, [s("IN", 1.3, 1.6), s("AU", 1.2, 1.2)]),
        t("advanced-integrated-circuit-design-and-fabrication", 1.1, nil, [s("TW", 2.0, 2.0), s("KR", 1.5, 1.6)]),
        t("adversarial-ai", 0.6, 2018, [s("US", 1.3, 1.2, 1.05), s("SG", 1.4, 1.4)]),
        t("machine-learning", 2.5, 2015, [s("US", 1.1, 1.1, 1.05), s("IN", 1.2, 1.4)]),
        t("natural-language-processing", 1.3, 2017, [s("CN", 0.8, 0.3), s("US", 1.25, 1.35, 1.3), s("GB", 1.2, 1.2)]),
        t("computer-vision", 1.8, 2014, [s("US", 1.1, 1.1, 1.05)]),
        t("generative-ai", 1.1, 2019, [s("CN", 0.8, 0.3), s("US", 1.3, 1.4, 1.3)]),

        t("biological-manufacturing", 0.8, nil, [s("DE", 1.2, 1.2), s("KR", 1.2, 1.3), s("DK", 2.0, 2.0)]),
        t("genetic-engineering", 1.2, 2014, [s("CN", 0.8, 0.3), s("US", 1.2, 1.3, 1.3), s("GB", 1.2, 1.2)]),
        t("genomic-sequencing-and-analysis", 1.4, nil, [s("GB", 1.4, 1.4), s("US", 1.1, 0.95)]),
        t("novel-antibiotics-and-antivirals", 1.0, nil, [s("IN", 1.5, 1.6), s("GB", 1.2, 1.2), s("US", 1.0, 0.95)]),
        t("nuclear-medicine-and-radiotherapy", 1.0, nil, [s("DE", 1.3, 1.3), s("JP", 1.2, 1.2), s("US", 1.0, 0.95)]),
        t("synthetic-biology", 0.8, 2010, [s("GB", 1.3, 1.3), s("CH", 1.4, 1.4), s("US", 1.05, 0.95)]),
        t(
            "vaccines-and-medical-countermeasures", 1.5, nil,
            [s("CN", 0.8, 0.3), s("US", 1.2, 1.3, 1.3), s("GB", 1.5, 1.6)]),
        t("brain-computer-interfaces", 0.6, 2012, [s("CN", 0.8, 0.3), s("US", 1.25, 1.3, 1.3), s("DE", 1.2, 1.2)]),
        t("neuroprosthetics", 0.5, nil, [s("CN", 0.7, 0.3), s("US", 1.25, 1.35, 1.3), s("CH", 1.6, 1.6)]),

        t("advanced-aircraft-engines", 0.9, nil, [s("GB", 1.4, 1.3), s("US", 1.1, 1.0)]),
        t("advanced-robotics", 1.3, nil, [s("JP", 1.8, 1.5), s("KR", 1.3, 1.3), s("DE", 1.3, 1.2), s("IT", 1.3, 1.3)]),
        t("autonomous-systems-operation-technology", 1.2, 2014, [s("DE", 1.3, 1.3), s("US", 1.1, 1.0)]),
        t("drones-swarming-and-collaborative-robots", 1.3, 2013, [s("US", 1.1, 0.9), s("IL", 1.5, 1.5)]),
        t("hypersonic-detection-and-tracking", 0.5, nil, [s("US", 1.2, 1.0)]),
        t("small-satellites", 0.6, 2010, [s("US", 1.3, 0.95), s("GB", 1.4, 1.3), s("IT", 1.2, 1.2)]),
        t("space-launch-systems", 0.5, nil, [s("US", 1.3, 1.0, 1.05), s("RU", 1.8, 1.5), s("FR", 1.3, 1.3)]),
        t("precision-agriculture", 0.9, 2012, [s("IN", 1.6, 1.8), s("BR", 1.8, 1.8), s("AU", 1.3, 1.4)]),
        t("air-independent-propulsion", 0.35, nil, [s("DE", 1.8, 1.5), s("SE", 2.0, 1.8), s("FR", 1.5, 1.4)]),
        t("autonomous-underwater-vehicles", 0.6, nil, [s("NO", 2.0, 1.8), s("GB", 1.3, 1.2)]),
        t("electronic-warfare", 0.6, nil, [s("US", 1.1, 0.95), s("IL", 1.8, 1.6)]),

        t("biofuels", 1.1, nil, [s("IN", 1.8, 2.0), s("BR", 2.2, 2.0), s("MY", 2.0, 2.0)]),
        t("directed-energy-technologies", 0.5, nil, [s("US", 1.2, 1.0)]),
        t("electric-batteries", 1.8, nil, [s("KR", 1.8, 1.8, 1.1), s("JP", 1.8, 1.3), s("DE", 1.1, 1.2)]),
        t("hydrogen-and-ammonia-for-power", 1.4, 2015, [s("SA", 1.3, 1.5), s("JP", 1.3, 1.2), s("DE", 1.2, 1.3)]),
        t("nuclear-energy", 1.0, nil, [s("FR", 2.0, 1.8), s("RU", 1.6, 1.5), s("KR", 1.5, 1.4), s("US", 1.15, 1.0)]),
        t(
            "nuclear-waste-management-and-recycling", 0.5, nil,
            [s("FR", 2.2, 2.0), s("SE", 1.8, 1.6), s("US", 1.1, 0.95)]),
        t("photovoltaics", 1.6, nil, [s("KR", 1.5, 1.5), s("DE", 1.3, 1.2), s("SA", 1.3, 1.6)]),
        t("supercapacitors", 0.9, 2010, [s("IN", 1.6, 1.9), s("KR", 1.4, 1.4), s("IR", 1.4, 1.6)]),
        t("grid-integration-technologies", 1.2, nil, [s("DE", 1.6, 1.5), s("DK", 2.0, 1.8), s("US", 1.05, 0.95)]),
        t("geoengineering", 0.5, 2012, [s("GB", 1.6, 1.6), s("US", 1.15, 1.0), s("AU", 1.3, 1.3)]),

        t("post-quantum-cryptography", 0.5, 2016, [s("DE", 1.4, 1.4), s("FR", 1.3, 1.3), s("US", 1.05, 0.95)]),
        t("quantum-communication", 0.7, 2010, [s("GB", 5.0, 1.6, 1.6), s("CH", 1.6, 1.6), s("US", 0.6, 0.9)]),
        t(
            "quantum-computing", 0.9, 2016,
            [s("CN", 0.8, 0.3), s("US", 1.3, 1.35, 1.3), s("NL", 1.5, 1.5), s("CA", 1.4, 1.4)]),
        t("quantum-sensors", 0.5, 2014, [s("DE", 1.3, 1.3), s("GB", 1.3, 1.3)]),

        t(
            "atomic-clocks", 0.35, nil,
            [s("CN", 0.7, 0.22), s("US", 1.35, 1.4, 1.3), s("JP", 1.6, 1.5), s("FR", 1.5, 1.4)]),
        t("gravitational-force-sensors", 0.4, nil, [s("DE", 1.4, 1.3), s("IT", 1.3, 1.3)]),
        t("inertial-navigation-systems", 0.6, nil, [s("US", 1.1, 0.95)]),
        t("magnetic-field-sensors", 0.6, nil, [s("DE", 1.3, 1.2), s("JP", 1.3, 1.2)]),
        t("multispectral-and-hyperspectral-imaging-sensors", 0.9, nil, [s("IT", 1.3, 1.2), s("US", 1.05, 0.95)]),
        t("photonic-sensors", 1.0, nil, [s("GB", 1.2, 1.1), s("ES", 1.3, 1.2)]),
        t("radar", 1.1, nil, [s("IT", 1.3, 1.2), s("GB", 1.2, 1.1)]),
        t("satellite-positioning-and-navigation", 0.7, nil, [s("AU", 1.4, 1.4), s("DE", 1.2, 1.2)]),
        t("sonar-and-acoustic-sensors", 0.6, nil, [s("US", 1.1, 0.95), s("NO", 1.5, 1.4)]),
    ]

    private static func t(
        _ id: String, _ size: Double, _ emergence: Int?, _ strengths: [CountryStrength]
    ) -> TechnologyCalibration {
        TechnologyCalibration(technologyID: id, size: size, emergence: emergence, strengths: strengths)
    }

    private static func s(_ code: String, _ early: Double, _ late: Double, _ quality: Double = 1) -> CountryStrength {
        CountryStrength(code: code, early: early, late: late, quality: quality)
    }
}
