import Foundation

/// A 2×2 table of counts comparing a group with a reference group:
///
/// |             | event | no event | total |
/// |-------------|-------|----------|-------|
/// | group       | a     | b        | n₁    |
/// | reference   | c     | d        | n₀    |
///
/// In disproportionality work the "event" is reaching a stage (being arrested, entering the
/// system, being sentenced to custody) and the row total is the base (the population, or the
/// previous stage's count). The risk ratio is then the relative rate index (RRI).
///
/// Every count must be non-negative and each row must have at least one child; the constructor
/// throws ``InvalidArgumentError`` otherwise. Nothing here traps on user data.
public struct TwoByTwoTable: Sendable, Equatable, Codable {
    /// Group events.
    public let a: Int
    /// Group non-events.
    public let b: Int
    /// Reference events.
    public let c: Int
    /// Reference non-events.
    public let d: Int

    /// Creates a table from its four cells.
    public init(a: Int, b: Int, c: Int, d: Int) throws {
        for (name, value) in [("a", a), ("b", b), ("c", c), ("d", d)] where value < 0 {
            throw InvalidArgumentError(Parameter(rawValue: name), "a cell count must not be negative, got \(value)")
        }
        guard a + b > 0 else { throw InvalidArgumentError("a", "the group row has no children (a + b = 0)") }
        guard c + d > 0 else { throw InvalidArgumentError("c", "the reference row has no children (c + d = 0)") }
        self.a = a; self.b = b; self.c = c; self.d = d
    }

    /// Creates a table from events and bases: a = `groupEvents`, b = `groupBase` − a, and so on.
    public init(groupEvents: Int, groupBase: Int, referenceEvents: Int, referenceBase: Int) throws {
        guard groupEvents <= groupBase else {
            throw InvalidArgumentError("groupEvents", "\(groupEvents) is more than the base \(groupBase)")
        }
        guard referenceEvents <= referenceBase else {
            throw InvalidArgumentError("referenceEvents", "\(referenceEvents) is more than the base \(referenceBase)")
        }
        try self.init(a: groupEvents, b: groupBase - groupEvents, c: referenceEvents, d: referenceBase - referenceEvents)
    }

    /// n₁ = a + b.
    public var groupTotal: Int { a + b }
    /// n₀ = c + d.
    public var referenceTotal: Int { c + d }
    /// Whether any cell is zero.
    public var hasZeroCell: Bool { a == 0 || b == 0 || c == 0 || d == 0 }

    /// The cells as doubles after the zero-cell rule: 0.5 added to all four under
    /// ``ZeroCellRule/haldane`` when `needed` (the method divides by a zero cell).
    func corrected(_ rule: ZeroCellRule, needed: Bool) -> (a: Double, b: Double, c: Double, d: Double, applied: Bool) {
        let shift = (rule == .haldane && needed) ? 0.5 : 0
        return (Double(a) + shift, Double(b) + shift, Double(c) + shift, Double(d) + shift, shift > 0)
    }

    /// The uncorrected risk ratio (a/n₁)/(c/n₀); `+∞` when c = 0 < a and NaN when a = c = 0.
    public var riskRatio: Double {
        (Double(a) / Double(groupTotal)) / (Double(c) / Double(referenceTotal))
    }

    /// The uncorrected odds ratio ad/(bc); `+∞` or NaN when b or c is zero.
    public var oddsRatio: Double { (Double(a) * Double(d)) / (Double(b) * Double(c)) }

    /// Risk ratio with the Katz log interval:
    /// RR = (a/n₁)/(c/n₀), log RR ± z √(1/a − 1/n₁ + 1/c − 1/n₀), z = Φ⁻¹(1 − α/2).
    ///
    /// Source: Katz, Baptista, Azen & Pike (1978), *Biometrics* 34:469–474; Rothman, Greenland
    /// & Lash, *Modern Epidemiology* (3rd ed.), ch. 14. Only a = 0 or c = 0 makes the variance
    /// infinite; then under ``ZeroCellRule/haldane`` 0.5 is added to all cells (n₁, n₀ grow by 1)
    /// and the estimate is the corrected table's; a zero b or d needs and gets no correction.
    /// (``ZeroCellRule/exact`` is a choice of method, made by ``riskRatio(confidence:method:zeroCell:)``;
    /// here it means no correction.) Valid for any table with both rows non-empty; large-sample
    /// approximation.
    public func riskRatioKatz(confidence: Double, zeroCell rule: ZeroCellRule = .haldane) throws -> RatioEstimate {
        try InvalidArgumentError.checkConfidence(confidence)
        let t = corrected(rule, needed: katzNeedsCorrection)
        let n1 = t.a + t.b, n0 = t.c + t.d
        let estimate = (t.a / n1) / (t.c / n0)
        let se = (1 / t.a - 1 / n1 + 1 / t.c - 1 / n0).squareRoot()
        let (lower, upper) = Self.logInterval(estimate, se, confidence)
        var assumptions = ["large-sample normal approximation to log RR", "independent binomial rows"]
        if t.applied { assumptions.append(rule.statement) }
        return RatioEstimate(estimate: estimate, lower: lower, upper: upper, confidence: confidence,
                             method: .katz, assumptions: assumptions)
    }

    /// Odds ratio with the Woolf logit interval: OR = ad/(bc), log OR ± z √(1/a + 1/b + 1/c + 1/d).
    ///
    /// Source: Woolf (1955), *Annals of Human Genetics* 19:251–253. With a zero cell the `rule`
    /// applies (Haldane: 0.5 added to all four cells, estimate from the corrected table).
    /// Large-sample approximation; for small cells prefer ``oddsRatioExact(confidence:)``.
    public func oddsRatioWoolf(confidence: Double, zeroCell rule: ZeroCellRule = .haldane) throws -> RatioEstimate {
        try InvalidArgumentError.checkConfidence(confidence)
        let t = corrected(rule, needed: woolfNeedsCorrection)
        let estimate = (t.a * t.d) / (t.b * t.c)
        let se = (1 / t.a + 1 / t.b + 1 / t.c + 1 / t.d).squareRoot()
        let (lower, upper) = Self.logInterval(estimate, se, confidence)
        var assumptions = ["large-sample normal approximation to log OR"]
        if t.applied { assumptions.append(rule.statement) }
        return RatioEstimate(estimate: estimate, lower: lower, upper: upper, confidence: confidence,
                             method: .woolf, assumptions: assumptions)
    }

    /// exp(log r ± z·se), keeping exact 0 and ∞ where the estimate or the standard error is
    /// infinite (uncorrected zero cells).
    static func logInterval(_ estimate: Double, _ se: Double, _ confidence: Double) -> (Double, Double) {
        guard estimate.isFinite, estimate > 0, se.isFinite else {
            if estimate.isNaN || se.isNaN { return (.nan, .nan) }
            return (0, .infinity)
        }
        let z = Normal.twoSidedCriticalValue(confidence: confidence)
        let centre = Foundation.log(estimate)
        return (Foundation.exp(centre - z * se), Foundation.exp(centre + z * se))
    }
}
