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

    /// The flag of `value` against `limits` (strict inequalities: a value on a limit is inside).
    public static func classify(_ value: Double, against limits: FunnelLimits) -> FunnelFlag {
        if value > limits.upper998 { return .high998 }
        if value > limits.upper95 { return .high95 }
        if value < limits.lower998 { return .low998 }
        if value < limits.lower95 { return .low95 }
        return .within
    }
}
