import Testing
import YJStat

@Suite("Discretion triggers")
struct DiscretionTriggerTests {
    /// Rates standard 2.1 from (yes, relevant) pairs for its three key questions.
    func rate(_ counts: [(Int, Int)], sample: Int = 40) throws -> StandardRating {
        let framework = try youthFramework()
        let standard = try #require(framework.standard("2.1"))
        let results = counts.enumerated().compactMap { index, pair in
            KeyQuestionResult(keyQuestion: "2.1.\(index + 1)", yes: pair.0, relevant: pair.1, framework: framework)
        }
        return StandardRating(standard: standard, results: results, sampleSize: sample, framework: framework)
    }

    func kinds(_ rating: StandardRating) -> Set<DiscretionTrigger.Kind> { Set(rating.triggers.map(\.kind)) }

    @Test func nearBoundaryIsInclusiveOfFivePointsAndSupportsOnlyCrossingIt() throws {
        // 11/20 = 55% is exactly 5 points above 50: supports a move down only.
        let above = try rate([(20, 20), (20, 20), (11, 20)])
        let trigger = try #require(above.triggers.first { $0.kind == .nearBoundary })
        #expect(trigger.supports == [.down])
        #expect(trigger.evidence.contains("5.0 points above the 50% boundary"))
        #expect(above.isSupported(.down) && !above.isSupported(.up))
        // 28/50 = 56% is 6 points from 50 and 9 from 65: no trigger.
        #expect(try rate([(50, 50), (50, 50), (28, 50)]).triggers.isEmpty)
        // 24/40 = 60% is 5 points below 65: supports a move up only.
        let below = try rate([(40, 40), (40, 40), (24, 40)])
        #expect(below.triggers.map(\.kind) == [.nearBoundary])
        #expect(below.isSupported(.up) && !below.isSupported(.down))
        // 2/4 = 50% exactly at the boundary.
        let at = try rate([(4, 4), (4, 4), (2, 4)], sample: 4)
        #expect(at.triggers.first { $0.kind == .nearBoundary }?.evidence.contains("exactly at the 50% boundary") == true)
    }

    @Test func nearBoundaryUsesOnlyTheLowestPercentage() throws {
        // Lowest 26/50 = 52% (near 50); 31/50 = 62% would be near 65 but is not the lowest.
        let rating = try rate([(26, 50), (31, 50), (50, 50)], sample: 50)
        let near = rating.triggers.filter { $0.kind == .nearBoundary }
        #expect(near.count == 1)
        #expect(near.first?.keyQuestion == "2.1.1")
        #expect(near.first?.supports == [.down])
    }

    @Test func oneCaseChangeSaysWhichChange() throws {
        // 1/2 → 2/2 lifts the standard from Requires improvement to Outstanding; 1/2 → 0/2 drops it.
        let rating = try rate([(5, 5), (5, 5), (1, 2)], sample: 5)
        let changes = rating.triggers.filter { $0.kind == .oneCaseChange }.map(\.evidence)
        #expect(changes.contains("2.1.3: 1/2 → 2/2 would make the standard Outstanding instead of Requires improvement"))
        #expect(changes.contains("2.1.3: 1/2 → 0/2 would make the standard Inadequate instead of Requires improvement"))
        #expect(rating.isSupported(.up) && rating.isSupported(.down))
    }

    @Test func noOneCaseChangeWhenTwoKeyQuestionsTieAtTheLowestBand() throws {
        // 10/40 twice: lifting either leaves the other at Inadequate; dropping any stays Inadequate
        // for the lowest, and 40/40 → 39/40 stays Outstanding.
        let rating = try rate([(10, 40), (10, 40), (40, 40)])
        #expect(!kinds(rating).contains(.oneCaseChange))
        #expect(rating.triggers.isEmpty)
        #expect(rating.rating?.name == "Inadequate")
    }

    @Test func smallSampleAtFiveButNotSix() throws {
        let five = try rate([(5, 5), (5, 5), (4, 5)], sample: 5)
        #expect(five.triggers.contains { $0.kind == .smallSample && $0.evidence == "2.1.1 rests on 5 relevant cases (5 or fewer)" })
        let six = try rate([(6, 6), (6, 6), (6, 6)], sample: 6)
        #expect(!kinds(six).contains(.smallSample))
        // Only the key questions deciding the rating count: 3/3 is Outstanding but 13/20 = 65% decides.
        let mixed = try rate([(3, 3), (20, 20), (13, 20)], sample: 20)
        #expect(!kinds(mixed).contains(.smallSample))
    }

    @Test func printedOnlyResultsUseTheSampleSizeForSmallSamples() throws {
        let framework = try youthFramework()
        let standard = try #require(framework.standard("3.1"))
        // 72% and 76% (Good) decide; 72 is 7 points from 65 and 8 from 80.
        let results = [72, 76, 90].enumerated().map { index, percent in
            KeyQuestionResult(keyQuestion: "3.1.\(index + 1)", printed: PrintedPercent(whole: percent), framework: framework)
        }
        let small = StandardRating(standard: standard, results: results, sampleSize: 4, framework: framework)
        #expect(small.triggers.map(\.kind) == [.smallSample, .smallSample])
        #expect(small.triggers.map(\.keyQuestion) == ["3.1.1", "3.1.2"])
        #expect(small.triggers.first?.evidence.contains("sample of 4 cases or fewer") == true)
        let large = StandardRating(standard: standard, results: results, sampleSize: 30, framework: framework)
        #expect(large.triggers.isEmpty)
        #expect(StandardRating(standard: standard, results: results, sampleSize: nil, framework: framework).triggers.isEmpty)
    }
}
