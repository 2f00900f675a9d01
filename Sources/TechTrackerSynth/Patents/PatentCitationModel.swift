#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How likely a synthetic paper is to be cited by patents (METHOD §10), as pure functions of
/// what the corpus model knows about it: its citations, technologies, countries, type, and its
/// age at the patent cut-off.
///
/// The shape follows the public record on patent-to-paper citations (Reliance on Science;
/// Ahmadpoor & Jones 2017) closely enough to exercise the analysis, not to reproduce it:
/// - highly cited papers are far more often cited by patents (a logistic in log citations,
///   against the mean of the same publication year);
/// - applied fields (chips, batteries, vaccines and biotechnology) much more than theoretical
///   or military ones (quantum, hypersonics, electronic warfare);
/// - papers from the USA, Japan, Germany, Korea and Taiwan more, above all in those applied
///   fields, and China's papers less than its share of top papers would suggest, so that the
///   leader by patent-cited share differs from the leader by Share in some technologies;
/// - citations arrive years after publication (log-normal lag, median 6 years) and none after
///   the cut-off, so the last few years before it are rarely cited.
///
/// A work's expected number of citing patents, eventually, is
/// `λ = base × technology × country × citations × type`; it is cited at all with probability
/// `1 - exp(-λ)`, then by a heavy-tailed number of patents, each after its own lag.
struct PatentCitationModel: Sendable {
    /// Technology factor per catalog index (1 = a typical technology).
    let technologyFactors: [Double]
    /// Whether a technology is one where industrial countries' papers reach patents most
    /// (semiconductors, batteries, vaccines and biotechnology), per catalog index.
    let industrialTechnologies: [Bool]
    /// Country factor outside the industrial technologies, per country index of `countryCodes`.
    let countryFactors: [Double]
    /// Country factor in the industrial technologies, per country index.
    let industrialCountryFactors: [Double]

    /// Scales every λ: with it, about one work in twenty is cited by a patent eventually, and
    /// a third to four fifths of the top papers of an applied field.
    static let base = 0.5
    /// Technology factor of works in none of the 74.
    static let otherTechnologyFactor = 0.5
    /// Country factor of authorships without a known country.
    static let unknownCountryFactor = 0.7
    /// Country factor of countries without their own entry.
    static let defaultCountryFactor = 0.7
    /// Where the citation term is one half, as a multiple of the mean citations of works of the
    /// same year (about the year's top tenth), and the logistic's width in log units.
    static let citationMidpoint = 2.5
    static let citationWidth = 0.5
    /// The lag from publication to a citing patent: log-normal, median and log-spread.
    static let medianLagYears = 6.0
    static let lagSigma = 0.6
    /// The most patents one paper is cited by (the tail is cut where it stops mattering).
    static let maximumPatentsPerWork = 150

    /// Builds the tables for countries in this order (the synthetic world's, by default) and
    /// the catalog's technologies.
    init(countryCodes: [String] = CountryProfiles.all.map(\.code)) {
        let technologies = TechnologyCatalogReference.technologies
        technologyFactors = technologies.map { technology in
            Self.technologyFactorByID[technology.id] ?? Self.categoryFactors[technology.category] ?? 1
        }
        industrialTechnologies = technologies.map { Self.industrialTechnologyIDs.contains($0.id) }
        countryFactors = countryCodes.map { Self.countryFactorByCode[$0] ?? Self.defaultCountryFactor }
        industrialCountryFactors = countryCodes.map { code in
            (Self.countryFactorByCode[code] ?? Self.defaultCountryFactor) * (Self.industrialBoostByCode[code] ?? 1)
        }
    }

    /// The technology a work's patent citations are attributed to: of its technologies (catalog
    /// indices), the one with the highest factor; nil for works in none.
    func patentTechnology(of technologies: some Sequence<Int>) -> Int? {
        var best: Int?
        for technology in technologies {
            // Of equal factors the first listed wins (a work lists its primary technology first).
            if best.map({ technologyFactors[technology] > technologyFactors[$0] }) ?? true { best = technology }
        }
        return best
    }

