import Foundation

/// How a funnel plot estimates and applies overdispersion (Spiegelhalter 2005, section 6;
/// Spiegelhalter, Sherlaw-Johnson et al. 2012, *JRSS A* 175:1–47; NHS-R FunnelPlotR).
public struct FunnelOverdispersionOptions: Sendable, Equatable, Codable {
    /// The scale on which z-scores are taken and limits widened. With y the per-head value, θ₀
    /// the target, n the denominator and V(θ) = θ(1 − θ) (binomial) or θ (Poisson):
    public enum Scale: String, CaseIterable, Sendable, Codable {
        /// g(y) = y, s = √(V(θ₀)/n): z = (y − θ₀)/s.
        case identity
        /// g(y) = ln y, s = √(V(θ₀)/n)/θ₀ (1/√E for a ratio: z = √E · ln(O/E)). A zero count is
        /// taken as ½ so that its z-score is finite.
        case log
        /// g(y) = √y, s = √(V(θ₀)/n)/(2√θ₀) (1/(2√n) for Poisson: z = 2(√O − √E)).
        case sqrt
        /// g(y) = arcsin √y, s = 1/(2√n); proportions only.
        case arcsine

        /// g(y).
        public func transform(_ y: Double) -> Double {
            switch self {
            case .identity: return y
            case .log: return Foundation.log(y)
            case .sqrt: return y.squareRoot()
            case .arcsine: return asin(min(1, max(0, y)).squareRoot())
            }
        }

        /// g⁻¹(x), clipped to the range of g (0 at the bottom; 1 at the top for arcsine).
        public func inverse(_ x: Double) -> Double {
            switch self {
            case .identity: return x
            case .log: return exp(x)
            case .sqrt: return x <= 0 ? 0 : x * x
            case .arcsine:
                let clipped = min(Double.pi / 2, max(0, x))
                return sin(clipped) * sin(clipped)
            }
        }

        /// The standard error of g(y) at the target θ₀ (per head) for a denominator n, given the
        /// identity-scale standard error √(V(θ₀)/n).
        public func standardError(identity se: Double, theta: Double, denominator n: Double) -> Double {
            switch self {
            case .identity: return se
            case .log: return se / theta
            case .sqrt: return se / (2 * theta.squareRoot())
            case .arcsine: return 1 / (2 * n.squareRoot())
            }
        }
    }

    /// How the extreme z-scores are kept from dominating φ̂.
    public enum TrimMethod: String, CaseIterable, Sendable, Codable {
        /// The ⌊fraction · I⌋ lowest and highest z-scores are set to the next value inward
        /// (scipy `mstats.winsorize`); all I services enter φ̂ and τ̂².
        case winsorise
        /// The ⌊fraction · I⌋ lowest and highest z-scores are left out of φ̂ and τ̂².
        case truncate
    }

    /// How the extra variation widens the limits.
    public enum Model: String, CaseIterable, Sendable, Codable {
        /// Additive random effects: g(θ₀) ± z √(s² + τ̂²), applied when τ̂² > 0.
        case additive
        /// A multiplicative factor: g(θ₀) ± z √φ̂ · s, applied when φ̂ > 1.
        case multiplicative
    }

    /// The z-score scale.
    public var scale: Scale
    /// The fraction trimmed in each tail, in [0, ½).
    public var trim: Double
    /// Winsorise or truncate.
    public var trimMethod: TrimMethod
    /// Additive or multiplicative.
    public var model: Model

    /// Creates the options; the defaults are Spiegelhalter's (2005): identity scale, 10%
    /// winsorised in each tail, additive random effects.
    public init(scale: Scale = .identity, trim: Double = 0.1, trimMethod: TrimMethod = .winsorise, model: Model = .additive) {
        self.scale = scale
        self.trim = trim
        self.trimMethod = trimMethod
        self.model = model
    }
}
