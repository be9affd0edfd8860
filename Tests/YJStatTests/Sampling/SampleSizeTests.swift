import Testing
@testable import YJStat

@Suite("Sample size, margin and audit")
struct SampleSizeTests {
    @Test func inspectorateDefaults() throws {
        let infinite = try SampleSize.compute(target: .inspectorate, population: nil)
        #expect(infinite.size == 165)
        #expect(abs(infinite.infinitePopulationSize - 164.2374415149816) < 1e-9)
        let small = try SampleSize.compute(target: .inspectorate, population: 5)
        #expect(small.size == 5)
        let none = try SampleSize.compute(target: .inspectorate, population: 58, correction: .none)
        #expect(none.size == 58 && none.unrounded == 58)
    }

    @Test func sizeFromAnAchievedMarginRoundTripsExactly() throws {
        // e = margin(n, N); sizing for e must give back n, not n + 1 from rounding error.
        for N in [5, 10, 20, 40, 58, 100, 500, 10000] {
            for n in Set([1, 2, 3, N / 3, N / 2, N - 1].filter { $0 >= 1 && $0 < N }) {
                for correction in [FinitePopulationCorrection.cochranA, .cochranB] {
                    let e = try MarginOfError.compute(sample: n, population: N, confidence: 0.8, correction: correction).margin
                    guard e > 0, e < 1 else { continue }
                    let target = try PrecisionTarget(confidence: 0.8, margin: e)
                    let size = try SampleSize.compute(target: target, population: N, correction: correction, rounding: .up)
                    #expect(size.size == n, "N=\(N) n=\(n) \(correction): unrounded \(size.unrounded)")
                    let audit = try SampleAudit.audit(sample: n, population: N, target: target, correction: correction)
                    #expect(audit.meetsTarget, "N=\(N) n=\(n) \(correction)")
                }
            }
        }
    }

    @Test func auditReportsShortfallAndImpliedPopulations() throws {
        let audit = try SampleAudit.audit(sample: 29, population: 40, target: .inspectorate)
        #expect(!audit.meetsTarget)
        #expect(audit.ruleSizes.count == 6)
        let aUp = try #require(audit.impliedPopulations.first { $0.correction == .cochranA && $0.rounding == .up })
        #expect(aUp.lower == 34 && aUp.upper == 35)
        #expect(aUp.contains(34) && !aUp.contains(40))
        for N in [33, 34, 35, 36] {
            let size = try SampleSize.compute(target: .inspectorate, population: N)
            #expect((size.size == 29) == aUp.contains(N))
        }
        let full = try SampleAudit.audit(sample: 5, population: 5, target: .inspectorate)
        #expect(full.meetsTarget && full.achievedMargin == 0 && full.exactCoverage == 1)
    }

    @Test func impliedRangeOfTheInfiniteSizeIsUnbounded() throws {
        let range = try ImpliedPopulationRange.implied(bySample: 165, target: .inspectorate)
        #expect(range.isUnbounded)
        let above = try ImpliedPopulationRange.implied(bySample: 166, target: .inspectorate)
        #expect(above.isEmpty)
    }

    @Test func planCombinedSixtyForty() throws {
        let plan = try SamplePlan.plan(courtPopulation: 4, outOfCourtPopulation: 10, target: .inspectorate)
        #expect(plan.court.size == 4 && plan.outOfCourt.size == 3)
        let larger = try SamplePlan.plan(courtPopulation: 8, outOfCourtPopulation: 10, target: .inspectorate)
        #expect(larger.court.size == 8 && larger.outOfCourt.size == 5)
        let up = try SamplePlan.plan(courtPopulation: 8, outOfCourtPopulation: 10, target: .inspectorate, outOfCourtRounding: .up)
        #expect(up.outOfCourt.size == 6)
        let capped = try SamplePlan.plan(courtPopulation: 100, outOfCourtPopulation: 10, target: .inspectorate)
        #expect(capped.court.size == 63 && capped.outOfCourt.size == 10 && capped.outOfCourt.cappedAtPopulation)
        #expect(capped.outOfCourt.achievedMargin == 0)
        let separate = try SamplePlan.plan(courtPopulation: 100, outOfCourtPopulation: 50, target: .inspectorate, rule: .separate)
        #expect(separate.outOfCourt.size == (try SampleSize.compute(target: .inspectorate, population: 50)).size)
        #expect(abs(separate.court.achievedMargin - (try MarginOfError.compute(sample: 63, population: 100)).margin) == 0)
    }

