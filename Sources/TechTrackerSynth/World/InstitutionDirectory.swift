import TechTrackerCore
/// A research organisation of the synthetic world.
struct SyntheticInstitution: Sendable {
    /// Index into `CountryProfiles.all`.
    let country: Int
    let name: String
    let city: String
    /// OpenAlex type: education, government, company, facility, healthcare or nonprofit.
    let type: String
    /// The number after "I" in the OpenAlex id.
    let openAlexNumber: UInt64
    /// The ROR id without its resolver prefix (`0abcde234`).
    let ror: String
    /// Relative output within its country.
    let weight: Double
}

/// Builds the ~1,500 institutions: names from local naming patterns and real city names,
/// OpenAlex-style and ROR-style ids, and heavy-tailed sizes (a few large universities and
/// academies publish most of a country's papers, as in reality).
enum InstitutionDirectory {
    /// Target number of institutions in the world.
    static let targetCount = 1_500

    static func build() -> [SyntheticInstitution] {
        var rng = SplitMix64(seed: 0x1A57_17D7)  // fixed: the world is the same for every corpus seed
        let countries = CountryProfiles.all
        let sizes = countries.map { (($0.output2003 + $0.output2024) / 2).squareRoot() }
        let minimum = 6
        let spare = Double(targetCount - minimum * countries.count)
        let sizeTotal = sizes.reduce(0, +)
        var institutions: [SyntheticInstitution] = []
        var usedNames = Set<String>()
        for (countryIndex, country) in countries.enumerated() {
            let quota = minimum + Int((spare * sizes[countryIndex] / sizeTotal).rounded())
            for rank in 0..<quota {
                let type = rank == 0 ? flagshipType(country) : drawType(&rng)
                var name = ""
                var city = country.cities[0]
                for attempt in 0..<40 {
                    city =
                        rank == 0 || attempt > 30
                        ? country.cities[attempt % country.cities.count]
                        : rng.pick(country.cities)
                    name =
                        rank == 0
                        ? flagshipName(country) : makeName(type: type, city: city, country: country, rng: &rng)
                    if attempt >= 36 { name += " \(["North", "South", "East", "West"][attempt - 36]) Campus" }
                    if !usedNames.contains(name) { break }
                }
                guard usedNames.insert(name).inserted else { continue }
                let serial = UInt64(institutions.count)
                let typeFactor =
                    [
                        "education": 1.0, "government": 0.9, "company": 0.35, "healthcare": 0.5,
                        "facility": 0.4, "nonprofit": 0.3,
                    ][type] ?? 0.5
                let weight = (rank == 0 ? 2.5 : 1.0) * typeFactor / pow(Double(rank + 1), 0.8)
                institutions.append(
                    SyntheticInstitution(
                        country: countryIndex, name: name, city: city, type: type,
                        openAlexNumber: 4_210_000_000 + serial &* 104_729 % 89_000_000,
                        ror: rorID(serial: serial), weight: weight))
            }
        }
        return institutions
    }

    private static func flagshipType(_ country: CountryProfile) -> String {
        academyCountries.contains(country.code) ? "government" : "education"
    }

    private static let academyCountries: Set = ["CN", "RU", "PL", "CZ", "SK", "HU", "UA", "RO", "RS", "HR", "SI"]

    private static func flagshipName(_ country: CountryProfile) -> String {
        if academyCountries.contains(country.code) { return "\(country.adjective) Academy of Sciences" }
        if country.cities.count == 1 { return "National University of \(country.name)" }
        return universityName(city: country.cities[0], style: country.style, variant: 0)
    }

    private static func drawType(_ rng: inout SplitMix64) -> String {
        let u = rng.nextDouble()
        switch u {
        case ..<0.58: return "education"
        case ..<0.70: return "government"
        case ..<0.80: return "company"
        case ..<0.89: return "healthcare"
        case ..<0.95: return "facility"
        default: return "nonprofit"
        }
    }

