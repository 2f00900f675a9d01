import Foundation

/// A journal or repository that synthetic works appear in.
struct SyntheticSource: Sendable {
    let name: String
    let openAlexNumber: UInt64
    let issn: [String]
    let publisher: Int
    let isOpenAccess: Bool
    /// "journal" or "repository".
    let type: String
    /// Article processing charge in USD (0: none).
    let apcUSD: Int
}

/// A publisher (OpenAlex "host organization").
struct SyntheticPublisher: Sendable {
    let name: String
    let openAlexNumber: UInt64
}

/// A research funder, by country.
struct SyntheticFunder: Sendable {
    let name: String
    let openAlexNumber: UInt64
    /// Index into `CountryProfiles.all`, or nil for international funders.
    let country: Int?
}

/// Journals per OpenAlex field, publishers, funders and department names.
enum SourceDirectory {
    static let publishers: [SyntheticPublisher] = [
        "Elsevier BV", "Springer Science+Business Media", "Institute of Electrical and Electronics Engineers",
        "Wiley", "American Chemical Society", "Multidisciplinary Digital Publishing Institute", "Taylor & Francis",
        "Oxford University Press", "Nature Portfolio", "Frontiers Media", "IOP Publishing", "Optica Publishing Group",
        "American Physical Society", "Royal Society of Chemistry", "Cambridge University Press", "SAGE Publishing",
        "Cornell University", "Cold Spring Harbor Laboratory",
    ].enumerated().map { SyntheticPublisher(name: $0.element, openAlexNumber: 4_310_319_000 + UInt64($0.offset) * 977) }

    /// Short subject names per OpenAlex field id, for journal titles.
    private static let fieldSubjects: [Int: [String]] = [
        11: ["Agricultural Science", "Crop Science", "Plant Biology"],
        12: ["History", "Humanities"],
        13: ["Molecular Biology", "Genetics", "Biotechnology"],
        15: ["Chemical Engineering", "Process Engineering"],
        16: ["Chemistry", "Organic Chemistry", "Physical Chemistry"],
        17: ["Computer Science", "Computing", "Information Systems", "Artificial Intelligence"],
        19: ["Geophysics", "Earth Sciences", "Geoscience"],
        20: ["Economics", "Economic Policy"],
        21: ["Energy", "Power Sources", "Energy Storage"],
        22: ["Engineering", "Aerospace Engineering", "Electronics", "Mechanical Engineering", "Robotics"],
        23: ["Environmental Science", "Climate Research"],
        24: ["Immunology", "Microbiology", "Virology"],
        25: ["Materials", "Materials Science", "Nanomaterials"],
        26: ["Applied Mathematics", "Cryptology"],
        27: ["Medicine", "Clinical Research", "Medical Physics", "Oncology"],
        28: ["Neuroscience", "Neural Engineering"],
        30: ["Pharmacology", "Antimicrobial Agents"],
        31: ["Physics", "Applied Physics", "Optics", "Quantum Science"],
        32: ["Psychology", "Behavioral Science"],
        33: ["Social Science", "Education", "Linguistics", "Political Science"],
    ]

    /// Journals for every field of `fieldSubjects`, keyed by field id, plus the preprint servers.
    static let journalsByField: [Int: [SyntheticSource]] = {
        var result: [Int: [SyntheticSource]] = [:]
        var serial: UInt64 = 0
        let frames = [
            "Journal of %", "% Letters", "International Journal of %", "Advances in %", "% Reports",
            "Frontiers of %", "Chinese Journal of %", "Transactions on %", "% Research", "Applied %",
        ]
        for field in fieldSubjects.keys.sorted() {
            guard let subjects = fieldSubjects[field] else { continue }
            var journals: [SyntheticSource] = []
            for (subjectIndex, subject) in subjects.enumerated() {
                for frameIndex in 0..<4 {
                    let frame = frames[(subjectIndex * 3 + frameIndex) % frames.count]
                    let name = frame.replacingOccurrences(of: "%", with: subject)
                    serial += 1
                    let publisher = Int((serial &* 7) % 16)
                    let isOpenAccess = publisher == 5 || publisher == 9 || serial % 5 == 0
                    journals.append(
                        SyntheticSource(
                            name: name, openAlexNumber: 4_210_170_000 + serial * 389,
                            issn: [issn(serial * 2), issn(serial * 2 + 1)],
                            publisher: publisher, isOpenAccess: isOpenAccess, type: "journal",
                            apcUSD: isOpenAccess ? 1_200 + Int(serial % 9) * 250 : 0))
                }
            }
            result[field] = journals
        }
        return result
    }()