    /// The technology factor (nil: a work in none of the 74).
    func technologyFactor(_ technology: Int?) -> Double {
        technology.map { technologyFactors[$0] } ?? Self.otherTechnologyFactor
    }

    /// The factor of one country (nil: unknown) for a work attributed to `technology`.
    func countryFactor(country: Int?, technology: Int?) -> Double {
        guard let country else { return Self.unknownCountryFactor }
        if let technology, industrialTechnologies[technology] { return industrialCountryFactors[country] }
        return countryFactors[country]
    }

    /// The citation term: a logistic in log(1 + citations), one half at `citationMidpoint` times
    /// the mean of the works of the same year. Relative to the year, because a paper's
    /// citations are counted at the end of the corpus: old papers have had longer to gather
    /// them, and how long patents have had is the lag's part, not this one's.
    static func citationFactor(citations: Int, yearMean: Double) -> Double {
        let midpoint = log(1 + citationMidpoint * max(0, yearMean))
        let x = (log(1 + Double(max(0, citations))) - midpoint) / citationWidth
        return 1 / (1 + exp(-x))
    }

    /// The type term: reviews a little more than articles, preprints less, the rest hardly
    /// ever; a retracted work half as often.
    static func kindFactor(_ kind: WorkKind, retracted: Bool) -> Double {
        let factor: Double =
            switch kind {
            case .article: 1
            case .review: 1.3
            case .preprint: 0.5
            case .editorial: 0.1
            case .erratum, .paratext: 0
            }
        return retracted ? factor / 2 : factor
    }

    /// The country term of a work: the mean of its countries' factors weighted by their credit
    /// (METHOD §3). `credits` calls its argument with each (country or nil, credit) pair; a work
    /// without authors counts as unknown.
    func countryTerm(technology: Int?, credits: ((Int?, Double) -> Void) -> Void) -> Double {
        var weighted = 0.0, total = 0.0
        credits { country, credit in
            weighted += credit * countryFactor(country: country, technology: technology)
            total += credit
        }
        return total > 0 ? weighted / total : Self.unknownCountryFactor
    }

    /// λ, the expected number of patents that eventually cite a work.
    static func expectedPatents(
        citations: Int, yearMean: Double, technologyFactor: Double, countryTerm: Double, kind: WorkKind,
        retracted: Bool
    ) -> Double {
        base * technologyFactor * countryTerm * citationFactor(citations: citations, yearMean: yearMean)
            * kindFactor(kind, retracted: retracted)
    }

    /// The probability of being cited by at least one patent eventually (with no cut-off).
    static func eventualProbability(expectedPatents lambda: Double) -> Double {
        1 - exp(-max(0, lambda))
    }

