import Foundation

/// Solvers for dense linear systems A x = b, the linear-algebra entry point of YJStat.
///
/// Two factorisations are offered:
///
/// - **Cholesky**, A = L Lᵀ with L lower triangular, for symmetric positive definite (SPD)
///   matrices such as the information matrix Xᵀ W X of a logistic regression:
///   ``solveSymmetricPositiveDefinite(_:_:backend:)`` and
///   ``inverseSymmetricPositiveDefinite(_:backend:)`` (the inverse is the coefficients'
///   covariance matrix). Golub & Van Loan, *Matrix Computations*, 4th ed. (2013), §4.2,
///   Algorithm 4.2.1 (gaxpy Cholesky) and §3.1 (triangular solves).
/// - **LU with partial pivoting**, P A = L U, for any non-singular square matrix:
///   ``solve(_:_:backend:)``. Golub & Van Loan §3.2, Algorithm 3.4.1
///   (Gaussian elimination with partial pivoting).
///
/// Each solver accepts one right-hand side (`[Double]`) or several (the columns of a
/// ``Matrix``).
///
/// ## Backends
/// With the package trait `LAPACKE` (`swift build --traits LAPACKE`, needs the Debian package
/// `liblapacke-dev`) the default ``backend`` is ``Backend/lapacke``, which calls
/// `LAPACKE_dposv`, `LAPACKE_dgesv` and `LAPACKE_dpotrf` + `LAPACKE_dpotri` in row-major
/// layout. Without the trait it is ``Backend/swift``, a straightforward implementation of
/// the same algorithms. Every function takes an explicit `backend:` argument, so both can be
/// compared in one build. Both backends apply the same input checks and the same
/// singularity tests below, so they throw the same errors.
///
/// ## Complexity
/// For an n × n matrix and m right-hand sides: Cholesky costs n³/3 + 2 n² m flops, LU costs
/// 2n³/3 + 2 n² m flops, the SPD inverse costs n³ flops; memory is O(n² + n m).
///
/// ## Numerical stability
/// - Cholesky needs no pivoting: it is backward stable for every SPD matrix, the computed
///   factor satisfying L̂ L̂ᵀ = A + ΔA with |ΔA| ≤ γₙ₊₁ |L̂||L̂ᵀ| (Higham, *Accuracy and
///   Stability of Numerical Algorithms*, 2nd ed. (2002), Theorem 10.3; γₖ = k u / (1 − k u),
///   u = ε/2).
/// - LU with partial pivoting is backward stable in practice; its bound carries the growth
///   factor ρₙ ≤ 2ⁿ⁻¹, which is attained only by contrived matrices (Golub & Van Loan §3.4.5).
/// - In both cases the relative forward error is roughly κ(A) · ε, where κ(A) is the
///   condition number: expect about 16 − log₁₀ κ(A) correct significant digits.
///
/// ## Singularity to working precision
/// Exact arithmetic tests (a zero pivot, a non-positive Cholesky pivot) almost never fire for
/// matrices that are singular only because of rounding, e.g. Xᵀ X for collinear columns.
/// Both backends therefore use relative tests whose thresholds match the rounding error of the
/// factorisation itself:
/// - Cholesky step k fails with ``LinearAlgebraError/notPositiveDefinite(leadingMinorOrder:)``
///   when the pivot dₖ = aₖₖ − Σⱼ<ₖ lₖⱼ² satisfies dₖ ≤ n · ε · aₖₖ. The ratio dₖ / aₖₖ equals
///   1 − R²ₖ, where R²ₖ is the squared multiple correlation of variable k on variables
///   1…k−1, and its computed value is uncertain by about γₖ₊₁ ≤ n ε (Higham, Theorem 10.3).
/// - LU step k fails with ``LinearAlgebraError/singular(pivot:)`` when |uₖₖ| ≤ n · ε ·
///   maxᵢⱼ |aᵢⱼ|: such a matrix has κ(A) ≳ 1 / (n ε), the point at which R's `solve` reports
///   a "computationally singular" system.
///
/// Matrices that pass these tests may still be ill-conditioned; callers forming Xᵀ X from
/// data should check collinearity themselves with a tolerance suited to the data.
public enum LinearSystem {
    /// The backend used when no `backend:` argument is given: ``Backend/lapacke`` when the
    /// package was built with the trait `LAPACKE`, ``Backend/swift`` otherwise.
    public static var backend: Backend {
        #if LAPACKE
        return .lapacke
        #else
        return .swift
        #endif
    }

    // MARK: Symmetric positive definite (Cholesky)

