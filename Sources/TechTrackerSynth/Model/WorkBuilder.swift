#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TechTrackerCore

/// Phase 1: draws every work's year, type, technologies, team and citation "fitness", and
/// the authors' careers. Sequential (authors carry state from work to work), one random
/// stream, so the result depends only on the configuration.
struct WorkBuilder {
    var corpus: SyntheticCorpus
    private var rng: SplitMix64
    private let world: SyntheticWorld
    private let propensity: CountryPropensity
    /// Authorships seen at each institution, most recent last: picking from it is picking
    /// authors in proportion to how much they publish (preferential attachment).
    private var institutionSlots: [[UInt32]]
    // Scratch for one work.
    private var team: [UInt32] = []
    private var countryCredit: [Double]

    init(corpus: SyntheticCorpus) {
        self.corpus = corpus
        world = corpus.world
        propensity = corpus.propensity
        rng = SplitMix64(seed: corpus.configuration.seed, stream: 1, index: 0)
        institutionSlots = Array(repeating: [], count: corpus.world.institutions.count)
        countryCredit = Array(repeating: 0, count: corpus.world.countries.count)
    }

    mutating func buildWorks() {
        let configuration = corpus.configuration
        let counts = Self.worksPerYear(
            total: configuration.works, from: configuration.fromYear, to: configuration.toYear)
        let total = counts.reduce(0, +)
        corpus.years.reserveCapacity(total)
        corpus.kinds.reserveCapacity(total)
        corpus.technologySlots.reserveCapacity(total * 3)
        corpus.authorshipStart.reserveCapacity(total + 1)
        corpus.authorshipAuthors.reserveCapacity(total * 6)
        corpus.authorshipInstitutions.reserveCapacity(total * 18)
        for (yearIndex, count) in counts.enumerated() {
            for _ in 0..<count { addWork(yearIndex: yearIndex) }
        }
    }

    /// Works per year: output grows about 5.5% a year (as indexed research output did).
    static func worksPerYear(total: Int, from: Int, to: Int) -> [Int] {
        let years = max(1, to - from + 1)
        let weights = (0..<years).map { exp(0.055 * Double($0)) }
        let sum = weights.reduce(0, +)
        var counts = weights.map { Int((Double(total) * $0 / sum).rounded(.down)) }
        var missing = total - counts.reduce(0, +)
        var year = years - 1
        while missing > 0 {
            counts[year] += 1
            missing -= 1
            year = year == 0 ? years - 1 : year - 1
        }
        return counts
    }

    private mutating func addWork(yearIndex: Int) {
        let year = corpus.configuration.fromYear + yearIndex
        let kind = WorkKind.draw(&rng)
        corpus.years.append(UInt16(year))
        corpus.kinds.append(kind)
        corpus.retracted.append(kind == .article && rng.chance(0.003))

        // Technologies: about 36% of works in none, the rest in one to three.
        var technologies: [Int] = []
        let u = rng.nextDouble()
        let technologyCount = kind == .paratext ? 0 : (u < 0.36 ? 0 : u < 0.82 ? 1 : u < 0.96 ? 2 : 3)
        if technologyCount > 0 {
            let primary = propensity.technologySamplers[yearIndex].sample(&rng)
            technologies.append(primary)
            var attempts = 0
            while technologies.count < technologyCount && attempts < 10 {
                attempts += 1
                let candidate: Int
                if rng.chance(0.65) {
                    let neighbours = world.technologiesInCategory[world.categoryOfTechnology[primary]]
                    candidate = rng.pick(neighbours)
                } else {
                    candidate = propensity.technologySamplers[yearIndex].sample(&rng)
                }
                if !technologies.contains(candidate) { technologies.append(candidate) }
            }
        }
        for slot in 0..<3 {
            corpus.technologySlots.append(
                slot < technologies.count ? UInt8(technologies[slot]) : SyntheticCorpus.noTechnology)
        }
        let filler = technologies.isEmpty ? rng.nextInt(below: world.fillers.count) : 0
        corpus.fillerTopics.append(UInt8(filler))

        let primary = technologies.first
        let lead =
            primary.map { propensity.leadSampler(technology: $0, yearIndex: yearIndex).sample(&rng) }
            ?? propensity.fillerLeadSamplers[yearIndex].sample(&rng)
        corpus.leadCountries.append(UInt8(lead))

        let teamSize = drawTeamSize(kind: kind, yearIndex: yearIndex)
        buildTeam(size: teamSize, lead: lead, year: year, yearIndex: yearIndex)
        corpus.authorshipStart.append(corpus.authorshipAuthors.count)
        corpus.fitness.append(Float(drawFitness(kind: kind, technology: primary, yearIndex: yearIndex)))
    }

