/// Why a ``Matrix`` could not be built or a ``LinearSystem`` could not be solved.
///
/// Positions in ``notPositiveDefinite(leadingMinorOrder:)`` and ``singular(pivot:)`` are
/// one-based, as in LAPACK's `info` codes and in Golub & Van Loan; row and column indices in
/// the other cases are zero-based, as in ``Matrix``'s subscript.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row or column count was negative, or their product overflows `Int`.
    case invalidDimensions(rows: Int, columns: Int)

    /// The number of elements supplied differs from `rows * columns`.
    case elementCountMismatch(rows: Int, columns: Int, count: Int)

    /// Row `row` of an array-of-rows literal has `actual` elements instead of `expected`.
    case raggedRows(row: Int, expected: Int, actual: Int)

    /// Two operands do not fit together; `what` names the offending operand dimension.
    case dimensionMismatch(_ what: String, expected: Int, actual: Int)

    /// A coefficient matrix must be square but is `rows` × `columns`.
    case notSquare(rows: Int, columns: Int)

    /// A matrix passed to a symmetric solver has aᵢⱼ and aⱼᵢ further apart than the symmetry
    /// tolerance (see ``LinearSystem/solveSymmetricPositiveDefinite(_:_:backend:)``).
    case notSymmetric(row: Int, column: Int)

    /// An input element is NaN or infinite; `operand` is `"coefficient matrix"` or
    /// `"right-hand side"`.
    case nonFiniteElement(operand: String, row: Int, column: Int)

    /// The leading principal minor of order `leadingMinorOrder` is not positive (to working
    /// precision), so the matrix is not positive definite and has no Cholesky factor.
    case notPositiveDefinite(leadingMinorOrder: Int)

    /// Gaussian elimination with partial pivoting met a pivot that is zero to working
    /// precision at elimination step `pivot` (one-based), so the matrix is singular.
    case singular(pivot: Int)

    /// The solution overflowed to infinity or NaN although the inputs were finite; the
    /// system is too badly scaled for double precision.
    case nonFiniteResult

    /// The requested backend was not compiled into this build (LAPACKE needs the package
    /// trait `LAPACKE`).
    case backendUnavailable(LinearSystem.Backend)

    /// The matrix is too large for LAPACKE's 32-bit integer sizes.
    case tooLargeForBackend(size: Int)

    /// LAPACKE reported an argument error (`info < 0`), which indicates a defect in this
    /// library rather than in the data.
    case backendFailure(routine: String, info: Int)

    /// A one-line, human-readable explanation.
    public var description: String {
        switch self {
        case let .invalidDimensions(rows, columns):
            return "invalid matrix dimensions \(rows) × \(columns): sizes must be non-negative and their product must fit in memory"
        case let .elementCountMismatch(rows, columns, count):
            return "a \(rows) × \(columns) matrix needs \(rows * columns) elements but \(count) were given"
        case let .raggedRows(row, expected, actual):
            return "row \(row) has \(actual) elements but the first row has \(expected)"
        case let .dimensionMismatch(what, expected, actual):
            return "dimension mismatch: \(what) is \(actual) but must be \(expected)"
        case let .notSquare(rows, columns):
            return "the coefficient matrix must be square but is \(rows) × \(columns)"
        case let .notSymmetric(row, column):
            return "the matrix is not symmetric: elements (\(row), \(column)) and (\(column), \(row)) differ"
        case let .nonFiniteElement(operand, row, column):
            return "the \(operand) has a NaN or infinite element at (\(row), \(column))"
        case let .notPositiveDefinite(order):
            return "the matrix is not positive definite: the leading minor of order \(order) is not positive"
        case let .singular(pivot):
            return "the matrix is singular to working precision: pivot \(pivot) of the LU factorisation is zero"
        case .nonFiniteResult:
            return "the solution overflowed double precision; rescale the system"
        case let .backendUnavailable(backend):
            // `--traits LAPACKE` is a flag of `swift build` (the package's trait), not of yjstat: no
            // library parameter sets it, so it is no mention (the wording scan test allows it).
            return "the \(backend) backend is not available in this build (build with --traits LAPACKE)"
        case let .tooLargeForBackend(size):
            return "a \(size) × \(size) system is too large for LAPACKE's 32-bit sizes"
        case let .backendFailure(routine, info):
            return "\(routine) rejected argument \(-info) (info = \(info))"
        }
    }
}