    /// Solves A x = b for a symmetric positive definite A by Cholesky factorisation.
    ///
    /// Factorises A = L Lᵀ (Golub & Van Loan, Algorithm 4.2.1), then solves L y = b by forward
    /// and Lᵀ x = y by back substitution. Only the lower triangle of `a` is used for the
    /// factorisation; the upper triangle must agree with it to within
    /// |aᵢⱼ − aⱼᵢ| ≤ √ε · √(|aᵢᵢ aⱼⱼ|), which tolerates rounding in how A was formed.
    ///
    /// Cost n³/3 + 2n² flops. See ``LinearSystem`` for stability and the positive-definiteness
    /// threshold.
    ///
    /// - Parameters:
    ///   - a: An n × n symmetric positive definite matrix.
    ///   - b: The right-hand side, n values.
    ///   - backend: The implementation to use; defaults to ``backend``.
    /// - Returns: x, n values.
    /// - Throws: ``LinearAlgebraError`` — `notSquare`, `dimensionMismatch`, `nonFiniteElement`,
    ///   `notSymmetric`, `notPositiveDefinite` (with the order of the failing leading minor),
    ///   `nonFiniteResult`, or `backendUnavailable`.
    public static func solveSymmetricPositiveDefinite(
        _ a: Matrix, _ b: [Double], backend: Backend = LinearSystem.backend
    ) throws -> [Double] {
        let rhs = Matrix(uncheckedRows: b.count, columns: 1, elements: b)
        return try solveSymmetricPositiveDefinite(a, rhs, backend: backend).elements
    }

    /// Solves A X = B for a symmetric positive definite A and several right-hand sides (the
    /// columns of B) with one Cholesky factorisation.
    ///
    /// Same algorithm, checks and errors as the single right-hand-side form; cost
    /// n³/3 + 2n²m flops for m columns.
    ///
    /// - Parameters:
    ///   - a: An n × n symmetric positive definite matrix.
    ///   - b: An n × m matrix of right-hand sides.
    ///   - backend: The implementation to use; defaults to ``backend``.
    /// - Returns: X, an n × m matrix.
    public static func solveSymmetricPositiveDefinite(
        _ a: Matrix, _ b: Matrix, backend: Backend = LinearSystem.backend
    ) throws -> Matrix {
        try validateSymmetric(a)
        try validateRightHandSide(b, size: a.rows)
        let solution: [Double]
        switch backend {
        case .swift:
            let factor = try SwiftCholesky.factor(a.elements, size: a.rows)
            solution = SwiftCholesky.solve(factor: factor, size: a.rows, rightHandSides: b.elements, count: b.columns)
        case .lapacke:
            #if LAPACKE
            solution = try LAPACKESolver.solveSymmetricPositiveDefinite(
                a.elements, size: a.rows, rightHandSides: b.elements, count: b.columns)
            #else
            throw LinearAlgebraError.backendUnavailable(.lapacke)
            #endif
        }
        return try finiteResult(rows: b.rows, columns: b.columns, elements: solution)
    }

    /// The inverse A⁻¹ of a symmetric positive definite matrix, e.g. the covariance matrix
    /// (Xᵀ W X)⁻¹ of regression coefficients.
    ///
    /// Factorises A = L Lᵀ, inverts the triangular factor column by column (Golub & Van Loan
    /// §3.1), and forms A⁻¹ = L⁻ᵀ L⁻¹ — the method of LAPACK's `dpotri`. Cost n³ flops. The
    /// result is exactly symmetric. Same checks and errors as
    /// ``solveSymmetricPositiveDefinite(_:_:backend:)``.
    ///
    /// Prefer solving a system over multiplying by an explicit inverse; use the inverse when
    /// its entries are themselves wanted (variances and covariances).
    ///
    /// - Parameters:
    ///   - a: An n × n symmetric positive definite matrix.
    ///   - backend: The implementation to use; defaults to ``backend``.
    /// - Returns: A⁻¹, n × n and symmetric.
    public static func inverseSymmetricPositiveDefinite(
        _ a: Matrix, backend: Backend = LinearSystem.backend
    ) throws -> Matrix {
        try validateSymmetric(a)
        let inverse: [Double]
        switch backend {
        case .swift:
            let factor = try SwiftCholesky.factor(a.elements, size: a.rows)
            inverse = SwiftCholesky.inverse(factor: factor, size: a.rows)
        case .lapacke:
            #if LAPACKE
            inverse = try LAPACKESolver.inverseSymmetricPositiveDefinite(a.elements, size: a.rows)
            #else
            throw LinearAlgebraError.backendUnavailable(.lapacke)
            #endif
        }
        return try finiteResult(rows: a.rows, columns: a.rows, elements: inverse)
    }

    // MARK: General square systems (LU with partial pivoting)

    /// Solves A x = b for a general non-singular square A by LU factorisation with partial
    /// pivoting.
    ///
    /// Computes P A = L U by Gaussian elimination, choosing at each step the largest remaining
    /// entry of the column as pivot (Golub & Van Loan, Algorithm 3.4.1), then solves
    /// L y = P b and U x = y. Cost 2n³/3 + 2n² flops. See ``LinearSystem`` for stability and
    /// the singularity threshold.
    ///
    /// - Parameters:
    ///   - a: An n × n matrix.
    ///   - b: The right-hand side, n values.
    ///   - backend: The implementation to use; defaults to ``backend``.
    /// - Returns: x, n values.
    /// - Throws: ``LinearAlgebraError`` — `notSquare`, `dimensionMismatch`, `nonFiniteElement`,
    ///   `singular` (with the one-based elimination step whose pivot vanished),
    ///   `nonFiniteResult`, or `backendUnavailable`.
    public static func solve(
        _ a: Matrix, _ b: [Double], backend: Backend = LinearSystem.backend
    ) throws -> [Double] {
        let rhs = Matrix(uncheckedRows: b.count, columns: 1, elements: b)
        return try solve(a, rhs, backend: backend).elements
    }