    /// Heavy-tailed team sizes: median about 4 in 2003 rising to 5, a long tail past 40 and
    /// a few large consortia.
    private mutating func drawTeamSize(kind: WorkKind, yearIndex: Int) -> Int {
        switch kind {
        case .paratext: return 0
        case .editorial: return 1 + rng.nextInt(below: 3)
        default: break
        }
        if rng.chance(0.004) { return 30 + Int(rng.nextLogNormal(mu: log(15), sigma: 0.6)) }
        let median = 3.6 + 1.5 * CountryPropensity.phase(of: corpus.configuration.fromYear + yearIndex)
        return max(1, min(150, Int(rng.nextLogNormal(mu: log(median), sigma: 0.6).rounded())))
    }

    /// Splits the team over countries (about a fifth of teams international), institutions
    /// and authors, and appends the authorships.
    private mutating func buildTeam(size: Int, lead: Int, year: Int, yearIndex: Int) {
        team.removeAll(keepingCapacity: true)
        guard size > 0 else { return }
        var groups: [(country: Int, authors: Int)] = []
        let internationalChance = 0.12 + 0.06 * CountryPropensity.phase(of: year)
        if size >= 2 && rng.chance(internationalChance) {
            let foreignCountries = min(size - 1, rng.chance(0.22) ? (rng.chance(0.3) ? 3 : 2) : 1)
            var foreignAuthors = Int((Double(size) * (0.15 + 0.35 * rng.nextDouble())).rounded())
            foreignAuthors = min(size - 1, max(foreignCountries, foreignAuthors))
            var chosen: [Int] = [lead]
            var attempts = 0
            while chosen.count <= foreignCountries && attempts < 20 {
                attempts += 1
                let partner = propensity.partnerSamplers[yearIndex].sample(&rng)
                if !chosen.contains(partner) { chosen.append(partner) }
            }
            let partners = chosen.dropFirst()
            var remaining = foreignAuthors
            for (offset, partner) in partners.enumerated() {
                let left = partners.count - offset - 1
                let share = offset == partners.count - 1 ? remaining : max(1, min(remaining - left, remaining / 2))
                groups.append((partner, share))
                remaining -= share
            }
            groups.insert((lead, size - (foreignAuthors - remaining)), at: 0)
        } else {
            groups.append((lead, size))
        }
        for group in groups where group.authors > 0 {
            let main = world.drawInstitution(country: group.country, &rng)
            for _ in 0..<group.authors {
                let institution = rng.chance(0.65) ? main : world.drawInstitution(country: group.country, &rng)
                let author = pickAuthor(institution: institution, year: year, yearIndex: yearIndex)
                team.append(author)
                appendAuthorship(author: author, year: year)
            }
        }
    }

    private mutating func appendAuthorship(author: UInt32, year: Int) {
        let record = corpus.authors[Int(author)]
        let (first, second, third) = record.affiliations(in: year)
        corpus.authorshipAuthors.append(author)
        institutionSlots[Int(first)].append(author)
        // A few authorships name no institution: some keep a bare country, some nothing.
        if rng.chance(0.025) {
            let country = world.institutions[Int(first)].country
            corpus.authorshipInstitutions.append(contentsOf: [AuthorRecord.none, AuthorRecord.none, AuthorRecord.none])
            corpus.authorshipBareCountry.append(rng.chance(0.45) ? UInt8(country) : SyntheticCorpus.noCountry)
            return
        }
        corpus.authorshipInstitutions.append(first)
        corpus.authorshipInstitutions.append(
            second != AuthorRecord.none && rng.chance(0.85) ? second : AuthorRecord.none)
        corpus.authorshipInstitutions.append(third != AuthorRecord.none && rng.chance(0.8) ? third : AuthorRecord.none)
        corpus.authorshipBareCountry.append(SyntheticCorpus.noCountry)
    }

