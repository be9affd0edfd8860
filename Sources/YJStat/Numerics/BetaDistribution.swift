import Foundation

/// The beta distribution with shapes α > 0 and β > 0 on [0, 1]: density
/// x^(α−1)(1−x)^(β−1)/B(α, β).
///
/// F(x) = Iₓ(α, β). Its quantiles give the Clopper–Pearson (1934) exact and Jeffreys
/// (Brown, Cai & DasGupta 2001) intervals for a binomial proportion. Invalid parameters make
/// every function return `.nan`; nothing traps.
public struct BetaDistribution: Sendable, Equatable, Codable {
    /// α, the first shape.
    public var alpha: Double
    /// β, the second shape.
    public var beta: Double

    /// Creates the distribution (valid for finite α > 0 and β > 0).
    public init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
    }

    /// Whether both shapes are finite and positive.
    public var isValid: Bool { SpecialFunctions.isValidBetaShape(alpha, beta) }

    /// The mean α/(α+β).
    public var mean: Double { isValid ? alpha / (alpha + beta) : .nan }

    /// P(X ≤ x) = Iₓ(α, β); 0 below 0 and 1 above 1. Relative error below 1e-13 (see
    /// ``SpecialFunctions/regularizedIncompleteBeta(a:b:x:)``).
    public func cdf(_ x: Double) -> Double {
        guard isValid else { return .nan }
        return SpecialFunctions.regularizedIncompleteBeta(a: alpha, b: beta, x: x)
    }

    /// P(X > x) = 1 − Iₓ(α, β), computed directly in the upper tail.
    public func sf(_ x: Double) -> Double {
        guard isValid else { return .nan }
        return SpecialFunctions.complementedRegularizedIncompleteBeta(a: alpha, b: beta, x: x)
    }

    /// The x with P(X ≤ x) = p. Relative error below 1e-13 (see
    /// ``SpecialFunctions/inverseRegularizedIncompleteBeta(a:b:p:)``); `.nan` for p outside [0, 1].
    public func quantile(_ p: Double) -> Double {
        SpecialFunctions.inverseRegularizedIncompleteBeta(a: alpha, b: beta, p: p)
    }

    /// The x with P(X > x) = q, accurate for small q.
    public func complementaryQuantile(_ q: Double) -> Double {
        SpecialFunctions.inverseComplementedRegularizedIncompleteBeta(a: alpha, b: beta, q: q)
    }
}
