import Foundation

/// Direct standardisation of one service: its stratum rates weighted by a standard population.
///
///     DSR = Σₛ wₛ kₛ/nₛ / W × per,   v = Σₛ (wₛ/W)² kₛ/nₛ²,   W = Σ wₛ
///
/// Intervals at each confidence level (per head, then × per):
/// - Dobson et al. (1991, *Statistics in Medicine* 10:457–462), as PHE uses (PHEindicatormethods
///   `calculate_dsr`, which takes [L, U] from Byar's approximation): from the exact Poisson
///   interval [L, U] of O = Σ kₛ, lower = y + √(v/O)(L − O), upper = y + √(v/O)(U − O). At O = 0
///   the scaling is undefined; the lower limit is 0 and the upper is Fay and Feuer's.
/// - Fay & Feuer (1997, *Statistics in Medicine* 16:791–801), gamma: with w_M = maxₛ wₛ/(W nₛ),
///   lower = (v/y) G⁻¹(α/2; y²/v), upper = ((v + w_M²)/(y + w_M)) G⁻¹(1 − α/2; (y + w_M)²/(v + w_M²));
///   lower = 0 when O = 0.
///
/// Range: DSR ≥ 0. Every stratum needs a positive population; standard weights must be ≥ 0 with
/// a positive sum.
public struct DirectStandardisation: Sendable, Equatable, Codable {
    /// The interval method.
    public enum Method: String, CaseIterable, Sendable, Codable {
        /// Dobson et al. (1991).
        case dobson
        /// Fay & Feuer (1997) gamma.
        case fayFeuer = "fay-feuer"
    }

    /// The service's name.
    public let service: String
    /// O = Σ kₛ.
    public let observed: Int
    /// The service's total population.
    public let population: Double
    /// The DSR per `per` with its interval at each confidence level.
    public let rate: [IntervalEstimate]
    /// The rate base.
    public let per: Double
    /// The interval method.
    public let method: Method

    /// Standardises one service.
    ///
    /// - Throws: ``InvalidArgumentError`` for mismatched lengths, a negative count, a stratum
    ///   population that is not positive, negative weights or weights summing to 0.
    public init(service: String, observed: [Int], population: [Double], standard weights: [Double], per: Double = 100_000,
                method: Method = .dobson, confidences: [Double] = [0.95, 0.998]) throws {
        guard observed.count == population.count, population.count == weights.count, !observed.isEmpty else {
            throw InvalidArgumentError("strata", "needs one observed count, population and standard weight per stratum")
        }
        guard observed.allSatisfy({ $0 >= 0 }) else { throw InvalidArgumentError("observed", "'\(service)' has a negative count") }
        guard population.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw InvalidArgumentError("population", "'\(service)' has a stratum with no population; direct standardisation needs a rate in every stratum")
        }
        let total = weights.reduce(0, +)
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }), total > 0 else {
            throw InvalidArgumentError("standard", "standard population weights must be non-negative with a positive sum")
        }
        let o = observed.reduce(0, +)
        var y = 0.0, v = 0.0, wM = 0.0
        for ((k, n), w) in zip(zip(observed, population), weights) {
            let share = w / total
            y += share * Double(k) / n
            v += share * share * Double(k) / (n * n)
            wM = max(wM, share / n)
        }
        func gammaUpper(_ alpha: Double) -> Double {
            let vv = v + wM * wM, yy = y + wM
            return vv / yy * GammaDistribution(shape: yy * yy / vv).complementaryQuantile(alpha / 2)
        }
        var rates: [IntervalEstimate] = []
        for confidence in confidences {
            try InvalidArgumentError.checkConfidence(confidence)
            let alpha = 1 - confidence
            let lower: Double, upper: Double
            switch method {
            case .dobson:
                let exact = try PoissonRateInterval.exact(count: o, population: 1, per: 1, confidence: confidence)
                if o == 0 {
                    lower = 0
                    upper = gammaUpper(alpha)
                } else {
                    let factor = (v / Double(o)).squareRoot()
                    lower = y + factor * (exact.countLower - Double(o))
                    upper = y + factor * (exact.countUpper - Double(o))
                }
            case .fayFeuer:
                lower = o == 0 ? 0 : v / y * GammaDistribution(shape: y * y / v).quantile(alpha / 2)
                upper = gammaUpper(alpha)
            }
            rates.append(IntervalEstimate(estimate: y * per, lower: max(0, lower) * per, upper: upper * per,
                                          confidence: confidence, method: method == .dobson ? "Dobson" : "Fay-Feuer gamma"))
        }
        self.service = service
        self.observed = o
        self.population = population.reduce(0, +)
        self.rate = rates
        self.per = per
        self.method = method
    }
}
