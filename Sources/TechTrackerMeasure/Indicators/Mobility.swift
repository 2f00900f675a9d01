import TechTrackerCore

/// Researcher mobility from publication records (METHOD §8).
///
/// Origin of an author = the country of the author's earliest authorship in the corpus that
/// has a known country: authorships ordered by (publication year, work index), works of any
/// type, works with an unknown year left out. Work indices follow the canonical order (source
/// id), so of two works of the same year the one with the smaller id gives the origin, however
/// the records were read. Destination = the author's country on a top-10%
/// work (T > 0) of (t, W). Each distinct (author, destination) counts once, so an author with
/// several destinations counts once per destination. Flows with origin = destination ("stays")
/// are reported too; gain counts only flows between different countries.
enum Mobility {
    /// One flow.
    struct Flow: Sendable, Hashable {
        /// Origin country index.
        var origin: Int
        /// Destination country index.
        var destination: Int
        /// Distinct authors.
        var authors: Int

        /// Makes a flow.
        init(origin: Int, destination: Int, authors: Int) {
            self.origin = origin
            self.destination = destination
            self.authors = authors
        }
    }

    /// One country's gain.
    struct Gain: Sendable, Hashable {
        /// Country index.
        var country: Int
        /// Authors arriving (origin elsewhere).
        var inflow: Int
        /// Authors leaving (destination elsewhere).
        var outflow: Int
        /// inflow − outflow.
        var gain: Int { inflow - outflow }
    }

    /// Each author's origin country index (METHOD §8) (`-1` when none is known), computed once per corpus.
    static func origins(_ corpus: AnalysisCorpus) -> [Int] {
        let authorCount = max(corpus.authorIDs.count, Int(corpus.authorIndex.max() ?? -1) + 1)
        var origin = [Int](repeating: -1, count: authorCount)
        var originYear = [Int](repeating: Int.max, count: authorCount)
        // Works ascending: at equal years the work with the smaller canonical index (source id) wins.
        for w in 0..<corpus.workCount {
            guard let year = corpus.year[w] else { continue }
            for e in corpus.authorOffsets[w]..<corpus.authorOffsets[w + 1] {
                let author = Int(corpus.authorIndex[e]), country = Int(corpus.authorCountry[e])
                guard author >= 0, country >= 0, year < originYear[author] else { continue }
                originYear[author] = year
                origin[author] = country
            }
        }
        return origin
    }

    /// Bits of a country index in a packed (author, country) pair: country indices stay below 2²⁰.
    static let countryBits = 20
    /// The country index's bits in a packed pair.
    static let countryMask: UInt64 = (1 << UInt64(countryBits)) - 1

    /// Flows (METHOD §8) of the authors of the works with positive weight, sorted by (origin, destination)
    /// index. Country indices must be below 2²⁰.
    static func flows(works: [Int], weights: [Double], corpus: AnalysisCorpus, origins: [Int]) -> [Flow] {
        // Distinct (author, destination) packed in one integer each, then (origin, destination).
        var pairs: [UInt64] = []
        for (w, weight) in zip(works, weights) where weight > 0 {
            for e in corpus.authorOffsets[w]..<corpus.authorOffsets[w + 1] {
                let author = Int(corpus.authorIndex[e]), destination = Int(corpus.authorCountry[e])
                guard author >= 0, destination >= 0, origins[author] >= 0 else { continue }
                pairs.append(UInt64(author) << UInt64(countryBits) | UInt64(destination))
            }
        }
        pairs.sort()
        var routes: [UInt64] = []
        for (i, pair) in pairs.enumerated() where i == 0 || pairs[i - 1] != pair {
            routes.append(UInt64(origins[Int(pair >> UInt64(countryBits))]) << 32 | (pair & countryMask))
        }
        routes.sort()
        var flows: [Flow] = []
        for route in routes {
            let origin = Int(route >> 32), destination = Int(route & 0xFFFF_FFFF)
            if let last = flows.last, last.origin == origin, last.destination == destination {
                flows[flows.count - 1].authors += 1
            } else {
                flows.append(Flow(origin: origin, destination: destination, authors: 1))
            }
        }
        return flows
    }

    /// Per country (METHOD §8): inflow, outflow and gain over the flows between different countries,
    /// sorted by country index; countries with neither are left out.
    static func gains(_ flows: [Flow]) -> [Gain] {
        var byCountry: [Int: Gain] = [:]
        for flow in flows where flow.origin != flow.destination {
            byCountry[flow.destination, default: Gain(country: flow.destination, inflow: 0, outflow: 0)].inflow +=
                flow.authors
            byCountry[flow.origin, default: Gain(country: flow.origin, inflow: 0, outflow: 0)].outflow += flow.authors
        }
        return byCountry.values.sorted { $0.country < $1.country }
    }
}
