import Foundation

/// Tests/YJStatTests/Fixtures/sampling.json, written by Scripts/oracles/sampling.py (mpmath,
/// scipy, R epiR, brute-force enumeration). Populations are `null` for an infinite population.
struct SamplingFixture: Decodable {
    struct ZValue: Decodable { let confidence: Double, z: Double }

    struct SampleSizeCase: Decodable, CustomStringConvertible {
        let population: Int?
        let confidence: Double, margin: Double, proportion: Double
        let correction: String, rounding: String
        let z: Double, n0: Double, unrounded: Double
        let sample_size: Int
        var description: String { "N=\(population.map(String.init) ?? "inf") C=\(confidence) e=\(margin) p=\(proportion) \(correction) \(rounding)" }
    }

    struct EpiRCase: Decodable {
        let population: Int?
        let confidence: Double, margin: Double, proportion: Double
        let unrounded: Double
    }

    struct MarginCase: Decodable {
        let sample: Int, population: Int?
        let confidence: Double, proportion: Double
        let correction: String
        let margin: Double
    }

    struct ExactCase: Decodable, CustomStringConvertible {
        let population: Int?
        let confidence: Double, margin: Double, proportion: Double
        let population_successes: Int?
        let first_sufficient: Int, coverage_at_first: Double
        let sufficient_from: Int, coverage_at_sufficient_from: Double
        let coverages_1_to_60: [Double]
        var description: String { "N=\(population.map(String.init) ?? "inf") C=\(confidence) e=\(margin) p=\(proportion)" }
    }

    struct ImpliedCase: Decodable, CustomStringConvertible {
        let sample: Int
        let confidence: Double, margin: Double, proportion: Double
        let correction: String, rounding: String
        let lower: Int?, upper: Int?
        let empty: Bool
        var description: String { "n=\(sample) C=\(confidence) \(correction) \(rounding)" }
    }

    struct BandCase: Decodable, CustomStringConvertible {
        let successes: Int, sample: Int, population: Int?
        let prior: String
        let probabilities: [Double]
        let method: String
        var description: String { "\(successes)/\(sample) of \(population.map(String.init) ?? "inf") \(prior) (\(method))" }
    }

    struct DesignCase: Decodable, CustomStringConvertible {
        let sample: Int, population: Int?, population_successes: Int?
        let true_proportion: Double, true_band: Int
        let probabilities: [Double]
        let method: String
        var description: String { "n=\(sample) N=\(population.map(String.init) ?? "inf") P=\(true_proportion) (\(method))" }
    }

    struct AllocationCase: Decodable {
        let counts: [Int], sample: Int, minimum: Int
        let allocation: [Int]
    }

    let z: [ZValue]
    let sample_sizes: [SampleSizeCase]
    let epir_cochran_a: [EpiRCase]
    let margins: [MarginCase]
    let exact: [ExactCase]
    let implied_populations: [ImpliedCase]
    let band_confidence: [BandCase]
    let design_risk: [DesignCase]
    let allocations: [AllocationCase]

    struct LoadError: Error { let message: String }

    private static let cached: Result<SamplingFixture, LoadError> = {
        let url = fixtureURL("sampling.json")
        do {
            return .success(try JSONDecoder().decode(SamplingFixture.self, from: Data(contentsOf: url)))
        } catch {
            return .failure(LoadError(message: "cannot read \(url.path): \(error)"))
        }
    }()

    /// The fixture, read once; throws (failing the test) when missing or malformed.
    static func load() throws -> SamplingFixture { try cached.get() }
}

/// |a − b| ≤ relative·max(|a|, |b|) + absolute.
func samplingClose(_ a: Double, _ b: Double, relative: Double, absolute: Double = 0) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b)) + absolute
}
