/// How the confidence interval for a Poisson count (and so for a rate) is computed.
public enum PoissonIntervalMethod: String, CaseIterable, Codable, Sendable {
    /// The exact (Garwood 1936) interval from chi-square quantiles.
    case exact
    /// Byar's approximation to the exact interval (Breslow & Day 1987).
    case byar
    /// The rule of UK public health indicators (PHEindicatormethods `phe_rate`): exact for counts
    /// under 10, Byar's from 10 on.
    case auto

    /// A readable name.
    public var displayName: String {
        switch self {
        case .exact: return "exact Poisson (Garwood)"
        case .byar: return "Byar's approximation"
        case .auto: return "exact Poisson below 10 events, Byar's from 10"
        }
    }
}