    /// An author at `institution` active in `year`: usually someone who published there
    /// recently (prolific authors more often), sometimes a newcomer.
    private mutating func pickAuthor(institution: Int, year: Int, yearIndex: Int) -> UInt32 {
        let slots = institutionSlots[institution]
        if !slots.isEmpty && !rng.chance(0.27) {
            for _ in 0..<3 {
                let u = rng.nextDouble()
                let candidate = slots[slots.count - 1 - Int(Double(slots.count) * u * u)]
                let record = corpus.authors[Int(candidate)]
                if Int(record.lastYear) >= year && !team.contains(candidate) { return candidate }
            }
        }
        return newAuthor(institution: institution, year: year, yearIndex: yearIndex)
    }

    private mutating func newAuthor(institution: Int, year: Int, yearIndex: Int) -> UInt32 {
        let country = world.institutions[institution].country
        let region = world.countries[country].names
        let names = PersonNames.byRegion[region.rawValue]
        let career = 1 + min(40, Int(-log(max(1e-9, rng.nextDouble())) * 9))
        var record = AuthorRecord(
            home: UInt16(institution), lastYear: UInt16(year + career),
            givenName: UInt16(rng.nextInt(below: names.given.count)),
            familyName: UInt16(rng.nextInt(below: names.family.count)), nameRegion: UInt8(region.rawValue))
        if rng.chance(0.12) {
            let otherCountry = rng.chance(0.9) ? country : propensity.partnerSamplers[yearIndex].sample(&rng)
            let other = world.drawInstitution(country: otherCountry, &rng)
            if other != institution { record.second = UInt16(other) }
            if rng.chance(0.15) {
                let third = world.drawInstitution(country: country, &rng)
                if third != institution && third != other { record.third = UInt16(third) }
            }
        }
        if rng.chance(0.05) {
            // A move abroad a few years into the career: later works carry the new country.
            var destination = country
            for _ in 0..<8 where destination == country {
                destination = propensity.mobilitySamplers[yearIndex].sample(&rng)
            }
            if destination != country {
                record.movedTo = UInt16(world.drawInstitution(country: destination, &rng))
                record.moveYear = UInt16(year + 2 + rng.nextInt(below: 8))
            }
        }
        corpus.authors.append(record)
        return UInt32(corpus.authors.count - 1)
    }

    /// How citable the work is: the team's country quality in its technology, a bonus for
    /// international and larger teams, the type, and a wide log-normal spread.
    private mutating func drawFitness(kind: WorkKind, technology: Int?, yearIndex: Int) -> Double {
        let index = corpus.years.count - 1
        // Work on a local array: the closure below must not capture `self` while `corpus` is read.
        var credit: [Double] = []
        swap(&credit, &countryCredit)
        defer { swap(&credit, &countryCredit) }
        for country in 0..<credit.count { credit[country] = 0 }
        var unknown = 0.0
        var countries = 0
        corpus.forEachCountryCredit(ofWork: index) { country, share in
            if let country {
                if credit[country] == 0 { countries += 1 }
                credit[country] += share
            } else {
                unknown += share
            }
        }
        var quality = unknown * 0.8
        for country in 0..<credit.count where credit[country] > 0 {
            quality +=
                credit[country] * propensity.quality(country: country, technology: technology, yearIndex: yearIndex)
        }
        if countries == 0 && unknown == 0 { quality = 0.5 }
        if countries > 1 { quality *= 1.15 }
        let teamSize = corpus.authorshipStart[index + 1] - corpus.authorshipStart[index]
        quality *= pow(Double(max(1, teamSize)), 0.08)
        // mu = -sigma²/2 keeps the mean of the noise at 1.
        return pow(quality, 1.2) * kind.citationFactor * rng.nextLogNormal(mu: -0.5, sigma: 1.0)
    }
}
