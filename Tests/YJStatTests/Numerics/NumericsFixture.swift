import Foundation

/// `Fixtures/numerics.json`, written by `Scripts/oracles/numerics.py` (mpmath at 60 digits).
/// Each table has named columns; the last column is the reference value and the others are
/// the exact double inputs.
struct NumericsFixture: Decodable {
    struct Table: Decodable {
        let columns: [String]
        let rows: [[Double]]
    }

    let generator: String
    let tables: [String: Table]

    /// Loaded once and shared by all numerics tests.
    static let shared: Result<NumericsFixture, any Error> = Result {
        try loadFixture("numerics.json", as: NumericsFixture.self)
    }
}

/// Tracks the worst relative error over a set of comparisons and remembers where it happened.
///
/// The error is |actual − expected| / |expected|; where the reference value is exactly 0 the
/// absolute error is used instead. A NaN or a value of the wrong infinity counts as an
/// infinite error.
struct WorstError {
    private(set) var value = 0.0
    private(set) var location = "none"
    private(set) var count = 0

    static func relative(_ actual: Double, _ expected: Double) -> Double {
        if actual == expected { return 0 }
        if actual.isNaN || expected.isNaN || actual.isInfinite || expected.isInfinite { return .infinity }
        if expected == 0 { return abs(actual) }
        return abs(actual - expected) / abs(expected)
    }

    mutating func record(_ actual: Double, _ expected: Double, at description: @autoclosure () -> String) {
        count += 1
        let error = Self.relative(actual, expected)
        if error > value {
            value = error
            location = "\(description()): got \(actual), expected \(expected)"
        }
    }

    var summary: String {
        "worst relative error \(value) over \(count) cases at \(location)"
    }
}
