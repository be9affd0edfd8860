/// The number of children a disparity amounts to: how many more (or fewer) of the group reached
/// the stage than would have at the reference group's rate.
///
///     excess = x − r₀·n = n (p₁ − p₀),
///
/// x being the group's count, n its base, p₁ = x/n its rate and r₀ = p₀ the reference rate. The
/// interval is n times Newcombe's hybrid score interval for p₁ − p₀ (Newcombe 1998, method 10),
/// so it carries the uncertainty of both rates and needs no zero-cell rule. Negative values mean
/// fewer children than parity.
public enum Excess {
    /// The excess count with its interval.
    ///
    /// - Throws: ``InvalidArgumentError`` when a count is negative, above its base, or a base is 0.
    public static func compute(count x: Int, base n: Int, referenceCount: Int, referenceBase: Int,
                               confidence: Double) throws -> IntervalEstimate {
        var difference = try IntervalEstimate.newcombe(x, n, referenceCount, referenceBase, confidence: confidence)
            .scaled(by: Double(n))
        difference.method = "base x newcombe-hybrid-score rate difference"
        return difference
    }
}
