import Foundation
import Testing
@testable import YJStat

@Suite("Chi-squared, beta and gamma distributions")
struct ContinuousDistributionTests {
    @Test("chi-squared with 1 df is the square of a standard normal")
    func chiSquaredOneDegree() {
        let chiSquared = ChiSquared(degreesOfFreedom: 1)
        for z in [0.1, 0.5, 1.0, 1.959963984540054, 3, 6, 10] {
            #expect(WorstError.relative(chiSquared.sf(z * z), 2 * Normal.sf(z)) <= 1e-13, "z = \(z)")
        }
        for p in [0.5, 0.9, 0.95, 0.99, 0.999] {
            let z = Normal.quantile((1 + p) / 2)
            #expect(WorstError.relative(chiSquared.quantile(p), z * z) <= 1e-13, "p = \(p)")
        }
    }

    @Test("chi-squared with 2 df is exponential with mean 2")
    func chiSquaredTwoDegrees() {
        let chiSquared = ChiSquared(degreesOfFreedom: 2)
        for x in [0.01, 1, 5, 50, 500] {
            #expect(WorstError.relative(chiSquared.cdf(x), -Foundation.expm1(-x / 2)) <= 1e-14)
            #expect(WorstError.relative(chiSquared.sf(x), Foundation.exp(-x / 2)) <= 1e-13)
            #expect(WorstError.relative(chiSquared.logSF(x), -x / 2) <= 1e-13)
        }
        for q in [1e-200, 1e-10, 0.05, 0.5] {
            #expect(WorstError.relative(chiSquared.complementaryQuantile(q), -2 * Foundation.log(q)) <= 1e-13)
        }
        #expect(chiSquared.mean == 2)
        #expect(chiSquared.cdf(-3) == 0 && chiSquared.sf(-3) == 1)
    }

    @Test("beta distribution: uniform case, complements, quantile round trip")
    func beta() {
        let uniform = BetaDistribution(alpha: 1, beta: 1)
        for p in [1e-10, 0.1, 0.5, 0.77] {
            #expect(WorstError.relative(uniform.quantile(p), p) <= 1e-14)
            #expect(WorstError.relative(uniform.complementaryQuantile(p), 1 - p) <= 1e-14)
        }
        // Clopper–Pearson 95% limits for 3 successes in 20 trials: Beta(3, 18) lower 2.5%,
        // Beta(4, 17) upper 97.5%, checked through the distribution function.
        let lower = BetaDistribution(alpha: 3, beta: 18).quantile(0.025)
        let upper = BetaDistribution(alpha: 4, beta: 17).complementaryQuantile(0.025)
        #expect(WorstError.relative(BetaDistribution(alpha: 3, beta: 18).cdf(lower), 0.025) <= 1e-13)
        #expect(WorstError.relative(BetaDistribution(alpha: 4, beta: 17).sf(upper), 0.025) <= 1e-13)
        #expect(lower < 0.15 && upper > 0.15)
        let distribution = BetaDistribution(alpha: 2.5, beta: 7)
        #expect(distribution.mean == 2.5 / 9.5)
        for x in [0.01, 0.2, 0.6, 0.95] {
            #expect(abs(distribution.cdf(x) + distribution.sf(x) - 1) <= 4e-16)
        }
    }

    @Test("gamma distribution: exponential case and scale")
    func gamma() {
        let exponential = GammaDistribution(shape: 1, scale: 2)
        for p in [1e-12, 0.1, 0.5, 0.9, 1 - 1e-9] {
            #expect(WorstError.relative(exponential.quantile(p), -2 * Foundation.log1p(-p)) <= 1e-13)
        }
        #expect(WorstError.relative(exponential.complementaryQuantile(1e-30), 2 * 30 * Foundation.log(10.0)) <= 1e-14)
        let scaled = GammaDistribution(shape: 7.5, scale: 3)
        let unit = GammaDistribution(shape: 7.5)
        for x in [1.0, 10, 30, 80] {
            #expect(WorstError.relative(scaled.cdf(x), unit.cdf(x / 3)) <= 1e-15)
            #expect(WorstError.relative(scaled.sf(x), unit.sf(x / 3)) <= 1e-15)
        }
        #expect(scaled.mean == 22.5)
    }

    @Test("invalid parameters give NaN")
    func invalid() {
        for bad in [0.0, -2.0, .nan, .infinity] {
            let chiSquared = ChiSquared(degreesOfFreedom: bad)
            #expect(!chiSquared.isValid && chiSquared.cdf(1).isNaN && chiSquared.sf(1).isNaN)
            #expect(chiSquared.quantile(0.5).isNaN && chiSquared.complementaryQuantile(0.5).isNaN)
            #expect(chiSquared.mean.isNaN)
            let beta = BetaDistribution(alpha: bad, beta: 2)
            #expect(!beta.isValid && beta.cdf(0.5).isNaN && beta.sf(0.5).isNaN && beta.quantile(0.5).isNaN)
            #expect(beta.mean.isNaN)
            let gamma = GammaDistribution(shape: 2, scale: bad)
            #expect(!gamma.isValid && gamma.cdf(1).isNaN && gamma.quantile(0.5).isNaN)
        }
        #expect(ChiSquared(degreesOfFreedom: 3).quantile(1.5).isNaN)
        #expect(ChiSquared(degreesOfFreedom: 3).cdf(.nan).isNaN)
        #expect(BetaDistribution(alpha: 2, beta: 3).quantile(-0.5).isNaN)
    }
}
