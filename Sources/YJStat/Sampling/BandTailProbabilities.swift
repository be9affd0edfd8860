/// Band probabilities from a distribution's upper tail alone, in O(bands) time and memory: the
/// path ``DesignRisk`` and ``BandConfidence`` take when a distribution's support is larger than
/// ``maximumVectorSupport`` (a sample or an unsampled remainder over a million), instead of
/// holding one probability per value.
///
/// With thresholds t₁ < … < t_B (percent), x of n lies in band i or above exactly when
/// 100(offset + x) ≥ tᵢ·n, i.e. x ≥ xᵢ = ⌈tᵢ·n/100⌉ − offset. So P(band = i) = S(xᵢ) − S(xᵢ₊₁),
/// with S(x) = P(X ≥ x), S(x₀) = 1 and S(x_{B+1}) = 0. Products tᵢ·n stay below 10¹⁴ because
/// n ≤ ``CountLimit/maximum``.
enum BandTailProbabilities {
    /// The largest support held as a vector of probabilities (8 MB of `Double`s).
    static let maximumVectorSupport = 1_000_000

    /// The probability of each band of `scale` for (offset + X) of `denominator`, given
    /// `atLeast(x)` = P(X ≥ x) for every whole x.
    static func probabilities(scale: RatingBandScale, denominator n: Int, offset: Int,
                              atLeast: (Int) -> Double) -> [Double] {
        let tails = [1.0] + scale.thresholds.map { threshold -> Double in
            let (product, overflow) = threshold.multipliedReportingOverflow(by: n)
            let boundary = overflow ? Int.max : (product + 99) / 100
            return min(1, max(0, atLeast(boundary - offset)))
        } + [0.0]
        return (0..<scale.names.count).map { max(0, tails[$0] - tails[$0 + 1]) }
    }
}
