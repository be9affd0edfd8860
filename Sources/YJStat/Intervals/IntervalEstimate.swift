/// A point estimate with a two-sided confidence interval and the name of the method that made it:
/// the common result for a difference, a ratio or a service's own value, wherever one is compared.
public struct IntervalEstimate: Sendable, Equatable, Codable {
    /// The point estimate.
    public var estimate: Double
    /// Lower confidence bound.
    public var lower: Double
    /// Upper confidence bound.
    public var upper: Double
    /// Two-sided confidence level, for example 0.95.
    public var confidence: Double
    /// How the interval was made, in a few words (`Newcombe hybrid score (method 10)`).
    public var method: String

    /// Creates an estimate.
    public init(estimate: Double, lower: Double, upper: Double, confidence: Double, method: String) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.method = method
    }

    /// Whether `value` lies inside the closed interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    /// This estimate with the estimate and both bounds multiplied by `factor` (> 0), for example
    /// 100 to turn a difference of proportions into percentage points.
    public func scaled(by factor: Double) -> IntervalEstimate {
        IntervalEstimate(estimate: estimate * factor, lower: lower * factor, upper: upper * factor,
                         confidence: confidence, method: method)
    }
}
