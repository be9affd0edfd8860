import Testing
@testable import YJStat

/// Band confidence and design risk against Fixtures/sampling.json: brute-force Bayes over every
/// population count (mpmath) and enumeration of every subset for small N; scipy betabinom, beta,
/// hypergeom and binom otherwise.
///
/// Tolerance: absolute 1e-12 for probabilities (they are in [0, 1], sums of up to 10,000 terms
/// evaluated via log-gamma), relative 1e-9 for the infinite-population beta tails above 1e-300.
@Suite("Band probabilities against oracles")
struct BandOracleTests {
    @Test func bandConfidenceMatchesEnumerationAndScipy() throws {
        let fixture = try SamplingFixture.load()
        #expect(fixture.band_confidence.filter { $0.method == "enumeration" }.count > 100)
        for item in fixture.band_confidence {
            let prior = try #require(BandPrior(rawValue: item.prior))
            let result = try BandConfidence.compute(successes: item.successes, sample: item.sample,
                                                    population: item.population, prior: prior)
            let probabilities = result.bands.map(\.probability)
            #expect(abs(probabilities.reduce(0, +) - 1) <= 1e-12, "\(item)")
            for (actual, expected) in zip(probabilities, item.probabilities) {
                #expect(samplingClose(actual, expected, relative: 1e-9, absolute: 1e-12), "\(item): \(probabilities) vs \(item.probabilities)")
            }
        }
    }

    @Test func designRiskMatchesSubsetEnumerationAndScipy() throws {
        let fixture = try SamplingFixture.load()
        #expect(fixture.design_risk.filter { $0.method == "enumeration" }.count > 50)
        for item in fixture.design_risk {
            let proportion = item.population_successes.map { Double($0) / Double(item.population ?? 1) } ?? item.true_proportion
            let risk = try DesignRisk.compute(sample: item.sample, population: item.population, trueProportion: proportion)
            #expect(risk.populationSuccesses == item.population_successes, "\(item)")
            #expect(risk.trueBand == item.true_band, "\(item)")
            let probabilities = risk.bands.map(\.probability)
            #expect(abs(probabilities.reduce(0, +) - 1) <= 1e-12, "\(item)")
            for (actual, expected) in zip(probabilities, item.probabilities) {
                #expect(abs(actual - expected) <= 1e-12, "\(item): \(probabilities) vs \(item.probabilities)")
            }
        }
    }
}
