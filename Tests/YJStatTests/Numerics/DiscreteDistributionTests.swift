import Foundation
import Testing
@testable import YJStat

@Suite("Discrete distributions: properties and invalid input")
struct DiscreteDistributionTests {
    /// Probabilities are dyadic so that 1 − p is exact and the mirrored distribution is the
    /// same one (a rounded 1 − p would shift far-tail probabilities by |k − np|·ε/(pq)).
    static let binomials: [Binomial] = [
        Binomial(trials: 0, probability: 0.375), Binomial(trials: 1, probability: 0.5),
        Binomial(trials: 17, probability: 0.3125), Binomial(trials: 60, probability: 0.984375),
        Binomial(trials: 400, probability: 0.015625), Binomial(trials: 5000, probability: 0.5),
        Binomial(trials: 100_000, probability: 0.3125),
    ]
    static let hypergeometrics: [Hypergeometric] = [
        Hypergeometric(population: 0, successes: 0, draws: 0),
        Hypergeometric(population: 12, successes: 5, draws: 7),
        Hypergeometric(population: 164, successes: 60, draws: 30),
        Hypergeometric(population: 5000, successes: 4990, draws: 300),
        Hypergeometric(population: 100_000, successes: 30_000, draws: 20_000),
    ]
    static let poissons: [Poisson] = [
        Poisson(mean: 0), Poisson(mean: 1e-8), Poisson(mean: 0.7), Poisson(mean: 12),
        Poisson(mean: 345.6), Poisson(mean: 50_000),
    ]

    /// Two independent evaluations of a probability that is formed as exp(L) can each carry the
    /// rounding of L, about |L|·ε relative; allow twice that plus a few ulps.
    static func logSpaceTolerance(_ value: Double) -> Double {
        1e-14 + 5e-16 * abs(Foundation.log(value))
    }

    /// Checks Σ pmf = 1, cdf + sf = 1, cdf = Σ pmf, monotonicity and the support edges.
    static func checkDistribution(
        name: String,
        support: ClosedRange<Int>,
        pmf: (Int) -> Double,
        cdf: (Int) -> Double,
        sf: (Int) -> Double
    ) {
        var running = 0.0
        var compensation = 0.0
        var previousCDF = 0.0
        var previousSF = 1.0
        var worstCumulative = WorstError()
        // Every k for the probabilities; the distribution functions (each a tail sum of up to
        // thousands of terms) at about 2000 points.
        let stride = max(1, support.count / 2000)
        for k in support {
            // Kahan summation of the probabilities.
            let y = pmf(k) - compensation
            let t = running + y
            compensation = (t - running) - y
            running = t
            guard (k - support.lowerBound) % stride == 0 else { continue }
            let lower = cdf(k)
            let upper = sf(k)
            #expect(abs(lower + upper - 1) <= 5e-16, "\(name): cdf + sf at k = \(k) is \(lower + upper)")
            #expect(lower >= previousCDF && upper <= previousSF, "\(name): not monotone at k = \(k)")
            if running > 1e-3 && running < 0.999 {
                worstCumulative.record(lower, running, at: "\(name) k = \(k)")
            }
            previousCDF = lower
            previousSF = upper
        }
        #expect(abs(running - 1) <= 1e-13, "\(name): probabilities sum to \(running)")
        #expect(worstCumulative.value <= 1e-12, "\(name): cdf vs summed pmf, \(worstCumulative.summary)")
        #expect(pmf(support.lowerBound - 1) == 0)
        #expect(cdf(support.lowerBound - 1) == 0)
        #expect(sf(support.lowerBound - 1) == 1)
        #expect(cdf(support.upperBound) == 1)
        #expect(sf(support.upperBound) == 0)
    }

