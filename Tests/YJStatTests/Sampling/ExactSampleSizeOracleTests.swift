import Testing
@testable import YJStat

/// The exact hypergeometric (and binomial) sample-size pair against Fixtures/sampling.json, where
/// the oracle scanned every n up to N (binomial: up to 3000) with scipy, deciding coverage ≥
/// confidence exactly in integers for N ≤ 500.
///
/// Tolerance: sizes exactly; coverages relative 1e-9 (sums of up to a few hundred pmf terms, each
/// from log-gamma differences, against scipy's double-precision pmf).
@Suite("Exact sample sizes against oracles")
struct ExactSampleSizeOracleTests {
    @Test func pairsMatchTheOracle() throws {
        let fixture = try SamplingFixture.load()
        #expect(fixture.exact.count > 60)
        for item in fixture.exact {
            let target = try PrecisionTarget(confidence: item.confidence, margin: item.margin, proportion: item.proportion)
            let exact = try ExactSampleSize.compute(target: target, population: item.population)
            #expect(exact.populationSuccesses == item.population_successes, "\(item)")
            #expect(exact.firstSufficient == item.first_sufficient, "\(item): first \(exact.firstSufficient)")
            #expect(exact.sufficientFromHere == item.sufficient_from, "\(item): from \(exact.sufficientFromHere)")
            #expect(samplingClose(exact.coverageAtFirst, item.coverage_at_first, relative: 1e-9), "\(item)")
            #expect(samplingClose(exact.coverageFromHere, item.coverage_at_sufficient_from, relative: 1e-9), "\(item)")
            #expect(exact.firstSufficient <= exact.sufficientFromHere)
        }
    }

    @Test func coveragesForSmallSamplesMatchTheOracle() throws {
        let fixture = try SamplingFixture.load()
        for item in fixture.exact {
            let K = item.population.map { ExactSampleSize.populationSuccesses(population: $0, proportion: item.proportion) }
            for (index, expected) in item.coverages_1_to_60.enumerated() {
                let coverage = ExactSampleSize.coverage(sample: index + 1, population: item.population, successes: K,
                                                        proportion: item.proportion, margin: item.margin)
                #expect(samplingClose(coverage, expected, relative: 1e-9, absolute: 1e-15), "\(item) n=\(index + 1)")
            }
        }
    }

    @Test func inspectorateDefaultIsNotMonotone() throws {
        // At N = 58 (80%, ±5, p = 0.5) the first sufficient n is below the n from which all work.
        let exact = try ExactSampleSize.compute(target: .inspectorate, population: 58)
        #expect(exact.firstSufficient < exact.sufficientFromHere)
        #expect(exact.populationSuccesses == 29)
    }

    @Test func hugeSearchesAreRefused() throws {
        let target = try PrecisionTarget(confidence: 0.999, margin: 0.001)
        #expect(throws: InvalidArgumentError.self) { try ExactSampleSize.compute(target: target, population: nil) }
    }
}
