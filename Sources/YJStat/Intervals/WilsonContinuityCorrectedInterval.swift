extension ProportionInterval {
    /// The Wilson score interval with continuity correction.
    ///
    /// With p̂ = k/n and z = Φ⁻¹(1 − α/2):
    /// - lower = (2k + z² − 1 − z·√(z² − 2 − 1/n + 4p̂(n(1 − p̂) + 1))) / (2(n + z²)), and 0 when k = 0;
    /// - upper = (2k + z² + 1 + z·√(z² + 2 − 1/n + 4p̂(n(1 − p̂) − 1))) / (2(n + z²)), and 1 when k = n.
    ///
    /// Source: Newcombe (1998), *Statistics in Medicine* 17:857–872, method 4; it is the interval
    /// R's `prop.test(k, n, correct = TRUE)` reports. Valid for 0 ≤ k ≤ n, n ≥ 1. More conservative
    /// than ``wilson(successes:trials:confidence:)``.
    public static func wilsonContinuityCorrected(successes k: Int, trials n: Int, confidence: Double) throws -> ProportionInterval {
        try InvalidArgumentError.checkCounts(successes: k, trials: n)
        try InvalidArgumentError.checkConfidence(confidence)
        let z = Normal.twoSidedCriticalValue(confidence: confidence), z2 = z * z
        let kk = Double(k), nn = Double(n), p = kk / nn
        let denominator = 2 * (nn + z2)
        var lower = 0.0, upper = 1.0
        if k > 0 {
            let root = (z2 - 2 - 1 / nn + 4 * p * (nn * (1 - p) + 1)).squareRoot()
            lower = max(0, (2 * kk + z2 - 1 - z * root) / denominator)
        }
        if k < n {
            let root = (z2 + 2 - 1 / nn + 4 * p * (nn * (1 - p) - 1)).squareRoot()
            upper = min(1, (2 * kk + z2 + 1 + z * root) / denominator)
        }
        return ProportionInterval(method: .wilsonContinuityCorrected, successes: k, trials: n, estimate: p,
                                  lower: lower, upper: upper, confidence: confidence,
                                  assumptions: ["score test inversion with a continuity correction of 1/(2n)",
                                                "lower bound 0 at k = 0, upper bound 1 at k = n",
                                                "independent trials (sampling with replacement or a large population)"])
    }
}
