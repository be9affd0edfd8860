import Foundation

/// An interval for a coefficient on the log scale (log odds or log rate ratio); either end may
/// be infinite when the likelihood does not fall far enough in that direction (the interval is
/// then unbounded there, which renderers state in words).
public struct LogScaleInterval: Sendable, Equatable, Hashable, Codable {
    /// Lower end on the log scale (may be −∞).
    public let lower: Double
    /// Upper end on the log scale (may be +∞).
    public let upper: Double

    /// Creates an interval.
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// The interval for the ratio exp(β): [exp(lower), exp(upper)].
    public var ratio: (lower: Double, upper: Double) { (Foundation.exp(lower), Foundation.exp(upper)) }

    /// Whether `value` (log scale) lies within the interval, ends included.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}

/// The crude (unadjusted) estimate of a level against the reference: the same model fitted
/// with this term alone. For a binomial model its exponent is the 2 × 2 table odds ratio and
/// its Wald interval Woolf's logit interval; for Poisson, the ratio of crude rates.
public struct CrudeEstimate: Sendable, Equatable, Hashable, Codable {
    /// log ratio.
    public let estimate: Double
    /// Standard error of `estimate`.
    public let standardError: Double
    /// Wald interval estimate ± z SE.
    public let waldInterval: LogScaleInterval

    /// The crude ratio exp(estimate).
    public var ratio: Double { Foundation.exp(estimate) }
}

/// One coefficient of a fitted GLM.
///
/// For a contrast level, exp(``estimate``) is its adjusted odds ratio (logistic) or rate ratio
/// (Poisson) against the term's reference, holding the other terms fixed.
/// - Wald interval: β̂ ± z₁₋α/₂ SE, SE = √[I(β̂)⁻¹]ⱼⱼ.
/// - Profile-likelihood interval: { b : 2 [ℓ(β̂) − max ℓ(β | βⱼ = b)] ≤ χ²₁,₁₋α } (Venzon &
///   Moolgavkar 1988); with Firth, of the penalised likelihood (Heinze & Schemper 2002). Better
///   than Wald for small or unbalanced cells; invariant to the ratio scale.
/// - z = β̂ / SE with two-sided normal p-value.
public struct RegressionCoefficient: Sendable, Equatable, Hashable, Codable {
    /// `(intercept)` or `term=level`.
    public let name: String
    /// The term, `nil` for the intercept.
    public let term: String?
    /// The level, `nil` for the intercept.
    public let level: String?
    /// The term's reference level, `nil` for the intercept.
    public let reference: String?
    /// β̂ on the log scale.
    public let estimate: Double
    /// Its standard error.
    public let standardError: Double
    /// Wald z = β̂ / SE.
    public let zStatistic: Double
    /// Two-sided Wald p-value 2 Φ(−|z|).
    public let pValue: Double
    /// Wald interval (log scale).
    public let waldInterval: LogScaleInterval
    /// Profile-likelihood interval (log scale).
    public let profileInterval: LogScaleInterval
    /// The crude estimate for the same level, `nil` for the intercept.
    public let crude: CrudeEstimate?

    /// exp(β̂): the adjusted odds or rate ratio (for the intercept, the reference odds or rate).
    public var ratio: Double { Foundation.exp(estimate) }
}

/// A likelihood-ratio test that all coefficients of a term are zero (e.g. ethnicity as a whole):
/// G = 2 [ℓ(β̂) − max ℓ(β | β_term = 0)] against χ² with the term's number of columns as degrees
/// of freedom. With Firth, ℓ is the penalised log-likelihood (the penalised likelihood-ratio test
/// of `logistf`).
public struct TermTest: Sendable, Equatable, Hashable, Codable {
    /// The term.
    public let term: String
    /// G.
    public let statistic: Double
    /// Degrees of freedom (levels − 1).
    public let degreesOfFreedom: Int
    /// P(χ²_df ≥ G).
    public let pValue: Double
    /// `likelihood ratio` or `penalised likelihood ratio`.
    public let method: String
}

/// How the iterations of a fit went.
public struct ConvergenceRecord: Sendable, Equatable, Hashable, Codable {
    /// Newton (IRLS) iterations taken.
    public let iterations: Int
    /// Whether the convergence criterion was met.
    public let converged: Bool
    /// The criterion: the largest coefficient step is at most `tolerance` · (1 + max |β|).
    public let tolerance: Double
    /// The largest coefficient change in the last iteration.
    public let lastStep: Double
    /// How many times a step was halved because it lowered the objective.
    public let stepHalvings: Int
    /// The (penalised) log-likelihood after each iteration, starting value first.
    public let objectiveHistory: [Double]
}

/// How the coefficients were estimated.
public enum EstimationMethod: String, Sendable, Equatable, Hashable, Codable {
    /// Maximum likelihood by IRLS.
    case maximumLikelihood = "maximum likelihood (IRLS)"
    /// Firth's penalised likelihood ℓ + ½ log det I(β) (Firth 1993), which gives finite
    /// estimates under separation and removes the O(1/n) bias.
    case firth = "Firth penalised likelihood"
}

/// A level of a term whose cells are empty or full: the reason a maximum-likelihood estimate is
/// infinite (separation) or unstable (sparse).
public struct SparseCell: Sendable, Equatable, Hashable, Codable {
    /// What is wrong with the level.
    public enum Kind: String, Sendable, Equatable, Hashable, Codable {
        /// No record of the level has the outcome (its estimate goes to −∞ under ML).
        case noOutcome = "no outcome"
        /// Every record of the level has the outcome (+∞ under ML).
        case allOutcome = "all outcome"
        /// Fewer than 5 outcomes or 5 non-outcomes: finite but imprecise; Wald intervals are
        /// unreliable, the profile interval is preferred.
        case sparse
    }
    /// The term.
    public let term: String
    /// The level.
    public let level: String
    /// Outcomes (events or counts) in the level.
    public let outcome: Double
    /// Records at risk (or exposure) in the level.
    public let denominator: Double
    /// The finding.
    public let kind: Kind

    /// A sentence for reports.
    public var explanation: String {
        let n = SparseCell.format(denominator)
        let y = SparseCell.format(outcome)
        switch kind {
        case .noOutcome: return "\(term)=\(level): no outcome among \(n) (its ratio is 0 under maximum likelihood: separation)"
        case .allOutcome: return "\(term)=\(level): every one of \(n) has the outcome (its ratio is infinite under maximum likelihood: separation)"
        case .sparse: return "\(term)=\(level): \(y) outcomes among \(n) (sparse: fewer than 5 with or without the outcome; prefer the profile interval)"
        }
    }

    /// A whole number without decimals, otherwise 6 significant digits.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : NumberFormatting.significant(value, 6)
    }
}
