/// The model matrix X of a main-effects GLM on categorical terms: an intercept column and, for
/// each term, the indicator columns of its ``TreatmentCoding``. Row i belongs to pattern i of a
/// ``CovariatePatterns`` table.
///
/// Each row has at most one non-zero column per term, so rows are stored sparsely as the list
/// of their active (value 1) columns; Xᵀ W X then costs O(patterns · (terms + 1)²) instead of
/// O(patterns · p²). ``matrix`` gives the dense form.
public struct DesignMatrix: Sendable, Equatable {
    /// The coding of each term, in term order.
    public let codings: [TreatmentCoding]
    /// Column names: `(intercept)`, then `term=level` for every contrast level.
    public let columnNames: [String]
    /// For each column, the index of its term in ``codings``; `nil` for the intercept.
    public let columnTerms: [Int?]
    /// For each row (pattern), its active columns in increasing order, the intercept (0) first.
    public let activeColumns: [[Int]]

    /// The number of columns p.
    public var columnCount: Int { columnNames.count }
    /// The number of rows (patterns).
    public var rowCount: Int { activeColumns.count }

    /// Builds X for `patterns` with the given codings (one per term, in term order).
    ///
    /// - Precondition: every level of every pattern is a level of its term's coding.
    public init(patterns: CovariatePatterns, codings: [TreatmentCoding]) {
        precondition(codings.map(\.term) == patterns.terms, "codings must follow the pattern terms")
        var names = ["(intercept)"]
        var terms: [Int?] = [nil]
        var starts: [Int] = []
        for (index, coding) in codings.enumerated() {
            starts.append(names.count)
            for level in coding.contrastLevels {
                names.append("\(coding.term)=\(level)")
                terms.append(index)
            }
        }
        self.codings = codings
        columnNames = names
        columnTerms = terms
        activeColumns = patterns.patterns.map { pattern in
            var active = [0]
            for (index, coding) in codings.enumerated() {
                if let offset = coding.columnOffset(of: pattern.levels[index]) {
                    active.append(starts[index] + offset)
                } else {
                    precondition(pattern.levels[index] == coding.reference, "level \(pattern.levels[index]) not coded")
                }
            }
            return active
        }
    }

    /// The columns of term `index`.
    public func columns(ofTerm index: Int) -> [Int] {
        columnTerms.indices.filter { columnTerms[$0] == index }
    }

    /// The dense n × p matrix X.
    public var matrix: Matrix {
        var elements = [Double](repeating: 0, count: rowCount * columnCount)
        for (row, active) in activeColumns.enumerated() {
            for column in active { elements[row * columnCount + column] = 1 }
        }
        return Matrix(uncheckedRows: rowCount, columns: columnCount, elements: elements)
    }
}
