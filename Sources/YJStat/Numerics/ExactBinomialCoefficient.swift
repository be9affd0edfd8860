import Foundation

/// Exact binomial coefficients in integer arithmetic, for the small cases where a probability
/// can be formed as one correctly rounded quotient of integers.
enum ExactBinomialCoefficient {
    /// The largest integer every smaller one of which a double represents exactly, 2⁵³.
    static let exactDoubleLimit = 1 << 53

    /// C(n, k) when it is at most `limit`, otherwise nil; 0 for k < 0 or k > n.
    ///
    /// Multiplicative formula C(n, i+1) = C(n, i)(n − i)/(i + 1) with a 128-bit intermediate
    /// product, so every step is an exact integer division.
    static func value(_ n: Int, _ k: Int, limit: Int = exactDoubleLimit) -> Int? {
        guard n >= 0 else { return nil }
        guard k >= 0, k <= n else { return 0 }
        let k = min(k, n - k)
        var result = 1
        var i = 0
        while i < k {
            let wide = result.multipliedFullWidth(by: n - i)
            // The quotient fits in Int exactly when the high word is below the divisor.
            guard wide.high < i + 1 else { return nil }
            let divided = (i + 1).dividingFullWidth((wide.high, wide.low))
            result = divided.quotient
            if result > limit { return nil }
            i += 1
        }
        return result
    }
}
