import Foundation
import Testing
import YJStat

@Suite("Matrix")
struct MatrixTests {
    @Test("Row-major storage, subscripts, rows and columns")
    func storage() throws {
        var m = try Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
        #expect(m.rows == 2 && m.columns == 3 && !m.isSquare)
        #expect(m[0, 2] == 3 && m[1, 0] == 4)
        #expect(m.row(1) == [4, 5, 6])
        #expect(m.column(2) == [3, 6])
        m[1, 2] = -1
        #expect(m.elements == [1, 2, 3, 4, 5, -1])
        #expect(try Matrix([[1, 2, 3], [4, 5, -1]]) == m)
    }

    @Test("Shape validation throws instead of trapping")
    func shapeValidation() {
        #expect(throws: LinearAlgebraError.elementCountMismatch(rows: 2, columns: 2, count: 3)) {
            try Matrix(rows: 2, columns: 2, elements: [1, 2, 3])
        }
        #expect(throws: LinearAlgebraError.invalidDimensions(rows: -1, columns: 2)) {
            try Matrix(rows: -1, columns: 2)
        }
        #expect(throws: LinearAlgebraError.invalidDimensions(rows: Int.max, columns: 2)) {
            try Matrix(rows: Int.max, columns: 2)
        }
        #expect(throws: LinearAlgebraError.raggedRows(row: 1, expected: 2, actual: 1)) {
            try Matrix([[1, 2], [3]])
        }
        #expect(throws: LinearAlgebraError.invalidDimensions(rows: -3, columns: -3)) {
            try Matrix.identity(size: -3)
        }
    }

    @Test("Identity, empty and repeating constructors")
    func constructors() throws {
        #expect(try Matrix.identity(size: 3).elements == [1, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(try Matrix([]) == Matrix(rows: 0, columns: 0))
        #expect(try Matrix(rows: 2, columns: 1, repeating: 7).elements == [7, 7])
    }

    @Test("Transpose")
    func transpose() throws {
        let m = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.transposed() == (try Matrix([[1, 4], [2, 5], [3, 6]])))
        #expect(m.transposed().transposed() == m)
    }

    @Test("Products with vectors and matrices (hand-computed)")
    func products() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(try a.multiplied(by: [1, 0, -1]) == [-2, -2])
        let b = try Matrix([[1, 0], [0, 1], [2, -1]])
        // [[1+0+6, 0+2-3], [4+0+12, 0+5-6]]
        #expect(try a.multiplied(by: b) == (try Matrix([[7, -1], [16, -1]])))
        #expect(try a.multiplied(by: Matrix.identity(size: 3)) == a)
        // NaN and infinity propagate rather than being skipped.
        let infinite = try Matrix([[0, 1]]).multiplied(by: Matrix([[Double.infinity], [1]]))
        #expect(infinite[0, 0].isNaN)
    }

    @Test("Products with mismatched dimensions throw")
    func productMismatch() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(throws: LinearAlgebraError.dimensionMismatch("vector length", expected: 3, actual: 2)) {
            try a.multiplied(by: [1, 2])
        }
        #expect(throws: LinearAlgebraError.dimensionMismatch("right-hand matrix rows", expected: 3, actual: 2)) {
            try a.multiplied(by: a)
        }
    }

    @Test("Codable round trip; a corrupt document throws")
    func codable() throws {
        let m = try Matrix([[1.5, -2], [0.1, 3]])
        let data = try JSONEncoder().encode(m)
        #expect(try JSONDecoder().decode(Matrix.self, from: data) == m)
        let corrupt = Data(#"{"rows": 2, "columns": 2, "elements": [1, 2, 3]}"#.utf8)
        #expect(throws: LinearAlgebraError.elementCountMismatch(rows: 2, columns: 2, count: 3)) {
            try JSONDecoder().decode(Matrix.self, from: corrupt)
        }
    }

    @Test("Description prints one bracketed row per line")
    func description() throws {
        #expect(try Matrix([[1, 2], [3, 4]]).description == "[1.0 2.0]\n[3.0 4.0]")
        #expect(try Matrix(rows: 0, columns: 3).description == "[0 × 3 matrix]")
    }
}
