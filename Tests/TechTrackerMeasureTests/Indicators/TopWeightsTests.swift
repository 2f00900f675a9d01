import Testing
import TechTrackerCore
@testable import TechTrackerMeasure

/// METHOD §4: thresholds and Leiden's rule for ties, worked out by hand.
struct TopWeightsTests {
    @Test func distinctCitationsGiveTheTopWorkWeightOneAndTheNextExactlyZero() {
        // n = 10: cum(8) = 9/10 meets 0.9 exactly, so t* = 8 with θ = (9 − 9)/1 = 0.
        let weights = TopWeights.weights(citations: Array(0..<10), share: .top10)
        #expect(weights == [0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    }

    @Test func twoWorksTiedAtTheThresholdShareTheLastPlace() {
        // 8 × 0 then 2 × 5: cum(0) = 0.8, cum(5) = 1 → t* = 5, θ = (1 − 0.9)/0.2 = 0.5.
        let weights = TopWeights.weights(citations: [5, 0, 0, 0, 5, 0, 0, 0, 0, 0], share: .top10)
        #expect(weights == [0.5, 0, 0, 0, 0.5, 0, 0, 0, 0, 0])
    }

    @Test func aTieGroupStraddlingTheThresholdFromBelow() {
        // 17 × 0, 2 × 1, 1 × 2 (n = 20): cum(0) = 0.85, cum(1) = 0.95 → t* = 1,
        // θ = (0.95 − 0.9)/0.1 = 0.5; the 2 is above t* → 1. Sum 2 = 10% of 20.
        let citations = Array(repeating: 0, count: 17) + [1, 1, 2]
        let weights = TopWeights.weights(citations: citations, share: .top10)
        #expect(weights == Array(repeating: 0, count: 17) + [0.5, 0.5, 1])
    }

    @Test func aTieGroupAtTheTopTakesTheWholeTopPart() {
        // 1,1,2,2,2,2,3,3,3,4,4,4,5,6,7,8 then 4 × 9 (n = 20): cum(8) = 0.8, cum(9) = 1 →
        // t* = 9, θ = (1 − 0.9)/0.2 = 0.5 for each of the four 9s; sum 2.
        let citations = [1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 7, 8, 9, 9, 9, 9]
        let weights = TopWeights.weights(citations: citations, share: .top10)
        #expect(weights == Array(repeating: 0, count: 16) + [0.5, 0.5, 0.5, 0.5])
    }

    @Test func threeWaysTieInFiveWorks() {
        // 1, 2, 3, 3, 3: cum(2) = 0.4, cum(3) = 1 → θ = 0.1/0.6 = 1/6 each; sum 0.5.
        let weights = TopWeights.weights(citations: [3, 1, 3, 2, 3], share: .top10)
        #expect(close(weights[0], 1.0 / 6) && close(weights[2], 1.0 / 6) && close(weights[4], 1.0 / 6))
        #expect(weights[1] == 0 && weights[3] == 0)
        #expect(close(weights.reduce(0, +), 0.5))
    }

    @Test func allEqualAndAllZeroCitationsSpreadTheShareEvenly() {
        #expect(TopWeights.weights(citations: [4, 4, 4, 4, 4], share: .top10).allSatisfy { close($0, 0.1) })
        #expect(TopWeights.weights(citations: [0, 0, 0], share: .top10).allSatisfy { close($0, 0.1) })
        #expect(
            TopWeights.weights(citations: Array(repeating: 0, count: 7), share: .top1).allSatisfy { close($0, 0.01) })
    }

    @Test func emptySetHasNoWeights() {
        #expect(TopWeights.weights(citations: [Int](), share: .top10).isEmpty)
        #expect(TopWeights.threshold(of: [Int](), share: .top10) == nil)
    }

