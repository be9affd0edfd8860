/// A service's printed percentage of n (such as "50%" of 2,000) against a reference proportion,
/// carried over every whole numerator that prints as that percentage.
///
/// A printed percentage fixes the numerator only to a range: 50% of 2,000 to the whole percent is
/// any k from 990 (49.5%) to 1,009 (50.45%). The comparison is made at the numerator nearest
/// `percent · n` (``chosen``) and, so that no conclusion rests on a numerator the report did not
/// print, over the whole range [k₋, k₊] (``consistentNumerators``):
///
/// - the service's interval, the difference and the ratio over the range are the union of their
///   intervals over every consistent k. The Wilson and Clopper–Pearson bounds both increase
///   with k (Wilson 1927; Clopper & Pearson 1934), so the union is exactly
///   (L(k₋), U(k₊)), and the difference and ratio bounds are those shifted by or divided by p₀;
/// - the p-value over the range is [min, max] of the exact binomial test over every consistent
///   k. Under the minimum-likelihood convention p(k) = Σ_{j: P(j) ≤ P(k)} P(j) falls as k moves
///   away from the mode of Binomial(n, p₀) on either side (the binomial pmf is unimodal), so the
///   extremes lie at k₋ and k₊, and the maximum is 1 when the mode is itself consistent.
///
/// The conclusion ("beyond chance" or not at the stated level) holds for the printed percentage
/// only when it holds at every consistent numerator: ``conclusionDependsOnNumerator`` says when it
/// does not.
///
/// ```swift
/// let c = try PrintedProportionComparison(percent: try PrintedPercentage(text: "50"), trials: 2000, reference: 0.401)
/// c.consistentNumerators      // 990...1009
/// c.serviceOverRange.lower    // Wilson lower bound at 990 of 2000
/// ```
public struct PrintedProportionComparison: Sendable, Equatable {
    /// The printed percentage.
    public let percent: PrintedPercentage
    /// Every whole numerator of `trials` that prints as ``percent`` (k₋...k₊).
    public let consistentNumerators: ClosedRange<Int>
    /// The comparison at the numerator nearest `percent · n` within the range.
    public let chosen: ProportionComparison
    /// The service's interval over every consistent numerator: estimate at ``chosen``, bounds
    /// (L(k₋), U(k₊)).
    public let serviceOverRange: IntervalEstimate
    /// The difference p − p₀ over every consistent numerator.
    public let differenceOverRange: IntervalEstimate
    /// The ratio p / p₀ over every consistent numerator.
    public let ratioOverRange: IntervalEstimate
    /// The smallest and largest exact binomial p-value over every consistent numerator, in [0, 1].
    public let pValueRange: ClosedRange<Double>

    /// Compares a printed percentage of `trials` with a reference proportion.
    ///
    /// - Parameters:
    ///   - percent: The printed percentage, with its decimals.
    ///   - trials: n, the denominator (n ≥ 1).
    ///   - reference: p₀, strictly between 0 and 1.
    ///   - confidence: Two-sided confidence level in (0, 1).
    ///   - interval: ``IntervalMethod/wilson`` (default) or ``IntervalMethod/clopperPearson``.
    /// - Throws: ``InvalidArgumentError`` (parameter `percent`) when no whole numerator of `trials`
    ///   prints as the percentage, or for arguments ``ProportionComparison`` rejects.
    public init(percent: PrintedPercentage, trials n: Int, reference: Double, confidence: Double = 0.95,
                interval: IntervalMethod = .wilson) throws {
        guard let range = percent.consistentCounts(total: n) else {
            throw InvalidArgumentError("percent", "no whole numerator of \(n) prints as \(percent.printedText)%")
        }
        self.percent = percent
        consistentNumerators = range
        let nearest = (percent.value / 100 * Double(n)).rounded()
        let k = nearest <= Double(range.lowerBound) ? range.lowerBound : nearest >= Double(range.upperBound) ? range.upperBound : Int(nearest)
        chosen = try ProportionComparison(successes: k, trials: n, reference: reference, confidence: confidence, interval: interval)
        let low = k == range.lowerBound ? chosen
            : try ProportionComparison(successes: range.lowerBound, trials: n, reference: reference, confidence: confidence, interval: interval)
        let high = k == range.upperBound ? chosen
            : try ProportionComparison(successes: range.upperBound, trials: n, reference: reference, confidence: confidence, interval: interval)
        let method = "over every numerator from \(range.lowerBound) to \(range.upperBound) that prints as \(percent.printedText)%"
        serviceOverRange = IntervalEstimate(estimate: chosen.service.estimate, lower: low.service.lower, upper: high.service.upper,
                                            confidence: confidence, method: "\(interval.displayName) interval \(method)")
        differenceOverRange = IntervalEstimate(estimate: chosen.difference.estimate, lower: low.difference.lower,
                                               upper: high.difference.upper, confidence: confidence,
                                               method: "\(chosen.difference.method), \(method)")
        ratioOverRange = IntervalEstimate(estimate: chosen.ratio.estimate, lower: low.ratio.lower, upper: high.ratio.upper,
                                          confidence: confidence, method: "\(chosen.ratio.method), \(method)")
        let mode = min(n, Int((Double(n + 1) * reference).rounded(.down)))
        let ends = [low.pValue, high.pValue]
        pValueRange = ends.min()!...(range.contains(mode) ? 1 : ends.max()!)
    }

    /// Whether the verdict at the stated level (p below 1 − confidence) differs between
    /// consistent numerators, so that the printed percentage alone does not settle it.
    public var conclusionDependsOnNumerator: Bool {
        let alpha = 1 - chosen.service.confidence
        return (pValueRange.lowerBound < alpha) != (pValueRange.upperBound < alpha)
    }
}