    /// The probability that one citation's lag, in whole years (rounded), is at most `years`:
    /// the share of a paper's patent citations that have arrived `years` after publication.
    static func lagProbability(atMost years: Int) -> Double {
        guard years >= 0 else { return 0 }
        let z = (log(Double(years) + 0.5) - log(medianLagYears)) / lagSigma
        return 0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The probability that a work with one citing patent eventually (the commonest case) is
    /// cited by the cut-off `cutoffYear`: the eventual probability times the lag's.
    static func probabilityCitedByCutoff(expectedPatents lambda: Double, year: Int, cutoffYear: Int) -> Double {
        eventualProbability(expectedPatents: lambda) * lagProbability(atMost: cutoffYear - year)
    }

    /// The tail exponent of the number of citing patents: heavier for works patents like more.
    static func countExponent(expectedPatents lambda: Double) -> Double {
        1.7 - 0.5 * min(1, max(0, lambda))
    }
}

extension PatentCitationModel {
    /// Applied fields, above and below 1; categories' defaults cover the rest.
    static let technologyFactorByID: [String: Double] = [
        // Chips and electronics.
        "wide-and-ultrawide-bandgap-semiconductors": 2.2, "advanced-integrated-circuit-design-and-fabrication": 2.4,
        "ai-algorithms-and-hardware-accelerators": 1.6, "advanced-optical-communication": 1.4,
        "advanced-radiofrequency-communication": 1.4, "nanoscale-materials-and-manufacturing": 1.3,
        "advanced-magnets-and-superconductors": 1.3, "computer-vision": 1.1,
        // Energy storage and conversion.
        "electric-batteries": 2.2, "supercapacitors": 1.6, "photovoltaics": 1.5, "hydrogen-and-ammonia-for-power": 1.1,
        // Vaccines, biotechnology and medicine.
        "vaccines-and-medical-countermeasures": 2.2, "genetic-engineering": 2.0,
        "novel-antibiotics-and-antivirals": 1.8,
        "genomic-sequencing-and-analysis": 1.6, "synthetic-biology": 1.5, "biological-manufacturing": 1.5,
        "nuclear-medicine-and-radiotherapy": 1.3, "neuroprosthetics": 1.2,
        // Theoretical, military or far from products.
        "quantum-computing": 0.5, "quantum-communication": 0.4, "quantum-sensors": 0.4,
        "post-quantum-cryptography": 0.3, "advanced-explosives-and-energetic-materials": 0.15,
        "electronic-warfare": 0.15, "hypersonic-detection-and-tracking": 0.1, "directed-energy-technologies": 0.15,
        "air-independent-propulsion": 0.15, "space-launch-systems": 0.3, "geoengineering": 0.1,
        "nuclear-waste-management-and-recycling": 0.2, "gravitational-force-sensors": 0.2, "atomic-clocks": 0.3,
        "advanced-undersea-wireless-communication": 0.3, "distributed-ledgers": 0.5, "adversarial-ai": 0.4,
        "critical-minerals-extraction-and-processing": 0.5, "advanced-data-analytics": 0.6,
    ]

    /// Category defaults: biotechnology applied, defence and quantum far from patents.
    static let categoryFactors: [String: Double] = [
        TechnologyCatalog.ictCategory: 1.0, TechnologyCatalog.materialsCategory: 0.9,
        TechnologyCatalog.aiCategory: 0.9, TechnologyCatalog.biotechCategory: 1.3,
        TechnologyCatalog.defenceCategory: 0.5, TechnologyCatalog.energyCategory: 0.9,
        TechnologyCatalog.quantumCategory: 0.35, TechnologyCatalog.sensingCategory: 0.6,
    ]

    /// Semiconductors, batteries, vaccines and biotechnology: where industrial countries'
    /// papers reach patents most.
    static let industrialTechnologyIDs: Set<String> = [
        "wide-and-ultrawide-bandgap-semiconductors", "advanced-integrated-circuit-design-and-fabrication",
        "ai-algorithms-and-hardware-accelerators", "electric-batteries", "supercapacitors",
        "vaccines-and-medical-countermeasures", "genetic-engineering", "novel-antibiotics-and-antivirals",
        "genomic-sequencing-and-analysis", "synthetic-biology", "biological-manufacturing",
        "nuclear-medicine-and-radiotherapy",
    ]

    /// How often a country's papers reach patents, everywhere: high where industry patents
    /// heavily and reads the literature; China, India, Russia and Iran low, as their papers are
    /// cited by patents less than their number suggests.
    static let countryFactorByCode: [String: Double] = [
        "US": 1.25, "JP": 1.3, "DE": 1.15, "KR": 1.2, "TW": 1.2, "GB": 1.0, "FR": 0.95, "CH": 1.1, "NL": 1.0,
        "SE": 1.0, "DK": 1.0, "FI": 0.95, "IL": 1.1, "CA": 0.95, "BE": 0.95, "AT": 0.9, "SG": 1.0, "AU": 0.8,
        "IT": 0.8, "ES": 0.75, "CN": 0.4, "IN": 0.45, "RU": 0.35, "IR": 0.25, "BR": 0.5, "TR": 0.4, "PK": 0.3,
        "SA": 0.4, "EG": 0.3,
    ]

    /// The extra factor of industrial countries in the industrial technologies.
    static let industrialBoostByCode: [String: Double] = [
        "US": 1.6, "JP": 1.7, "DE": 1.5, "KR": 1.7, "TW": 1.8,
    ]
}
