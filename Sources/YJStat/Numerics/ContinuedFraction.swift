/// Evaluation of a continued fraction f = b₀ + a₁/(b₁ + a₂/(b₂ + a₃/(b₃ + …))) by the modified
/// Lentz method — the one evaluator behind the upper incomplete gamma function
/// (``SpecialFunctions``, Legendre's fraction) and the normal Mills ratio (``Normal``,
/// Laplace's fraction).
///
/// Lentz (1976), as modified by Thompson & Barnett (1986); Press et al., *Numerical Recipes*,
/// 3rd ed., §5.2. With Cⱼ = bⱼ + aⱼ/Cⱼ₋₁ and Dⱼ = 1/(bⱼ + aⱼDⱼ₋₁), fⱼ = fⱼ₋₁ CⱼDⱼ; a C or
/// D denominator that vanishes is replaced by 10⁻³⁰⁰. The loop stops when |CⱼDⱼ − 1| ≤ 2⁻⁵³
/// (the next factor changes f by at most an ulp) or after the term limit.
enum ContinuedFraction {
    /// The value that replaces a vanishing C or D.
    static let tiny = 1e-300

    /// The fraction's value, from the state (f, C, D) before term 1: (b₀, b₀, 0) in general,
    /// or, for a fraction with b₀ = 0 whose first step the caller takes by hand
    /// (f₁ = D₁ = 1/b₁, C₁ = 1/10⁻³⁰⁰), the state after it, with the terms renumbered.
    ///
    /// - Parameters:
    ///   - start: f, C and D before term 1.
    ///   - terms: Terms are j = 1, 2, … while j < `terms`.
    ///   - term: aⱼ and bⱼ for j (called once per j, in order, so it may keep state).
    /// - Complexity: O(number of terms used), at most `terms`.
    @inline(__always)
    static func value(start: (f: Double, c: Double, d: Double), terms: Double,
                      term: (_ j: Double) -> (a: Double, b: Double)) -> Double {
        var (f, c, d) = start
        var j = 1.0
        while j < terms {
            let (a, b) = term(j)
            d = b + a * d
            if abs(d) < tiny { d = tiny }
            c = b + a / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = c * d
            f *= step
            if abs(step - 1) <= 0x1p-53 { break }
            j += 1
        }
        return f
    }
}
