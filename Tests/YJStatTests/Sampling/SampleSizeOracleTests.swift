import Testing
@testable import YJStat

/// Sample sizes, margins and implied populations against Fixtures/sampling.json.
///
/// Tolerance: relative 1e-10 for z, n₀, unrounded sizes and margins (mpmath at 50 digits, and
/// epiR in double precision); whole-number sizes and population ranges must match exactly.
@Suite("Sample sizes against oracles")
struct SampleSizeOracleTests {
    @Test func criticalValues() throws {
        let fixture = try SamplingFixture.load()
        #expect(fixture.z.count == 4)
        for item in fixture.z {
            let target = try PrecisionTarget(confidence: item.confidence)
            #expect(samplingClose(target.z, item.z, relative: 1e-10), "C=\(item.confidence): \(target.z) vs \(item.z)")
        }
    }

    @Test func everyFormAndRoundingMatchesTheOracle() throws {
        let fixture = try SamplingFixture.load()
        #expect(fixture.sample_sizes.count > 1000)
        for item in fixture.sample_sizes {
            let target = try PrecisionTarget(confidence: item.confidence, margin: item.margin, proportion: item.proportion)
            let correction = try #require(FinitePopulationCorrection(rawValue: item.correction))
            let rounding = try #require(SampleSizeRounding(rawValue: item.rounding))
            let size = try SampleSize.compute(target: target, population: item.population, correction: correction, rounding: rounding)
            #expect(samplingClose(size.z, item.z, relative: 1e-10), "\(item)")
            #expect(samplingClose(size.infinitePopulationSize, item.n0, relative: 1e-10), "\(item)")
            #expect(samplingClose(size.unrounded, item.unrounded, relative: 1e-10), "\(item): \(size.unrounded) vs \(item.unrounded)")
            #expect(size.size == item.sample_size, "\(item): \(size.size) vs \(item.sample_size)")
        }
    }

    @Test func cochranAMatchesEpiR() throws {
        let fixture = try SamplingFixture.load()
        // epiR rows are present when the fixture was generated with R available (it was).
        #expect(fixture.epir_cochran_a.count == 9 * 4 * 3 * 2)
        for item in fixture.epir_cochran_a {
            let target = try PrecisionTarget(confidence: item.confidence, margin: item.margin, proportion: item.proportion)
            let size = try SampleSize.compute(target: target, population: item.population, correction: .cochranA)
            #expect(samplingClose(size.unrounded, item.unrounded, relative: 1e-10),
                    "N=\(String(describing: item.population)) C=\(item.confidence): \(size.unrounded) vs epiR \(item.unrounded)")
        }
    }

    @Test func marginsMatchTheOracle() throws {
        let fixture = try SamplingFixture.load()
        #expect(fixture.margins.count > 500)
        for item in fixture.margins {
            let correction = try #require(FinitePopulationCorrection(rawValue: item.correction))
            let margin = try MarginOfError.compute(sample: item.sample, population: item.population, confidence: item.confidence,
                                                   proportion: item.proportion, correction: correction)
            // Absolute floor 1e-15: the margin is exactly 0 when n = N.
            #expect(samplingClose(margin.margin, item.margin, relative: 1e-10, absolute: 1e-15),
                    "n=\(item.sample) N=\(String(describing: item.population)) \(item.correction): \(margin.margin) vs \(item.margin)")
        }
    }

    @Test func impliedPopulationRangesMatchABruteForceScan() throws {
        let fixture = try SamplingFixture.load()
        #expect(fixture.implied_populations.count > 100)
        for item in fixture.implied_populations {
            let target = try PrecisionTarget(confidence: item.confidence, margin: item.margin, proportion: item.proportion)
            let range = try ImpliedPopulationRange.implied(
                bySample: item.sample, target: target,
                correction: try #require(FinitePopulationCorrection(rawValue: item.correction)),
                rounding: try #require(SampleSizeRounding(rawValue: item.rounding)))
            #expect(range.isEmpty == item.empty, "\(item)")
            #expect(range.lower == item.lower, "\(item): lower \(String(describing: range.lower))")
            #expect(range.upper == item.upper, "\(item): upper \(String(describing: range.upper))")
        }
    }
}
