extension ProportionInterval {
    /// The Agresti–Coull interval: a Wald interval around the Wilson centre.
    ///
    /// ñ = n + z², p̃ = (k + z²/2)/ñ, interval p̃ ± z·√(p̃(1 − p̃)/ñ), clipped to [0, 1]
    /// (statsmodels clips likewise; some libraries do not — the clipping is stated in the result).
    ///
    /// Source: Agresti & Coull (1998), *The American Statistician* 52:119–126; Brown, Cai &
    /// DasGupta (2001), eq. (6). Valid for 0 ≤ k ≤ n, n ≥ 1.
    public static func agrestiCoull(successes k: Int, trials n: Int, confidence: Double) throws -> ProportionInterval {
        try InvalidArgumentError.checkCounts(successes: k, trials: n)
        try InvalidArgumentError.checkConfidence(confidence)
        let z = Normal.twoSidedCriticalValue(confidence: confidence), z2 = z * z
        let nTilde = Double(n) + z2
        let pTilde = (Double(k) + z2 / 2) / nTilde
        let half = z * (pTilde * (1 - pTilde) / nTilde).squareRoot()
        return ProportionInterval(method: .agrestiCoull, successes: k, trials: n, estimate: Double(k) / Double(n),
                                  lower: max(0, pTilde - half), upper: min(1, pTilde + half), confidence: confidence,
                                  assumptions: ["z²/2 pseudo-successes and pseudo-failures added",
                                                "bounds clipped to [0, 1]",
                                                "independent trials (sampling with replacement or a large population)"])
    }
}
