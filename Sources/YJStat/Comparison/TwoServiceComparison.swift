import Foundation

/// Two services compared with each other: two proportions (k₁ of n₁ against k₂ of n₂) or two
/// rates (k₁ events in population T₁ against k₂ in T₂), with the difference and ratio of the
/// first to the second, intervals for each service's own value, and an exact test of equality.
///
/// Proportions (``proportions(firstSuccesses:firstTrials:secondSuccesses:secondTrials:confidence:)``):
/// - difference p₁ − p₂: Newcombe's hybrid score interval from the two Wilson intervals
///   (Newcombe 1998, *Statistics in Medicine* 17:873–890, method 10);
/// - ratio p₁/p₂: Katz log interval exp(ln(p₁/p₂) ± z √(1/k₁ − 1/n₁ + 1/k₂ − 1/n₂))
///   (Katz et al. 1978, *Biometrics* 34:469–474); when k₁ or k₂ is 0, ½ is added to both counts
///   and both denominators (statsmodels' "log-adjusted");
/// - test: Fisher's exact test, two-sided by minimum likelihood (``ExactTest/fisher(a:b:c:d:)``).
///
/// Rates (``rates(firstCount:firstPopulation:secondCount:secondPopulation:per:confidence:interval:)``):
/// - ratio r₁/r₂: exact conditional interval. Given k₁ + k₂ events, k₁ is binomial with
///   π = T₁ρ/(T₁ρ + T₂) for rate ratio ρ; the Clopper–Pearson interval (π_L, π_U) maps to
///   ρ = π/(1 − π) · T₂/T₁ (as R `poisson.test` with two counts);
/// - difference r₁ − r₂: Wald interval (r₁ − r₂) ± z · per · √(k₁/T₁² + k₂/T₂²);
/// - test: exact binomial test of k₁ of k₁ + k₂ against π₀ = T₁/(T₁ + T₂) (the conditional test
///   of equal rates, as R `poisson.test`).
public struct TwoServiceComparison: Sendable, Equatable, Codable {
    /// What is being compared.
    public enum Measure: String, Codable, Sendable {
        /// Two proportions.
        case proportion
        /// Two rates per `per`.
        case rate
    }

    /// Proportions or rates.
    public let measure: Measure
    /// The first service's value with its interval (Wilson for a proportion; a Poisson interval for a rate).
    public let first: IntervalEstimate
    /// The second service's value with its interval.
    public let second: IntervalEstimate
    /// First minus second, with its interval.
    public let difference: IntervalEstimate
    /// First over second, with its interval.
    public let ratio: IntervalEstimate
    /// Two-sided exact p-value for equal proportions or rates (minimum-likelihood convention).
    public let pValue: Double
    /// The test, named in words.
    public let test: String
    /// The assumptions used, in plain words.
    public let assumptions: [String]

    /// Compares the proportions k₁/n₁ and k₂/n₂ (formulas in the type's description).
    ///
    /// - Throws: ``InvalidArgumentError`` for counts or a confidence out of range.
    public static func proportions(firstSuccesses k1: Int, firstTrials n1: Int, secondSuccesses k2: Int,
                                   secondTrials n2: Int, confidence: Double = 0.95) throws -> TwoServiceComparison {
        let a = try ProportionInterval.wilson(successes: k1, trials: n1, confidence: confidence)
        let b = try ProportionInterval.wilson(successes: k2, trials: n2, confidence: confidence)
        let z = Normal.twoSidedCriticalValue(confidence: confidence)
        let p1 = a.estimate, p2 = b.estimate
        var difference = IntervalEstimate.newcombe(a, b)
        difference.method = "Newcombe hybrid score (method 10)"
        let adjust = (k1 == 0 || k2 == 0) ? 0.5 : 0
        let x1 = Double(k1) + adjust, m1 = Double(n1) + adjust, x2 = Double(k2) + adjust, m2 = Double(n2) + adjust
        let logRatio = Foundation.log((x1 / m1) / (x2 / m2))
        let half = z * (1 / x1 - 1 / m1 + 1 / x2 - 1 / m2).squareRoot()
        let ratio = IntervalEstimate(
            estimate: p2 > 0 ? p1 / p2 : (p1 > 0 ? .infinity : .nan),
            lower: Foundation.exp(logRatio - half), upper: Foundation.exp(logRatio + half), confidence: confidence,
            method: adjust > 0 ? "Katz log interval with 1/2 added to counts and denominators (a zero count)"
                               : "Katz log interval")
        let p = try ExactTest.fisher(a: k1, b: n1 - k1, c: k2, d: n2 - k2)
        return TwoServiceComparison(
            measure: .proportion, first: estimate(a), second: estimate(b), difference: difference, ratio: ratio,
            pValue: p, test: "Fisher's exact test, two-sided by minimum likelihood (as R fisher.test)",
            assumptions: ["each service's cases are independent trials with its own yes probability",
                          "the two services' cases are independent of each other"])
    }

