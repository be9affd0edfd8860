/// A first-time-entrant or reoffending rate with the England and Wales figure (a row of
/// `rates.csv`).
public struct ExtractedRate: Sendable, Equatable, Codable {
    /// `first_time_entrants_per_100000` or `reoffending_percent`.
    public let measure: String
    /// The service's figure exactly as printed, without `%` (`50.4`).
    public let serviceValue: String
    /// The England and Wales figure exactly as printed, without `%`.
    public let comparatorValue: String
    /// Input line of the service's figure.
    public let line: Int
}
