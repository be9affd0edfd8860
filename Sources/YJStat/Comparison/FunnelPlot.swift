import Foundation

/// A funnel plot of many services' proportions or rates against their denominators, with exact
/// 95% and 99.8% control limits around a target (Spiegelhalter 2005, "Funnel plots for comparing
/// institutional performance", *Statistics in Medicine* 24:1185–1202).
///
/// - Target θ₀: the pooled value Σkᵢ/Σnᵢ (× per for rates), or a given one such as the national figure.
/// - Limits at denominator n: the exact binomial (proportions) or Poisson (rates, mean θ₀·n) 0.1%,
///   2.5%, 97.5% and 99.9% points with Spiegelhalter's interpolation (``FunnelControlLimit``).
/// - Each service: z = (yᵢ − θ₀)/sᵢ with sᵢ² = θ₀(1 − θ₀)/nᵢ (proportions) or θ₀/nᵢ (rates, per
///   head), and a flag from its value against the limits at its own denominator — except a
///   proportion of 100% under exact limits: the interpolated upper limit of a small sample lies
///   just below 100% whenever 100% is not improbable, so that point is flagged by its exact tail
///   P(X = n) instead (``FunnelFlag/fromTails(atLeast:atMost:)``).
/// - Optional overdispersion (``FunnelOverdispersion``): φ̂ and τ̂² from 10%-winsorised z-scores;
///   when τ̂² > 0 the limits become θ₀ ± z_p √(s² + τ̂²) (normal, additive random effects,
///   clipped to [0, 1] or at 0) and the z-scores (yᵢ − θ₀)/√(sᵢ² + τ̂²).
///
/// ```swift
/// let plot = try FunnelPlot(units: [.init(service: "A", numerator: 30, denominator: 80), …], measure: .proportion)
/// plot.points[0].flag   // .within
/// plot.limits(at: 100)  // the four limits at n = 100
/// ```
public struct FunnelPlot: Sendable, Equatable, Codable {
    /// One service's counts.
    public struct Unit: Sendable, Equatable, Codable {
        /// The service's name (unique within a plot).
        public var service: String
        /// Yes cases, or events.
        public var numerator: Int
        /// Cases, or population (at least 1).
        public var denominator: Int