    /// Compares the rates k₁/T₁ and k₂/T₂ per `per` (formulas in the type's description).
    ///
    /// - Throws: ``InvalidArgumentError`` for a negative count, a population that is not
    ///   positive, no events in either service, or a confidence out of range.
    public static func rates(firstCount k1: Int, firstPopulation t1: Double, secondCount k2: Int,
                             secondPopulation t2: Double, per: Double = 100_000, confidence: Double = 0.95,
                             interval: PoissonIntervalMethod = .exact) throws -> TwoServiceComparison {
        let a = try PoissonRateInterval.compute(interval, count: k1, population: t1, per: per, confidence: confidence)
        let b = try PoissonRateInterval.compute(interval, count: k2, population: t2, per: per, confidence: confidence)
        guard k1 + k2 > 0 else {
            throw InvalidArgumentError("count", "neither service has any events, so the rates cannot be compared")
        }
        let z = Normal.twoSidedCriticalValue(confidence: confidence)
        let d = a.estimate - b.estimate
        let se = per * (Double(k1) / (t1 * t1) + Double(k2) / (t2 * t2)).squareRoot()
        let difference = IntervalEstimate(estimate: d, lower: d - z * se, upper: d + z * se, confidence: confidence,
                                            method: "Wald interval for a difference of Poisson rates")
        let conditional = try ProportionInterval.clopperPearson(successes: k1, trials: k1 + k2, confidence: confidence)
        let scale = t2 / t1
        func odds(_ pi: Double) -> Double { pi >= 1 ? .infinity : pi / (1 - pi) * scale }
        let ratio = IntervalEstimate(
            estimate: k2 == 0 ? .infinity : (Double(k1) / t1) / (Double(k2) / t2),
            lower: odds(conditional.lower), upper: odds(conditional.upper), confidence: confidence,
            method: "exact conditional (Clopper–Pearson on k1 of k1 + k2)")
        let p = try ExactTest.binomial(successes: k1, trials: k1 + k2, probability: t1 / (t1 + t2))
        return TwoServiceComparison(
            measure: .rate, first: estimate(a), second: estimate(b), difference: difference, ratio: ratio, pValue: p,
            test: "exact conditional test of equal rates, two-sided by minimum likelihood (as R poisson.test)",
            assumptions: ["each service's events are Poisson with its own constant rate",
                          "the populations are known without error",
                          "the two services' events are independent of each other"])
    }

    private static func estimate(_ interval: ProportionInterval) -> IntervalEstimate {
        IntervalEstimate(estimate: interval.estimate, lower: interval.lower, upper: interval.upper,
                           confidence: interval.confidence, method: interval.method.displayName)
    }

    private static func estimate(_ interval: PoissonRateInterval) -> IntervalEstimate {
        IntervalEstimate(estimate: interval.estimate, lower: interval.lower, upper: interval.upper,
                           confidence: interval.confidence, method: interval.method.displayName)
    }
}
