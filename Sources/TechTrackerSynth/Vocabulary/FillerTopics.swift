/// Subjects of works in no critical technology (about a third of the corpus): ordinary
/// research whose words must not match any technology query.
struct FillerTopic: Sendable {
    /// Short internal name.
    let name: String
    /// OpenAlex topics for `topics[]`.
    let topics: [ResearchTopic]
    /// Domain terms.
    let terms: [String]
}

/// The filler subjects, in a fixed order.
enum FillerTopics {
    static let all: [FillerTopic] = [
        topic(
            "ecology",
            [("Ecology and Vegetation Dynamics Studies", 1105), ("Species Distribution and Climate Change", 1105)],
            [
                "biodiversity", "species richness", "habitat fragmentation", "ecosystem services",
                "population dynamics",
                "invasive species", "community ecology", "conservation planning", "pollinators", "forest ecology",
                "predator-prey interactions", "land-use change", "bird populations", "wetland ecology",
                "freshwater ecosystems",
            ]),
        topic(
            "economics", [("Monetary Policy and Economic Impact", 2002), ("Economic Growth and Productivity", 2002)],
            [
                "economic growth", "monetary policy", "labor market", "inflation", "income inequality", "trade policy",
                "foreign direct investment", "household consumption", "fiscal policy", "panel data",
                "financial markets", "productivity growth", "unemployment", "tax policy", "exchange rate",
            ]),
        topic(
            "cardiology",
            [("Cardiac Arrhythmias and Treatments", 2705), ("Heart Failure Treatment and Management", 2705)],
            [
                "cardiovascular disease", "hypertension", "myocardial infarction", "heart failure",
                "atrial fibrillation",
                "randomized controlled trial", "all-cause mortality", "cohort study", "blood pressure",
                "statin therapy",
                "cardiovascular risk factors", "coronary artery disease", "ischemic stroke", "diabetes mellitus",
                "hospitalized patients",
            ]),
        topic(
            "public health", [("Global Health and Surgery", 2739), ("Obesity, Physical Activity, Diet", 2739)],
            [
                "public health", "obesity", "physical activity", "smoking cessation", "health policy", "mental health",
                "health care utilization", "prevalence", "cross-sectional survey", "socioeconomic status",
                "health disparities", "nutrition", "maternal health", "primary care", "life expectancy",
            ]),
        topic(
            "education",
            [("Higher Education Learning Practices", 3304), ("Educational Assessment and Pedagogy", 3304)],
            [
                "higher education", "student engagement", "teacher education", "curriculum", "learning outcomes",
                "distance education", "academic achievement", "classroom practice", "pedagogy", "educational policy",
                "student motivation", "formative assessment", "literacy", "school leadership", "inclusive education",
            ]),
        topic(
            "psychology", [("Mental Health Research Topics", 3202), ("Emotion and Mood Recognition", 3202)],
            [
                "anxiety", "depression", "well-being", "personality traits", "cognitive behavioral therapy",
                "self-esteem", "emotion regulation", "attachment style", "perceived stress", "social support",
                "resilience", "psychological distress", "mindfulness", "childhood adversity", "coping strategies",
            ]),
        topic(
            "agronomy", [("Crop Yield and Soil Fertility", 1102), ("Wheat and Barley Genetics and Pathology", 1110)],
            [
                "crop yield", "nitrogen fertilizer", "soil fertility", "wheat", "rice cultivation", "maize",
                "drought stress", "plant growth", "intercropping", "cultivar", "grain quality", "tillage",
                "soil organic carbon", "legumes", "seed germination",
            ]),
        topic(
            "society", [("Political Science and Governance", 3312), ("Migration and Labor Dynamics", 3312)],
            [
                "social movements", "political participation", "international migration", "urbanization",
                "gender equality", "colonial history", "democracy", "public opinion", "civil society", "nationalism",
                "collective identity", "elections", "local governance", "social capital", "religion",
            ]),
        topic(
            "oncology", [("Cancer Immunotherapy and Biomarkers", 2730), ("Breast Cancer Treatment Studies", 2730)],
            [
                "breast cancer", "tumor", "chemotherapy", "immunotherapy", "overall survival", "metastasis",
                "prognosis", "lung cancer", "colorectal cancer", "prognostic biomarker", "tumor microenvironment",
                "apoptosis", "cell proliferation", "gene expression", "hepatocellular carcinoma",
            ]),
        topic(
            "earth science",
            [("Hydrology and Watershed Management Studies", 1907), ("Earthquake Detection and Analysis", 1908)],
            [
                "earthquake", "sediment transport", "groundwater", "tectonics", "geochemistry", "rainfall", "landslide",
                "river basin", "climate variability", "precipitation", "soil erosion", "drought", "aquifer",
                "fault zone", "stratigraphy",
            ]),
        topic(
            "linguistics",
            [("Second Language Acquisition and Learning", 1203), ("Discourse Analysis in Language Studies", 1203)],
            [
                "second language acquisition", "discourse analysis", "pragmatics", "grammar", "bilingualism",
                "language teaching", "phonology", "vocabulary learning", "translation studies", "sociolinguistics",
                "language attitudes", "academic writing", "code-switching", "language policy", "reading comprehension",
            ]),
    ]

    private static func topic(_ name: String, _ topics: [(String, Int)], _ terms: [String]) -> FillerTopic {
        FillerTopic(name: name, topics: topics.map { ResearchTopic(name: $0.0, subfieldID: $0.1) }, terms: terms)
    }
}
