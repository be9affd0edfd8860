#if LAPACKE
import CLAPACKE

/// The LAPACKE backend of ``LinearSystem`` (``LinearSystem/Backend/lapacke``), compiled only
/// with the package trait `LAPACKE`.
///
/// Every call uses `LAPACK_ROW_MAJOR` with leading dimensions equal to the row length, and the
/// lower triangle (`uplo = 'L'`) for symmetric matrices, matching the pure-Swift backend. After
/// LAPACK's own exact tests the factor diagonals are checked with the same relative thresholds
/// as the Swift code, so both backends report the same errors.
enum LAPACKESolver {
    /// `LAPACKE_dposv`: Cholesky factorisation `dpotrf` followed by `dpotrs`.
    static func solveSymmetricPositiveDefinite(
        _ a: [Double], size n: Int, rightHandSides b: [Double], count m: Int
    ) throws -> [Double] {
        let (order, columns) = try lapackSizes(n, m)
        var factor = a
        var x = b
        let info = LAPACKE_dposv(
            LAPACK_ROW_MAJOR, lowerTriangle, order, columns, &factor, order, &x, max(columns, 1))
        try checkCholesky(info: info, routine: "LAPACKE_dposv", factor: factor, original: a, size: n)
        return x
    }

    /// `LAPACKE_dpotrf` then `LAPACKE_dpotri`, which overwrites the lower triangle with that of
    /// A⁻¹ = L⁻ᵀ L⁻¹; the upper triangle is filled by symmetry.
    static func inverseSymmetricPositiveDefinite(_ a: [Double], size n: Int) throws -> [Double] {
        let (order, _) = try lapackSizes(n, 0)
        var work = a
        let info = LAPACKE_dpotrf(LAPACK_ROW_MAJOR, lowerTriangle, order, &work, order)
        try checkCholesky(info: info, routine: "LAPACKE_dpotrf", factor: work, original: a, size: n)
        let inverseInfo = LAPACKE_dpotri(LAPACK_ROW_MAJOR, lowerTriangle, order, &work, order)
        guard inverseInfo == 0 else {
            // dpotri fails (info > 0) only on a zero diagonal of L, which the check above rules out.
            throw LinearAlgebraError.backendFailure(routine: "LAPACKE_dpotri", info: Int(inverseInfo))
        }
        for i in 0..<n {
            for j in 0..<i {
                work[j * n + i] = work[i * n + j]
            }
        }
        return work
    }

    /// `LAPACKE_dgesv`: LU factorisation with partial pivoting `dgetrf` followed by `dgetrs`.
    static func solve(_ a: [Double], size n: Int, rightHandSides b: [Double], count m: Int) throws -> [Double] {
        let (order, columns) = try lapackSizes(n, m)
        var lu = a
        var x = b
        var pivots = [LAPACKInteger](repeating: 0, count: n)
        let info = LAPACKE_dgesv(LAPACK_ROW_MAJOR, order, columns, &lu, order, &pivots, &x, max(columns, 1))
        guard info >= 0 else {
            throw LinearAlgebraError.backendFailure(routine: "LAPACKE_dgesv", info: Int(info))
        }
        // dgetrf finishes the factorisation even after an exactly zero pivot, so the
        // relative scan over the whole diagonal also covers info > 0.
        if let pivot = LinearSystem.firstNegligibleLUPivot(factored: lu, original: a, size: n) {
            throw LinearAlgebraError.singular(pivot: pivot)
        }
        if info > 0 {
            throw LinearAlgebraError.singular(pivot: Int(info))
        }
        return x
    }

    /// LAPACKE's `lapack_int` (a C macro, so not imported): `int32_t` in Debian's LP64
    /// `liblapacke`.
    typealias LAPACKInteger = Int32

    private static let lowerTriangle = CChar(UInt8(ascii: "L"))

    /// n and m as LAPACK integers.
    private static func lapackSizes(_ n: Int, _ m: Int) throws -> (LAPACKInteger, LAPACKInteger) {
        guard let order = LAPACKInteger(exactly: n), LAPACKInteger(exactly: n * max(n, m)) != nil,
              let columns = LAPACKInteger(exactly: m) else {
            throw LinearAlgebraError.tooLargeForBackend(size: n)
        }
        return (order, columns)
    }

    /// Maps a Cholesky `info` code and the relative pivot test to ``LinearAlgebraError``.
    private static func checkCholesky(
        info: LAPACKInteger, routine: String, factor: [Double], original: [Double], size n: Int
    ) throws {
        guard info >= 0 else {
            throw LinearAlgebraError.backendFailure(routine: routine, info: Int(info))
        }
        // With info = k > 0 only the first k − 1 columns of the factor are complete.
        let complete = info > 0 ? Int(info) - 1 : n
        if let order = LinearSystem.firstDeficientCholeskyPivot(
            factor: factor, original: original, size: n, limit: complete) {
            throw LinearAlgebraError.notPositiveDefinite(leadingMinorOrder: order)
        }
        if info > 0 {
            throw LinearAlgebraError.notPositiveDefinite(leadingMinorOrder: Int(info))
        }
    }
}
#endif
