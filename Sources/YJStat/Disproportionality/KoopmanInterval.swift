import Foundation

extension TwoByTwoTable {
    /// Risk ratio with the Koopman score interval: the set of θ for which the score statistic
    ///
    ///     χ²(θ) = (p̂₁ − θ p̂₀)² / ( p̃₁(1 − p̃₁)/n₁ + θ² p̃₀(1 − p̃₀)/n₀ )
    ///
    /// is at most the chi-squared(1) critical value z², where p̂₁ = a/n₁, p̂₀ = c/n₀ and (p̃₁, p̃₀ =
    /// p̃₁/θ) are the maximum-likelihood estimates under p₁ = θ p₀. p̃₀ is the smaller root of
    /// N θ p² − (n₁θ + a + n₀ + cθ) p + (a + c) = 0, N = n₁ + n₀ (Miettinen & Nurminen 1985,
    /// without their N/(N − 1) factor, which is Koopman's statistic).
    ///
    /// Source: Koopman (1984), *Biometrics* 40:513–517; Miettinen & Nurminen (1985), *Statistics
    /// in Medicine* 4:213–226. Needs no zero-cell correction: a = 0 gives a lower bound of 0,
    /// c = 0 an upper bound of ∞. The estimate is the uncorrected risk ratio. Bounds found by
    /// bisection on log θ to full double precision.
    public func riskRatioKoopman(confidence: Double) throws -> RatioEstimate {
        try InvalidArgumentError.checkConfidence(confidence)
        let z = Normal.twoSidedCriticalValue(confidence: confidence)
        let critical = z * z
        let x1 = Double(a), x0 = Double(c), n1 = Double(groupTotal), n0 = Double(referenceTotal)
        let estimate = riskRatio
        let assumptions = ["score test inversion under independent binomial rows", "no zero-cell correction"]
        if a == 0 && c == 0 {
            return RatioEstimate(estimate: .nan, lower: 0, upper: .infinity, confidence: confidence,
                                 method: .koopman, assumptions: assumptions)
        }
        func statistic(_ theta: Double) -> Double {
            let big = (n1 + n0) * theta
            let bCoefficient = -(n1 * theta + x1 + n0 + x0 * theta)
            let cCoefficient = x1 + x0
            let discriminant = max(0, bCoefficient * bCoefficient - 4 * big * cCoefficient)
            // Smaller root, in the cancellation-free form 2C / (−B + √disc).
            let p0 = 2 * cCoefficient / (-bCoefficient + discriminant.squareRoot())
            let p1 = theta * p0
            let numerator = (x1 / n1 - theta * x0 / n0)
            let variance = p1 * (1 - p1) / n1 + theta * theta * p0 * (1 - p0) / n0
            guard variance > 0 else { return numerator == 0 ? 0 : .infinity }
            return numerator * numerator / variance
        }
        // χ²(θ) − critical is decreasing below the estimate and increasing above it. Start from
        // a point inside the interval: the estimate, or (with a zero cell) the 0.5-shifted ratio,
        // walked towards the open end until the statistic is below the critical value.
        var centre = Foundation.log(((x1 + 0.5) / (n1 + 1)) / ((x0 + 0.5) / (n0 + 1)))
        if a > 0 && c > 0 { centre = Foundation.log(estimate) }
        var walk = 0
        while statistic(Foundation.exp(centre)) >= critical, walk < 400 {
            centre += a == 0 ? -1 : 1
            walk += 1
        }
        var lower = 0.0, upper = Double.infinity
        if a > 0 {
            var lo = centre - 1
            var steps = 0
            while statistic(Foundation.exp(lo)) < critical, steps < 400 { lo -= 2; steps += 1 }
            lower = RootFinder.bisect(lower: lo, upper: centre, relativeTolerance: 1e-15) {
                critical - statistic(Foundation.exp($0))
            }.map { Foundation.exp($0) } ?? .nan
        }
        if c > 0 {
            var hi = centre + 1
            var steps = 0
            while statistic(Foundation.exp(hi)) < critical, steps < 400 { hi += 2; steps += 1 }
            upper = RootFinder.bisect(lower: centre, upper: hi, relativeTolerance: 1e-15) {
                statistic(Foundation.exp($0)) - critical
            }.map { Foundation.exp($0) } ?? .nan
        }
        return RatioEstimate(estimate: estimate, lower: lower, upper: upper, confidence: confidence,
                             method: .koopman, assumptions: assumptions)
    }
}
