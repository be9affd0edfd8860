import Foundation
import Testing
@testable import YJStat

@Suite("Special functions: identities, inverses and invalid input")
struct SpecialFunctionsTests {
    static let shapes: [Double] = [0.5, 1, 2.5, 10, 50, 500, 1e4, 1e5]

    @Test("closed forms of the incomplete beta function")
    func incompleteBetaClosedForms() {
        for x in [1e-12, 1e-3, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999] {
            // I_x(1, 1) = x; I_x(a, 1) = xᵃ; I_x(1, b) = 1 − (1 − x)ᵇ; I_x(½, ½) = (2/π) asin √x.
            #expect(WorstError.relative(SpecialFunctions.regularizedIncompleteBeta(a: 1, b: 1, x: x), x) <= 1e-14)
            #expect(WorstError.relative(
                SpecialFunctions.regularizedIncompleteBeta(a: 3.5, b: 1, x: x), Foundation.pow(x, 3.5)) <= 1e-14)
            #expect(WorstError.relative(
                SpecialFunctions.complementedRegularizedIncompleteBeta(a: 1, b: 7, x: x),
                Foundation.exp(7 * Foundation.log1p(-x))) <= 1e-14)
            #expect(WorstError.relative(
                SpecialFunctions.regularizedIncompleteBeta(a: 0.5, b: 0.5, x: x),
                2 / Double.pi * Foundation.asin(x.squareRoot())) <= 1e-14, "x = \(x)")
        }
    }

    @Test("closed forms of the incomplete gamma function")
    func incompleteGammaClosedForms() {
        for x in [1e-10, 1e-3, 0.1, 1, 2, 5, 20, 100, 600] {
            // P(1, x) = 1 − e⁻ˣ, Q(1, x) = e⁻ˣ, P(½, x) = erf √x, Q(½, x) = erfc √x.
            #expect(WorstError.relative(SpecialFunctions.regularizedGammaP(a: 1, x: x), -Foundation.expm1(-x)) <= 1e-14)
            #expect(WorstError.relative(SpecialFunctions.regularizedGammaQ(a: 1, x: x), Foundation.exp(-x)) <= 1e-13)
            #expect(WorstError.relative(
                SpecialFunctions.regularizedGammaP(a: 0.5, x: x), Foundation.erf(x.squareRoot())) <= 1e-14)
            #expect(WorstError.relative(
                SpecialFunctions.regularizedGammaQ(a: 0.5, x: x), Foundation.erfc(x.squareRoot())) <= 1e-13,
                "x = \(x)")
        }
    }

    @Test("the two tails add to one")
    func tailsAddToOne() {
        for a in Self.shapes {
            for b in Self.shapes {
                for x in [0.001, 0.2, 0.5, 0.8, 0.999] {
                    let sum = SpecialFunctions.regularizedIncompleteBeta(a: a, b: b, x: x)
                        + SpecialFunctions.complementedRegularizedIncompleteBeta(a: a, b: b, x: x)
                    #expect(abs(sum - 1) <= 4e-16, "a = \(a), b = \(b), x = \(x)")
                }
            }
            for factor in [0.5, 0.9, 1, 1.1, 2] {
                let x = a * factor
                let sum = SpecialFunctions.regularizedGammaP(a: a, x: x) + SpecialFunctions.regularizedGammaQ(a: a, x: x)
                #expect(abs(sum - 1) <= 4e-16, "a = \(a), x = \(x)")
            }
        }
    }

    @Test("inverses round-trip over the shape grid")
    func inverseRoundTrips() {
        var worst = WorstError()
        for a in Self.shapes {
            for b in Self.shapes {
                for p in [1e-20, 1e-6, 0.01, 0.3, 0.5, 0.7, 0.99] {
                    let x = SpecialFunctions.inverseRegularizedIncompleteBeta(a: a, b: b, p: p)
                    guard x > 1e-290 else { continue }
                    let back = SpecialFunctions.regularizedIncompleteBeta(a: a, b: b, x: x)
                    // x is rounded to a double: one ulp of x (x·ε) moves I by
                    // f(x)·x·ε = xᵃ(1−x)ᵇ/B(a,b) · ε/(1−x); allow for two ulps.
                    let prefactor = Foundation.exp(
                        a * Foundation.log(x) + b * Foundation.log1p(-x) - SpecialFunctions.logBeta(a, b))
                    let slack = 4.5e-16 * prefactor / ((1 - x) * min(back, 1 - back))
                    worst.record(back, p, at: "I(\(a), \(b)) at x = \(x)")
                    #expect(WorstError.relative(back, p) <= 1e-12 + slack, "a = \(a), b = \(b), p = \(p)")
                }
            }
            for p in [1e-100, 1e-10, 0.05, 0.5, 0.95, 1 - 1e-10] {
                let x = SpecialFunctions.inverseRegularizedGammaP(a: a, p: p)
                guard x > 1e-290 else { continue }
                let back = p <= 0.5
                    ? SpecialFunctions.regularizedGammaP(a: a, x: x)
                    : 1 - SpecialFunctions.regularizedGammaQ(a: a, x: x)
                let tolerance = p <= 0.5 ? 1e-12 + 2e-16 * a : 1e-12
                #expect(WorstError.relative(back, p) <= tolerance, "a = \(a), p = \(p), x = \(x): \(back)")
            }
        }
    }

    @Test("log-gamma and log-beta agree with each other and with exact factorials")
    func logGammaIdentities() {
        var factorial = 1.0
        for n in 1...25 {
            factorial *= Double(n)
            #expect(WorstError.relative(SpecialFunctions.logGamma(Double(n + 1)), Foundation.log(factorial)) <= 1e-15)
        }
        for a in Self.shapes {
            for b in Self.shapes {
                let direct = Foundation.lgamma(a) + Foundation.lgamma(b) - Foundation.lgamma(a + b)
                // The direct form loses |log Γ(a+b)|·ε in absolute terms.
                let allowance = 4e-16 * abs(Foundation.lgamma(a + b)) + 1e-15
                #expect(abs(SpecialFunctions.logBeta(a, b) - direct) <= allowance, "a = \(a), b = \(b)")
                #expect(SpecialFunctions.logBeta(a, b) == SpecialFunctions.logBeta(b, a))
            }
        }
    }

    @Test("invalid parameters give NaN, boundaries give limits")
    func invalidAndBoundary() {
        for bad in [0.0, -1.0, .nan, .infinity] {
            #expect(SpecialFunctions.logGamma(bad == .infinity ? -bad : bad).isNaN)
            #expect(SpecialFunctions.logBeta(bad, 1).isNaN)
            #expect(SpecialFunctions.regularizedIncompleteBeta(a: bad, b: 2, x: 0.5).isNaN)
            #expect(SpecialFunctions.complementedRegularizedIncompleteBeta(a: 2, b: bad, x: 0.5).isNaN)
            #expect(SpecialFunctions.inverseRegularizedIncompleteBeta(a: bad, b: 2, p: 0.5).isNaN)
            #expect(SpecialFunctions.regularizedGammaP(a: bad, x: 1).isNaN)
            #expect(SpecialFunctions.regularizedGammaQ(a: bad, x: 1).isNaN)
            #expect(SpecialFunctions.inverseRegularizedGammaP(a: bad, p: 0.5).isNaN)
            #expect(SpecialFunctions.inverseRegularizedGammaQ(a: bad, q: 0.5).isNaN)
        }
        for p in [-0.1, 1.1, Double.nan] {
            #expect(SpecialFunctions.inverseRegularizedIncompleteBeta(a: 2, b: 3, p: p).isNaN)
            #expect(SpecialFunctions.inverseComplementedRegularizedIncompleteBeta(a: 2, b: 3, q: p).isNaN)
            #expect(SpecialFunctions.inverseRegularizedGammaP(a: 2, p: p).isNaN)
            #expect(SpecialFunctions.inverseRegularizedGammaQ(a: 2, q: p).isNaN)
        }
        #expect(SpecialFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: .nan).isNaN)
        #expect(SpecialFunctions.regularizedGammaP(a: 2, x: -1).isNaN)
        #expect(SpecialFunctions.regularizedGammaP(a: 2, x: .nan).isNaN)
        #expect(SpecialFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: 0) == 0)
        #expect(SpecialFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: -4) == 0)
        #expect(SpecialFunctions.regularizedIncompleteBeta(a: 2, b: 3, x: 1) == 1)
        #expect(SpecialFunctions.complementedRegularizedIncompleteBeta(a: 2, b: 3, x: 0) == 1)
        #expect(SpecialFunctions.regularizedGammaP(a: 2, x: 0) == 0)
        #expect(SpecialFunctions.regularizedGammaQ(a: 2, x: 0) == 1)
        #expect(SpecialFunctions.regularizedGammaP(a: 2, x: .infinity) == 1)
        #expect(SpecialFunctions.inverseRegularizedIncompleteBeta(a: 2, b: 3, p: 0) == 0)
        #expect(SpecialFunctions.inverseRegularizedIncompleteBeta(a: 2, b: 3, p: 1) == 1)
        #expect(SpecialFunctions.inverseRegularizedGammaP(a: 2, p: 0) == 0)
        #expect(SpecialFunctions.inverseRegularizedGammaP(a: 2, p: 1) == .infinity)
        #expect(SpecialFunctions.inverseRegularizedGammaQ(a: 2, q: 1) == 0)
        #expect(SpecialFunctions.logRegularizedIncompleteBeta(a: 2, b: 3, x: 0) == -.infinity)
    }

    @Test("log tails stay finite where the probabilities underflow")
    func logTails() {
        let logLower = SpecialFunctions.logRegularizedIncompleteBeta(a: 1e5, b: 1e5, x: 0.3)
        #expect(logLower.isFinite && logLower < -745)
        #expect(SpecialFunctions.regularizedIncompleteBeta(a: 1e5, b: 1e5, x: 0.3) == 0)
        let logUpper = SpecialFunctions.logRegularizedGammaQ(a: 10, x: 2000)
        // log Q(a, x) ≈ (a−1) log x − x − log Γ(a) + log(1 + (a−1)/x + …) for x ≫ a.
        let approximation = 9 * Foundation.log(2000.0) - 2000 - Foundation.lgamma(10.0)
            + Foundation.log(1 + 9.0 / 2000 + 72.0 / 4e6 + 504.0 / 8e9)
        #expect(abs(logUpper - approximation) < 1e-9)
    }

    /// Closed forms independent of the implementation: for a = 1,
    /// 1 − Iₓ(1, b) = (1 − x)^b, so its log is b·log1p(−x); and P(1, x) = 1 − e^(−x), so
    /// log P(1, x) = log(−expm1(−x)). Both far below the underflow threshold here.
    @Test("log complemented beta and log P match closed forms in far tails")
    func logTailClosedForms() {
        for (b, x) in [(1e5, 0.5), (2.5, 0.3), (400.0, 0.9), (1e3, 1e-3)] {
            let expected = b * Foundation.log1p(-x)
            let actual = SpecialFunctions.logComplementedRegularizedIncompleteBeta(a: 1, b: b, x: x)
            #expect(abs(actual - expected) <= 1e-13 * abs(expected), "b=\(b) x=\(x): \(actual) vs \(expected)")
        }
        for x in [1e-300, 1e-20, 0.5, 3.0] {
            let expected = Foundation.log(-Foundation.expm1(-x))
            let actual = SpecialFunctions.logRegularizedGammaP(a: 1, x: x)
            #expect(abs(actual - expected) <= 1e-13 * abs(expected), "x=\(x): \(actual) vs \(expected)")
        }
        #expect(SpecialFunctions.logRegularizedGammaP(a: 2, x: 0) == -.infinity)
        #expect(SpecialFunctions.logComplementedRegularizedIncompleteBeta(a: 2, b: 3, x: 1) == -.infinity)
    }
}
