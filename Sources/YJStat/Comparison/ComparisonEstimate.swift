/// A point estimate with a two-sided confidence interval and the name of the method that made it:
/// the common result of a difference, a ratio or a service's own value in a comparison.
public struct ComparisonEstimate: Sendable, Equatable, Codable {
    /// The point estimate.
    public let estimate: Double
    /// Lower confidence bound.
    public let lower: Double
    /// Upper confidence bound.
    public let upper: Double
    /// Two-sided confidence level, for example 0.95.
    public let confidence: Double
    /// How the interval was made, in a few words (`Wilson score interval minus the reference`).
    public let method: String

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
}
