import Foundation

/// A service's relative rate index (RRI) against the national RRI — or any other service's —
/// as the ratio of the two ratios, with its interval on the log scale.
///
/// Each RRI is rate_g / rate_r = (a/n_a) / (c/n_c): a events among a base of n_a in the group,
/// c among n_c in the reference group. Its log has approximate variance
///
///     Poisson base (events per population):   v = 1/a + 1/c
///     binomial base (events per previous stage): v = 1/a − 1/n_a + 1/c − 1/n_c   (Katz log)
///
/// and the ratio of two independent RRIs, R = RRI_service / RRI_national, has
///
///     ln R ± z √(v_service + v_national),   z-test p = 2 Φ(−|ln R| / √(v_service + v_national))
///
/// (Altman & Bland 2003, "Interaction revisited: the difference between two estimates",
/// *BMJ* 326:219). A national RRI given as a bare number is treated as known (v = 0). When an
/// event count is 0, ½ is added to both event counts (and, for a binomial base, to both bases) of
/// that RRI, and the method says so. Valid when the events in the two RRIs are independent —
/// strictly, a service's children are also part of the national figures, which matters only when
/// the service is a large share of the nation.
public struct RelativeRateIndexComparison: Sendable, Equatable, Codable {
    /// How an RRI's counts arose, which fixes the variance of its log.
    public enum Model: String, CaseIterable, Codable, Sendable {
        /// Events per head of a population (first-time entrants per 10–17 population): Poisson counts.
        case poisson
        /// Events out of the cases at the previous stage (custody per sentence): binomial counts.
        case binomial
    }

    /// The counts behind one RRI.
    public struct Counts: Sendable, Equatable, Codable {
        /// a, events in the group.
        public var groupEvents: Int
        /// n_a, the group's base (population or previous-stage count).
        public var groupBase: Double
        /// c, events in the reference group.
        public var referenceEvents: Int
        /// n_c, the reference group's base.
        public var referenceBase: Double

        /// Creates the counts.
        public init(groupEvents: Int, groupBase: Double, referenceEvents: Int, referenceBase: Double) {
            self.groupEvents = groupEvents
            self.groupBase = groupBase
            self.referenceEvents = referenceEvents
            self.referenceBase = referenceBase
        }
    }

    /// The service's RRI with its log-scale interval.
    public let service: IntervalEstimate
    /// The national (comparator) RRI, with its interval (a zero-width one when given as a number).
    public let national: IntervalEstimate
    /// RRI_service / RRI_national with its log-scale interval.
    public let ratio: IntervalEstimate
    /// Two-sided z-test p-value for equal RRIs, on the log scale.
    public let pValue: Double
    /// The variance model of the counts.
    public let model: Model
    /// The assumptions used, in plain words.
    public let assumptions: [String]

    /// Compares two RRIs, each from its counts.
    ///
    /// - Throws: ``InvalidArgumentError`` for negative counts, bases that are not positive, more
    ///   events than the base under the binomial model, or a confidence outside (0, 1).
    public init(service: Counts, national: Counts, model: Model, confidence: Double = 0.95) throws {
        try InvalidArgumentError.checkConfidence(confidence)
        let s = try Self.logRRI(service, model: model, name: "service")
        let n = try Self.logRRI(national, model: model, name: "national")
        self.init(s, n, model: model, confidence: confidence, nationalMethod: n.method)
    }

    /// Compares the service's RRI, from its counts, with a national RRI known without error.
    ///
    /// - Throws: ``InvalidArgumentError`` as the counts form, or for a national RRI that is not positive.
    public init(service: Counts, nationalIndex: Double, model: Model, confidence: Double = 0.95) throws {
        try InvalidArgumentError.checkConfidence(confidence)
        guard nationalIndex > 0, nationalIndex.isFinite else {
            throw InvalidArgumentError("nationalIndex", "must be a positive number, got \(nationalIndex)")
        }
        let s = try Self.logRRI(service, model: model, name: "service")
        self.init(s, (Foundation.log(nationalIndex), 0, "given, treated as known"), model: model,
                      confidence: confidence, nationalMethod: "given, treated as known")
    }

    private init(_ s: (log: Double, variance: Double, method: String), _ n: (log: Double, variance: Double, method: String),
                 model: Model, confidence: Double, nationalMethod: String) {
        let z = Normal.twoSidedCriticalValue(confidence: confidence)
        func onLogScale(_ log: Double, _ variance: Double, _ method: String) -> IntervalEstimate {
            let half = z * variance.squareRoot()
            return IntervalEstimate(estimate: Foundation.exp(log), lower: Foundation.exp(log - half),
                                      upper: Foundation.exp(log + half), confidence: confidence, method: method)
        }
        service = onLogScale(s.log, s.variance, s.method)
        national = onLogScale(n.log, n.variance, nationalMethod)
        let variance = s.variance + n.variance
        ratio = onLogScale(s.log - n.log, variance, "ratio of ratios, log-scale interval (Altman & Bland 2003)")
        pValue = 2 * Normal.sf(abs(s.log - n.log) / variance.squareRoot())
        self.model = model
        assumptions = [model == .poisson ? "event counts are Poisson (a population base)"
                                         : "event counts are binomial out of the previous stage",
                       "the two RRIs are independent", "normal approximation on the log scale"]
    }

    /// ln RRI and its variance under `model`, with ½ added when an event count is zero.
    static func logRRI(_ counts: Counts, model: Model, name: String) throws -> (log: Double, variance: Double, method: String) {
        guard counts.groupEvents >= 0, counts.referenceEvents >= 0 else {
            throw InvalidArgumentError(Parameter(rawValue: name), "event counts must not be negative")
        }
        guard counts.groupBase > 0, counts.referenceBase > 0, counts.groupBase.isFinite, counts.referenceBase.isFinite else {
            throw InvalidArgumentError(Parameter(rawValue: name), "bases must be positive and finite")
        }
        if model == .binomial, Double(counts.groupEvents) > counts.groupBase || Double(counts.referenceEvents) > counts.referenceBase {
            throw InvalidArgumentError(Parameter(rawValue: name), "more events than the base under the binomial model")
        }
        let zero = counts.groupEvents == 0 || counts.referenceEvents == 0
        let add = zero ? 0.5 : 0
        let a = Double(counts.groupEvents) + add, c = Double(counts.referenceEvents) + add
        let na = counts.groupBase + (model == .binomial ? add : 0), nc = counts.referenceBase + (model == .binomial ? add : 0)
        let variance = model == .poisson ? 1 / a + 1 / c : 1 / a - 1 / na + 1 / c - 1 / nc
        var method = model == .poisson ? "log-scale interval, Poisson counts" : "Katz log interval, binomial counts"
        if zero { method += ", 1/2 added for a zero count" }
        return (Foundation.log((a / na) / (c / nc)), variance, method)
    }
}
