import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TechTrackerCore

/// The works of each subject (a technology, a filler subject, or all works) in index order,
/// with an alias table per (subject, year), so a reference can be drawn from any year of a
/// subject in proportion to fitness in constant time (two memory reads, where a binary
/// search over running totals costs a dozen cache misses on a large corpus).
/// Flat arrays: one allocation each, shared by threads.
struct ReferencePools: Sendable {
    /// Works of pool `p` are `works[poolStart[p]..<poolStart[p + 1]]`.
    var poolStart: [Int] = []
    var works: [UInt32] = []
    /// Walker/Vose alias table, per (pool, year) run: keep entry `k` with probability
    /// `keep[k]`, else take entry `alias[k]` (an index into `works`).
    var keep: [Float] = []
    var alias: [UInt32] = []
    /// Works of pool `p`, year offset `y` start at `yearStart[p * (yearCount + 1) + y]`.
    var yearStart: [Int] = []
}

/// Phase 2: draws each work's references among earlier works (same subject preferred, then
/// neighbouring subjects, then anything; recent years preferred; fitter works and works
/// already cited more likely; a home-country bias), then counts citations.
///
/// Works of one year are done in parallel: they only read works of earlier years, and each
/// work draws from its own random stream, so the result does not depend on scheduling.
struct CitationBuilder {
    var corpus: SyntheticCorpus
    private let pools: ReferencePools
    private let yearStride: Int
    private let globalPool: Int
    private let fillerPoolBase: Int
    /// Age samplers (in years) for each possible maximum age.
    private let ageSamplers: [CumulativeSampler]

    init(corpus: SyntheticCorpus) {
        self.corpus = corpus
        let technologyCount = corpus.propensity.technologyCount
        fillerPoolBase = technologyCount
        globalPool = technologyCount + corpus.world.fillers.count
        pools = Self.makePools(corpus, count: globalPool + 1)
        yearStride = corpus.propensity.yearCount + 1
        // Citations go mostly to works a few years old, with a long tail to older ones.
        let ageWeight: (Int) -> Double = { age in age == 0 ? 0.35 : pow(Double(age), 1.2) * exp(-Double(age) / 3.2) }
        ageSamplers = (0..<corpus.propensity.yearCount).map { maxAge in
            CumulativeSampler(weights: (0...maxAge).map(ageWeight))
        }
    }

    private static func makePools(_ corpus: SyntheticCorpus, count: Int) -> ReferencePools {
        let yearCount = corpus.propensity.yearCount
        let firstYear = corpus.configuration.fromYear
        let technologyCount = corpus.propensity.technologyCount
        // Pool memberships of a work: its technologies, or its filler subject; and the global pool.
        func memberships(_ work: Int) -> [Int] {
            let technologies = corpus.technologyIndices(ofWork: work)
            return (technologies.isEmpty ? [technologyCount + Int(corpus.fillerTopics[work])] : technologies) + [
                count - 1
            ]
        }
        // Count per (pool, year), then running sums give every boundary.
        let stride = yearCount + 1
        var yearStart = [Int](repeating: 0, count: count * stride)
        for work in 0..<corpus.workCount {
            let yearOffset = Int(corpus.years[work]) - firstYear
            for pool in memberships(work) { yearStart[pool * stride + yearOffset + 1] += 1 }
        }
        var pools = ReferencePools()
        pools.poolStart = [0]
        var running = 0
        for pool in 0..<count {
            yearStart[pool * stride] = running
            for year in 1...yearCount {
                running += yearStart[pool * stride + year]; yearStart[pool * stride + year] = running
            }
            pools.poolStart.append(running)
        }
        pools.yearStart = yearStart
        pools.works = [UInt32](repeating: 0, count: running)
        var next = Array(pools.poolStart.dropLast())
        for work in 0..<corpus.workCount {
            for pool in memberships(work) {
                pools.works[next[pool]] = UInt32(work)
                next[pool] += 1
            }
        }
        pools.keep = [Float](repeating: 1, count: running)
        pools.alias = (0..<running).map { UInt32($0) }
        for pool in 0..<count {
            for year in 0..<yearCount {
                let start = yearStart[pool * stride + year], end = yearStart[pool * stride + year + 1]
                buildAliasTable(&pools, start: start, end: end, fitness: corpus.fitness)
            }
        }
        return pools
    }

