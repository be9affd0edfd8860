extension ProportionInterval {
    /// The Wald interval with the finite population correction.
    ///
    /// p̂ ± z·√(p̂(1 − p̂)/n · (1 − n/N)), clipped to [0, 1]; the design-based interval for a
    /// simple random sample without replacement, with the sampling fraction f = n/N.
    ///
    /// Source: Cochran (1977), *Sampling Techniques*, 3rd ed., §3.3 (here with the variance
    /// estimate p̂(1 − p̂)/n rather than p̂(1 − p̂)/(n − 1)). Valid for 0 ≤ k ≤ n ≤ N; shares Wald's
    /// poor small-sample behaviour, and has zero width when n = N.
    public static func finitePopulationWald(successes k: Int, sample n: Int, population N: Int, confidence: Double) throws -> ProportionInterval {
        try InvalidArgumentError.checkCounts(successes: k, trials: n)
        try InvalidArgumentError.checkConfidence(confidence)
        guard N >= n else { throw InvalidArgumentError("population", "\(N) is smaller than the sample of \(n)") }
        let p = Double(k) / Double(n)
        let correction = 1 - Double(n) / Double(N)
        let half = Normal.twoSidedCriticalValue(confidence: confidence) * (p * (1 - p) / Double(n) * correction).squareRoot()
        return ProportionInterval(method: .finitePopulationWald, successes: k, trials: n, population: N, estimate: p,
                                  lower: max(0, p - half), upper: min(1, p + half), confidence: confidence,
                                  assumptions: ["normal approximation",
                                                "simple random sample without replacement, correction (1 − n/N) = \(correction)",
                                                "variance p̂(1 − p̂)/n", "bounds clipped to [0, 1]"])
    }
}
