/// One service's proportion (k of n) against a reference value such as the national figure:
/// the service's own interval, the difference and ratio with intervals, and an exact binomial test.
///
/// The reference is treated as known without error — right for a national figure drawn from a
/// population hundreds of times larger than the service's. The difference and ratio intervals are
/// then the service's interval shifted by, or divided by, the reference:
///
///     difference = p̂ − p₀ with bounds (L − p₀, U − p₀);  ratio = p̂/p₀ with bounds (L/p₀, U/p₀),
///
/// where (L, U) is the Wilson or Clopper–Pearson interval for p̂ = k/n. The test is the exact
/// binomial test of H₀: p = p₀, two-sided by minimum likelihood (``ExactTest/binomial(successes:trials:probability:)``,
/// as R `binom.test` and scipy `binomtest`).
///
/// ```swift
/// let c = try ProportionComparison(successes: 126, trials: 250, reference: 0.401)
/// c.difference.estimate   // 0.103
/// c.pValue                // 0.00121
/// ```
public struct ProportionComparison: Sendable, Equatable, Codable {
    /// The service's proportion with its interval.
    public let service: ProportionInterval
    /// The reference proportion p₀ in (0, 1).
    public let reference: Double
    /// p̂ − p₀ with its interval.
    public let difference: IntervalEstimate
    /// p̂ / p₀ with its interval.
    public let ratio: IntervalEstimate
    /// Two-sided exact binomial p-value for H₀: p = p₀ (minimum-likelihood convention).
    public let pValue: Double
    /// The test, named in words.
    public let test: String
    /// The assumptions used, in plain words.
    public let assumptions: [String]

    /// Compares k of n with the reference proportion p₀.
    ///
    /// - Parameters:
    ///   - successes: k, the service's count of yes cases (0 ≤ k ≤ n).
    ///   - trials: n, the service's denominator (n ≥ 1).
    ///   - reference: p₀, strictly between 0 and 1.
    ///   - confidence: two-sided confidence level in (0, 1).
    ///   - interval: ``IntervalMethod/wilson`` (default) or ``IntervalMethod/clopperPearson``.
    /// - Throws: ``InvalidArgumentError`` for counts, a reference or a confidence out of range, or
    ///   an interval method other than Wilson or Clopper–Pearson.
    public init(successes k: Int, trials n: Int, reference: Double, confidence: Double = 0.95,
                interval: IntervalMethod = .wilson) throws {
        guard reference > 0, reference < 1 else {
            throw InvalidArgumentError("reference", "must be a proportion strictly between 0 and 1, got \(reference)")
        }
        guard interval == .wilson || interval == .clopperPearson else {
            throw InvalidArgumentError("interval", "use wilson or clopper-pearson for the service's own value, got \(interval.rawValue)")
        }
        let own = try ProportionInterval.compute(interval, successes: k, trials: n, confidence: confidence)
        service = own
        self.reference = reference
        difference = IntervalEstimate(estimate: own.estimate - reference, lower: own.lower - reference,
                                        upper: own.upper - reference, confidence: confidence,
                                        method: "\(interval.displayName) interval minus the reference")
        ratio = IntervalEstimate(estimate: own.estimate / reference, lower: own.lower / reference,
                                   upper: own.upper / reference, confidence: confidence,
                                   method: "\(interval.displayName) interval divided by the reference")
        pValue = try ExactTest.binomial(successes: k, trials: n, probability: reference)
        test = "exact binomial test, two-sided by minimum likelihood (as R binom.test)"
        assumptions = own.assumptions + ["the reference proportion is known without error"]
    }
}