    @Test("binomial: sums, complements, monotonicity, symmetry")
    func binomialProperties() throws {
        for distribution in Self.binomials {
            let support = try #require(distribution.support)
            Self.checkDistribution(
                name: "\(distribution)", support: support,
                pmf: distribution.pmf, cdf: distribution.cdf, sf: distribution.sf)
            let mirror = Binomial(trials: distribution.trials, probability: 1 - distribution.probability)
            for k in stride(from: 0, through: distribution.trials, by: max(1, distribution.trials / 50)) {
                let value = distribution.pmf(k)
                guard value > 1e-300 else { continue }
                #expect(WorstError.relative(mirror.pmf(distribution.trials - k), value)
                    <= Self.logSpaceTolerance(value))
            }
            #expect(distribution.pmf(distribution.trials + 1) == 0)
        }
        let binomial = Binomial(trials: 40, probability: 0.25)
        #expect(binomial.mean == 10)
        #expect(binomial.variance == 7.5)
    }

    @Test("hypergeometric: sums, complements, monotonicity, symmetry")
    func hypergeometricProperties() throws {
        for distribution in Self.hypergeometrics {
            let support = try #require(distribution.support)
            Self.checkDistribution(
                name: "\(distribution)", support: support,
                pmf: distribution.pmf, cdf: distribution.cdf, sf: distribution.sf)
            // Exchanging the roles of successes and draws leaves the distribution unchanged.
            let swapped = Hypergeometric(
                population: distribution.population, successes: distribution.draws, draws: distribution.successes)
            for k in support where distribution.pmf(k) > 1e-300 {
                let value = distribution.pmf(k)
                #expect(WorstError.relative(swapped.pmf(k), value) <= Self.logSpaceTolerance(value))
            }
        }
        let small = Hypergeometric(population: 12, successes: 5, draws: 7)
        // C(5,2) C(7,5) / C(12,7) = 10 × 21 / 792.
        #expect(WorstError.relative(small.pmf(2), 210.0 / 792.0) <= 1e-15)
        #expect(small.support == 0...5)
        #expect(Hypergeometric(population: 10, successes: 8, draws: 5).support == 3...5)
        #expect(WorstError.relative(small.mean, 35.0 / 12.0) <= 1e-15)
    }

    @Test("small hypergeometric cases are correctly rounded")
    func smallHypergeometricIsExact() {
        // Ties with a significance level must behave as in exact arithmetic: P(X ≤ 0) is
        // exactly 1/10 here, so it must be the double nearest 0.1 (which exceeds (1 − 0.8)/2
        // as computed in floating point).
        #expect(Hypergeometric(population: 5, successes: 3, draws: 2).cdf(0) == 0.1)
        #expect(Hypergeometric(population: 100, successes: 90, draws: 1).cdf(0) == 0.1)
        #expect(Hypergeometric(population: 10, successes: 2, draws: 1).sf(0) == 0.2)
        // C(4,2) C(46,23) / C(50,25) = 6 × 8233430727600 / 126410606437752.
        let value = Hypergeometric(population: 50, successes: 4, draws: 25).pmf(2)
        #expect(value == 49_400_584_365_600.0 / 126_410_606_437_752.0)
        #expect(ExactBinomialCoefficient.value(50, 25) == 126_410_606_437_752)
        #expect(ExactBinomialCoefficient.value(60, 30) == nil)
        #expect(ExactBinomialCoefficient.value(10, -1) == 0 && ExactBinomialCoefficient.value(10, 11) == 0)
        // Just above the exact range the saddle-point path takes over without a visible seam.
        let large = Hypergeometric(population: 60, successes: 20, draws: 30)
        let exactNumerator = Double(ExactBinomialCoefficient.value(20, 10)! * ExactBinomialCoefficient.value(40, 20)!)
        // C(60, 30) = 118264581564861424 is exactly representable as a double.
        #expect(WorstError.relative(large.pmf(10), exactNumerator / 118_264_581_564_861_424.0) <= 1e-15)
    }

    @Test("Poisson: sums, complements, monotonicity")
    func poissonProperties() {
        for distribution in Self.poissons {
            let upper = Int(distribution.mean + 40 * distribution.mean.squareRoot() + 60)
            Self.checkDistribution(
                name: "\(distribution)", support: 0...upper,
                pmf: distribution.pmf, cdf: distribution.cdf,
                sf: { k in k >= upper ? 0 : distribution.sf(k) })
        }
        let poisson = Poisson(mean: 2.5)
        #expect(WorstError.relative(poisson.pmf(3), Foundation.exp(-2.5) * 2.5 * 2.5 * 2.5 / 6) <= 1e-15)
        #expect(poisson.support == 0...Int.max)
        #expect(poisson.sf(Int.max) == 0)
        #expect(poisson.cdf(Int.max) == 1)
    }

    @Test("far tails stay finite in log space and keep relative accuracy")
    func farTails() {
        let binomial = Binomial(trials: 1_000_000, probability: 0.5)
        var previous = 0.0
        for k in stride(from: 600_000, through: 990_000, by: 10_000) {
            let logSF = binomial.logSF(k)
            #expect(logSF.isFinite && logSF < previous, "k = \(k)")
            previous = logSF
        }
        // P(X > n−1) = pⁿ exactly.
        #expect(WorstError.relative(binomial.logSF(999_999), 1_000_000 * Foundation.log(0.5)) <= 1e-14)
        #expect(WorstError.relative(binomial.logCDF(0), 1_000_000 * Foundation.log(0.5)) <= 1e-14)
        let poisson = Poisson(mean: 3)
        // P(X = 0) = e^(−λ); in log space −λ exactly.
        #expect(poisson.logCDF(0) == -3)
    }

    @Test("out-of-support and extreme integers never trap")
    func extremeIntegers() {
        let binomial = Binomial(trials: 30, probability: 0.4)
        let hypergeometric = Hypergeometric(population: 30, successes: 10, draws: 12)
        let poisson = Poisson(mean: 4)
        for k in [Int.min, -1, Int.max] {
            #expect(binomial.pmf(k) == 0)
            #expect(hypergeometric.pmf(k) == 0)
            #expect(poisson.pmf(k) == 0)
            #expect(binomial.cdf(k) == (k > 0 ? 1 : 0))
            #expect(hypergeometric.sf(k) == (k > 0 ? 0 : 1))
            #expect(poisson.cdf(k) == (k > 0 ? 1 : 0))
        }
    }

    @Test("degenerate parameters")
    func degenerate() {
        let never = Binomial(trials: 10, probability: 0)
        #expect(never.pmf(0) == 1 && never.pmf(1) == 0 && never.cdf(0) == 1 && never.sf(0) == 0)
        let always = Binomial(trials: 10, probability: 1)
        #expect(always.pmf(10) == 1 && always.pmf(9) == 0 && always.cdf(9) == 0 && always.sf(9) == 1)
        let census = Hypergeometric(population: 20, successes: 7, draws: 20)
        #expect(census.pmf(7) == 1 && census.support == 7...7)
        let none = Hypergeometric(population: 20, successes: 7, draws: 0)
        #expect(none.pmf(0) == 1 && none.cdf(0) == 1)
        #expect(Poisson(mean: 0).pmf(0) == 1 && Poisson(mean: 0).sf(0) == 0)
    }

    @Test("invalid parameters give NaN and no support")
    func invalidParameters() {
        let binomials = [
            Binomial(trials: -1, probability: 0.5), Binomial(trials: 5, probability: -0.1),
            Binomial(trials: 5, probability: 1.5), Binomial(trials: 5, probability: .nan),
        ]
        for distribution in binomials {
            #expect(!distribution.isValid && distribution.support == nil)
            #expect(distribution.pmf(1).isNaN && distribution.logPMF(1).isNaN)
            #expect(distribution.cdf(1).isNaN && distribution.sf(1).isNaN && distribution.logCDF(1).isNaN)
            #expect(distribution.mean.isNaN && distribution.variance.isNaN)
        }
        let hypergeometrics = [
            Hypergeometric(population: -1, successes: 0, draws: 0),
            Hypergeometric(population: 10, successes: 11, draws: 3),
            Hypergeometric(population: 10, successes: 3, draws: 11),
            Hypergeometric(population: 10, successes: -1, draws: 3),
        ]
        for distribution in hypergeometrics {
            #expect(!distribution.isValid && distribution.support == nil)
            #expect(distribution.pmf(1).isNaN && distribution.cdf(1).isNaN && distribution.sf(1).isNaN)
            #expect(distribution.mean.isNaN)
        }
        for mean in [-1.0, .nan, .infinity] {
            let distribution = Poisson(mean: mean)
            #expect(!distribution.isValid && distribution.support == nil)
            #expect(distribution.pmf(1).isNaN && distribution.cdf(1).isNaN && distribution.logSF(1).isNaN)
        }
    }
}
