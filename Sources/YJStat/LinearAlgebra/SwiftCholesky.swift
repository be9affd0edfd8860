import Foundation

/// The pure-Swift Cholesky backend of ``LinearSystem`` (``LinearSystem/Backend/swift``).
///
/// Matrices are n × n row-major `[Double]`; inputs have already been validated (square,
/// finite, symmetric) by ``LinearSystem``.
enum SwiftCholesky {
    /// The lower-triangular factor L with A = L Lᵀ (strict upper triangle zero), reading only
    /// the lower triangle of `a`.
    ///
    /// Inner-product (Cholesky–Crout) ordering of Golub & Van Loan, *Matrix Computations*,
    /// 4th ed., §4.2: for j = 1…n, dⱼ = aⱼⱼ − Σₖ<ⱼ lⱼₖ², lⱼⱼ = √dⱼ, then
    /// lᵢⱼ = (aᵢⱼ − Σₖ<ⱼ lᵢₖ lⱼₖ) / lⱼⱼ for i > j. Both sums run along rows of L, which is
    /// contiguous in row-major storage. n³/3 flops.
    ///
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(leadingMinorOrder:)`` at the first
    ///   step j whose pivot dⱼ fails dⱼ > n ε aⱼⱼ (see ``LinearSystem``).
    static func factor(_ a: [Double], size n: Int) throws -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        let tolerance = LinearSystem.pivotTolerance(size: n)
        for j in 0..<n {
            let rowJ = j * n
            var pivot = a[rowJ + j]
            for k in 0..<j {
                pivot -= l[rowJ + k] * l[rowJ + k]
            }
            guard pivot > 0, pivot > tolerance * a[rowJ + j] else {
                throw LinearAlgebraError.notPositiveDefinite(leadingMinorOrder: j + 1)
            }
            let diagonal = pivot.squareRoot()
            l[rowJ + j] = diagonal
            for i in (j + 1)..<n {
                let rowI = i * n
                var sum = a[rowI + j]
                for k in 0..<j {
                    sum -= l[rowI + k] * l[rowJ + k]
                }
                l[rowI + j] = sum / diagonal
            }
        }
        return l
    }

    /// X with L Lᵀ X = B for the n × m right-hand sides `b` (row-major): forward substitution
    /// L Y = B, then back substitution Lᵀ X = Y (Golub & Van Loan §3.1), both as row
    /// operations on B. 2n²m flops.
    static func solve(factor l: [Double], size n: Int, rightHandSides b: [Double], count m: Int) -> [Double] {
        var x = b
        // Forward: yᵢ = (bᵢ − Σₖ<ᵢ lᵢₖ yₖ) / lᵢᵢ; backward: xᵢ = (yᵢ − Σₖ>ᵢ lₖᵢ xₖ) / lᵢᵢ.
        TriangularSubstitution.forward(&x, size: n, count: m, coefficient: { l[$0 * n + $1] }, diagonal: { l[$0 * n + $0] })
        TriangularSubstitution.backward(&x, size: n, count: m, coefficient: { l[$1 * n + $0] }, diagonal: { l[$0 * n + $0] })
        return x
    }

    /// A⁻¹ = L⁻ᵀ L⁻¹ from the Cholesky factor, as LAPACK's `dpotri` does: first the lower
    /// triangular M = L⁻¹ by column-wise forward substitution (mⱼⱼ = 1 / lⱼⱼ,
    /// mᵢⱼ = −(Σⱼ≤ₖ<ᵢ lᵢₖ mₖⱼ) / lᵢᵢ), then (A⁻¹)ᵢⱼ = Σₖ≥ᵢ mₖᵢ mₖⱼ for i ≥ j, mirrored to the
    /// upper triangle so the result is exactly symmetric. About n³ flops.
    static func inverse(factor l: [Double], size n: Int) -> [Double] {
        var m = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            m[j * n + j] = 1 / l[j * n + j]
            for i in (j + 1)..<n {
                var sum = 0.0
                for k in j..<i {
                    sum += l[i * n + k] * m[k * n + j]
                }
                m[i * n + j] = -sum / l[i * n + i]
            }
        }
        var inverse = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = 0.0
                for k in i..<n {
                    sum += m[k * n + i] * m[k * n + j]
                }
                inverse[i * n + j] = sum
                inverse[j * n + i] = sum
            }
        }
        return inverse
    }
}
