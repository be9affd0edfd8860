/// What a funnel plot shows: proportions (numerator of denominator) or rates (events per `per`
/// of a population).
public enum FunnelMeasure: Sendable, Equatable, Codable {
    /// Proportions k/n in [0, 1]; control limits from the binomial distribution.
    case proportion
    /// Rates k/population × `per` (for example per 100,000); control limits from the Poisson distribution.
    case rate(per: Double)

    /// The factor from the per-head value (k/n) to the reported value: 1, or `per`.
    public var scale: Double {
        switch self {
        case .proportion: return 1
        case .rate(let per): return per
        }
    }

    /// `proportion` or `rate`.
    public var name: String {
        switch self {
        case .proportion: return "proportion"
        case .rate: return "rate"
        }
    }
}
