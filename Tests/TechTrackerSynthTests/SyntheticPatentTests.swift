import Testing
@testable import TechTrackerSynth

/// Synthetic patent numbers: office-number-kind as Reliance on Science spells them, unique.
@Suite struct SyntheticPatentTests {
    func text(_ patent: SyntheticPatent) -> String {
        var sink = ByteSink(capacity: 64)
        patent.write(into: &sink)
        return sink.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    @Test func numbersLookLikeEachOfficesOwn() throws {
        let patterns: [PatentOffice: Regex<Substring>] = [
            .unitedStates: /US-1[0-9]{7}-B[12]/, .europe: /EP-[0-9]{7}-(?:A1|B1)/, .china: /CN-1[0-9]{8}-[AB]/,
            .japan: /JP-2021[0-9]{6}-A/, .korea: /KR-10[0-9]{7}-B1/, .worldwide: /WO-2021[0-9]{6}-A1/,
        ]
        for office in PatentOffice.allCases {
            for serial in [0, 7, SyntheticPatent.maximumSerials - 1] {
                let patent = SyntheticPatent(office: office, year: 2021, technology: 40, serial: serial)
                let pattern = try #require(patterns[office])
                #expect(text(patent).wholeMatch(of: pattern) != nil, "\(text(patent))")
            }
        }
        #expect(text(SyntheticPatent(office: .europe, year: 1900, technology: 0, serial: 0)).hasPrefix("EP-0"))
    }

    @Test func differentPatentsHaveDifferentNumbersFrom1900To2200() {
        let years = [1900, 1901, 1950, 2001, 2002, 2003, 2004, 2012, 2023, 2024, 2025, 2199, 2200]
        let serials = [0, 1, 2, 59, SyntheticPatent.maximumSerials - 2, SyntheticPatent.maximumSerials - 1]
        for office in PatentOffice.allCases {
            var seen: [String: SyntheticPatent] = [:]
            for year in years {
                for technology in 0..<SyntheticPatent.technologySlots {
                    for serial in serials {
                        let patent = SyntheticPatent(office: office, year: year, technology: technology, serial: serial)
                        let number = text(patent)
                        #expect(seen[number] == nil, "\(number): \(patent) and \(String(describing: seen[number]))")
                        #expect(patent.number > 0)
                        seen[number] = patent
                    }
                }
            }
        }
    }

    @Test func grantNumbersRiseWithTheYear() {
        for office in PatentOffice.allCases {
            let numbers = (1990...2030).map {
                SyntheticPatent(office: office, year: $0, technology: 0, serial: 0).number
            }
            #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }, "\(office)")
        }
    }
}

extension SyntheticPatentTests {
    @Test func aPatentsOfficeFollowsFromItsKeyInTheOfficesShares() {
        var counts = [Int](repeating: 0, count: PatentOffice.allCases.count)
        for technology in 0..<SyntheticPatent.technologySlots {
            for serial in 0..<SyntheticPatent.maximumSerials {
                let patent = SyntheticPatent(year: 2020, technology: technology, serial: serial)
                #expect(patent == SyntheticPatent(year: 2020, technology: technology, serial: serial))
                counts[patent.office.rawValue] += 1
            }
        }
        let total = Double(counts.reduce(0, +))
        for office in PatentOffice.allCases {
            #expect(abs(Double(counts[office.rawValue]) / total - PatentOffice.shares[office.rawValue]) < 0.02)
        }
    }
}
