import Foundation

/// The chi-squared distribution with ν > 0 degrees of freedom (not necessarily an integer).
///
/// F(x) = P(ν/2, x/2), the regularized lower incomplete gamma function. Invalid parameters
/// (ν ≤ 0, non-finite ν) make every function return `.nan`; nothing traps.
public struct ChiSquared: Sendable, Equatable, Codable {
    /// ν, the degrees of freedom.
    public var degreesOfFreedom: Double

    /// Creates the distribution with ν degrees of freedom (valid for finite ν > 0).
    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// Whether ν is a finite positive number.
    public var isValid: Bool { SpecialFunctions.isValidGammaShape(degreesOfFreedom) }

    /// The mean ν.
    public var mean: Double { isValid ? degreesOfFreedom : .nan }

    /// P(X ≤ x) = P(ν/2, x/2); 0 for x ≤ 0. Relative error below 1e-13 (see
    /// ``SpecialFunctions/regularizedGammaP(a:x:)``).
    public func cdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        return SpecialFunctions.regularizedGammaP(a: degreesOfFreedom / 2, x: max(x, 0) / 2)
    }

    /// P(X > x) = Q(ν/2, x/2), accurate in the upper tail (p-values); 1 for x ≤ 0.
    public func sf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        return SpecialFunctions.regularizedGammaQ(a: degreesOfFreedom / 2, x: max(x, 0) / 2)
    }

    /// log P(X > x), finite where the p-value underflows.
    public func logSF(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        return SpecialFunctions.logRegularizedGammaQ(a: degreesOfFreedom / 2, x: max(x, 0) / 2)
    }

    /// The x with P(X ≤ x) = p: 2 P⁻¹(ν/2, p). Relative error below 1e-13 (see
    /// ``SpecialFunctions/inverseRegularizedGammaP(a:p:)``); `.nan` for p outside [0, 1].
    public func quantile(_ p: Double) -> Double {
        guard isValid else { return .nan }
        return 2 * SpecialFunctions.inverseRegularizedGammaP(a: degreesOfFreedom / 2, p: p)
    }

    /// The x with P(X > x) = q (critical values for small q): 2 Q⁻¹(ν/2, q).
    public func complementaryQuantile(_ q: Double) -> Double {
        guard isValid else { return .nan }
        return 2 * SpecialFunctions.inverseRegularizedGammaQ(a: degreesOfFreedom / 2, q: q)
    }
}
