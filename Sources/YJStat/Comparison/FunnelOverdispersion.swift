import Foundation

/// The overdispersion estimate of a funnel plot: how much more the services vary than chance
/// alone would make them, as Spiegelhalter (2005, section 6) estimates it, with the additive
/// random-effects variance τ² or the multiplicative factor φ used to widen the limits.
///
/// From the z-scores zᵢ = (g(yᵢ) − g(θ₀))/sᵢ of I services on the scale g of
/// ``FunnelOverdispersionOptions/Scale`` (sᵢ the within-service standard error of g(yᵢ) at the
/// target), ⌊fraction · I⌋ in each tail are trimmed — winsorised (set to the next value inward,
/// as scipy's `mstats.winsorize`) or truncated (left out) — and over the I′ services that remain
/// (I′ = I when winsorising)
///
///     φ̂ = (1/I′) Σ zᵢ²,
///     τ̂² = max(0, (I′ φ̂ − (I′ − 1)) / (Σ wᵢ − Σ wᵢ² / Σ wᵢ)),   wᵢ = 1/sᵢ²
///
/// (a DerSimonian–Laird style moment estimate; Spiegelhalter 2005, eq. for τ̂², and Spiegelhalter,
/// Sherlaw-Johnson et al. 2012, *JRSS A* 175:1–47). Additive: with τ̂² > 0 the limits become
/// g⁻¹(g(θ₀) ± z_p √(s² + τ̂²)) and the z-scores (g(yᵢ) − g(θ₀))/√(sᵢ² + τ̂²). Multiplicative:
/// with φ̂ > 1 the limits become g⁻¹(g(θ₀) ± z_p √φ̂ s) and the z-scores zᵢ/√φ̂. Otherwise there
/// is no sign of overdispersion and the exact limits stand.
public struct FunnelOverdispersion: Sendable, Equatable, Codable {
    /// φ̂, the mean squared trimmed z-score (1 when the services vary only by chance).
    public let phi: Double
    /// τ̂², the between-service variance on the z-score scale (per head: proportion², or
    /// (events per head)², on the identity scale; unitless on the log, square-root and arcsine
    /// scales). 0 under the multiplicative model.
    public let tauSquared: Double
    /// The fraction trimmed in each tail.
    public let fraction: Double
    /// How many services the estimate rests on (before trimming).
    public let count: Int
    /// How many services were winsorised or left out (⌊fraction · count⌋ in each tail).
    public let trimmed: Int
    /// The scale, trimming and model used.
    public let options: FunnelOverdispersionOptions

    /// Whether the limits were widened: τ̂² > 0 (additive) or φ̂ > 1 (multiplicative).
    public var isApplied: Bool { options.model == .additive ? tauSquared > 0 : phi > 1 }

    /// Estimates φ and τ² from z-scores and the within-service standard errors sᵢ (both on the
    /// scale of `options`).
    ///
    /// - Throws: ``InvalidArgumentError`` for fewer than 3 services, mismatched lengths,
    ///   non-finite z-scores, standard errors that are not positive, a fraction outside [0, ½),
    ///   or a truncation that would leave fewer than 2 services.
    public init(zScores: [Double], standardErrors: [Double], options: FunnelOverdispersionOptions) throws {
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
        let fraction = options.trim
        guard fraction >= 0, fraction < 0.5 else { throw InvalidArgumentError("trim", "must lie in [0, 0.5), got \(fraction)") }
        let cut = Int((fraction * Double(zScores.count)).rounded(.down))
        let kept: [(z: Double, se: Double)]
        switch options.trimMethod {
        case .winsorise:
            kept = Array(zip(FunnelOverdispersion.winsorise(zScores, fraction: fraction), standardErrors))
        case .truncate:
            guard zScores.count - 2 * cut >= 2 else {
                throw InvalidArgumentError("trim", "truncating \(cut) in each tail leaves fewer than 2 of \(zScores.count) services")
            }
            let order = zScores.indices.sorted { zScores[$0] < zScores[$1] }
            kept = order[cut..<(order.count - cut)].sorted().map { (zScores[$0], standardErrors[$0]) }
        }
        let count = Double(kept.count)
        let phi = kept.reduce(0) { $0 + $1.z * $1.z } / count
        let weights = kept.map { 1 / ($0.se * $0.se) }
        let sum = weights.reduce(0, +)
        let sumSquares = weights.reduce(0) { $0 + $1 * $1 }
        let denominator = sum - sumSquares / sum
        let tau2 = options.model == .additive && denominator > 0 ? max(0, (count * phi - (count - 1)) / denominator) : 0
        self.phi = phi
        self.tauSquared = tau2
        self.fraction = fraction
        self.count = zScores.count
        self.trimmed = zScores.count > 2 * cut ? 2 * cut : 0
        self.options = options
    }

    /// Spiegelhalter's default estimate: identity scale, `fraction` winsorised, additive.
    public init(zScores: [Double], standardErrors: [Double], fraction: Double = 0.1) throws {
        try self.init(zScores: zScores, standardErrors: standardErrors, options: FunnelOverdispersionOptions(trim: fraction))
    }

    /// The spread of g(y) at a within-service standard error s once the estimate is applied:
    /// √(s² + τ̂²) (additive), √φ̂ · s (multiplicative, φ̂ > 1), or s.
    public func spread(standardError s: Double) -> Double {
        guard isApplied else { return s }
        return options.model == .additive ? (s * s + tauSquared).squareRoot() : phi.squareRoot() * s
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
