import Testing
@testable import YJStat

/// Exact two-sided tests against scipy `binomtest` (itself within 2.4e-13 of R `binom.test` on
/// these cases), R `poisson.test` and scipy `fisher_exact`.
///
/// Tolerance: relative 1e-12 (measured worst: 1.2e-13 binomial, 3.7e-15 Poisson). The p-values
/// are sums of the same probabilities in another order and by other pmf algorithms, and the
/// oracles themselves differ by up to 2.4e-13 relative, so 1e-12 is tight but above their noise.
@Suite("Exact tests against scipy and R")
struct ExactTestTests {
    static let tolerance = 1e-12

    @Test func binomialMatchesScipy() throws {
        let fixture = try #require(ComparisonFixture.shared)
        #expect(fixture.binomialTests.count > 600)
        var worst = 0.0
        for c in fixture.binomialTests {
            let p = try ExactTest.binomial(successes: c.k, trials: c.n, probability: c.p)
            worst = max(worst, relativeDifference(p, c.pValue))
            #expect(isClose(p, c.pValue, relative: Self.tolerance, absolute: 1e-300), "k=\(c.k) n=\(c.n) p=\(c.p): \(p) vs \(c.pValue)")
        }
        print("binomial test: worst relative difference \(worst)")
    }

    @Test func poissonMatchesR() throws {
        let fixture = try #require(ComparisonFixture.shared)
        var worst = 0.0
        for c in fixture.poissonTests {
            let p = try ExactTest.poisson(count: c.k, mean: c.mean)
            worst = max(worst, relativeDifference(p, c.pValue))
            #expect(isClose(p, c.pValue, relative: Self.tolerance, absolute: 1e-300), "k=\(c.k) mean=\(c.mean): \(p) vs \(c.pValue)")
        }
        print("Poisson test: worst relative difference \(worst)")
    }

    @Test func fisherMatchesScipy() throws {
        let fixture = try #require(ComparisonFixture.shared)
        for c in fixture.fisherTests {
            let p = try ExactTest.fisher(a: c.a, b: c.b, c: c.c, d: c.d)
            #expect(isClose(p, c.pValue, relative: Self.tolerance), "\(c.a) \(c.b) \(c.c) \(c.d): \(p) vs \(c.pValue)")
        }
    }

    @Test func symmetricCasesAndDegenerateNulls() throws {
        // X ~ Bin(10, 1/2) observed 5: every outcome is at most as likely, so p = 1.
        #expect(try ExactTest.binomial(successes: 5, trials: 10, probability: 0.5) == 1)
        // Observed 0 of 10 at p = 1/2: both tails, 2 · 2⁻¹⁰.
        #expect(isClose(try ExactTest.binomial(successes: 0, trials: 10, probability: 0.5), 2.0 / 1024, relative: 1e-14))
        #expect(try ExactTest.binomial(successes: 0, trials: 4, probability: 0) == 1)
        #expect(try ExactTest.binomial(successes: 1, trials: 4, probability: 0) == 0)
        #expect(try ExactTest.binomial(successes: 4, trials: 4, probability: 1) == 1)
        #expect(try ExactTest.poisson(count: 0, mean: 0) == 1)
        #expect(try ExactTest.poisson(count: 2, mean: 0) == 0)
        #expect(try ExactTest.fisher(a: 0, b: 10, c: 0, d: 20) == 1)
    }

    @Test func badArgumentsThrow() {
        #expect(throws: InvalidArgumentError.self) { try ExactTest.binomial(successes: 5, trials: 3, probability: 0.5) }
        #expect(throws: InvalidArgumentError.self) { try ExactTest.binomial(successes: -1, trials: 3, probability: 0.5) }
        #expect(throws: InvalidArgumentError.self) { try ExactTest.binomial(successes: 1, trials: 3, probability: 1.5) }
        #expect(throws: InvalidArgumentError.self) { try ExactTest.binomial(successes: 1, trials: 3, probability: .nan) }
        #expect(throws: InvalidArgumentError.self) { try ExactTest.poisson(count: -2, mean: 1) }
        #expect(throws: InvalidArgumentError.self) { try ExactTest.poisson(count: 2, mean: -1) }
        #expect(throws: InvalidArgumentError.self) { try ExactTest.poisson(count: 2, mean: .infinity) }
        #expect(throws: InvalidArgumentError.self) { try ExactTest.fisher(a: 1, b: -1, c: 2, d: 3) }
    }
}
