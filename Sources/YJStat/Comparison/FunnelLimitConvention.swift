/// How a funnel plot's control limits are drawn. Under every exact convention the flags come from
/// the exact tail probabilities of the observed count (``FunnelFlag/fromTails(atLeast:atMost:)``);
/// under ``normal`` they come from the drawn limits.
///
/// For a count X with mean θ₀·n (Poisson; rates and ratios, where n is the population or the
/// expected count) or X ~ Binomial(n, θ₀) (proportions), and a one-sided tail q (0.025 or 0.001):
///
/// - ``spiegelhalter``: the interpolated quantile r − α, r the smallest count with P(X ≤ r) ≥ q
///   (lower) or P(X > r) ≤ q (upper), α = (F(r) − p)/P(X = r) (Spiegelhalter 2005, *Statistics in
///   Medicine* 24:1185–1202, Appendix A.1.1). A smooth funnel for any audience; at the one count
///   just above the upper line the exact test is not yet significant, so that point is drawn
///   above the line but not flagged.
/// - ``firstSignificant``: the counts at which the exact one-sided test first becomes
///   significant, upper U = min{O : P(X ≥ O) < q}, lower L = max{O : P(X ≤ O) < q}, divided by n
///   (UK public-health indicator tools draw Poisson funnels this way). A point is flagged exactly
///   when it lies on or beyond a drawn limit. Where no count is significant the limit is ±∞
///   (not drawn).
/// - ``normal``: θ₀ ± z_q √(θ₀(1 − θ₀)/n) for proportions, clipped to [0, 1], or θ₀ ± z_q √(θ₀/n)
///   for rates and ratios, at least 0 (PHE Fingertips technical guidance for proportions). A
///   point is flagged when it lies strictly outside a drawn limit.
/// - ``expectedInterval``: the exact confidence interval of an observed count equal to the
///   expected count θ₀·n, divided by n: Garwood's gamma quantiles G⁻¹(q; θ₀n) and
///   G⁻¹(1 − q; θ₀n + 1) for counts (NHS-R FunnelPlotR's Poisson limits,
///   χ²(q; 2E)/2E and χ²(1 − q; 2E + 2)/2E for a ratio), and the Clopper–Pearson beta quantiles
///   B⁻¹(q; nθ₀, n − nθ₀ + 1) and B⁻¹(1 − q; nθ₀ + 1, n − nθ₀) for proportions.
public enum FunnelLimitConvention: String, CaseIterable, Sendable, Codable {
    /// Spiegelhalter's interpolated exact limits (the default).
    case spiegelhalter
    /// Limits at the count where the exact test first becomes significant.
    case firstSignificant = "first-significant"
    /// Normal-approximation limits around the target.
    case normal
    /// The exact confidence interval of an observed count equal to the expected count.
    case expectedInterval = "expected-ci"

    /// Whether the flags follow the exact tail probabilities (every convention but ``normal``).
    public var flagsByExactTails: Bool { self != .normal }

    /// A phrase naming the convention and its source, for captions and reports.
    public var summary: String {
        switch self {
        case .spiegelhalter: return "exact limits interpolated between counts (Spiegelhalter 2005)"
        case .firstSignificant: return "exact limits drawn at the first significant count (UK public-health indicator tools)"
        case .normal: return "normal-approximation limits (PHE Fingertips)"
        case .expectedInterval: return "exact confidence interval of an observed count equal to the expected (NHS-R FunnelPlotR)"
        }
    }
}
