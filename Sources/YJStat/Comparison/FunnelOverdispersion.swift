import Foundation

/// The overdispersion estimate of a funnel plot: how much more the services vary than chance
/// alone would make them, as Spiegelhalter (2005, section 6) estimates it, with the additive
/// random-effects variance τ² used to widen the limits.
///
/// From the naive z-scores zᵢ = (yᵢ − θ₀)/sᵢ of I services (sᵢ the within-service standard error
/// at the target): the z-scores are Winsorised at `fraction` (10%) in each tail — the ⌊fraction · I⌋
/// lowest are set to the next-lowest value and the ⌊fraction · I⌋ highest to the next-highest, as
/// scipy's `mstats.winsorize` — and
///
///     φ̂ = (1/I) Σ zᵢ²(winsorised),
///     τ̂² = max(0, (I φ̂ − (I − 1)) / (Σ wᵢ − Σ wᵢ² / Σ wᵢ)),   wᵢ = 1/sᵢ²
///
/// (a DerSimonian–Laird style moment estimate; Spiegelhalter 2005, eq. for τ̂², and Spiegelhalter,
/// Sherlaw-Johnson et al. 2012, *JRSS A* 175:1–47). With τ̂² > 0 the limits become
/// θ₀ ± z_p √(s² + τ̂²) and the z-scores (yᵢ − θ₀)/√(sᵢ² + τ̂²); when τ̂² = 0 there is no sign of
/// overdispersion and the exact limits stand.
public struct FunnelOverdispersion: Sendable, Equatable, Codable {
    /// φ̂, the mean squared winsorised z-score (1 when the services vary only by chance).
    public let phi: Double
    /// τ̂², the between-service variance, on the per-head scale (proportion², or (events per head)²).
    public let tauSquared: Double
    /// The fraction winsorised in each tail.
    public let fraction: Double
    /// How many services the estimate rests on.
    public let count: Int

    /// Whether the limits were widened (τ̂² > 0).
    public var isApplied: Bool { tauSquared > 0 }

    /// Estimates φ and τ² from z-scores and the within-service standard errors sᵢ.
    ///
    /// - Throws: ``InvalidArgumentError`` for fewer than 3 services, mismatched lengths,
    ///   non-finite z-scores, standard errors that are not positive, or a fraction outside [0, ½).
    public init(zScores: [Double], standardErrors: [Double], fraction: Double = 0.1) throws {
        guard zScores.count >= 3 else {
            throw InvalidArgumentError("zScores", "overdispersion needs at least 3 services, got \(zScores.count)")
        }
        guard zScores.count == standardErrors.count else {
            throw InvalidArgumentError("standardErrors", "needs one per z-score")
        }
        guard zScores.allSatisfy(\.isFinite) else { throw InvalidArgumentError("zScores", "must be finite") }
        guard standardErrors.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw InvalidArgumentError("standardErrors", "must be positive and finite")
        }
        guard fraction >= 0, fraction < 0.5 else { throw InvalidArgumentError("fraction", "must lie in [0, 0.5)") }
        let winsorised = FunnelOverdispersion.winsorise(zScores, fraction: fraction)
        let count = Double(zScores.count)
        let phi = winsorised.reduce(0) { $0 + $1 * $1 } / count
        let weights = standardErrors.map { 1 / ($0 * $0) }
        let sum = weights.reduce(0, +)
        let sumSquares = weights.reduce(0) { $0 + $1 * $1 }
        let denominator = sum - sumSquares / sum
        let tau2 = denominator > 0 ? max(0, (count * phi - (count - 1)) / denominator) : 0
        self.phi = phi
        self.tauSquared = tau2
        self.fraction = fraction
        self.count = zScores.count
    }

    /// `values` with the ⌊fraction · count⌋ lowest set to the next-lowest value and as many of the
    /// highest set to the next-highest, in the original order.
    public static func winsorise(_ values: [Double], fraction: Double) -> [Double] {
        let cut = Int((fraction * Double(values.count)).rounded(.down))
        guard cut > 0, values.count > 2 * cut else { return values }
        let sorted = values.sorted()
        let floor = sorted[cut], ceiling = sorted[values.count - 1 - cut]
        return values.map { min(max($0, floor), ceiling) }
    }
}
