import Foundation

/// Indirect standardisation of one service: its observed count against the count expected if
/// reference (national) rates applied to its own population, stratum by stratum.
///
///     E = Σₛ rₛ nₛ,   SR = O/E,   ISR = SR × R × per
///
/// with rₛ the reference rate per head in stratum s (age band × sex, or any strata), nₛ the
/// service's population there, O = Σₛ Oₛ the service's observed count and R the crude reference
/// rate. The interval for SR is the exact Poisson (Garwood 1936) interval of O divided by E —
/// [G⁻¹(α/2; O), G⁻¹(1 − α/2; O + 1)]/E — or Byar's approximation (Breslow & Day 1987, vol. II,
/// p. 69), E taken as known (PHE "Technical guide: confidence intervals"; PHEindicatormethods
/// `calculate_ISRatio`). Range: SR ≥ 0; E > 0 is required (a service with no population in any
/// stratum with a positive reference rate has no expected count).
public struct IndirectStandardisation: Sendable, Equatable, Codable {
    /// The service's name.
    public let service: String
    /// O, the observed count.
    public let observed: Int
    /// E = Σ rₛ nₛ, the expected count (fractional).
    public let expected: Double
    /// The service's total population Σ nₛ.
    public let population: Double
    /// SR = O/E at each requested confidence level (95% and 99.8% by default).
    public let ratio: [IntervalEstimate]
    /// ISR = SR × crude reference rate × per, at the same levels.
    public let rate: [IntervalEstimate]
    /// The crude reference rate, per `per`.
    public let referenceRate: Double
    /// The rate base.
    public let per: Double
    /// What the interval assumes.
    public let assumptions: [String]

    /// Standardises one service.
    ///
    /// - Parameters:
    ///   - observed: the count in each stratum (whole, ≥ 0); only the total enters SR.
    ///   - population: the service's population in each stratum (≥ 0, fractional allowed).
    ///   - referenceRates: the reference rate per head in each stratum (≥ 0), same order.
    ///   - referenceRate: the crude reference rate per head, for the ISR.
    ///   - method: `.exact` (Garwood), `.byar`, or `.auto` (exact below 10 events, Byar from 10).
    /// - Throws: ``InvalidArgumentError`` for mismatched lengths, negative or non-finite values, or
    ///   an expected count of 0.
    public init(service: String, observed: [Int], population: [Double], referenceRates: [Double],
                referenceRate: Double, per: Double = 1, method: PoissonIntervalMethod = .exact,
                confidences: [Double] = [0.95, 0.998]) throws {
        guard observed.count == population.count, population.count == referenceRates.count, !observed.isEmpty else {
            throw InvalidArgumentError("strata", "needs one observed count, population and reference rate per stratum")
        }
        guard observed.allSatisfy({ $0 >= 0 }) else { throw InvalidArgumentError("observed", "'\(service)' has a negative count") }
        guard population.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw InvalidArgumentError("population", "'\(service)' has a negative or non-finite population")
        }
        guard referenceRates.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw InvalidArgumentError("referenceRates", "reference rates must be non-negative and finite")
        }
        let o = observed.reduce(0, +)
        let e = zip(population, referenceRates).reduce(0.0) { $0 + $1.0 * $1.1 }
        guard e > 0 else {
            throw InvalidArgumentError("expected", "'\(service)' has an expected count of 0 (no population where the reference rate is positive)")
        }
        self.service = service
        self.observed = o
        self.expected = e
        self.population = population.reduce(0, +)
        self.referenceRate = referenceRate * per
        self.per = per
        var ratios: [IntervalEstimate] = []
        var rates: [IntervalEstimate] = []
        var assumptions: [String] = []
        for confidence in confidences {
            let interval = try PoissonRateInterval.compute(method, count: o, population: e, per: 1, confidence: confidence)
            let ratio = IntervalEstimate(estimate: interval.estimate, lower: interval.lower, upper: interval.upper,
                                         confidence: confidence, method: interval.method == .exact ? "exact (Garwood)" : "Byar")
            ratios.append(ratio)
            rates.append(ratio.scaled(by: referenceRate * per))
            assumptions = interval.assumptions + ["the expected count is known without error (reference rates from a large population)"]
        }
        self.ratio = ratios
        self.rate = rates
        self.assumptions = assumptions
    }
}
