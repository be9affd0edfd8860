/// Where a service falls relative to a funnel plot's control limits at its own denominator.
public enum FunnelFlag: String, CaseIterable, Codable, Sendable {
    /// Above the upper 99.8% limit.
    case high998 = "high-99.8"
    /// Above the upper 95% limit, not above the 99.8% one.
    case high95 = "high-95"
    /// Between the 95% limits (inclusive).
    case within
    /// Below the lower 95% limit, not below the 99.8% one.
    case low95 = "low-95"
    /// Below the lower 99.8% limit.
    case low998 = "low-99.8"

    /// Whether the service lies outside the 95% limits.
    public var isOutside95: Bool { self != .within }

    /// Whether the service lies outside the 99.8% limits.
    public var isOutside998: Bool { self == .high998 || self == .low998 }

    /// The flag from exact tail probabilities of the observed count k under the target:
    /// high at 99.8% (95%) when P(X ≥ k) < 0.001 (0.025), low when P(X ≤ k) < 0.001 (0.025).
    ///
    /// ``FunnelPlot`` uses it for a proportion of 100%: Spiegelhalter's interpolated upper limit
    /// for a small sample lies just below 100%, so a comparison with it would flag 4 of 4 at a
    /// target of 91% (P(X ≥ 4) = 0.69) as extreme.
    public static func fromTails(atLeast: Double, atMost: Double) -> FunnelFlag {
        if atLeast < 0.001 { return .high998 }
        if atLeast < 0.025 { return .high95 }
        if atMost < 0.001 { return .low998 }
        if atMost < 0.025 { return .low95 }
        return .within
    }

    /// The flag of `value` against `limits` (strict inequalities: a value on a limit is inside).
    /// Used for the normal-approximation limits of an overdispersed funnel.
    public static func classify(_ value: Double, against limits: FunnelLimits) -> FunnelFlag {
        if value > limits.upper998 { return .high998 }
        if value > limits.upper95 { return .high95 }
        if value < limits.lower998 { return .low998 }
        if value < limits.lower95 { return .low95 }
        return .within
    }
}
