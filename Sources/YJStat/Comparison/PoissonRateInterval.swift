import Foundation

/// A confidence interval for a rate: a Poisson count of events per `per` people (or person-time)
/// of a population, such as first-time entrants per 100,000 children aged 10–17.
///
/// The count is treated as Poisson with mean λ, so the interval for the rate is the interval for
/// λ scaled by `per / population`; the population is taken as known without error.
///
/// ```swift
/// let ci = try PoissonRateInterval.compute(.exact, count: 57, population: 20_000, per: 100_000, confidence: 0.95)
/// ci.estimate  // 285
/// ```
public struct PoissonRateInterval: Sendable, Equatable, Codable {
    /// How the bounds were computed (``PoissonIntervalMethod/auto`` is resolved to exact or Byar's).
    public let method: PoissonIntervalMethod
    /// The number of events.
    public let count: Int
    /// The population (or person-time) the events arose in.
    public let population: Double
    /// The rate is expressed per this many of the population (100,000 for a rate per 100,000).
    public let per: Double
    /// The rate count / population × per.
    public let estimate: Double
    /// Lower confidence bound of the rate.
    public let lower: Double
    /// Upper confidence bound of the rate.
    public let upper: Double
    /// Lower confidence bound of the expected count λ.
    public let countLower: Double
    /// Upper confidence bound of the expected count λ.
    public let countUpper: Double
    /// Two-sided confidence level.
    public let confidence: Double
    /// The assumptions used, in plain words.
    public let assumptions: [String]

    /// The interval by `method`; ``PoissonIntervalMethod/auto`` picks exact below 10 events.
    ///
    /// - Throws: ``InvalidArgumentError`` for a negative count, a population that is not positive
    ///   and finite, a `per` that is not positive, or a confidence outside (0, 1).
    public static func compute(_ method: PoissonIntervalMethod, count: Int, population: Double, per: Double,
                               confidence: Double) throws -> PoissonRateInterval {
        switch method {
        case .exact: return try exact(count: count, population: population, per: per, confidence: confidence)
        case .byar: return try byar(count: count, population: population, per: per, confidence: confidence)
        case .auto:
            return count < 10
                ? try exact(count: count, population: population, per: per, confidence: confidence)
                : try byar(count: count, population: population, per: per, confidence: confidence)
        }
    }

    /// The exact interval for a Poisson mean (Garwood 1936), scaled to a rate:
    ///
    ///     λ_L = χ²(α/2; 2k) / 2   (0 when k = 0),   λ_U = χ²(1 − α/2; 2k + 2) / 2,
    ///
    /// where χ²(q; ν) is the q quantile of the chi-square distribution with ν degrees of freedom
    /// (equivalently Gamma(k, 1) and Gamma(k + 1, 1) quantiles).
    ///
    /// Source: Garwood (1936), *Biometrika* 28:437–442; Ulm (1990), *Am J Epidemiol* 131:373.
    /// Valid for every k ≥ 0; each tail has probability at most α/2, so coverage is at least nominal.
    public static func exact(count k: Int, population: Double, per: Double, confidence: Double) throws -> PoissonRateInterval {
        try validate(count: k, population: population, per: per, confidence: confidence)
        let alpha = 1 - confidence
        let low = k == 0 ? 0 : ChiSquared(degreesOfFreedom: Double(2 * k)).quantile(alpha / 2) / 2
        let high = ChiSquared(degreesOfFreedom: Double(2 * k + 2)).complementaryQuantile(alpha / 2) / 2
        return PoissonRateInterval(method: .exact, count: k, population: population, per: per, countLower: low,
                                   countUpper: high, confidence: confidence,
                                   assumptions: ["events are Poisson: independent, at a constant underlying rate",
                                                 "the population is known without error",
                                                 "exact chi-square (Garwood) bounds, α/2 in each tail"])
    }

    /// Byar's approximation to the exact Poisson interval (Breslow & Day 1987, vol. II, p. 69):
    ///
    ///     λ_L = k (1 − 1/(9k) − z/(3√k))³,   λ_U = (k + 1) (1 − 1/(9(k + 1)) + z/(3√(k + 1)))³,
    ///
    /// z = Φ⁻¹(1 − α/2). Used by UK public health indicators (PHE "Technical guide: confidence
    /// intervals"; PHEindicatormethods `byars_lower`/`byars_upper`) for counts of 10 or more,
    /// where it agrees with the exact interval to within a few parts in a thousand. For very
    /// small counts the lower bound can fall below zero; it is reported as 0 (and is 0 at k = 0).
    public static func byar(count k: Int, population: Double, per: Double, confidence: Double) throws -> PoissonRateInterval {
        try validate(count: k, population: population, per: per, confidence: confidence)
        let z = Normal.twoSidedCriticalValue(confidence: confidence)
        let kk = Double(k), k1 = kk + 1
        let low = k == 0 ? 0 : max(0, kk * Foundation.pow(1 - 1 / (9 * kk) - z / (3 * kk.squareRoot()), 3))
        let high = k1 * Foundation.pow(1 - 1 / (9 * k1) + z / (3 * k1.squareRoot()), 3)
        return PoissonRateInterval(method: .byar, count: k, population: population, per: per, countLower: low,
                                   countUpper: high, confidence: confidence,
                                   assumptions: ["events are Poisson: independent, at a constant underlying rate",
                                                 "the population is known without error",
                                                 "Byar's cube-root approximation to the exact Poisson bounds"])
    }

    private init(method: PoissonIntervalMethod, count: Int, population: Double, per: Double, countLower: Double,
                 countUpper: Double, confidence: Double, assumptions: [String]) {
        self.method = method
        self.count = count
        self.population = population
        self.per = per
        self.estimate = Double(count) / population * per
        self.lower = countLower / population * per
        self.upper = countUpper / population * per
        self.countLower = countLower
        self.countUpper = countUpper
        self.confidence = confidence
        self.assumptions = assumptions
    }

    static func validate(count: Int, population: Double, per: Double, confidence: Double) throws {
        guard count >= 0 else { throw InvalidArgumentError("count", "must not be negative, got \(count)") }
        guard population > 0, population.isFinite else {
            throw InvalidArgumentError("population", "must be positive and finite, got \(population)")
        }
        guard per > 0, per.isFinite else { throw InvalidArgumentError("per", "must be positive and finite, got \(per)") }
        try InvalidArgumentError.checkConfidence(confidence)
    }
}
