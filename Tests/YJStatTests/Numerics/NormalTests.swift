import Foundation
import Testing
@testable import YJStat

@Suite("Normal distribution properties")
struct NormalTests {
    static let grid: [Double] = stride(from: -40.0, through: 40.0, by: 0.0625).map { $0 }

    @Test("cdf(x) + sf(x) = 1 and cdf(−x) = sf(x)")
    func complementAndSymmetry() {
        for x in Self.grid {
            #expect(Normal.cdf(-x) == Normal.sf(x))
            #expect(abs(Normal.cdf(x) + Normal.sf(x) - 1) <= 2e-16, "x = \(x)")
        }
    }

    @Test("cdf and logCDF are non-decreasing")
    func monotone() {
        var previous = -Double.infinity
        var previousLog = -Double.infinity
        for x in Self.grid {
            let value = Normal.cdf(x)
            let logValue = Normal.logCDF(x)
            #expect(value >= previous, "cdf decreases at \(x)")
            #expect(logValue >= previousLog, "logCDF decreases at \(x)")
            previous = value
            previousLog = logValue
        }
    }

    @Test("logCDF is continuous where it switches from log(cdf) to the Mills ratio")
    func logCDFSwitch() {
        // Around x = −37.04, Φ(x) crosses 1e-300 and the method changes. Compare with the
        // asymptotic series log Φ(x) = −x²/2 − log(−x) − log √(2π)
        //   + log(1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸), whose truncation error here is below 3e-13
        // absolute on values near −690.
        for x in stride(from: -37.5, through: -36.5, by: 0.01) {
            let s = 1 / (x * x)
            let expected = -0.5 * x * x - Foundation.log(-x) - 0.5 * Foundation.log(2 * Double.pi)
                + Foundation.log1p(s * (-1 + s * (3 + s * (-15 + s * 105))))
            #expect(WorstError.relative(Normal.logCDF(x), expected) <= 2e-15, "x = \(x)")
        }
    }

    @Test("quantile inverts cdf in both tails")
    func roundTrip() {
        // Only where p = Φ(x) itself is not rounded toward 1 (x ≤ ½); the upper tail goes
        // through the complementary quantile.
        for x in stride(from: -37.0, through: 0.5, by: 0.37) {
            let p = Normal.cdf(x)
            // Near x = 0 the rounding of p itself limits x to an absolute ~1e-16.
            #expect(abs(Normal.quantile(p) - x) <= 1e-13 * max(abs(x), 1), "x = \(x), p = \(p)")
        }
        for x in stride(from: 0.5, through: 37.0, by: 0.37) {
            let q = Normal.sf(x)
            #expect(WorstError.relative(Normal.complementaryQuantile(q), x) <= 1e-13, "x = \(x), q = \(q)")
        }
    }

    @Test("sampling constants from the domain reference")
    func knownQuantiles() {
        // z at 80% and 95% two-sided confidence, as quoted in DOMAIN.md (7 decimals).
        #expect(abs(Normal.quantile(0.9) - 1.2815516) < 5e-8)
        #expect(abs(Normal.quantile(0.975) - 1.9599640) < 5e-8)
        #expect(Normal.quantile(0.5) == 0)
    }

    @Test("log tails stay finite far beyond underflow")
    func farLogTails() {
        // log Φ(x) = −x²/2 − log(−x) − log √(2π) + log(1 − 1/x² + 3/x⁴ − …) for x → −∞.
        for x in [-50.0, -100.0, -1000.0, -1e5] {
            let expected = -0.5 * x * x - Foundation.log(-x) - 0.5 * Foundation.log(2 * Double.pi)
                + Foundation.log1p(-1 / (x * x) + 3 / (x * x * x * x) - 15 / (x * x * x * x * x * x))
            #expect(WorstError.relative(Normal.logCDF(x), expected) <= 1e-14, "x = \(x)")
            #expect(Normal.logSF(-x) == Normal.logCDF(x))
        }
    }

    @Test("invalid and boundary arguments")
    func invalidArguments() {
        #expect(Normal.cdf(.nan).isNaN)
        #expect(Normal.sf(.nan).isNaN)
        #expect(Normal.logCDF(.nan).isNaN)
        #expect(Normal.quantile(.nan).isNaN)
        #expect(Normal.quantile(-0.01).isNaN)
        #expect(Normal.quantile(1.01).isNaN)
        #expect(Normal.complementaryQuantile(2).isNaN)
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.cdf(.infinity) == 1)
        #expect(Normal.cdf(-.infinity) == 0)
        #expect(Normal.logCDF(-.infinity) == -.infinity)
        #expect(WorstError.relative(Normal.pdf(0), 1 / (2 * Double.pi).squareRoot()) <= 2.3e-16)
        #expect(Normal.pdf(.infinity) == 0)
        #expect(Normal.sf(.infinity) == 0 && Normal.sf(-.infinity) == 1)
    }
}
