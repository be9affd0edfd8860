/// A Cholesky factorisation A = L Lᵀ of a symmetric positive definite matrix, kept so that one
/// factorisation serves several solves, the inverse and the log-determinant — the pattern of an
/// iteratively reweighted least-squares step, which needs all three of the information matrix
/// Xᵀ W X.
///
/// With ``LinearSystem/Backend/lapacke`` the factor comes from `LAPACKE_dpotrf`, solves use
/// `LAPACKE_dpotrs` and the inverse `LAPACKE_dpotri`; with ``LinearSystem/Backend/swift`` the
/// same algorithms run in Swift (Golub & Van Loan, *Matrix Computations*, 4th ed., §4.2 and
/// §3.1). Both apply the input checks and the relative positive-definiteness threshold
/// documented on ``LinearSystem``, so they accept and reject the same matrices and agree to
/// rounding (about κ(A) · ε relative).
public struct CholeskyFactorization: Sendable {
    /// The order n of the factored matrix.
    public let size: Int
    /// The backend that computed the factor; solves use the same one.
    public let backend: LinearSystem.Backend
    /// Row-major n × n storage whose lower triangle holds L.
    private let factor: [Double]

    /// Factorises a symmetric positive definite matrix.
    ///
    /// - Parameters:
    ///   - a: An n × n symmetric positive definite matrix (symmetric to within
    ///     √ε · √|aᵢᵢ aⱼⱼ|; the lower triangle is used).
    ///   - backend: The implementation; defaults to ``LinearSystem/backend``.
    /// - Throws: ``LinearAlgebraError`` — `notSquare`, `nonFiniteElement`, `notSymmetric`,
    ///   `notPositiveDefinite` (the order of the first failing leading minor), or
    ///   `backendUnavailable`.
    /// - Complexity: n³/3 flops.
    public init(_ a: Matrix, backend: LinearSystem.Backend = LinearSystem.backend) throws {
        try LinearSystem.validateSymmetric(a)
        size = a.rows
        self.backend = backend
        switch backend {
        case .swift:
            factor = try SwiftCholesky.factor(a.elements, size: a.rows)
        case .lapacke:
            #if LAPACKE
            factor = try LAPACKESolver.choleskyFactor(a.elements, size: a.rows)
            #else
            throw LinearAlgebraError.backendUnavailable(.lapacke)
            #endif
        }
    }

    /// Solves A x = b with the stored factor (L y = b, then Lᵀ x = y). 2n² flops.
    ///
    /// - Throws: ``LinearAlgebraError`` — `dimensionMismatch`, `nonFiniteElement` (in `b`),
    ///   or `nonFiniteResult`.
    public func solve(_ b: [Double]) throws -> [Double] {
        let rhs = Matrix(uncheckedRows: b.count, columns: 1, elements: b)
        try LinearSystem.validateRightHandSide(rhs, size: size)
        let x: [Double]
        switch backend {
        case .swift:
            x = SwiftCholesky.solve(factor: factor, size: size, rightHandSides: b, count: 1)
        case .lapacke:
            #if LAPACKE
            x = try LAPACKESolver.choleskySolve(factor: factor, size: size, rightHandSides: b, count: 1)
            #else
            throw LinearAlgebraError.backendUnavailable(.lapacke)
            #endif
        }
        return try LinearSystem.finiteResult(rows: size, columns: 1, elements: x).elements
    }

    /// A⁻¹ = L⁻ᵀ L⁻¹, exactly symmetric (the method of LAPACK's `dpotri`). n³ flops.
    ///
    /// - Throws: ``LinearAlgebraError/nonFiniteResult`` when the inverse overflows.
    public func inverse() throws -> Matrix {
        let inverse: [Double]
        switch backend {
        case .swift:
            inverse = SwiftCholesky.inverse(factor: factor, size: size)
        case .lapacke:
            #if LAPACKE
            inverse = try LAPACKESolver.choleskyInverse(factor: factor, size: size)
            #else
            throw LinearAlgebraError.backendUnavailable(.lapacke)
            #endif
        }
        return try LinearSystem.finiteResult(rows: size, columns: size, elements: inverse)
    }

    /// log det A = 2 Σᵢ log lᵢᵢ, computed from the factor without forming the determinant (which
    /// over- or underflows for moderate n). Used by Firth's penalty ½ log det I(β).
    public var logDeterminant: Double {
        var sum = 0.0
        for i in 0..<size { sum += Foundation.log(factor[i * size + i]) }
        return 2 * sum
    }
}

import Foundation
