/// A difference between two proportions (or a quantity proportional to one) with its interval.
public struct DifferenceEstimate: Sendable, Equatable, Codable {
    /// The point estimate.
    public var estimate: Double
    /// Lower confidence bound.
    public var lower: Double
    /// Upper confidence bound.
    public var upper: Double
    /// Two-sided confidence level.
    public var confidence: Double
    /// How the interval was made (for example `newcombe-hybrid-score`).
    public var method: String

    /// Creates a value.
    public init(estimate: Double, lower: Double, upper: Double, confidence: Double, method: String) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.method = method
    }

    /// The difference p₁ − p₂ of two independent proportions k₁/n₁ and k₂/n₂ with Newcombe's
    /// hybrid score interval (Newcombe 1998, *Statistics in Medicine* 17:873–890, method 10):
    /// with Wilson bounds (l₁, u₁) and (l₂, u₂),
    /// [d − √((p₁ − l₁)² + (u₂ − p₂)²), d + √((u₁ − p₁)² + (p₂ − l₂)²)].
    /// Valid for 0 ≤ kᵢ ≤ nᵢ, nᵢ ≥ 1; needs no zero-cell correction. Same as statsmodels
    /// `confint_proportions_2indep(method="newcomb", compare="diff")`.
    public static func newcombe(_ k1: Int, _ n1: Int, _ k2: Int, _ n2: Int, confidence: Double) throws -> DifferenceEstimate {
        let first = try ProportionInterval.wilson(successes: k1, trials: n1, confidence: confidence)
        let second = try ProportionInterval.wilson(successes: k2, trials: n2, confidence: confidence)
        let d = first.estimate - second.estimate
        let below = ((first.estimate - first.lower) * (first.estimate - first.lower)
            + (second.upper - second.estimate) * (second.upper - second.estimate)).squareRoot()
        let above = ((first.upper - first.estimate) * (first.upper - first.estimate)
            + (second.estimate - second.lower) * (second.estimate - second.lower)).squareRoot()
        return DifferenceEstimate(estimate: d, lower: d - below, upper: d + above, confidence: confidence,
                                  method: "newcombe-hybrid-score")
    }

    /// This estimate with every value multiplied by `factor` (> 0).
    public func scaled(by factor: Double) -> DifferenceEstimate {
        DifferenceEstimate(estimate: estimate * factor, lower: lower * factor, upper: upper * factor,
                           confidence: confidence, method: method)
    }
}