    private static func makeName(type: String, city: String, country: CountryProfile, rng: inout SplitMix64) -> String {
        switch type {
        case "education":
            return universityName(city: city, style: country.style, variant: rng.nextInt(below: 12))
        case "government":
            switch rng.nextInt(below: 4) {
            case 0 where academyCountries.contains(country.code):
                return "Institute of \(rng.pick(instituteFields)), \(country.adjective) Academy of Sciences"
            case 0, 1: return "\(city) National Laboratory"
            case 2: return "National Institute of \(rng.pick(instituteFields)) (\(country.name))"
            default: return "\(country.adjective) \(rng.pick(agencies))"
            }
        case "company":
            return "\(rng.pick(brands)) \(rng.pick(sectors)) (\(country.name))"
        case "healthcare":
            if country.code == "CN" && rng.chance(0.5) {
                return "\(rng.pick(ordinals)) People's Hospital of \(city)"
            }
            return "\(city) \(rng.pick(hospitals))"
        case "facility":
            return "\(city) \(rng.pick(facilities))"
        default:
            return rng.chance(0.5) ? "\(city) Institute for Advanced Study" : "\(rng.pick(brands)) Research Foundation"
        }
    }

    private static func universityName(city: String, style: NamingStyle, variant: Int) -> String {
        let english = [
            "University of \(city)", "\(city) University", "\(city) Institute of Technology",
            "\(city) University of Technology", "\(city) University of Science and Technology",
            "\(city) Normal University", "\(city) Polytechnic University", "\(city) Technical University",
            "\(city) Medical University", "\(city) Agricultural University", "\(city) State University",
            "\(city) University of Engineering",
        ]
        let local: [String]
        switch style {
        case .english, .dutch, .nordic: local = english
        case .german:
            local = [
                "Technische Universität \(city)", "Universität \(city)", "\(city) University of Applied Sciences",
                "\(city) Institute of Technology",
            ]
        case .french:
            local = [
                "Université de \(city)", "École Centrale de \(city)", "\(city) Institute of Technology",
                "Université \(city) Sciences",
            ]
        case .spanish:
            local = [
                "Universidad de \(city)", "Universidad Politécnica de \(city)",
                "Universidad Nacional de \(city)", "Universidad Tecnológica de \(city)",
            ]
        case .italian:
            local = [
                "Università di \(city)", "Politecnico di \(city)", "Università degli Studi di \(city)",
            ]
        case .portuguese:
            local = [
                "Universidade de \(city)", "Universidade Federal de \(city)",
                "Universidade Estadual de \(city)", "Instituto Politécnico de \(city)",
            ]
        }
        // Local forms for most names, English ones for the rest (as OpenAlex's names mix).
        if variant < 8 { return local[variant % local.count] }
        return english[variant % english.count]
    }

    /// ROR-style id: "0", six Crockford base-32 digits, two ISO 7064 mod 97-10 check digits.
    static func rorID(serial: UInt64) -> String {
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
        var value = (serial &* 0x9E37_79B9 &+ 0x51_7CC1) % (1 << 30)
        let number = value
        var digits: [Character] = []
        for _ in 0..<6 {
            digits.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        let check = 98 - Int((number * 100) % 97)
        return "0" + String(digits.reversed()) + (check < 10 ? "0\(check)" : "\(check)")
    }

    private static let instituteFields = [
        "Physics", "Chemistry", "Semiconductors", "Metal Research", "Automation", "Computing Technology",
        "Electronics", "Optics and Fine Mechanics", "Process Engineering", "Acoustics", "Microelectronics",
        "Materials Science", "Energy Research", "Biophysics", "Microbiology", "Information Engineering",
        "Mechanics", "Nuclear Research", "Space Science", "Geology and Geophysics",
    ]
    private static let agencies = [
        "Atomic Energy Agency", "Aerospace Research Center", "Defence Research Agency", "Research Council",
        "Institute of Standards and Metrology", "Space Agency", "Institute of Health", "Geological Survey",
    ]
    private static let brands = [
        "Aster", "Borealis", "Crescent", "Dynamo", "Everest", "Helix", "Ionix", "Kestrel", "Lumina", "Meridian",
        "Nimbus", "Orion", "Pinnacle", "Quasar", "Sirius", "Titan", "Vertex", "Zenith", "Polaris", "Cobalt",
        "Nova", "Summit", "Aurora", "Vector",
    ]
    private static let sectors = [
        "Technologies", "Electronics", "Semiconductor", "Energy", "Robotics", "Pharmaceuticals", "Aerospace",
        "Networks", "Materials", "Instruments", "Biotech", "Photonics",
    ]
    private static let hospitals = [
        "General Hospital", "University Hospital", "Medical Center", "Children's Hospital", "Cancer Center",
        "Heart Institute", "Clinical Research Hospital",
    ]
    private static let facilities = [
        "Synchrotron Radiation Facility", "Research Reactor Centre", "Supercomputing Center",
        "Nanofabrication Facility",
        "Space Research Centre", "Marine Research Station", "High Magnetic Field Laboratory",
    ]
    private static let ordinals = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"]
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
