import Foundation

/// Tests/YJStatTests/Fixtures/comparison.json, written by Scripts/oracles/comparison.py from
/// scipy, statsmodels and R (see the script's header for which oracle produced which value).
/// Infinite values are stored as the string "Infinity".
struct ComparisonFixture: Decodable {
    struct BinomialTest: Decodable { let k: Int, n: Int, p: Double, pValue: Double }
    struct PoissonTest: Decodable { let k: Int, mean: Double, pValue: Double }
    struct FisherTest: Decodable { let a: Int, b: Int, c: Int, d: Int, pValue: Double }
    struct PoissonIntervalCase: Decodable { let k: Int, confidence: Double, exact: [Double], byar: [Double] }
    struct ProportionCase: Decodable {
        let k: Int, n: Int, reference: Double, confidence: Double
        let wilson: [Double], exact: [Double]
        let differenceWilson: [Double], ratioWilson: [Double], differenceExact: [Double], ratioExact: [Double]
        let pValue: Double
    }
    struct RateCase: Decodable {
        let k: Int, population: Double, reference: Double, per: Double, method: String
        let rate: [Double], difference: [Double], ratio: [Double], pValue: Double
    }
    struct TwoProportions: Decodable {
        let k1: Int, n1: Int, k2: Int, n2: Int
        let difference: [Double], ratio: [Double], pValue: Double
    }
    struct TwoRates: Decodable {
        let k1: Int, t1: Double, k2: Int, t2: Double, per: Double
        let difference: [Double], ratio: [Double], pValue: Double
    }
    struct RRICase: Decodable {
        let model: String
        let service: [Double], national: [Double]
        let serviceRRI: [Double], ratio: [Double], pValue: Double, ratioKnownNational: [Double]
    }
    struct LimitRow: Decodable { let theta: Double, n: Int, limits: [Double] }
    struct FunnelLimitTable: Decodable { let binomial: [LimitRow], poisson: [LimitRow] }
    struct FunnelExample: Decodable {
        struct Point: Decodable { let service: String, value: Double, limits: [Double], z: Double, flag: String }
        let kind: String, per: Double, target: Double
        let units: [Unit], givenTarget: Double?, overdispersion: Bool, phi: Double?, tau2: Double?
        let points: [Point]
        /// [service, numerator, denominator].
        struct Unit: Decodable {
            let service: String, numerator: Int, denominator: Int
            init(from decoder: Decoder) throws {
                var c = try decoder.unkeyedContainer()
                service = try c.decode(String.self)
                numerator = try c.decode(Int.self)
                denominator = try c.decode(Int.self)
            }
        }
    }

    let binomialTests: [BinomialTest]
    let poissonTests: [PoissonTest]
    let fisherTests: [FisherTest]
    let poissonIntervals: [PoissonIntervalCase]
    let proportionComparisons: [ProportionCase]
    let rateComparisons: [RateCase]
    let twoProportions: [TwoProportions]
    let twoRates: [TwoRates]
    let rriComparisons: [RRICase]
    let funnelLimits: FunnelLimitTable
    let funnelExamples: [FunnelExample]

    static let shared: ComparisonFixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/comparison.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try? decoder.decode(ComparisonFixture.self, from: data)
    }()
}

/// |actual − expected| ≤ max(relative · |expected|, absolute); equal infinities match.
func isClose(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0) -> Bool {
    if expected.isInfinite || actual.isInfinite { return actual == expected }
    return abs(actual - expected) <= max(relative * abs(expected), absolute)
}

/// The largest relative difference, for reporting how close a batch came.
func relativeDifference(_ actual: Double, _ expected: Double) -> Double {
    if actual == expected { return 0 }
    return abs(actual - expected) / max(abs(expected), .leastNormalMagnitude)
}
