/// The four control limits of a funnel plot at one denominator, in the plot's reported units
/// (proportions in [0, 1], or rates per `per`).
public struct FunnelLimits: Sendable, Equatable, Codable {
    /// The denominator (cases, population or expected count) the limits are for.
    public let denominator: Double
    /// Lower 99.8% limit (0.1% below).
    public let lower998: Double
    /// Lower 95% limit (2.5% below).
    public let lower95: Double
    /// Upper 95% limit (2.5% above).
    public let upper95: Double
    /// Upper 99.8% limit (0.1% above).
    public let upper998: Double

    /// Creates the limits.
    public init(denominator: Double, lower998: Double, lower95: Double, upper95: Double, upper998: Double) {
        self.denominator = denominator
        self.lower998 = lower998
        self.lower95 = lower95
        self.upper95 = upper95
        self.upper998 = upper998
    }
}
