/// Forward and back substitution with a triangular matrix, applied in place to n × m right-hand
/// sides stored row-major — the one triangular solve behind ``SwiftCholesky`` (L and Lᵀ) and
/// ``SwiftLU`` (unit-lower L and upper U).
///
/// Both are row operations on B (Golub & Van Loan, *Matrix Computations*, 4th ed., §3.1):
/// row i of X is row i of B minus Σ tᵢₖ · (row k of X) over the already-solved rows k, then
/// divided by the diagonal tᵢᵢ unless the diagonal is unit. n²m flops each. The coefficient
/// tᵢₖ is read through `coefficient(i, k)`, so a factor stored transposed (Lᵀ read from L)
/// needs no copy; the order of operations is the same for every caller, so results are
/// bitwise those of a hand-written loop.
enum TriangularSubstitution {
    /// Solves T X = B for a lower-triangular T: for i = 0…n−1,
    /// xᵢ = (bᵢ − Σₖ<ᵢ tᵢₖ xₖ) / tᵢᵢ, or with a unit diagonal (the L of an LU factorisation,
    /// `diagonal` nil) no division.
    ///
    /// - Complexity: O(n²m).
    @inline(__always)
    static func forward(_ x: inout [Double], size n: Int, count m: Int,
                        coefficient: (_ row: Int, _ column: Int) -> Double, diagonal: ((Int) -> Double)?) {
        for i in 0..<n {
            eliminate(&x, row: i, using: 0..<i, count: m, coefficient: coefficient)
            if let diagonal { divide(&x, row: i, by: diagonal(i), count: m) }
        }
    }

    /// Solves T X = B for an upper-triangular T: for i = n−1…0,
    /// xᵢ = (bᵢ − Σₖ>ᵢ tᵢₖ xₖ) / tᵢᵢ.
    ///
    /// - Complexity: O(n²m).
    @inline(__always)
    static func backward(_ x: inout [Double], size n: Int, count m: Int,
                         coefficient: (_ row: Int, _ column: Int) -> Double, diagonal: (Int) -> Double) {
        for i in stride(from: n - 1, through: 0, by: -1) {
            eliminate(&x, row: i, using: (i + 1)..<n, count: m, coefficient: coefficient)
            divide(&x, row: i, by: diagonal(i), count: m)
        }
    }

    /// Row i of X less tᵢₖ × row k for every k in `solved`.
    @inline(__always)
    private static func eliminate(_ x: inout [Double], row i: Int, using solved: Range<Int>, count m: Int,
                                  coefficient: (Int, Int) -> Double) {
        let rowI = i * m
        for k in solved {
            let tik = coefficient(i, k)
            let rowK = k * m
            for c in 0..<m {
                x[rowI + c] -= tik * x[rowK + c]
            }
        }
    }

    /// Row i of X divided by d.
    @inline(__always)
    private static func divide(_ x: inout [Double], row i: Int, by d: Double, count m: Int) {
        let rowI = i * m
        for c in 0..<m {
            x[rowI + c] /= d
        }
    }
}
