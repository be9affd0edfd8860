/// One service's rate (events per `per` of a population) against a reference rate such as the
/// national one: the service's own interval, the difference and ratio with intervals, and an exact
/// Poisson test.
///
/// With the reference rate r₀ taken as known, the expected count is E = r₀ · population / per.
/// The ratio rate/r₀ = k/E is an observed-over-expected ratio (like a standardised ratio) and its
/// interval is the Poisson interval for the count divided by E; the difference interval is the
/// rate interval minus r₀. The test is the exact Poisson test of H₀: mean = E, two-sided by
/// minimum likelihood (``ExactTest/poisson(count:mean:)``, as R `poisson.test`).
///
/// ```swift
/// let c = try RateComparison(count: 57, population: 20_000, reference: 236, per: 100_000)
/// c.service.estimate   // 285
/// c.ratio.estimate     // 1.2076…
/// ```
public struct RateComparison: Sendable, Equatable, Codable {
    /// The service's rate with its interval.
    public let service: PoissonRateInterval
    /// The reference rate r₀, per `per`.
    public let reference: Double
    /// The expected count E = r₀ · population / per under the reference rate.
    public let expected: Double
    /// rate − r₀ with its interval.
    public let difference: IntervalEstimate
    /// rate / r₀ (= k/E) with its interval.
    public let ratio: IntervalEstimate
    /// Two-sided exact Poisson p-value for H₀: mean count = E (minimum-likelihood convention).
    public let pValue: Double
    /// The test, named in words.
    public let test: String
    /// The assumptions used, in plain words.
    public let assumptions: [String]

    /// Compares `count` events in `population` with the reference rate.
    ///
    /// - Parameters:
    ///   - count: the number of events k ≥ 0.
    ///   - population: the population (or person-time) they arose in, > 0.
    ///   - reference: r₀ per `per`, > 0.
    ///   - per: the rate base (100,000 for a rate per 100,000).
    ///   - confidence: two-sided confidence level in (0, 1).
    ///   - interval: exact (Garwood), Byar's, or auto (exact below 10 events, Byar's from 10).
    /// - Throws: ``InvalidArgumentError`` for any value out of range.
    public init(count: Int, population: Double, reference: Double, per: Double = 100_000,
                confidence: Double = 0.95, interval: PoissonIntervalMethod = .auto) throws {
        guard reference > 0, reference.isFinite else {
            throw InvalidArgumentError("reference", "must be a positive rate, got \(reference)")
        }
        let own = try PoissonRateInterval.compute(interval, count: count, population: population, per: per,
                                                  confidence: confidence)
        service = own
        self.reference = reference
        expected = reference * population / per
        difference = IntervalEstimate(estimate: own.estimate - reference, lower: own.lower - reference,
                                        upper: own.upper - reference, confidence: confidence,
                                        method: "\(own.method.displayName) interval minus the reference")
        ratio = IntervalEstimate(estimate: own.estimate / reference, lower: own.lower / reference,
                                   upper: own.upper / reference, confidence: confidence,
                                   method: "\(own.method.displayName) interval divided by the expected count")
        pValue = try ExactTest.poisson(count: count, mean: expected)
        test = "exact Poisson test, two-sided by minimum likelihood (as R poisson.test)"
        assumptions = own.assumptions + ["the reference rate is known without error"]
    }
}
