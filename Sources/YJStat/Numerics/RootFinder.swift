/// Bracketed root finding for monotone functions of one variable.
public enum RootFinder {
    /// A root of `f` in [`lower`, `upper`] by bisection, where `f(lower)` and `f(upper)` have
    /// opposite signs (or one is zero).
    ///
    /// Bisection halves the bracket every step, so after at most ~1100 steps the bracket is as
    /// narrow as the spacing of doubles around the root; it stops earlier when the bracket is
    /// within `relativeTolerance` of its midpoint. Robust for any continuous `f`, including ones
    /// with flat or steep stretches (tail probabilities), where Newton steps can fail.
    ///
    /// - Returns: The midpoint of the final bracket, or `nil` when the ends do not bracket a root
    ///   or either end evaluates to NaN.
    /// - Complexity: O(log₂((upper − lower)/tolerance)) evaluations of `f`.
    public static func bisect(lower: Double, upper: Double, relativeTolerance: Double = 4e-16,
                              _ f: (Double) -> Double) -> Double? {
        var a = lower, b = upper
        var fa = f(a)
        let fb = f(b)
        if fa.isNaN || fb.isNaN { return nil }
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard (fa < 0) != (fb < 0) else { return nil }
        for _ in 0..<2200 {
            let m = a + (b - a) / 2
            if m <= a || m >= b { break }
            if b - a <= relativeTolerance * max(abs(a), abs(b)) { break }
            let fm = f(m)
            if fm.isNaN { return nil }
            if fm == 0 { return m }
            if (fm < 0) == (fa < 0) { a = m; fa = fm } else { b = m }
        }
        return a + (b - a) / 2
    }
}
