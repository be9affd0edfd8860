#if LAPACKE
import CLAPACKE

extension LAPACKESolver {
    /// `LAPACKE_dpotrf` on the lower triangle (row-major); the returned storage holds L in its
    /// lower triangle and the untouched input above it.
    static func choleskyFactor(_ a: [Double], size n: Int) throws -> [Double] {
        guard let order = LAPACKInteger(exactly: n), LAPACKInteger(exactly: n * n) != nil else {
            throw LinearAlgebraError.tooLargeForBackend(size: n)
        }
        var work = a
        let info = LAPACKE_dpotrf(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "L")), order, &work, order)
        guard info >= 0 else { throw LinearAlgebraError.backendFailure(routine: "LAPACKE_dpotrf", info: Int(info)) }
        let complete = info > 0 ? Int(info) - 1 : n
        if let failing = LinearSystem.firstDeficientCholeskyPivot(factor: work, original: a, size: n, limit: complete) {
            throw LinearAlgebraError.notPositiveDefinite(leadingMinorOrder: failing)
        }
        if info > 0 { throw LinearAlgebraError.notPositiveDefinite(leadingMinorOrder: Int(info)) }
        return work
    }

    /// `LAPACKE_dpotrs` with a factor from ``choleskyFactor(_:size:)``.
    static func choleskySolve(factor: [Double], size n: Int, rightHandSides b: [Double], count m: Int) throws -> [Double] {
        guard let order = LAPACKInteger(exactly: n), let columns = LAPACKInteger(exactly: m) else {
            throw LinearAlgebraError.tooLargeForBackend(size: n)
        }
        var x = b
        let info = LAPACKE_dpotrs(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "L")), order, columns, factor, order, &x, max(columns, 1))
        guard info == 0 else { throw LinearAlgebraError.backendFailure(routine: "LAPACKE_dpotrs", info: Int(info)) }
        return x
    }

    /// `LAPACKE_dpotri` with a factor from ``choleskyFactor(_:size:)``; the upper triangle is
    /// filled by symmetry.
    static func choleskyInverse(factor: [Double], size n: Int) throws -> [Double] {
        guard let order = LAPACKInteger(exactly: n) else { throw LinearAlgebraError.tooLargeForBackend(size: n) }
        var work = factor
        let info = LAPACKE_dpotri(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "L")), order, &work, order)
        guard info == 0 else { throw LinearAlgebraError.backendFailure(routine: "LAPACKE_dpotri", info: Int(info)) }
        for i in 0..<n {
            for j in 0..<i { work[j * n + i] = work[i * n + j] }
        }
        return work
    }
}
#endif
