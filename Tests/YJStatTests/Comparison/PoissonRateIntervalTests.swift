import Testing
@testable import YJStat

/// Garwood intervals against scipy `chi2.ppf`/`chi2.isf` (within 5e-15 of R `poisson.test`), and
/// Byar's approximation against the Breslow & Day formula evaluated in Python.
///
/// Tolerance: relative 1e-12 for both (the chi-square quantile is inverted to near machine
/// precision; Byar's is a closed form, where only the normal quantile can differ).
@Suite("Poisson rate intervals")
struct PoissonRateIntervalTests {
    @Test func exactAndByarMatchTheOracle() throws {
        let fixture = try #require(ComparisonFixture.shared)
        var worstExact = 0.0, worstByar = 0.0
        for c in fixture.poissonIntervals {
            let exact = try PoissonRateInterval.exact(count: c.k, population: 1, per: 1, confidence: c.confidence)
            let byar = try PoissonRateInterval.byar(count: c.k, population: 1, per: 1, confidence: c.confidence)
            worstExact = max(worstExact, relativeDifference(exact.lower, c.exact[0]), relativeDifference(exact.upper, c.exact[1]))
            worstByar = max(worstByar, relativeDifference(byar.lower, c.byar[0]), relativeDifference(byar.upper, c.byar[1]))
            #expect(isClose(exact.lower, c.exact[0], relative: 1e-12), "k=\(c.k) c=\(c.confidence)")
            #expect(isClose(exact.upper, c.exact[1], relative: 1e-12), "k=\(c.k) c=\(c.confidence)")
            #expect(isClose(byar.lower, c.byar[0], relative: 1e-12), "k=\(c.k) c=\(c.confidence)")
            #expect(isClose(byar.upper, c.byar[1], relative: 1e-12), "k=\(c.k) c=\(c.confidence)")
        }
        print("Poisson intervals: worst relative difference exact \(worstExact), Byar \(worstByar)")
    }

    @Test func byarIsCloseToExactFromTenEvents() throws {
        // The reason for the public-health rule: from 10 events Byar's is within 1.5% of exact.
        for k in [10, 15, 30, 100, 1000] {
            let exact = try PoissonRateInterval.exact(count: k, population: 1, per: 1, confidence: 0.95)
            let byar = try PoissonRateInterval.byar(count: k, population: 1, per: 1, confidence: 0.95)
            #expect(abs(byar.lower / exact.lower - 1) < 0.015, "k=\(k)")
            #expect(abs(byar.upper / exact.upper - 1) < 0.015, "k=\(k)")
        }
    }

    @Test func autoSwitchesAtTenAndScalesToTheRate() throws {
        let nine = try PoissonRateInterval.compute(.auto, count: 9, population: 4000, per: 100_000, confidence: 0.95)
        let ten = try PoissonRateInterval.compute(.auto, count: 10, population: 4000, per: 100_000, confidence: 0.95)
        #expect(nine.method == .exact)
        #expect(ten.method == .byar)
        #expect(ten.estimate == 250)
        #expect(isClose(ten.lower, ten.countLower / 4000 * 100_000, relative: 1e-15))
        let zero = try PoissonRateInterval.compute(.auto, count: 0, population: 9000, per: 100_000, confidence: 0.95)
        #expect(zero.lower == 0 && zero.upper > 0)
    }

    @Test func badArgumentsThrow() {
        #expect(throws: InvalidArgumentError.self) { try PoissonRateInterval.exact(count: -1, population: 10, per: 1, confidence: 0.95) }
        #expect(throws: InvalidArgumentError.self) { try PoissonRateInterval.exact(count: 1, population: 0, per: 1, confidence: 0.95) }
        #expect(throws: InvalidArgumentError.self) { try PoissonRateInterval.byar(count: 1, population: 10, per: 0, confidence: 0.95) }
        #expect(throws: InvalidArgumentError.self) { try PoissonRateInterval.byar(count: 1, population: 10, per: 1, confidence: 1) }
        #expect(throws: InvalidArgumentError.self) { try PoissonRateInterval.exact(count: 1, population: .nan, per: 1, confidence: 0.95) }
    }
}
