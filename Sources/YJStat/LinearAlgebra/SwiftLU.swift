/// The pure-Swift LU backend of ``LinearSystem`` (``LinearSystem/Backend/swift``).
///
/// Matrices are n × n row-major `[Double]`; inputs have already been validated (square,
/// finite) by ``LinearSystem``.
enum SwiftLU {
    /// P A = L U packed in one array: the strict lower triangle holds L's multipliers (L has a
    /// unit diagonal), the upper triangle holds U; `rowSwaps[k]` is the row exchanged with row
    /// k at step k (LAPACK's `ipiv`, zero-based).
    struct Factorization {
        var packed: [Double]
        var rowSwaps: [Int]
    }

    /// Gaussian elimination with partial pivoting, Golub & Van Loan, *Matrix Computations*,
    /// 4th ed., Algorithm 3.4.1: at step k choose the row p ≥ k maximising |aₚₖ|, swap rows k
    /// and p, store the multipliers lᵢₖ = aᵢₖ / aₖₖ, and update the trailing rows
    /// aᵢⱼ −= lᵢₖ aₖⱼ (a rank-one update along rows, contiguous in row-major storage).
    /// 2n³/3 flops. Partial pivoting keeps |lᵢₖ| ≤ 1.
    ///
    /// - Throws: ``LinearAlgebraError/singular(pivot:)`` at the first step whose pivot is at
    ///   most n ε maxᵢⱼ |aᵢⱼ| in magnitude (see ``LinearSystem``).
    static func factor(_ a: [Double], size n: Int) throws -> Factorization {
        var lu = a
        var swaps = [Int](repeating: 0, count: n)
        let threshold = LinearSystem.pivotTolerance(size: n) * LinearSystem.maximumMagnitude(a)
        for k in 0..<n {
            var pivotRow = k
            var largest = abs(lu[k * n + k])
            for i in (k + 1)..<n where abs(lu[i * n + k]) > largest {
                largest = abs(lu[i * n + k])
                pivotRow = i
            }
            guard largest > threshold else {
                throw LinearAlgebraError.singular(pivot: k + 1)
            }
            swaps[k] = pivotRow
            if pivotRow != k {
                for j in 0..<n {
                    lu.swapAt(k * n + j, pivotRow * n + j)
                }
            }
            let pivot = lu[k * n + k]
            for i in (k + 1)..<n {
                let multiplier = lu[i * n + k] / pivot
                lu[i * n + k] = multiplier
                for j in (k + 1)..<n {
                    lu[i * n + j] -= multiplier * lu[k * n + j]
                }
            }
        }
        return Factorization(packed: lu, rowSwaps: swaps)
    }

    /// X with A X = B for the n × m right-hand sides `b` (row-major): apply the row swaps to
    /// B, then forward substitution with the unit lower triangle and back substitution with U
    /// (Golub & Van Loan §3.1). 2n²m flops.
    static func solve(_ factorization: Factorization, size n: Int, rightHandSides b: [Double], count m: Int) -> [Double] {
        let lu = factorization.packed
        var x = b
        for k in 0..<n where factorization.rowSwaps[k] != k {
            let other = factorization.rowSwaps[k]
            for c in 0..<m {
                x.swapAt(k * m + c, other * m + c)
            }
        }
        TriangularSubstitution.forward(&x, size: n, count: m, coefficient: { lu[$0 * n + $1] }, diagonal: nil)
        TriangularSubstitution.backward(&x, size: n, count: m, coefficient: { lu[$0 * n + $1] }, diagonal: { lu[$0 * n + $0] })
        return x
    }
}
