/// A ratio of a 2×2 table as the counts give it, beside the interval that goes with it.
///
/// The two can differ: under the Haldane rule (``ZeroCellRule/haldane``) a zero cell makes the
/// interval belong to the corrected table (0.5 added to every cell), so ``interval``'s estimate is
/// the corrected ratio while ``ratio`` stays a/n₁ ÷ c/n₀ (or ad/bc) of the counts as given. For
/// a risk ratio ``ratio`` lies in [0, ∞], ∞ when only the reference has none, NaN when both have
/// none.
public struct TableRatio: Sendable, Equatable, Codable {
    /// The sample ratio of the counts as given (uncorrected; may be 0, ∞ or NaN).
    public var ratio: Double
    /// The confidence interval, with the estimate it belongs to, its method and assumptions.
    public var interval: RatioEstimate

    /// Creates a value from the sample ratio and its interval.
    public init(ratio: Double, interval: RatioEstimate) {
        self.ratio = ratio
        self.interval = interval
    }

    /// Lower confidence bound.
    public var lower: Double { interval.lower }
    /// Upper confidence bound.
    public var upper: Double { interval.upper }
    /// The estimate the interval belongs to: the corrected ratio under a zero-cell correction,
    /// else equal to ``ratio``.
    public var corrected: Double { interval.estimate }
    /// The interval method.
    public var method: RatioIntervalMethod { interval.method }
}
