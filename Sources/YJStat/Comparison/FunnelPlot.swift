import Foundation

/// A funnel plot of many services' proportions, rates or observed/expected ratios against their
/// denominators, with 95% and 99.8% control limits around a target (Spiegelhalter 2005, "Funnel
/// plots for comparing institutional performance", *Statistics in Medicine* 24:1185–1202).
///
/// - Target θ₀: the pooled value Σkᵢ/Σnᵢ (× per for rates), or a given one such as the national
///   figure (1 for standardised ratios).
/// - Limits at denominator n under a ``FunnelLimitConvention``: Spiegelhalter's interpolated exact
///   quantiles (default), the first significant count, the normal approximation, or the exact
///   interval of a count equal to the expected (``FunnelCountModel/limitCount(_:tail:side:)``).
/// - Each service: z = (yᵢ − θ₀)/sᵢ with sᵢ² = θ₀(1 − θ₀)/nᵢ (proportions) or θ₀/nᵢ (rates and
///   ratios, per head), its exact tails P(X ≥ kᵢ) and P(X ≤ kᵢ), and a flag. Under the exact
///   conventions the flag comes from those tails on both sides (high at 99.8% when
///   P(X ≥ kᵢ) < 0.001, and so on: ``FunnelFlag/fromTails(atLeast:atMost:)``); under ``normal``
///   limits, or when overdispersion widens them, from the value against the limits.
/// - Optional overdispersion (``FunnelOverdispersion``, ``FunnelOverdispersionOptions``): φ̂ and
///   τ̂² from trimmed z-scores on the identity, log, square-root or arcsine scale; when applied the
///   limits become g⁻¹(g(θ₀) ± z_p √(s² + τ̂²)) (additive) or g⁻¹(g(θ₀) ± z_p √φ̂ s)
///   (multiplicative), clipped to [0, 1] or at 0, and the z-scores are taken on that scale.
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
        /// Cases (whole, at least 1), population (positive, fractional allowed: person-years),
        /// or expected count (positive, fractional) for a ratio.
        public var denominator: Double

        /// Creates a unit.
        public init(service: String, numerator: Int, denominator: Double) {
            self.service = service
            self.numerator = numerator
            self.denominator = denominator
        }

        /// Creates a unit with a whole denominator.
        public init(service: String, numerator: Int, denominator: Int) {
            self.init(service: service, numerator: numerator, denominator: Double(denominator))
        }
    }

    /// Where the funnel is centred.
    public enum Target: Sendable, Equatable, Codable {
        /// The pooled value of all services.
        case pooled
        /// A given value in reported units (a proportion in (0, 1), a rate per `per`, or a ratio).
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
    /// How the limits are drawn.
    public let convention: FunnelLimitConvention

    /// Builds the plot.
    ///
    /// - Parameters:
    ///   - units: the services (at least one; at least three for overdispersion).
    ///   - measure: proportions, rates or ratios.
    ///   - target: pooled (default) or given.
    ///   - limits: how the control limits are drawn (default Spiegelhalter's interpolation).
    ///   - overdispersion: how to estimate φ and τ² and widen the limits, or nil for none.
    /// - Throws: ``InvalidArgumentError`` for no services, a duplicate name, a denominator that
    ///   is not positive and finite (or not whole, or below 1, for proportions), a negative
    ///   numerator, a numerator above its denominator for proportions, a target out of range, a
    ///   pooled target of 0 (or 1 for proportions), where no funnel exists, or an overdispersion
    ///   scale that does not suit the measure (arcsine is for proportions).
    public init(units: [Unit], measure: FunnelMeasure, target: Target = .pooled,
                limits convention: FunnelLimitConvention = .spiegelhalter,
                overdispersion options: FunnelOverdispersionOptions? = nil) throws {
        guard !units.isEmpty else { throw InvalidArgumentError("units", "a funnel plot needs at least one service") }
        if case .rate(let per) = measure, !(per > 0 && per.isFinite) {
            throw InvalidArgumentError("per", "must be positive and finite, got \(per)")
        }
        var seen: Set<String> = []
        for unit in units {
            guard seen.insert(unit.service).inserted else {
                throw InvalidArgumentError("service", "'\(unit.service)' appears more than once")
            }
            if measure.isBinomial {
                guard unit.denominator >= 1, unit.denominator == unit.denominator.rounded(), unit.denominator < 1e15 else {
                    throw InvalidArgumentError("denominator", "'\(unit.service)' has denominator \(unit.denominator); a proportion needs a whole number of cases, at least 1")
                }
            } else {
                guard unit.denominator > 0, unit.denominator.isFinite else {
                    throw InvalidArgumentError("denominator", "'\(unit.service)' has denominator \(unit.denominator); it must be positive and finite")
                }
            }
            guard unit.numerator >= 0 else {
                throw InvalidArgumentError("numerator", "'\(unit.service)' has a negative numerator \(unit.numerator)")
            }
            if measure.isBinomial, Double(unit.numerator) > unit.denominator {
                throw InvalidArgumentError("numerator", "'\(unit.service)' has numerator \(unit.numerator) above its denominator \(Int(unit.denominator))")
            }
        }
        if let options, options.scale == .arcsine, !measure.isBinomial {
            throw InvalidArgumentError("scale", "the arcsine scale is for proportions; use identity, log or sqrt for a \(measure.name)")
        }
        self.measure = measure
        self.convention = convention
        let scale = measure.scale
        let theta: Double   // per head
        switch target {
        case .pooled:
            let k = units.reduce(0.0) { $0 + Double($1.numerator) }
            let n = units.reduce(0.0) { $0 + $1.denominator }
            theta = k / n
            guard theta > 0, !measure.isBinomial || theta < 1 else {
                throw InvalidArgumentError("target", "the pooled value is \(theta * scale); a funnel needs a target strictly inside the range, so give one")
            }
            targetIsPooled = true
        case .given(let value):
            guard value > 0, value.isFinite, !measure.isBinomial || value < 1 else {
                throw InvalidArgumentError("target", measure.isBinomial
                    ? "must be a proportion strictly between 0 and 1, got \(value)"
                    : "must be a positive \(measure.name), got \(value)")
            }
            theta = value / scale
            targetIsPooled = false
        }
        self.target = theta * scale
        let standardErrors = units.map { Self.standardError(theta: theta, denominator: $0.denominator, measure: measure) }
        let estimate: FunnelOverdispersion?
        if let options {
            let g = options.scale
            let scaleErrors = zip(units, standardErrors).map { g.standardError(identity: $1, theta: theta, denominator: $0.denominator) }
            let scaleZ = zip(units, scaleErrors).map { Self.transformed($0.0, scale: g) - g.transform(theta) }
                .enumerated().map { $0.element / scaleErrors[$0.offset] }
            estimate = try FunnelOverdispersion(zScores: scaleZ, standardErrors: scaleErrors, options: options)
        } else {
            estimate = nil
        }
        self.overdispersion = estimate
        var points: [FunnelPoint] = []
        points.reserveCapacity(units.count)
        for (unit, se) in zip(units, standardErrors) {
            let perHead = Double(unit.numerator) / unit.denominator
            let own: (Double, Double)
            switch measure {
            case .proportion:
                let ci = try ProportionInterval.wilson(successes: unit.numerator, trials: Int(unit.denominator), confidence: 0.95)
                own = (ci.lower, ci.upper)
            case .rate, .ratio:
                let ci = try PoissonRateInterval.compute(.auto, count: unit.numerator, population: unit.denominator,
                                                         per: scale, confidence: 0.95)
                own = (ci.lower, ci.upper)
            }
            let limits = Self.limits(theta: theta, denominator: unit.denominator, measure: measure,
                                     convention: convention, overdispersion: estimate)
            let value = perHead * scale
            let tails = measure.countModel(theta: theta, denominator: unit.denominator).tails(observed: unit.numerator)
            let z: Double
            if let estimate, estimate.isApplied {
                let g = estimate.options.scale
                let s = g.standardError(identity: se, theta: theta, denominator: unit.denominator)
                z = (Self.transformed(unit, scale: g) - g.transform(theta)) / estimate.spread(standardError: s)
            } else {
                z = (perHead - theta) / se
            }
            let byLimits = convention == .normal || estimate?.isApplied == true
            let flag = byLimits ? FunnelFlag.classify(value, against: limits)
                                : FunnelFlag.fromTails(atLeast: tails.atLeast, atMost: tails.atMost)
            points.append(FunnelPoint(service: unit.service, numerator: unit.numerator, denominator: unit.denominator,
                                      value: value, lower: own.0, upper: own.1, limits: limits, z: z, flag: flag,
                                      tailAtLeast: tails.atLeast, tailAtMost: tails.atMost))
        }
        self.points = points
    }

    /// The default Spiegelhalter plot, with or without the default overdispersion estimate
    /// (identity scale, 10% winsorised, additive).
    public init(units: [Unit], measure: FunnelMeasure, target: Target = .pooled, overdispersion: Bool) throws {
        try self.init(units: units, measure: measure, target: target, limits: .spiegelhalter,
                      overdispersion: overdispersion ? FunnelOverdispersionOptions() : nil)
    }

    /// g(kᵢ/nᵢ) on an overdispersion scale; on the log scale a zero count is taken as ½.
    static func transformed(_ unit: Unit, scale: FunnelOverdispersionOptions.Scale) -> Double {
        let count = scale == .log && unit.numerator == 0 ? 0.5 : Double(unit.numerator)
        return scale.transform(count / unit.denominator)
    }

    /// Whether a point's flag comes from its exact tails (rather than from the drawn limits).
    public var flagsByExactTails: Bool { convention.flagsByExactTails && overdispersion?.isApplied != true }

    /// The four control limits at a denominator (widened when overdispersion is applied).
    public func limits(at denominator: Double) -> FunnelLimits {
        let smallest = measure.isBinomial ? 1 : Double.leastNormalMagnitude
        return Self.limits(theta: target / measure.scale, denominator: max(smallest, denominator), measure: measure,
                           convention: convention, overdispersion: overdispersion)
    }

    /// The four control limits at a whole denominator.
    public func limits(at denominator: Int) -> FunnelLimits { limits(at: Double(denominator)) }

    /// Limits at up to `count` denominators spread evenly from `from` to `to` (whole numbers for
    /// proportions, without repeats), for drawing the funnel.
    public func limitCurve(from: Double, to: Double, count: Int = 240) -> [FunnelLimits] {
        let whole = measure.isBinomial
        let low = whole ? max(1, from.rounded()) : max(from, to / 1e4, Double.leastNormalMagnitude)
        let high = max(low, whole ? to.rounded() : to)
        let steps = max(1, count - 1)
        var denominators: [Double] = []
        for i in 0...steps {
            var n = low + (high - low) * Double(i) / Double(steps)
            if whole { n = n.rounded() }
            if denominators.last != n { denominators.append(n) }
        }
        return denominators.map { limits(at: $0) }
    }

    /// Limits along whole denominators from `from` to `to`.
    public func limitCurve(from: Int, to: Int, count: Int = 240) -> [FunnelLimits] {
        limitCurve(from: Double(from), to: Double(to), count: count)
    }

    /// A one-sentence account of the method, for captions and reports.
    public var methodDescription: String {
        let centre = targetIsPooled ? "the pooled value" : "the given target"
        if let overdispersion, overdispersion.isApplied {
            let options = overdispersion.options
            let widening = options.model == .additive
                ? "additive random effects (τ² = \(NumberFormatting.significant(tauSquaredInReportedUnits ?? overdispersion.tauSquared, 3)))"
                : "a multiplicative factor (√φ = \(NumberFormatting.significant(overdispersion.phi.squareRoot(), 3)))"
            return "Control limits: 95% and 99.8% limits around \(centre), normal approximation on the \(options.scale.rawValue) scale widened for "
                + "overdispersion by \(widening); φ = \(NumberFormatting.significant(overdispersion.phi, 3)) from z-scores "
                + "\(trimPhrase(overdispersion)); Spiegelhalter 2005. Flags follow these limits."
        }
        var text = "Control limits: 95% and 99.8% limits around \(centre), \(convention.summary)"
        if let overdispersion {
            text += "; no overdispersion found (φ = \(NumberFormatting.significant(overdispersion.phi, 3)), "
                + (overdispersion.options.model == .additive ? "τ² = 0" : "φ ≤ 1") + "), so these limits stand"
        }
        text += flagsByExactTails
            ? ". Flags follow the exact \(measure.isBinomial ? "binomial" : "Poisson") tail probabilities on both sides (P < 0.025, P < 0.001)."
            : ". Flags follow these limits."
        return text
    }

    func trimPhrase(_ estimate: FunnelOverdispersion) -> String {
        let hundredths = (estimate.fraction * 10_000).rounded()
        let percent = hundredths.truncatingRemainder(dividingBy: 100) == 0 ? String(Int(hundredths / 100))
                                                                            : NumberFormatting.fixed(hundredths / 100, 2)
        let verb = estimate.options.trimMethod == .winsorise ? "winsorised" : "truncated"
        return "\(verb) at \(percent)% in each tail (\(estimate.trimmed) of \(estimate.count) services)"
    }

    /// τ̂² in reported units squared (× per² for rates) on the identity scale, or on the
    /// transformed scale otherwise; nil without an overdispersion estimate.
    public var tauSquaredInReportedUnits: Double? {
        overdispersion.map { $0.options.scale == .identity ? $0.tauSquared * measure.scale * measure.scale : $0.tauSquared }
    }

    /// The within-service standard error at the target, per head: √(θ(1 − θ)/n) or √(θ/n).
    static func standardError(theta: Double, denominator n: Double, measure: FunnelMeasure) -> Double {
        measure.isBinomial ? (theta * (1 - theta) / n).squareRoot() : (theta / n).squareRoot()
    }

    static func limits(theta: Double, denominator n: Double, measure: FunnelMeasure,
                       convention: FunnelLimitConvention = .spiegelhalter,
                       overdispersion: FunnelOverdispersion? = nil) -> FunnelLimits {
        let scale = measure.scale
        if let overdispersion, overdispersion.isApplied {
            let g = overdispersion.options.scale
            let s = g.standardError(identity: standardError(theta: theta, denominator: n, measure: measure),
                                    theta: theta, denominator: n)
            let spread = overdispersion.spread(standardError: s)
            func widened(_ tail: Double, _ sign: Double) -> Double {
                let value = g.inverse(g.transform(theta) + sign * Normal.complementaryQuantile(tail) * spread)
                return (measure.isBinomial ? min(1, max(0, value)) : max(0, value)) * scale
            }
            return FunnelLimits(denominator: n, lower998: widened(0.001, -1), lower95: widened(0.025, -1),
                                upper95: widened(0.025, 1), upper998: widened(0.001, 1))
        }
        let model = measure.countModel(theta: theta, denominator: n)
        func limit(_ tail: Double, _ side: FunnelControlLimit.Side) -> Double {
            let count = model.limitCount(convention, tail: tail, side: side)
            let value = count / n
            return (measure.isBinomial && value.isFinite ? min(1, value) : value) * scale
        }
        return FunnelLimits(denominator: n, lower998: limit(0.001, .lower), lower95: limit(0.025, .lower),
                            upper95: limit(0.025, .upper), upper998: limit(0.001, .upper))
    }

    /// The old signature: identity-scale additive widening by τ².
    static func limits(theta: Double, denominator n: Int, measure: FunnelMeasure, tauSquared: Double) -> FunnelLimits {
        let se = standardError(theta: theta, denominator: Double(n), measure: measure)
        guard tauSquared > 0 else { return limits(theta: theta, denominator: Double(n), measure: measure) }
        let spread = (se * se + tauSquared).squareRoot()
        func widened(_ tail: Double, _ sign: Double) -> Double {
            let value = theta + sign * Normal.complementaryQuantile(tail) * spread
            return (measure.isBinomial ? min(1, max(0, value)) : max(0, value)) * measure.scale
        }
        return FunnelLimits(denominator: Double(n), lower998: widened(0.001, -1), lower95: widened(0.025, -1),
                            upper95: widened(0.025, 1), upper998: widened(0.001, 1))
    }
}
