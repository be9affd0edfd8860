import Foundation

/// The gamma distribution with shape k > 0 and scale θ > 0: density x^(k−1) e^(−x/θ)/(Γ(k) θᵏ).
///
/// F(x) = P(k, x/θ). Used for exact (Garwood 1936) Poisson intervals, whose limits are
/// gamma quantiles. Invalid parameters make every function return `.nan`; nothing traps.
public struct GammaDistribution: Sendable, Equatable, Codable {
    /// k, the shape.
    public var shape: Double
    /// θ, the scale.
    public var scale: Double

    /// Creates the distribution (valid for finite shape > 0 and scale > 0).
    public init(shape: Double, scale: Double = 1) {
        self.shape = shape
        self.scale = scale
    }

    /// Whether shape and scale are finite and positive.
    public var isValid: Bool {
        SpecialFunctions.isValidGammaShape(shape) && scale > 0 && scale.isFinite
    }

    /// The mean kθ.
    public var mean: Double { isValid ? shape * scale : .nan }

    /// P(X ≤ x) = P(k, x/θ); 0 for x ≤ 0.
    public func cdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        return SpecialFunctions.regularizedGammaP(a: shape, x: max(x, 0) / scale)
    }

    /// P(X > x) = Q(k, x/θ), accurate in the upper tail; 1 for x ≤ 0.
    public func sf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        return SpecialFunctions.regularizedGammaQ(a: shape, x: max(x, 0) / scale)
    }

    /// The x with P(X ≤ x) = p: θ P⁻¹(k, p). Relative error below 1e-13.
    public func quantile(_ p: Double) -> Double {
        guard isValid else { return .nan }
        return scale * SpecialFunctions.inverseRegularizedGammaP(a: shape, p: p)
    }

    /// The x with P(X > x) = q: θ Q⁻¹(k, q), accurate for small q.
    public func complementaryQuantile(_ q: Double) -> Double {
        guard isValid else { return .nan }
        return scale * SpecialFunctions.inverseRegularizedGammaQ(a: shape, q: q)
    }
}
