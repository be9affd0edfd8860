/// How a ratio's confidence interval (or a pooled ratio's) was computed.
public enum RatioIntervalMethod: String, Sendable, Equatable, Codable, CaseIterable {
    /// Katz log method for a risk ratio: log RR ± z √(1/a − 1/n₁ + 1/c − 1/n₀).
    case katz
    /// Koopman (1984) score method for a risk ratio (chi-squared score test inversion).
    case koopman
    /// Woolf logit method for an odds ratio: log OR ± z √(1/a + 1/b + 1/c + 1/d).
    case woolf
    /// Exact conditional interval for an odds ratio, inverting the noncentral hypergeometric
    /// distribution of a given the margins (Cornfield 1956; the interval R `fisher.test` gives).
    case exactConditional = "exact-conditional"
    /// Mantel–Haenszel pooled risk ratio with the Greenland–Robins (1985) variance of its log.
    case mantelHaenszelGreenlandRobins = "mantel-haenszel-greenland-robins"
    /// Mantel–Haenszel pooled odds ratio with the Robins–Breslow–Greenland (1986) variance of its log.
    case mantelHaenszelRobinsBreslowGreenland = "mantel-haenszel-robins-breslow-greenland"
    /// Katz log method for a ratio of two proportions taken as independent samples.
    case logRatio = "log-ratio"
    /// The ratio of two independent ratios (a local RRI over the national one, or the latest
    /// year's over the earlier years'): ln R ± z √(v₁ + v₂), each v the variance of a log RRI
    /// (Altman & Bland 2003, *BMJ* 326:219; ``RelativeRateIndexComparison``).
    case altmanBland = "altman-bland"
}

/// A ratio (risk ratio, odds ratio, rate ratio) with its confidence interval and how it was made.
///
/// `estimate` is the point estimate the method belongs to: for the Katz and Woolf methods under a
/// zero-cell correction it is the corrected table's ratio; for the exact conditional method it is
/// the conditional maximum-likelihood odds ratio. Bounds may be 0 or `+∞` when the data allow it
/// (a zero cell with no correction, or an exact bound at the edge of the support).
public struct RatioEstimate: Sendable, Equatable, Codable {
    /// The point estimate.
    public var estimate: Double
    /// Lower confidence bound (≥ 0).
    public var lower: Double
    /// Upper confidence bound (may be `+∞`).
    public var upper: Double
    /// Two-sided confidence level.
    public var confidence: Double
    /// The interval method.
    public var method: RatioIntervalMethod
    /// Conventions used, in plain words (zero-cell correction, independence…).
    public var assumptions: [String]

    /// Creates a value.
    public init(estimate: Double, lower: Double, upper: Double, confidence: Double,
                method: RatioIntervalMethod, assumptions: [String]) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.method = method
        self.assumptions = assumptions
    }

    /// Whether the interval lies wholly above or wholly below 1 (the two groups differ at this
    /// confidence level). False when the interval is undefined (NaN bounds).
    public var excludesOne: Bool { lower > 1 || upper < 1 }
}