    @Test func tinySetsOfOneToNineWorksGiveTheBestWorkATenthPerWork() {
        // With n ≤ 9 distinct counts, cum(second best) = (n − 1)/n < 0.9, so t* = the best
        // and θ = (1 − 0.9)/(1/n) = n/10.
        for n in 1...9 {
            let weights = TopWeights.weights(citations: Array((0..<n).reversed()), share: .top10)
            #expect(close(weights[0], Double(n) / 10), "n = \(n)")
            #expect(weights.dropFirst().allSatisfy { $0 == 0 }, "n = \(n)")
        }
    }

    @Test func topOnePercent() {
        // n = 100 distinct: the best gets 1. n = 150 distinct: cum(148) = 149/150 ≥ 0.99
        // (14900 ≥ 14850) → t* = 148 with θ = (149/150 − 0.99)·150 = 0.5; 149 gets 1.
        let hundred = TopWeights.weights(citations: Array(0..<100), share: .top1)
        #expect(hundred[99] == 1 && hundred.dropLast().allSatisfy { $0 == 0 })
        let hundredFifty = TopWeights.weights(citations: Array(0..<150), share: .top1)
        #expect(hundredFifty[149] == 1 && hundredFifty[148] == 0.5)
        #expect(hundredFifty.prefix(148).allSatisfy { $0 == 0 })
    }

    @Test func fractionalAdjustedCountsUseTheSameRule() {
        // 0.5, 2.25, 2.25, 1 (n = 4): cum(1) = 0.5, cum(2.25) = 1 → θ = 0.1/0.5 = 0.2 each.
        let weights = TopWeights.weights(citations: [0.5, 2.25, 2.25, 1.0], share: .top10)
        #expect(close(weights[1], 0.2) && close(weights[2], 0.2) && weights[0] == 0 && weights[3] == 0)
    }

    @Test func weightsAlwaysSumToTheShareOfTheSetAndRespectTheOrder() {
        var random = TestRandom(4)
        for _ in 0..<300 {
            let n = random.int(1...400)
            let spread = random.int(0...30)
            let citations = (0..<n).map { _ in random.int(0...spread) }
            for share in [TopShare.top10, .top1] {
                let weights = TopWeights.weights(citations: citations, share: share)
                #expect(abs(weights.reduce(0, +) - share.fraction * Double(n)) < 1e-9)
                #expect(weights.allSatisfy { $0 >= 0 && $0 <= 1 })
                for i in 0..<n where citations[i] > 0 {
                    // A work never weighs less than one with fewer citations.
                    let lower = (0..<n).filter { citations[$0] < citations[i] }.map { weights[$0] }.max() ?? 0
                    #expect(weights[i] >= lower)
                }
            }
        }
    }

    /// METHOD §4 read literally, with exact fractions: walk the distinct values upwards until
    /// cum(c) ≥ 1 − share.
    func definition(_ citations: [Int], _ share: TopShare) -> [Double] {
        let n = citations.count
        let distinct = Set(citations).sorted()
        var cumulative = 0
        for c in distinct {
            let count = citations.filter { $0 == c }.count
            cumulative += count
            // cum(c) ≥ 1 − a/b  ⇔  cumulative · b ≥ (b − a) · n
            if cumulative * share.denominator >= (share.denominator - share.numerator) * n {
                let theta =
                    Double(cumulative * share.denominator - (share.denominator - share.numerator) * n)
                    / Double(count * share.denominator)
                return citations.map { $0 > c ? 1 : $0 == c ? theta : 0 }
            }
        }
        return []
    }

    @Test func agreesWithTheDefinitionOnRandomSets() {
        var random = TestRandom(5)
        for _ in 0..<500 {
            let n = random.int(1...250)
            let spread = random.int(0...12)
            let citations = (0..<n).map { _ in random.int(0...spread) }
            for share in [
                TopShare.top10, .top1, TopShare(numerator: 1, denominator: 4), TopShare(numerator: 1, denominator: 1),
            ] {
                #expect(TopWeights.weights(citations: citations, share: share) == definition(citations, share))
            }
        }
    }

    @Test func shareDescriptions() {
        #expect(TopShare.top10.description == "10%" && TopShare.top1.description == "1%")
        #expect(close(TopShare.top10.fraction, 0.1))
    }
}