    /// arXiv and bioRxiv, for preprints and repository copies.
    static let repositories: [SyntheticSource] = [
        SyntheticSource(
            name: "arXiv (Cornell University)", openAlexNumber: 4_306_400_194, issn: [], publisher: 16,
            isOpenAccess: true, type: "repository", apcUSD: 0),
        SyntheticSource(
            name: "bioRxiv (Cold Spring Harbor Laboratory)", openAlexNumber: 4_306_402_567, issn: [],
            publisher: 17, isOpenAccess: true, type: "repository", apcUSD: 0),
    ]

    /// An ISSN with a valid check digit.
    static func issn(_ serial: UInt64) -> String {
        let body = Array(String(format7(1_000_000 + serial * 7_919 % 8_999_999)))
        var sum = 0
        for (position, character) in body.enumerated() { sum += (8 - position) * (character.wholeNumberValue ?? 0) }
        let check = (11 - sum % 11) % 11
        let checkCharacter = check == 10 ? "X" : String(check)
        return String(body[0..<4]) + "-" + String(body[4..<7]) + checkCharacter
    }

    private static func format7(_ value: UInt64) -> String {
        let text = String(value % 10_000_000)
        return String(repeating: "0", count: max(0, 7 - text.count)) + text
    }

    /// National and international funders; `country` codes resolved against `CountryProfiles`.
    static let funders: [SyntheticFunder] = {
        let table: [(String, String?)] = [
            ("National Natural Science Foundation of China", "CN"),
            ("National Key Research and Development Program of China", "CN"),
            ("National Science Foundation", "US"), ("National Institutes of Health", "US"),
            ("U.S. Department of Energy", "US"),
            ("Defense Advanced Research Projects Agency", "US"),
            ("Engineering and Physical Sciences Research Council", "GB"),
            ("UK Research and Innovation", "GB"), ("Deutsche Forschungsgemeinschaft", "DE"),
            ("Bundesministerium für Bildung und Forschung", "DE"),
            ("Japan Society for the Promotion of Science", "JP"),
            ("National Research Foundation of Korea", "KR"), ("Agence Nationale de la Recherche", "FR"),
            ("Natural Sciences and Engineering Research Council", "CA"), ("Australian Research Council", "AU"),
            ("Science and Engineering Research Board", "IN"),
            ("Conselho Nacional de Desenvolvimento Científico e Tecnológico", "BR"),
            ("Ministerio de Ciencia e Innovación", "ES"), ("Ministero dell'Università e della Ricerca", "IT"),
            ("Swiss National Science Foundation", "CH"),
            ("Nederlandse Organisatie voor Wetenschappelijk Onderzoek", "NL"),
            ("Vetenskapsrådet", "SE"), ("National Research Foundation Singapore", "SG"),
            ("National Science and Technology Council", "TW"), ("King Abdulaziz City for Science and Technology", "SA"),
            ("Iran National Science Foundation", "IR"), ("Russian Science Foundation", "RU"),
            ("Türkiye Bilimsel ve Teknolojik Araştırma Kurumu", "TR"), ("European Research Council", nil),
            ("Horizon 2020", nil),
        ]
        return table.enumerated().map { offset, entry in
            SyntheticFunder(
                name: entry.0, openAlexNumber: 4_320_321_000 + UInt64(offset) * 1_013,
                country: entry.1.flatMap { CountryProfiles.index(of: $0) })
        }
    }()

    /// Department names per OpenAlex field id, for raw affiliation strings.
    static let departmentsByField: [Int: [String]] = [
        11: ["College of Agriculture", "Department of Plant Sciences"],
        12: ["Department of History"],
        13: ["School of Life Sciences", "Department of Molecular Biology", "Department of Genetics"],
        15: ["School of Chemical Engineering", "Department of Chemical and Biomolecular Engineering"],
        16: ["Department of Chemistry", "School of Chemistry and Chemical Engineering"],
        17: [
            "School of Computer Science", "Department of Computer Science and Engineering",
            "College of Information Science",
        ],
        19: ["School of Earth Sciences", "Department of Geophysics"],
        20: ["School of Economics", "Department of Economics"],
        21: ["School of Energy and Power Engineering", "Department of Energy Science"],
        22: [
            "Department of Electrical Engineering", "School of Mechanical Engineering",
            "School of Aerospace Engineering",
            "Department of Electronic Engineering", "School of Automation",
        ],
        23: ["School of Environment", "Department of Environmental Science and Engineering"],
        24: ["Department of Microbiology and Immunology", "Institute of Virology"],
        25: ["School of Materials Science and Engineering", "Department of Materials"],
        26: ["School of Mathematics", "Department of Applied Mathematics"],
        27: ["Department of Medicine", "Department of Radiation Oncology", "School of Public Health"],
        28: ["Department of Neuroscience", "Department of Biomedical Engineering"],
        30: ["School of Pharmacy", "Department of Pharmacology"],
        31: ["Department of Physics", "School of Physics and Astronomy", "Institute of Optics"],
        32: ["Department of Psychology"],
        33: ["School of Social Sciences", "Faculty of Education", "Department of Linguistics"],
    ]
}