        /// Creates a unit.
        public init(service: String, numerator: Int, denominator: Int) {
            self.service = service
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// Where the funnel is centred.
    public enum Target: Sendable, Equatable, Codable {
        /// The pooled value of all services.
        case pooled
        /// A given value in reported units (a proportion in (0, 1), or a rate per `per`).
        case given(Double)
    }

    /// Proportions or rates.
    public let measure: FunnelMeasure
    /// θ₀ in reported units.
    public let target: Double
    /// Whether θ₀ is the pooled value (rather than given).
    public let targetIsPooled: Bool
    /// The services, in input order.
    public let points: [FunnelPoint]
    /// The overdispersion estimate, when requested.
    public let overdispersion: FunnelOverdispersion?

    /// Builds the plot.
    ///
    /// - Parameters:
    ///   - units: the services (at least one; at least three for overdispersion).
    ///   - measure: proportions or rates.
    ///   - target: pooled (default) or given.
    ///   - overdispersion: whether to estimate φ and τ² and widen the limits when τ² > 0.
    /// - Throws: ``InvalidArgumentError`` for no services, a duplicate name, a denominator below
    ///   1, a negative numerator, a numerator above its denominator for proportions, a target out
    ///   of range, or a pooled target of 0 (or 1 for proportions), where no funnel exists.
    public init(units: [Unit], measure: FunnelMeasure, target: Target = .pooled, overdispersion: Bool = false) throws {
        guard !units.isEmpty else { throw InvalidArgumentError("units", "a funnel plot needs at least one service") }
        if case .rate(let per) = measure, !(per > 0 && per.isFinite) {
            throw InvalidArgumentError("per", "must be positive and finite, got \(per)")
        }
        var seen: Set<String> = []
        for unit in units {
            guard seen.insert(unit.service).inserted else {
                throw InvalidArgumentError("service", "'\(unit.service)' appears more than once")
            }
            guard unit.denominator >= 1 else {
                throw InvalidArgumentError("denominator", "'\(unit.service)' has denominator \(unit.denominator); it must be at least 1")
            }
            guard unit.numerator >= 0 else {
                throw InvalidArgumentError("numerator", "'\(unit.service)' has a negative numerator \(unit.numerator)")
            }
            if measure == .proportion, unit.numerator > unit.denominator {
                throw InvalidArgumentError("numerator", "'\(unit.service)' has numerator \(unit.numerator) above its denominator \(unit.denominator)")
            }
        }
        self.measure = measure
        let scale = measure.scale
        let theta: Double   // per head
        switch target {
        case .pooled:
            let k = units.reduce(0.0) { $0 + Double($1.numerator) }
            let n = units.reduce(0.0) { $0 + Double($1.denominator) }
            theta = k / n
            guard theta > 0, measure != .proportion || theta < 1 else {
                throw InvalidArgumentError("target", "the pooled value is \(theta * scale); a funnel needs a target strictly inside the range, so give one")
            }
            targetIsPooled = true
        case .given(let value):
            guard value > 0, value.isFinite, measure != .proportion || value < 1 else {
                throw InvalidArgumentError("target", measure == .proportion
                    ? "must be a proportion strictly between 0 and 1, got \(value)"
                    : "must be a positive rate, got \(value)")
            }
            theta = value / scale
            targetIsPooled = false
        }
        self.target = theta * scale
        let standardErrors = units.map { Self.standardError(theta: theta, denominator: $0.denominator, measure: measure) }
        let naiveZ = zip(units, standardErrors).map { (Double($0.numerator) / Double($0.denominator) - theta) / $1 }
        let estimate = overdispersion ? try FunnelOverdispersion(zScores: naiveZ, standardErrors: standardErrors) : nil
        self.overdispersion = estimate
        let tau2 = estimate?.tauSquared ?? 0
        var points: [FunnelPoint] = []
        points.reserveCapacity(units.count)
        for (unit, se) in zip(units, standardErrors) {
            let perHead = Double(unit.numerator) / Double(unit.denominator)
            let own: (Double, Double)
            switch measure {
            case .proportion:
                let ci = try ProportionInterval.wilson(successes: unit.numerator, trials: unit.denominator, confidence: 0.95)
                own = (ci.lower, ci.upper)
            case .rate(let per):
                let ci = try PoissonRateInterval.compute(.auto, count: unit.numerator, population: Double(unit.denominator),
                                                         per: per, confidence: 0.95)
                own = (ci.lower, ci.upper)
            }
            let limits = Self.limits(theta: theta, denominator: unit.denominator, measure: measure, tauSquared: tau2)
            let value = perHead * scale
            points.append(FunnelPoint(service: unit.service, numerator: unit.numerator, denominator: unit.denominator,
                                      value: value, lower: own.0, upper: own.1, limits: limits,
                                      z: (perHead - theta) / (se * se + tau2).squareRoot(),
                                      flag: Self.flag(value: value, limits: limits, unit: unit, theta: theta,
                                                      measure: measure, widened: tau2 > 0)))
        }
        self.points = points
    }

    /// A point's flag: its value against the limits, but a 100% proportion under exact limits by
    /// its exact tail P(X = n) under θ (the interpolated limit cannot be exceeded meaningfully there).
    static func flag(value: Double, limits: FunnelLimits, unit: Unit, theta: Double, measure: FunnelMeasure,
                     widened: Bool) -> FunnelFlag {
        if case .proportion = measure, !widened, unit.numerator == unit.denominator {
            let distribution = Binomial(trials: unit.denominator, probability: theta)
            return FunnelFlag.fromTails(atLeast: distribution.pmf(unit.denominator), atMost: 1)
        }
        return FunnelFlag.classify(value, against: limits)
    }

    /// The four control limits at a denominator (widened when overdispersion is applied).
    public func limits(at denominator: Int) -> FunnelLimits {
        Self.limits(theta: target / measure.scale, denominator: max(1, denominator), measure: measure,
                    tauSquared: overdispersion?.tauSquared ?? 0)
    }

    /// Limits at up to `count` denominators spread evenly from `from` to `to` (whole numbers,
    /// without repeats), for drawing the funnel.
    public func limitCurve(from: Int, to: Int, count: Int = 240) -> [FunnelLimits] {
        let low = max(1, from), high = max(low, to)
        let steps = max(1, count - 1)
        var denominators: [Int] = []
        for i in 0...steps {
            let n = low + Int((Double(high - low) * Double(i) / Double(steps)).rounded())
            if denominators.last != n { denominators.append(n) }
        }
        return denominators.map { limits(at: $0) }
    }

    /// A one-sentence account of the method, for captions and reports.
    public var methodDescription: String {
        let distribution = measure == .proportion ? "binomial" : "Poisson"
        let centre = targetIsPooled ? "the pooled value" : "the given target"
        if let overdispersion, overdispersion.isApplied {
            let tau2 = NumberFormatting.significant(tauSquaredInReportedUnits ?? 0, 3)
            return "Control limits: 95% and 99.8% limits around \(centre), normal approximation widened for "
                + "overdispersion by additive random effects (φ = \(NumberFormatting.significant(overdispersion.phi, 3)), "
                + "τ² = \(tau2), from z-scores winsorised at 10% in each tail; Spiegelhalter 2005)."
        }
        var text = "Control limits: exact \(distribution) 95% and 99.8% limits around \(centre), interpolated as in Spiegelhalter (2005)"
        if let overdispersion {
            text += "; no overdispersion found (φ = \(NumberFormatting.significant(overdispersion.phi, 3)), τ² = 0), so the exact limits stand"
        }
        return text + "."
    }

    /// τ̂² in reported units squared (× per² for rates), or nil without an overdispersion estimate.
    public var tauSquaredInReportedUnits: Double? {
        overdispersion.map { $0.tauSquared * measure.scale * measure.scale }
    }

    /// The within-service standard error at the target, per head: √(θ(1 − θ)/n) or √(θ/n).
    static func standardError(theta: Double, denominator: Int, measure: FunnelMeasure) -> Double {
        let n = Double(denominator)
        return measure == .proportion ? (theta * (1 - theta) / n).squareRoot() : (theta / n).squareRoot()
    }

    static func limits(theta: Double, denominator n: Int, measure: FunnelMeasure, tauSquared: Double) -> FunnelLimits {
        let scale = measure.scale
        func exact(_ tail: Double, _ side: FunnelControlLimit.Side) -> Double {
            switch measure {
            case .proportion: return FunnelControlLimit.proportion(trials: n, target: theta, tail: tail, side: side)
            case .rate(let per):
                return FunnelControlLimit.rate(population: Double(n), target: theta * per, per: per, tail: tail, side: side)
            }
        }
        if tauSquared > 0 {
            let se = standardError(theta: theta, denominator: n, measure: measure)
            let spread = (se * se + tauSquared).squareRoot()
            func widened(_ tail: Double, _ sign: Double) -> Double {
                let value = theta + sign * Normal.complementaryQuantile(tail) * spread
                return (measure == .proportion ? min(1, max(0, value)) : max(0, value)) * scale
            }
            return FunnelLimits(denominator: n, lower998: widened(0.001, -1), lower95: widened(0.025, -1),
                                upper95: widened(0.025, 1), upper998: widened(0.001, 1))
        }
        return FunnelLimits(denominator: n, lower998: exact(0.001, .lower), lower95: exact(0.025, .lower),
                            upper95: exact(0.025, .upper), upper998: exact(0.001, .upper))
    }
}
