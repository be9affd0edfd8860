import Foundation

/// A confidence interval for a proportion, with everything needed to say how it was made.
///
/// Construct one with a static method named after the method:
///
/// ```swift
/// let ci = try ProportionInterval.wilson(successes: 11, trials: 17, confidence: 0.95)
/// ci.estimate   // 0.647…
/// ci.lower      // 0.412…
/// ci.upper      // 0.827…
/// ci.method     // .wilson
/// ```
///
/// All bounds are proportions in [0, 1]. Every constructor validates its inputs and throws
/// ``InvalidArgumentError`` for a negative count, more successes than trials, no trials, a
/// confidence level outside (0, 1), or a population smaller than the sample.
public struct ProportionInterval: Sendable, Equatable, Codable {
    /// How the interval was computed.
    public let method: IntervalMethod
    /// Number of successes *k* ("yes" cases).
    public let successes: Int
    /// Number of trials *n* (relevant cases in the sample).
    public let trials: Int
    /// Finite population size *N* the sample was drawn from, for the finite-population methods.
    public let population: Int?
    /// Point estimate *k*/*n*.
    public let estimate: Double
    /// Lower confidence bound.
    public let lower: Double
    /// Upper confidence bound.
    public let upper: Double
    /// Two-sided confidence level, for example 0.95.
    public let confidence: Double
    /// The assumptions and conventions used, in plain words.
    public let assumptions: [String]

    /// Creates an interval value; the static constructors are the usual way in.
    public init(method: IntervalMethod, successes: Int, trials: Int, population: Int? = nil, estimate: Double,
                lower: Double, upper: Double, confidence: Double, assumptions: [String]) {
        self.method = method
        self.successes = successes
        self.trials = trials
        self.population = population
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.assumptions = assumptions
    }

    /// Upper − lower.
    public var width: Double { upper - lower }

    /// Whether `value` lies inside the closed interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    /// The interval by any method; `population` is required for the finite-population methods.
    public static func compute(_ method: IntervalMethod, successes: Int, trials: Int, confidence: Double,
                               population: Int? = nil) throws -> ProportionInterval {
        switch method {
        case .wald: return try wald(successes: successes, trials: trials, confidence: confidence)
        case .wilson: return try wilson(successes: successes, trials: trials, confidence: confidence)
        case .wilsonContinuityCorrected:
            return try wilsonContinuityCorrected(successes: successes, trials: trials, confidence: confidence)
        case .agrestiCoull: return try agrestiCoull(successes: successes, trials: trials, confidence: confidence)
        case .jeffreys: return try jeffreys(successes: successes, trials: trials, confidence: confidence)
        case .clopperPearson: return try clopperPearson(successes: successes, trials: trials, confidence: confidence)
        case .midP: return try midP(successes: successes, trials: trials, confidence: confidence)
        case .hypergeometric, .finitePopulationWald:
            guard let population else {
                throw InvalidArgumentError("population", "the \(method.rawValue) method needs the population size")
            }
            return method == .hypergeometric
                ? try hypergeometric(successes: successes, sample: trials, population: population, confidence: confidence)
                : try finitePopulationWald(successes: successes, sample: trials, population: population, confidence: confidence)
        }
    }
}