    /// Vose's alias method over `works[start..<end]`, weights = fitness.
    private static func buildAliasTable(_ pools: inout ReferencePools, start: Int, end: Int, fitness: [Float]) {
        let count = end - start
        guard count > 1 else { return }
        let total = (start..<end).reduce(0.0) { $0 + Double(fitness[Int(pools.works[$1])]) }
        guard total > 0 else { return }
        var scaled = (start..<end).map { Double(fitness[Int(pools.works[$0])]) * Double(count) / total }
        var small: [Int] = [], large: [Int] = []
        for offset in 0..<count { if scaled[offset] < 1 { small.append(offset) } else { large.append(offset) } }
        while let light = small.popLast(), let heavy = large.last {
            pools.keep[start + light] = Float(scaled[light])
            pools.alias[start + light] = UInt32(start + heavy)
            scaled[heavy] -= 1 - scaled[light]
            if scaled[heavy] < 1 {
                large.removeLast()
                small.append(heavy)
            }
        }
        // Leftovers (rounding): keep themselves.
        for offset in small + large { pools.keep[start + offset] = 1 }
    }

    mutating func buildReferences() {
        let workCount = corpus.workCount
        // Capacity per work first (one stream per work), so threads can fill disjoint ranges.
        var capacities = [Int](repeating: 0, count: workCount + 1)
        for work in 0..<workCount {
            var rng = SplitMix64(seed: corpus.configuration.seed, stream: 2, index: work)
            capacities[work + 1] = capacities[work] + min(work, corpus.kinds[work].drawReferenceCount(&rng))
        }
        let capacityStart = capacities
        var slots = [UInt32](repeating: 0, count: capacityStart[workCount])
        var filled = [Int32](repeating: 0, count: workCount)
        let yearStart = Self.yearBoundaries(corpus)
        let builder = self
        slots.withUnsafeMutableBufferPointer { slotBuffer in
            filled.withUnsafeMutableBufferPointer { filledBuffer in
                let shared = SharedReferenceBuffers(slots: slotBuffer.baseAddress, filled: filledBuffer.baseAddress)
                for year in 0..<(yearStart.count - 1) {
                    let first = yearStart[year], end = yearStart[year + 1]
                    let chunk = 2_048
                    let chunks = (end - first + chunk - 1) / chunk
                    DispatchQueue.concurrentPerform(iterations: chunks) { part in
                        let lower = first + part * chunk
                        for work in lower..<min(end, lower + chunk) {
                            builder.drawReferences(
                                work: work, yearIndex: year, capacityStart: capacityStart, shared: shared)
                        }
                    }
                }
            }
        }
        // Compact: drop unfilled capacity.
        var start = [Int](repeating: 0, count: workCount + 1)
        var references: [UInt32] = []
        references.reserveCapacity(filled.reduce(0) { $0 + Int($1) })
        for work in 0..<workCount {
            let from = capacityStart[work]
            references.append(contentsOf: slots[from..<(from + Int(filled[work]))])
            start[work + 1] = references.count
        }
        corpus.referenceStart = start
        corpus.references = references
    }

    /// First work index of each year offset, plus the end.
    private static func yearBoundaries(_ corpus: SyntheticCorpus) -> [Int] {
        var boundaries = [Int](repeating: corpus.workCount, count: corpus.propensity.yearCount + 1)
        var work = 0
        for year in 0..<corpus.propensity.yearCount {
            boundaries[year] = work
            let calendarYear = corpus.configuration.fromYear + year
            while work < corpus.workCount && Int(corpus.years[work]) == calendarYear { work += 1 }
        }
        boundaries[corpus.propensity.yearCount] = corpus.workCount
        return boundaries
    }

