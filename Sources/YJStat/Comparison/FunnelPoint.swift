/// One service on a funnel plot: its value and own interval, the control limits at its
/// denominator, its z-score and its flag. Values are in the plot's reported units.
public struct FunnelPoint: Sendable, Equatable, Codable {
    /// The service's name.
    public let service: String
    /// Its numerator (yes cases, or events).
    public let numerator: Int
    /// Its denominator (cases, population or expected count).
    public let denominator: Double
    /// numerator/denominator (× per for a rate).
    public let value: Double
    /// Lower bound of the service's own 95% interval (Wilson; or exact/Byar's Poisson for a rate).
    public let lower: Double
    /// Upper bound of the service's own 95% interval.
    public let upper: Double
    /// The funnel's control limits at this denominator.
    public let limits: FunnelLimits
    /// (value − target)/standard error at the target (with τ² added when overdispersion is applied).
    public let z: Double
    /// Where the value falls: by its exact tails, or against the limits under normal or
    /// overdispersed limits.
    public let flag: FunnelFlag
    /// P(X ≥ numerator) under the target (binomial or Poisson), or nil where not computed.
    public let tailAtLeast: Double?
    /// P(X ≤ numerator) under the target, or nil where not computed.
    public let tailAtMost: Double?

    /// Creates a point.
    public init(service: String, numerator: Int, denominator: Double, value: Double, lower: Double, upper: Double,
                limits: FunnelLimits, z: Double, flag: FunnelFlag, tailAtLeast: Double? = nil, tailAtMost: Double? = nil) {
        self.service = service
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.lower = lower
        self.upper = upper
        self.limits = limits
        self.z = z
        self.flag = flag
        self.tailAtLeast = tailAtLeast
        self.tailAtMost = tailAtMost
    }
}
