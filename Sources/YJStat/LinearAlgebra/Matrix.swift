/// A dense matrix of `Double` values stored in row-major order.
///
/// Element (i, j) — zero-based row `i`, column `j` — lives at `elements[i * columns + j]`,
/// the layout LAPACKE calls `LAPACK_ROW_MAJOR`. The type is deliberately small: it holds the
/// design and information matrices of the regression code and feeds ``LinearSystem``; it is
/// not a general array library.
///
/// Every initialiser that takes sizes or elements from a caller validates them and throws
/// ``LinearAlgebraError`` on a mismatch, so a malformed matrix can never exist. Subscripts
/// trap on an out-of-range index, exactly like `Array`, because an index is a programming
/// decision rather than user data.
public struct Matrix: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The number of rows (zero or more).
    public let rows: Int

    /// The number of columns (zero or more).
    public let columns: Int

    /// The elements in row-major order; `elements.count == rows * columns`.
    public private(set) var elements: [Double]

    /// Creates a matrix from its elements in row-major order.
    ///
    /// - Parameters:
    ///   - rows: The number of rows; must not be negative.
    ///   - columns: The number of columns; must not be negative.
    ///   - elements: `rows * columns` values, row after row.
    /// - Throws: ``LinearAlgebraError/invalidDimensions(rows:columns:)`` for a negative or
    ///   overflowing size, ``LinearAlgebraError/elementCountMismatch(rows:columns:count:)`` when
    ///   `elements.count != rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) throws {
        let count = try Matrix.elementCount(rows: rows, columns: columns)
        guard elements.count == count else {
            throw LinearAlgebraError.elementCountMismatch(rows: rows, columns: columns, count: elements.count)
        }
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Creates a matrix with every element equal to `value` (zero by default).
    ///
    /// - Throws: ``LinearAlgebraError/invalidDimensions(rows:columns:)`` for a negative or
    ///   overflowing size.
    public init(rows: Int, columns: Int, repeating value: Double = 0) throws {
        let count = try Matrix.elementCount(rows: rows, columns: columns)
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: count)
    }

    /// Creates a matrix from an array of rows, e.g. `try Matrix([[1, 2], [3, 4]])`.
    ///
    /// An empty array gives the 0 × 0 matrix.
    ///
    /// - Throws: ``LinearAlgebraError/raggedRows(row:expected:actual:)`` when a row's length
    ///   differs from the first row's (the row is reported zero-based).
    public init(_ rowArrays: [[Double]]) throws {
        let columns = rowArrays.first?.count ?? 0
        var elements: [Double] = []
        elements.reserveCapacity(rowArrays.count * columns)
        for (index, row) in rowArrays.enumerated() {
            guard row.count == columns else {
                throw LinearAlgebraError.raggedRows(row: index, expected: columns, actual: row.count)
            }
            elements.append(contentsOf: row)
        }
        try self.init(rows: rowArrays.count, columns: columns, elements: elements)
    }

    /// Creates a matrix from elements already known to match the shape (internal use only).
    init(uncheckedRows rows: Int, columns: Int, elements: [Double]) {
        assert(rows >= 0 && columns >= 0 && elements.count == rows * columns)
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Decodes `{"rows": r, "columns": c, "elements": [...]}` and validates the shape, so a
    /// corrupt document throws instead of producing an inconsistent matrix.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            rows: try container.decode(Int.self, forKey: .rows),
            columns: try container.decode(Int.self, forKey: .columns),
            elements: try container.decode([Double].self, forKey: .elements)
        )
    }

    /// The n × n identity matrix.
    ///
    /// - Throws: ``LinearAlgebraError/invalidDimensions(rows:columns:)`` when `size` is negative.
    public static func identity(size: Int) throws -> Matrix {
        var matrix = try Matrix(rows: size, columns: size)
        for i in 0..<size {
            matrix.elements[i * size + i] = 1
        }
        return matrix
    }

    /// Whether the matrix has as many rows as columns.
    public var isSquare: Bool { rows == columns }

    /// The element in row `row` and column `column` (both zero-based).
    ///
    /// Traps when an index is out of range, like `Array`'s subscript.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            return elements[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            elements[row * columns + column] = newValue
        }
    }

    /// The elements of row `row` (zero-based). Traps when `row` is out of range.
    public func row(_ row: Int) -> [Double] {
        precondition(row >= 0 && row < rows, "Matrix row index out of range")
        return Array(elements[(row * columns)..<((row + 1) * columns)])
    }

    /// The elements of column `column` (zero-based). Traps when `column` is out of range.
    public func column(_ column: Int) -> [Double] {
        precondition(column >= 0 && column < columns, "Matrix column index out of range")
        return (0..<rows).map { elements[$0 * columns + column] }
    }

    /// The transpose Aᵀ, with (Aᵀ)ᵢⱼ = Aⱼᵢ. Cost: O(rows · columns).
    public func transposed() -> Matrix {
        var result = [Double](repeating: 0, count: elements.count)
        for i in 0..<rows {
            for j in 0..<columns {
                result[j * rows + i] = elements[i * columns + j]
            }
        }
        return Matrix(uncheckedRows: columns, columns: rows, elements: result)
    }

    /// The matrix–vector product y = A x, yᵢ = Σⱼ aᵢⱼ xⱼ. Cost: 2 · rows · columns flops.
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:expected:actual:)`` when
    ///   `vector.count != columns`.
    public func multiplied(by vector: [Double]) throws -> [Double] {
        guard vector.count == columns else {
            throw LinearAlgebraError.dimensionMismatch("vector length", expected: columns, actual: vector.count)
        }
        return (0..<rows).map { i in
            var sum = 0.0
            let base = i * columns
            for j in 0..<columns {
                sum += elements[base + j] * vector[j]
            }
            return sum
        }
    }

    /// The matrix product C = A B, cᵢⱼ = Σₖ aᵢₖ bₖⱼ. Cost: 2 · rows · columns · other.columns flops.
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:expected:actual:)`` when
    ///   `other.rows != columns`.
    public func multiplied(by other: Matrix) throws -> Matrix {
        guard other.rows == columns else {
            throw LinearAlgebraError.dimensionMismatch("right-hand matrix rows", expected: columns, actual: other.rows)
        }
        let width = other.columns
        var result = [Double](repeating: 0, count: rows * width)
        // i-k-j loop order walks both operands along rows, which suits row-major storage.
        for i in 0..<rows {
            for k in 0..<columns {
                let aik = elements[i * columns + k]
                let otherBase = k * width
                let resultBase = i * width
                for j in 0..<width {
                    result[resultBase + j] += aik * other.elements[otherBase + j]
                }
            }
        }
        return Matrix(uncheckedRows: rows, columns: width, elements: result)
    }

    /// One line per row, elements separated by spaces, e.g. `"[1.0 2.0]\n[3.0 4.0]"`.
    public var description: String {
        if rows == 0 || columns == 0 { return "[\(rows) × \(columns) matrix]" }
        return (0..<rows).map { i in
            "[" + row(i).map { String($0) }.joined(separator: " ") + "]"
        }.joined(separator: "\n")
    }

    private static func elementCount(rows: Int, columns: Int) throws -> Int {
        guard rows >= 0, columns >= 0 else {
            throw LinearAlgebraError.invalidDimensions(rows: rows, columns: columns)
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow else {
            throw LinearAlgebraError.invalidDimensions(rows: rows, columns: columns)
        }
        return count
    }
}
