import TechTrackerCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calibration turned into lookup tables for one year range: per technology and year,
/// which countries write its papers (a sampler) and how well those papers are cited
/// (a quality factor); per year, how popular each technology is.
struct CountryPropensity: Sendable {
    let firstYear: Int
    let yearCount: Int
    let countryCount: Int
    let technologyCount: Int
    /// Lead-country sampler per technology and year: `[technology * yearCount + yearIndex]`.
    let leadSamplers: [CumulativeSampler]
    /// Lead-country sampler for works in no technology, per year.
    let fillerLeadSamplers: [CumulativeSampler]
    /// Co-author country sampler per year (output with a boost for hub countries).
    let partnerSamplers: [CumulativeSampler]
    /// Destination of moving researchers, per year.
    let mobilitySamplers: [CumulativeSampler]
    /// Primary-technology sampler per year.
    let technologySamplers: [CumulativeSampler]
    /// Quality factor `[(technology * yearCount + yearIndex) * countryCount + country]`.
    private let technologyQuality: [Float]
    /// Quality factor without technology: `[yearIndex * countryCount + country]`.
    private let baseQuality: [Float]

    init(firstYear: Int, lastYear: Int) {
        self.firstYear = firstYear
        yearCount = lastYear - firstYear + 1
        let countries = CountryProfiles.all
        let technologies = TechnologyCatalog.all
        countryCount = countries.count
        technologyCount = technologies.count
        let calibrations = Dictionary(
            TechnologyCalibrations.all.map { ($0.technologyID, $0) }, uniquingKeysWith: { first, _ in first })
        let china = CountryProfiles.index(of: "CN") ?? 0
        let unitedStates = CountryProfiles.index(of: "US") ?? 1

        var output = [[Double]](), quality = [[Double]]()
        for year in firstYear...lastYear {
            let phase = Self.phase(of: year)
            output.append(countries.map { Self.blend($0.output2003, $0.output2024, phase) })
            quality.append(countries.map { Self.blend($0.quality2003, $0.quality2024, phase) })
        }
        baseQuality = quality.flatMap { $0.map(Float.init) }
        fillerLeadSamplers = output.map { CumulativeSampler(weights: $0) }
        let hubs: [String: Double] = [
            "US": 1.4, "GB": 1.4, "DE": 1.3, "FR": 1.2, "CH": 1.2, "NL": 1.1, "AU": 1.1, "CA": 1.1,
        ]
        partnerSamplers = output.map { shares in
            CumulativeSampler(
                weights: shares.enumerated().map { pow($0.element, 0.8) * (hubs[countries[$0.offset].code] ?? 1) })
        }
        let attraction: [String: Double] = [
            "US": 3.0, "GB": 2.0, "CH": 2.5, "SG": 2.5, "AU": 2.0, "CA": 2.0, "DE": 1.6,
            "NL": 1.6, "HK": 2.0, "SE": 1.4, "CN": 0.9, "SA": 1.5, "AE": 1.5,
        ]
        mobilitySamplers = output.map { shares in
            CumulativeSampler(
                weights: shares.enumerated().map { $0.element * (attraction[countries[$0.offset].code] ?? 0.6) })
        }

        var leadSamplers: [CumulativeSampler] = []
        var technologyQuality: [Float] = []
        var popularity = [[Double]](repeating: [], count: yearCount)
        for technology in technologies {
            let calibration = calibrations[technology.id]
            let defaults = TechnologyCalibrations.categoryDefaults[technology.category] ?? (1, 1, 1)
            for yearIndex in 0..<yearCount {
                let year = firstYear + yearIndex
                let phase = Self.phase(of: year)
                var weights = output[yearIndex]
                var factors = quality[yearIndex]
                weights[china] *= Self.blend(defaults.chinaEarly, defaults.chinaLate, phase)
                weights[unitedStates] *= defaults.unitedStates
                for strength in calibration?.strengths ?? [] {
                    guard let country = CountryProfiles.index(of: strength.code) else { continue }
                    weights[country] *= Self.blend(strength.early, strength.late, phase)
                    factors[country] *= strength.quality
                }
                leadSamplers.append(CumulativeSampler(weights: weights))
                technologyQuality.append(contentsOf: factors.map(Float.init))
                popularity[yearIndex].append(Self.popularity(calibration, year: year))
            }
        }
        self.leadSamplers = leadSamplers
        self.technologyQuality = technologyQuality
        technologySamplers = popularity.map { CumulativeSampler(weights: $0) }
    }

    /// Citation quality of `country`'s papers in `technology` (nil: outside the 74) in a year.
    @inline(__always)
    func quality(country: Int, technology: Int?, yearIndex: Int) -> Double {
        if let technology {
            return Double(technologyQuality[(technology * yearCount + yearIndex) * countryCount + country])
        }
        return Double(baseQuality[yearIndex * countryCount + country])
    }

    /// The lead-country sampler of a technology in a year.
    @inline(__always)
    func leadSampler(technology: Int, yearIndex: Int) -> CumulativeSampler {
        leadSamplers[technology * yearCount + yearIndex]
    }

    /// Position of a year between 2003 (0) and 2024 (1), clamped: the calibration's anchors.
    static func phase(of year: Int) -> Double {
        min(1, max(0, Double(year - 2003) / 21))
    }

    /// Geometric interpolation: shares and ratios change by steady percentages.
    static func blend(_ start: Double, _ end: Double, _ phase: Double) -> Double {
        start * pow(end / start, phase)
    }

    /// Relative output of a technology in a year: young fields rise along a logistic curve from
    /// a small base (so every field has some papers in every year).
    static func popularity(_ calibration: TechnologyCalibration?, year: Int) -> Double {
        guard let calibration else { return 1 }
        guard let emergence = calibration.emergence else { return calibration.size }
        let rise = 1 / (1 + exp(-Double(year - emergence) / 2.5))
        return calibration.size * (0.18 + 0.82 * rise)
    }
}
