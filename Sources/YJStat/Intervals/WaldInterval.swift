extension ProportionInterval {
    /// The Wald (normal-approximation) interval.
    ///
    /// p̂ ± z·√(p̂(1 − p̂)/n), with p̂ = k/n and z = Φ⁻¹(1 − α/2), clipped to [0, 1]
    /// (as statsmodels' `proportion_confint(method="normal")` does).
    ///
    /// Source: Brown, Cai & DasGupta (2001), eq. (1). Valid for 0 ≤ k ≤ n, n ≥ 1, 0 < 1 − α < 1,
    /// but its coverage is poor for small n or p̂ near 0 or 1 (zero width at k = 0 or k = n);
    /// prefer ``wilson(successes:trials:confidence:)`` there.
    public static func wald(successes k: Int, trials n: Int, confidence: Double) throws -> ProportionInterval {
        try InvalidArgumentError.checkCounts(successes: k, trials: n)
        try InvalidArgumentError.checkConfidence(confidence)
        let p = Double(k) / Double(n)
        let half = Normal.twoSidedCriticalValue(confidence: confidence) * (p * (1 - p) / Double(n)).squareRoot()
        return ProportionInterval(method: .wald, successes: k, trials: n, estimate: p,
                                  lower: max(0, p - half), upper: min(1, p + half), confidence: confidence,
                                  assumptions: ["normal approximation to the binomial",
                                                "bounds clipped to [0, 1]",
                                                "independent trials (sampling with replacement or a large population)"])
    }
}
