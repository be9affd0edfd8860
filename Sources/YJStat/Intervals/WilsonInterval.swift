extension ProportionInterval {
    /// The Wilson score interval: the set of p whose score test is not rejected.
    ///
    /// (k + z²/2)/(n + z²) ± z/(n + z²) · √(k(n − k)/n + z²/4), z = Φ⁻¹(1 − α/2).
    ///
    /// Source: Wilson (1927), *JASA* 22:209–212; Newcombe (1998), *Statistics in Medicine*
    /// 17:857–872, method 3. Valid for 0 ≤ k ≤ n, n ≥ 1; always inside [0, 1]. Recommended by
    /// Brown, Cai & DasGupta (2001) for small n.
    public static func wilson(successes k: Int, trials n: Int, confidence: Double) throws -> ProportionInterval {
        try InvalidArgumentError.checkCounts(successes: k, trials: n)
        try InvalidArgumentError.checkConfidence(confidence)
        let z = Normal.twoSidedCriticalValue(confidence: confidence), z2 = z * z
        let kk = Double(k), nn = Double(n)
        let centre = (kk + z2 / 2) / (nn + z2)
        let half = z / (nn + z2) * (kk * (nn - kk) / nn + z2 / 4).squareRoot()
        // At k = 0 or k = n one bound is exactly 0 or 1; compute it so, not by cancellation.
        let lower = k == 0 ? 0 : max(0, centre - half)
        let upper = k == n ? 1 : min(1, centre + half)
        return ProportionInterval(method: .wilson, successes: k, trials: n, estimate: kk / nn,
                                  lower: lower, upper: upper, confidence: confidence,
                                  assumptions: ["score test inversion under the binomial normal approximation",
                                                "independent trials (sampling with replacement or a large population)"])
    }
}
