extension ProportionInterval {
    /// The Clopper–Pearson "exact" interval, from inverting two one-sided binomial tests.
    ///
    /// lower = B⁻¹(α/2; k, n − k + 1) (0 when k = 0); upper = B⁻¹(1 − α/2; k + 1, n − k)
    /// (1 when k = n), where B⁻¹ is the Beta quantile; equivalently the p at which
    /// P(X ≥ k) = α/2 and P(X ≤ k) = α/2 for X ~ Binomial(n, p).
    ///
    /// Source: Clopper & Pearson (1934), *Biometrika* 26:404–413. Valid for 0 ≤ k ≤ n, n ≥ 1.
    /// Coverage is at least the nominal level for every p, so it is conservative.
    public static func clopperPearson(successes k: Int, trials n: Int, confidence: Double) throws -> ProportionInterval {
        try InvalidArgumentError.checkCounts(successes: k, trials: n)
        try InvalidArgumentError.checkConfidence(confidence)
        let alpha = 1 - confidence
        let lower = k == 0 ? 0 : SpecialFunctions.inverseRegularizedIncompleteBeta(a: Double(k), b: Double(n - k + 1), p: alpha / 2)
        let upper = k == n ? 1 : 1 - SpecialFunctions.inverseRegularizedIncompleteBeta(a: Double(n - k), b: Double(k + 1), p: alpha / 2)
        return ProportionInterval(method: .clopperPearson, successes: k, trials: n, estimate: Double(k) / Double(n),
                                  lower: lower, upper: upper, confidence: confidence,
                                  assumptions: ["exact binomial tail probabilities, α/2 in each tail",
                                                "independent trials (sampling with replacement or a large population)"])
    }
}
