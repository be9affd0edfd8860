extension ProportionInterval {
    /// The equal-tailed Jeffreys interval.
    ///
    /// lower = B⁻¹(α/2; k + ½, n − k + ½), upper = B⁻¹(1 − α/2; k + ½, n − k + ½), the quantiles
    /// of the Beta posterior under the Jeffreys Beta(½, ½) prior. No boundary modification is
    /// applied (as in statsmodels `method="jeffreys"`); Brown, Cai & DasGupta's variant sets the
    /// lower bound to 0 at k = 0 and the upper to 1 at k = n.
    ///
    /// Source: Brown, Cai & DasGupta (2001), §4.1.2. Valid for 0 ≤ k ≤ n, n ≥ 1.
    public static func jeffreys(successes k: Int, trials n: Int, confidence: Double) throws -> ProportionInterval {
        try InvalidArgumentError.checkCounts(successes: k, trials: n)
        try InvalidArgumentError.checkConfidence(confidence)
        let alpha = 1 - confidence
        let a = Double(k) + 0.5, b = Double(n - k) + 0.5
        let lower = SpecialFunctions.inverseRegularizedIncompleteBeta(a: a, b: b, p: alpha / 2)
        // Upper quantile by symmetry, I⁻¹(1 − q; a, b) = 1 − I⁻¹(q; b, a), keeps accuracy near 1.
        let upper = 1 - SpecialFunctions.inverseRegularizedIncompleteBeta(a: b, b: a, p: alpha / 2)
        return ProportionInterval(method: .jeffreys, successes: k, trials: n, estimate: Double(k) / Double(n),
                                  lower: lower, upper: upper, confidence: confidence,
                                  assumptions: ["Bayesian posterior under the Jeffreys Beta(1/2, 1/2) prior",
                                                "equal tails, no boundary modification at k = 0 or k = n",
                                                "independent trials (sampling with replacement or a large population)"])
    }
}
