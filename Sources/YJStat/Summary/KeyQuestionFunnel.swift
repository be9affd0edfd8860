/// A funnel plot of key-question results across services for one domain (court or out-of-court
/// disposals) of one framework: every key question with printed counts of a service read with
/// that framework is a point (yes of relevant), centred on the pooled proportion of the domain,
/// with exact binomial 95% and 99.8% limits (``FunnelPlot``). Services read with another framework
/// are never pooled in (its domain of the same id may hold other standards).
///
/// It shows which results are further from the pooled figure than samples of their size
/// explain. **Flags** come from exact binomial tail probabilities under the pooled proportion θ:
/// a result k of n is high at the 95% (99.8%) level when P(X ≥ k) < 0.025 (0.001), low when
/// P(X ≤ k) < 0.025 (0.001), X ~ Binomial(n, θ) — a test of each result on its own, which
/// ``plot`` carries instead of ``FunnelPlot``'s comparison with Spiegelhalter's interpolated
/// limits (the two differ only for counts next to a limit).
///
/// Caveats: key questions of one service are judged on the same cases, so points are not
/// independent; key questions measure different things, so the pooled centre is a reference
/// point rather than a target; services that print only percentages are left out (their relevant
/// counts are unknown).
public struct KeyQuestionFunnel: Sendable, Equatable {
    /// The id of the framework whose domain this is (`youth-2018`).
    public let frameworkID: String
    /// Domain id (`2` court, `3` out of court).
    public let domainID: String
    /// Domain name.
    public let domainName: String
    /// The plot, with exact-tail flags; unit names are `service key-question`
    /// (`north-somerset 2.1.1`). `nil` when no service has counts for the domain, or when every
    /// result is 100% (or 0%) so that no funnel exists.
    public let plot: FunnelPlot?
    /// Services left out because they print percentages only.
    public let excludedServices: [String]

    /// Builds a domain's funnel from the recomputed ratings of the services read with `framework`
    /// (the caller passes only those).
    public init(domain: Framework.Domain, framework: Framework, assessments: [InspectionAssessment]) {
        frameworkID = framework.id
        domainID = domain.id
        domainName = domain.name
        var units: [FunnelPlot.Unit] = []
        var excluded: [String] = []
        for assessment in assessments {
            let results = assessment.standards.filter { $0.standard.domainID == domain.id }.flatMap { $0.rule?.keyQuestions ?? [] }
            let counted = results.compactMap { result -> FunnelPlot.Unit? in
                guard let yes = result.yes, let relevant = result.relevant, relevant >= 1 else { return nil }
                return FunnelPlot.Unit(service: "\(assessment.service) \(result.keyQuestion)", numerator: yes, denominator: relevant)
            }
            if counted.isEmpty, !results.isEmpty { excluded.append(assessment.service) }
            units += counted
        }
        plot = units.isEmpty ? nil : (try? FunnelPlot(units: units, measure: .proportion)).map(Self.withExactTailFlags)
        excludedServices = excluded
    }

    /// The flag of k of n against θ by exact binomial tails (see the type's documentation).
    public static func exactTailFlag(numerator k: Int, denominator n: Int, target theta: Double) -> FunnelFlag {
        let distribution = Binomial(trials: n, probability: theta)
        let atLeast = k <= 0 ? 1 : distribution.sf(k - 1)
        let atMost = distribution.cdf(k)
        if atLeast < 0.001 { return .high998 }
        if atLeast < 0.025 { return .high95 }
        if atMost < 0.001 { return .low998 }
        if atMost < 0.025 { return .low95 }
        return .within
    }

    static func withExactTailFlags(_ plot: FunnelPlot) -> FunnelPlot {
        let points = plot.points.map { point in
            FunnelPoint(service: point.service, numerator: point.numerator, denominator: point.denominator, value: point.value,
                        lower: point.lower, upper: point.upper, limits: point.limits, z: point.z,
                        flag: exactTailFlag(numerator: point.numerator, denominator: Int(point.denominator), target: plot.target),
                        tailAtLeast: point.tailAtLeast, tailAtMost: point.tailAtMost)
        }
        return FunnelPlot(plot, points: points)
    }
}

extension FunnelPlot {
    /// The same plot with other points (used to substitute flags).
    init(_ plot: FunnelPlot, points: [FunnelPoint]) {
        measure = plot.measure
        target = plot.target
        targetIsPooled = plot.targetIsPooled
        overdispersion = plot.overdispersion
        convention = plot.convention
        self.points = points
    }
}
