import Foundation
import YJStat

/// Tests/YJStatTests/Fixtures/linear_algebra.json, written by Scripts/oracles/linear_algebra.py
/// (scipy.linalg cho_solve / solve, cross-checked and — for ill-conditioned systems — replaced
/// by exact mpmath solutions at 60 digits).
struct LinearAlgebraFixture: Decodable {
    struct System: Decodable, CustomStringConvertible {
        let name: String
        /// "spd" or "general".
        let kind: String
        /// "well" or "ill".
        let conditioning: String
        let size: Int
        let rightHandSides: Int
        /// 2-norm condition number κ₂(A).
        let condition: Double
        /// κ₂(D^-1/2 A D^-1/2), D = diag(A); SPD systems only.
        let equilibratedCondition: Double?
        let a: [Double]
        let b: [Double]
        let x: [Double]
        /// A⁻¹; SPD systems only.
        let inverse: [Double]?

        var description: String { name }

        func matrix() throws -> Matrix {
            try Matrix(rows: size, columns: size, elements: a)
        }

        func rightHandSideMatrix() throws -> Matrix {
            try Matrix(rows: size, columns: rightHandSides, elements: b)
        }
    }

    struct NotPositiveDefinite: Decodable, CustomStringConvertible {
        let name: String
        let size: Int
        let a: [Double]
        let leadingMinorOrder: Int
        var description: String { name }
    }

    struct Singular: Decodable, CustomStringConvertible {
        let name: String
        let size: Int
        let a: [Double]
        let pivot: Int
        var description: String { name }
    }

    let systems: [System]
    let notPositiveDefinite: [NotPositiveDefinite]
    let singular: [Singular]

    /// The decoded fixture. Decoding failures surface as a test failure, not a crash.
    static func load() throws -> LinearAlgebraFixture {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/linear_algebra.json")
        return try JSONDecoder().decode(LinearAlgebraFixture.self, from: Data(contentsOf: url))
    }

    /// maxᵢ |xᵢ − yᵢ| / maxᵢ |yᵢ| — the normwise relative error in the ∞-norm (infinite when
    /// the lengths differ).
    static func relativeError(_ x: [Double], _ reference: [Double]) -> Double {
        guard x.count == reference.count else { return .infinity }
        let scale = reference.reduce(0) { max($0, abs($1)) }
        let difference = zip(x, reference).reduce(0) { max($0, abs($1.0 - $1.1)) }
        return scale == 0 ? difference : difference / scale
    }
}
