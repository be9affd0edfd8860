/// What a funnel plot shows: proportions (numerator of denominator), rates (events per `per` of
/// a population) or ratios (observed against expected counts).
public enum FunnelMeasure: Sendable, Equatable, Codable {
    /// Proportions k/n in [0, 1] of whole denominators; control limits from the binomial distribution.
    case proportion
    /// Rates k/population × `per` (for example per 100,000); control limits from the Poisson
    /// distribution. Populations may be fractional (person-years).
    case rate(per: Double)
    /// Ratios O/E of an observed count to an expected count (fractional, for example from
    /// indirect standardisation or a model); control limits from the Poisson distribution with
    /// mean θ₀E.
    case ratio

    /// The factor from the per-head value (k/n) to the reported value: 1, or `per`.
    public var scale: Double {
        switch self {
        case .proportion, .ratio: return 1
        case .rate(let per): return per
        }
    }

    /// `proportion`, `rate` or `ratio`.
    public var name: String {
        switch self {
        case .proportion: return "proportion"
        case .rate: return "rate"
        case .ratio: return "ratio"
        }
    }

    /// Whether the count is binomial (proportions) rather than Poisson.
    public var isBinomial: Bool { self == .proportion }

    /// The count model at a per-head target θ and a denominator n (n whole for proportions).
    public func countModel(theta: Double, denominator n: Double) -> FunnelCountModel {
        isBinomial ? .binomial(trials: Int(n), probability: theta) : .poisson(mean: theta * n)
    }
}