    private func drawReferences(work: Int, yearIndex: Int, capacityStart: [Int], shared: SharedReferenceBuffers) {
        guard let slots = shared.slots, let filled = shared.filled else { return }
        let capacity = capacityStart[work + 1] - capacityStart[work]
        guard capacity > 0 else { return }
        var rng = SplitMix64(seed: corpus.configuration.seed, stream: 3, index: work)
        let base = slots + capacityStart[work]
        let technologies = corpus.technologyIndices(ofWork: work)
        let homeCountry = corpus.leadCountries[work]
        var count = 0
        var attempts = 0
        while count < capacity && attempts < capacity * 6 {
            attempts += 1
            let pool = choosePool(technologies: technologies, work: work, &rng)
            let candidate: Int?
            if rng.chance(0.3) {
                candidate = copyReference(
                    pool: pool, yearIndex: yearIndex, slots: slots, filled: filled,
                    capacityStart: capacityStart, &rng)
            } else {
                candidate =
                    drawDirect(pool: pool, work: work, yearIndex: yearIndex, &rng)
                    ?? drawDirect(pool: globalPool, work: work, yearIndex: yearIndex, &rng)
            }
            guard let cited = candidate, cited < work else { continue }
            // Home-country bias: a foreign candidate is turned down three times in ten.
            if corpus.leadCountries[cited] != homeCountry && rng.chance(0.3) { continue }
            let value = UInt32(cited)
            var duplicate = false
            for existing in 0..<count where base[existing] == value { duplicate = true; break }
            if duplicate { continue }
            base[count] = value
            count += 1
        }
        filled[work] = Int32(count)
    }

    private func choosePool(technologies: [Int], work: Int, _ rng: inout SplitMix64) -> Int {
        let u = rng.nextDouble()
        guard let primary = technologies.first else {
            return u < 0.75 ? fillerPoolBase + Int(corpus.fillerTopics[work]) : globalPool
        }
        switch u {
        case ..<0.55: return primary
        case ..<0.68:
            return technologies.count > 1 ? technologies[1 + rng.nextInt(below: technologies.count - 1)] : primary
        case ..<0.82:
            return rng.pick(corpus.world.technologiesInCategory[corpus.world.categoryOfTechnology[primary]])
        default: return globalPool
        }
    }

    /// A work of the pool from a year chosen by citation age, in proportion to fitness.
    /// Same-year candidates must precede the citing work: drawn from the whole year's table
    /// and retried when they do not (same-year references are a small share).
    private func drawDirect(pool: Int, work: Int, yearIndex: Int, _ rng: inout SplitMix64) -> Int? {
        let citedYear = yearIndex - ageSamplers[yearIndex].sample(&rng)
        let start = pools.yearStart[pool * yearStride + citedYear]
        let end = pools.yearStart[pool * yearStride + citedYear + 1]
        guard end > start else { return nil }
        for _ in 0..<(citedYear == yearIndex ? 4 : 1) {
            let entry = start + rng.nextInt(below: end - start)
            let chosen = rng.nextDouble() < Double(pools.keep[entry]) ? entry : Int(pools.alias[entry])
            let candidate = Int(pools.works[chosen])
            if candidate < work { return candidate }
        }
        return nil
    }

    /// A reference copied from a random earlier work of the pool: works already cited often
    /// are copied often (preferential attachment, the source of the heavy tail).
    private func copyReference(
        pool: Int, yearIndex: Int, slots: UnsafeMutablePointer<UInt32>,
        filled: UnsafeMutablePointer<Int32>, capacityStart: [Int], _ rng: inout SplitMix64
    ) -> Int? {
        let poolFirst = pools.poolStart[pool]
        let earlier = pools.yearStart[pool * yearStride + yearIndex] - poolFirst
        guard earlier > 0 else { return nil }
        let source = Int(pools.works[poolFirst + rng.nextInt(below: earlier)])
        let count = Int(filled[source])
        guard count > 0 else { return nil }
        return Int(slots[capacityStart[source] + rng.nextInt(below: count)])
    }
}

/// Raw pointers into the reference arrays, shared by the worker threads of one year; each
/// thread writes only the ranges of its own works and reads only earlier years'.
struct SharedReferenceBuffers: @unchecked Sendable {
    let slots: UnsafeMutablePointer<UInt32>?
    let filled: UnsafeMutablePointer<Int32>?
}