    /// Solves A X = B for a general non-singular square A and several right-hand sides (the
    /// columns of B) with one LU factorisation.
    ///
    /// Same algorithm, checks and errors as the single right-hand-side form; cost
    /// 2n³/3 + 2n²m flops for m columns.
    ///
    /// - Parameters:
    ///   - a: An n × n matrix.
    ///   - b: An n × m matrix of right-hand sides.
    ///   - backend: The implementation to use; defaults to ``backend``.
    /// - Returns: X, an n × m matrix.
    public static func solve(
        _ a: Matrix, _ b: Matrix, backend: Backend = LinearSystem.backend
    ) throws -> Matrix {
        try validateSquare(a)
        try validateFinite(a, operand: "coefficient matrix")
        try validateRightHandSide(b, size: a.rows)
        let solution: [Double]
        switch backend {
        case .swift:
            let factorization = try SwiftLU.factor(a.elements, size: a.rows)
            solution = SwiftLU.solve(factorization, size: a.rows, rightHandSides: b.elements, count: b.columns)
        case .lapacke:
            #if LAPACKE
            solution = try LAPACKESolver.solve(a.elements, size: a.rows, rightHandSides: b.elements, count: b.columns)
            #else
            throw LinearAlgebraError.backendUnavailable(.lapacke)
            #endif
        }
        return try finiteResult(rows: b.rows, columns: b.columns, elements: solution)
    }

    // MARK: Shared checks

    /// The relative threshold n · ε used by both backends' singularity tests (see
    /// ``LinearSystem``).
    static func pivotTolerance(size: Int) -> Double {
        Double(size) * Double.ulpOfOne
    }

    /// The one-based index of the first Cholesky pivot dₖ = lₖₖ² that fails
    /// dₖ > n ε aₖₖ, scanning steps `0..<limit`; `nil` when all pass.
    static func firstDeficientCholeskyPivot(
        factor: [Double], original: [Double], size: Int, limit: Int
    ) -> Int? {
        let tolerance = pivotTolerance(size: size)
        for k in 0..<limit {
            let diagonal = factor[k * size + k]
            let pivot = diagonal * diagonal
            if !(diagonal > 0 && pivot > tolerance * original[k * size + k]) {
                return k + 1
            }
        }
        return nil
    }

    /// The one-based index of the first LU pivot with |uₖₖ| ≤ n ε maxᵢⱼ |aᵢⱼ|, scanning the
    /// diagonal of the factored matrix; `nil` when all pass.
    static func firstNegligibleLUPivot(factored: [Double], original: [Double], size: Int) -> Int? {
        let threshold = pivotTolerance(size: size) * maximumMagnitude(original)
        for k in 0..<size where !(abs(factored[k * size + k]) > threshold) {
            return k + 1
        }
        return nil
    }

    /// maxᵢ |xᵢ|, or 0 for an empty array.
    static func maximumMagnitude(_ values: [Double]) -> Double {
        values.reduce(0) { max($0, abs($1)) }
    }

    static func validateSquare(_ a: Matrix) throws {
        guard a.isSquare else {
            throw LinearAlgebraError.notSquare(rows: a.rows, columns: a.columns)
        }
    }

    static func validateFinite(_ matrix: Matrix, operand: String) throws {
        if let index = matrix.elements.firstIndex(where: { !$0.isFinite }) {
            let columns = max(matrix.columns, 1)
            throw LinearAlgebraError.nonFiniteElement(operand: operand, row: index / columns, column: index % columns)
        }
    }

    static func validateRightHandSide(_ b: Matrix, size: Int) throws {
        guard b.rows == size else {
            throw LinearAlgebraError.dimensionMismatch("right-hand side length", expected: size, actual: b.rows)
        }
        try validateFinite(b, operand: "right-hand side")
    }

    /// Square, finite, and symmetric to within √ε · √|aᵢᵢ aⱼⱼ|.
    static func validateSymmetric(_ a: Matrix) throws {
        try validateSquare(a)
        try validateFinite(a, operand: "coefficient matrix")
        let n = a.rows
        let tolerance = Double.ulpOfOne.squareRoot()
        for i in 0..<n {
            for j in 0..<i {
                let lower = a.elements[i * n + j]
                let upper = a.elements[j * n + i]
                let scale = (abs(a.elements[i * n + i]) * abs(a.elements[j * n + j])).squareRoot()
                if abs(lower - upper) > tolerance * scale {
                    throw LinearAlgebraError.notSymmetric(row: i, column: j)
                }
            }
        }
    }

    static func finiteResult(rows: Int, columns: Int, elements: [Double]) throws -> Matrix {
        guard elements.allSatisfy(\.isFinite) else {
            throw LinearAlgebraError.nonFiniteResult
        }
        return Matrix(uncheckedRows: rows, columns: columns, elements: elements)
    }
}
