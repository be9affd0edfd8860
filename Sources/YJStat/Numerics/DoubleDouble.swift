import Foundation

/// An unevaluated sum `high + low` of two doubles with |low| ≤ ½ ulp(high): about 106 bits.
///
/// Only the few operations the saddle-point terms need: sums, products, quotients and a
/// natural logarithm, after Dekker (1971) and the QD library of Hida, Li & Bailey (2001).
/// Used so that large logarithmic terms (deviances of several hundred) can be carried to an
/// absolute accuracy near 1e-17, which keeps e^(−D) accurate to a few ulps even when the
/// result is near 1e-300.
struct DoubleDouble {
    var high: Double
    var low: Double

    @_transparent
    init(_ high: Double, _ low: Double) {
        self.high = high
        self.low = low
    }

    /// A double, exactly.
    @_transparent
    init(_ value: Double) {
        self.high = value
        self.low = 0
    }

    /// Renormalises an arbitrary pair.
    @_transparent
    static func normalized(_ high: Double, _ low: Double) -> DoubleDouble {
        let sum = ErrorFreeArithmetic.twoSum(high, low)
        return DoubleDouble(sum.sum, sum.error)
    }

    /// The value rounded to a double.
    var value: Double { high + low }

    @_transparent
    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let sum = ErrorFreeArithmetic.twoSum(a.high, b.high)
        if !sum.sum.isFinite { return DoubleDouble(sum.sum) }
        let lowSum = ErrorFreeArithmetic.twoSum(a.low, b.low)
        var first = ErrorFreeArithmetic.twoSum(sum.sum, sum.error + lowSum.sum)
        first = ErrorFreeArithmetic.twoSum(first.sum, first.error + lowSum.error)
        return DoubleDouble(first.sum, first.error)
    }

    @_transparent
    static prefix func - (a: DoubleDouble) -> DoubleDouble {
        DoubleDouble(-a.high, -a.low)
    }

    @_transparent
    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        a + (-b)
    }

    @_transparent
    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let product = ErrorFreeArithmetic.twoProduct(a.high, b.high)
        if !product.product.isFinite { return DoubleDouble(product.product) }
        let low = product.error + (a.high * b.low + a.low * b.high)
        return normalized(product.product, low)
    }

    @_transparent
    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        // One Newton correction of the double quotient.
        let q1 = a.high / b.high
        let remainder = a - b * DoubleDouble(q1)
        let q2 = remainder.high / b.high
        let remainder2 = remainder - b * DoubleDouble(q2)
        let q3 = remainder2.high / b.high
        return normalized(q1, q2) + DoubleDouble(q3)
    }

    /// ln 2 to about 107 bits.
    static let logTwo = DoubleDouble(0.693_147_180_559_945_29, 2.319_046_813_846_299_6e-17)

    /// Natural logarithm of a positive finite value, to about 1e-31 relative (absolute for
    /// arguments near 1).
    ///
    /// Writes a = 2ᵏ m with m in [√½, √2), so that log a = k ln 2 + 2 atanh(s) with
    /// s = (m − 1)/(m + 1), |s| ≤ 0.172, and sums the atanh series s + s³/3 + s⁵/5 + … in
    /// double-double arithmetic until the terms are below 1e-33.
    static func log(_ a: DoubleDouble) -> DoubleDouble {
        guard a.high > 0 else { return DoubleDouble(a.high == 0 ? -.infinity : .nan) }
        guard a.high.isFinite else { return a }
        let exponent = a.high.exponent
        var k = Int(exponent)
        var scale = Double(sign: .plus, exponent: -exponent, significand: 1)
        var m = DoubleDouble(a.high * scale, a.low * scale)
        if m.high > 1.414_213_562_373_095_1 {
            k += 1
            scale *= 0.5
            m = DoubleDouble(m.high * 0.5, m.low * 0.5)
        }
        let one = DoubleDouble(1)
        let s = (m - one) / (m + one)
        let square = s * s
        var power = s
        var sum = s
        var j = 3.0
        while j < 80 {
            power = power * square
            let term = power / DoubleDouble(j)
            sum = sum + term
            if abs(term.high) < 1e-33 * max(abs(sum.high), 1e-300) { break }
            j += 2
        }
        return DoubleDouble(2) * sum + logTwo * DoubleDouble(Double(k))
    }
}

/// The arithmetic the incomplete-beta continued fraction needs, so that it can run in plain
/// double precision or, for large shapes, in double-double.
protocol ContinuedFractionScalar {
    init(_ value: Double)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    /// The value rounded to a double.
    var roundedValue: Double { get }
}

extension Double: ContinuedFractionScalar {
    var roundedValue: Double { self }
}

extension DoubleDouble: ContinuedFractionScalar {
    var roundedValue: Double { value }
}