    @Test func badInputThrowsNamingTheParameter() throws {
        func parameter(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let error as InvalidArgumentError { return error.parameter.rawValue } catch { return "other" }
        }
        #expect(parameter { _ = try PrecisionTarget(margin: 0) } == "margin")
        #expect(parameter { _ = try PrecisionTarget(margin: 1) } == "margin")
        #expect(parameter { _ = try PrecisionTarget(proportion: 0) } == "proportion")
        #expect(parameter { _ = try PrecisionTarget(proportion: 1.5) } == "proportion")
        #expect(parameter { _ = try PrecisionTarget(confidence: 1) } == "confidence")
        #expect(parameter { _ = try SampleSize.compute(target: .inspectorate, population: 0) } == "population")
        #expect(parameter { _ = try MarginOfError.compute(sample: 6, population: 5) } == "sample")
        #expect(parameter { _ = try MarginOfError.compute(sample: 0, population: 5) } == "sample")
        #expect(parameter { _ = try MarginOfError.compute(sample: 1, population: 0) } == "population")
        #expect(parameter { _ = try MarginOfError.compute(sample: 3, population: 5, proportion: 0) } == "proportion")
        #expect(parameter { _ = try ExactSampleSize.compute(target: .inspectorate, population: 0) } == "population")
        #expect(parameter { _ = try ImpliedPopulationRange.implied(bySample: 0, target: .inspectorate) } == "sample")
        #expect(parameter { _ = try SamplePlan.plan(courtPopulation: 0, outOfCourtPopulation: 3, target: .inspectorate) } == "courtPopulation")
        #expect(parameter { _ = try SamplePlan.plan(courtPopulation: 3, outOfCourtPopulation: 0, target: .inspectorate) } == "outOfCourtPopulation")
        #expect(parameter { _ = try SampleAudit.audit(sample: 9, population: 8, target: .inspectorate) } == "sample")
    }
}

@Suite("Rating band scale")
struct RatingBandScaleTests {
    @Test func bandsBelongToTheFraction() {
        let scale = RatingBandScale.youthInspection
        #expect(scale.band(11, of: 17) == 1)   // 64.7%, printed 65%, still Requires improvement
        #expect(scale.band(13, of: 20) == 2)   // exactly 65%
        #expect(scale.band(1, of: 2) == 1)     // exactly 50%
        #expect(scale.band(4, of: 5) == 3)     // exactly 80%
        #expect(scale.band(0, of: 3) == 0)
        #expect(scale.band(ofProportion: 0.65) == 2)
        #expect(scale.band(ofProportion: 0.6499999) == 1)
        #expect(scale.rangeText(1) == "50-64.99%")
    }

    @Test func bundledYouthFrameworkGivesTheSameScale() throws {
        #expect(try RatingBandScale(try Framework.youth2018()) == RatingBandScale.youthInspection)
    }

    @Test func scaleValidation() {
        #expect(throws: InvalidArgumentError.self) { try RatingBandScale(names: ["a", "b"], thresholds: [50, 60]) }
        #expect(throws: InvalidArgumentError.self) { try RatingBandScale(names: ["a", "b", "c"], thresholds: [60, 50]) }
        #expect(throws: InvalidArgumentError.self) { try RatingBandScale(names: ["a"], thresholds: []) }
    }

    @Test func wholePopulationSampledIsCertain() throws {
        let result = try BandConfidence.compute(successes: 3, sample: 4, population: 4)
        #expect(result.bands.map(\.probability) == [0, 0, 1, 0])
        #expect(result.probabilityObservedBand == 1)
        let risk = try DesignRisk.compute(sample: 5, population: 5, trueProportion: 0.6)
        #expect(risk.probabilityWrongBand == 0)
    }

    @Test func badInputThrows() {
        #expect(throws: InvalidArgumentError.self) { try BandConfidence.compute(successes: 4, sample: 3, population: 10) }
        #expect(throws: InvalidArgumentError.self) { try BandConfidence.compute(successes: -1, sample: 3, population: 10) }
        #expect(throws: InvalidArgumentError.self) { try BandConfidence.compute(successes: 1, sample: 0, population: 10) }
        #expect(throws: InvalidArgumentError.self) { try BandConfidence.compute(successes: 1, sample: 5, population: 4) }
        #expect(throws: InvalidArgumentError.self) { try DesignRisk.compute(sample: 6, population: 5, trueProportion: 0.5) }
        #expect(throws: InvalidArgumentError.self) { try DesignRisk.compute(sample: 3, population: 5, trueProportion: 1.2) }
        #expect(throws: InvalidArgumentError.self) { try DesignRisk.compute(sample: 0, population: 5, trueProportion: 0.5) }
    }

    @Test func designRiskTableDeduplicatesCounts() throws {
        let rows = try DesignRisk.table(sample: 4, population: 5)
        #expect(rows.compactMap(\.populationSuccesses) == [2, 3, 4, 5])
        let infinite = try DesignRisk.table(sample: 4, population: nil)
        #expect(infinite.count == DesignRisk.boundaryGrid.count)
    }
}
