import Foundation

/// Error-free transformations of floating-point sums and products.
///
/// `twoSum` is Knuth's branch-free algorithm (TAOCP vol. 2, §4.2.2, Theorem B) and
/// `twoProduct` uses a fused multiply-add (Dekker 1971; Ogita, Rump & Oishi 2005). Each returns
/// the rounded result together with the exact rounding error, so that `result + error` equals
/// the exact real result. The numerics use them to carry products such as `n·p` and
/// complements such as `1 − x` to about 106 bits where a single rounding would be amplified.
enum ErrorFreeArithmetic {
    /// Returns `(s, e)` with `s = fl(a + b)` and `s + e = a + b` exactly (barring overflow).
    @_transparent
    static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let s = a + b
        let bVirtual = s - a
        let aVirtual = s - bVirtual
        return (s, (a - aVirtual) + (b - bVirtual))
    }

    /// Returns `(p, e)` with `p = fl(a·b)` and `p + e = a·b` exactly (barring underflow/overflow).
    @_transparent
    static func twoProduct(_ a: Double, _ b: Double) -> (product: Double, error: Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    /// The exact complement `1 − x` of a probability `x` in `[0, 1]` as an unevaluated sum
    /// `high + low`.
    @_transparent
    static func complement(_ x: Double) -> (high: Double, low: Double) {
        let high = 1 - x
        return (high, (1 - high) - x)
    }
}
