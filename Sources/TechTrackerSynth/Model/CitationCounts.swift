#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TechTrackerCore

extension SyntheticCorpus {
    /// Counts in-corpus citations (with the citing years, for `counts_by_year`), draws the
    /// citations from outside the corpus, and derives OpenAlex's percentile and FWCI fields.
    mutating func computeCitationCounts() {
        let workCount = self.workCount
        let firstYear = configuration.fromYear
        var cited = [UInt32](repeating: 0, count: workCount)
        for reference in references { cited[Int(reference)] += 1 }
        var start = [Int](repeating: 0, count: workCount + 1)
        for work in 0..<workCount { start[work + 1] = start[work] + Int(cited[work]) }
        var next = Array(start.dropLast())
        var years = [UInt8](repeating: 0, count: references.count)
        for citing in 0..<workCount {
            let yearOffset = UInt8(Int(self.years[citing]) - firstYear)
            for position in referenceStart[citing]..<referenceStart[citing + 1] {
                let target = Int(references[position])
                years[next[target]] = yearOffset
                next[target] += 1
            }
        }
        citedInCorpus = cited
        citingStart = start
        citingYears = years

        // Citations from outside the corpus: proportional to fitness, accumulating with age.
        externalCitations = (0..<workCount).map { work in
            var rng = SplitMix64(seed: configuration.seed, stream: 4, index: work)
            let age = Double(configuration.toYear - Int(self.years[work]))
            let mean = 14 * Double(fitness[work]) * (1 - exp(-(age + 0.5) / 5))
            return UInt32(min(Double(UInt32.max / 4), Double(rng.nextPoisson(mean: mean))))
        }
        computeNormalisedImpact()
    }

    /// OpenAlex's `citation_normalized_percentile`, `cited_by_percentile_year` (within the
    /// publication year) and `fwci` (against the mean of the same year and subject).
    private mutating func computeNormalisedImpact() {
        let workCount = self.workCount
        let yearCount = propensity.yearCount
        let subjectCount = propensity.technologyCount + world.fillers.count
        var totals = [Double](repeating: 0, count: yearCount * subjectCount)
        var counts = [Int](repeating: 0, count: yearCount * subjectCount)
        var byYear = [[Int]](repeating: [], count: yearCount)
        for work in 0..<workCount {
            let yearOffset = Int(years[work]) - configuration.fromYear
            let key = yearOffset * subjectCount + subject(ofWork: work)
            totals[key] += Double(citedByCount(ofWork: work))
            counts[key] += 1
            byYear[yearOffset].append(citedByCount(ofWork: work))
        }
        fieldWeightedImpact = (0..<workCount).map { work in
            let key = (Int(years[work]) - configuration.fromYear) * subjectCount + subject(ofWork: work)
            let mean = counts[key] > 0 ? totals[key] / Double(counts[key]) : 0
            return mean > 0 ? Float(Double(citedByCount(ofWork: work)) / mean) : 0
        }
        for year in 0..<yearCount { byYear[year].sort() }
        var percentiles = [Float](repeating: 0, count: workCount)
        var bounds = [UInt8](repeating: 0, count: workCount * 2)
        for work in 0..<workCount {
            let sorted = byYear[Int(years[work]) - configuration.fromYear]
            let value = citedByCount(ofWork: work)
            let below = Self.lowerBound(sorted, value)
            let upTo = Self.lowerBound(sorted, value + 1)
            let n = Double(sorted.count)
            percentiles[work] = Float((Double(below) + 0.5 * Double(upTo - below)) / n)
            bounds[work * 2] = UInt8(min(99, Int(100 * Double(below) / n)))
            bounds[work * 2 + 1] = UInt8(min(100, Int((100 * Double(upTo) / n).rounded(.up))))
        }
        self.percentiles = percentiles
        percentileBounds = bounds
    }

    /// The subject a work is normalised against: its first technology, else its filler subject.
    func subject(ofWork work: Int) -> Int {
        let first = technologySlots[work * 3]
        return first == Self.noTechnology ? propensity.technologyCount + Int(fillerTopics[work]) : Int(first)
    }

    private static func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) >> 1
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
