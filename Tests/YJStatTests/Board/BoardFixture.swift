import Foundation

/// Tests/YJStatTests/Fixtures/board.json, written by Scripts/oracles/board.py: ratios of RRIs
/// (local/national and latest/earlier years) from a statsmodels Poisson GLM interaction, the
/// Newcombe difference from statsmodels, and Garwood rate intervals from scipy.
struct BoardFixture: Decodable {
    struct RatioCase: Decodable {
        let group: String
        let stage: String
        let ratio: Double
        let lower: Double
        let upper: Double
        let p: Double
    }
    struct NewcombeCase: Decodable {
        let file: String
        let group: String
        let stage: String
        let count: Int
        let base: Int
        let differencePer1000: Double
        let lowerPer1000: Double
        let upperPer1000: Double
    }
    struct RateCase: Decodable {
        let year: String
        let group: String
        let stage: String
        let count: Int
        let rate: Double
        let lower: Double
        let upper: Double
    }
    let latestYear: String
    let earlierYears: [String]
    let national: [RatioCase]
    let trend: [RatioCase]
    let newcombe: [NewcombeCase]
    let rates: [RateCase]

    static let shared: BoardFixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/board.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(BoardFixture.self, from: data)
    }()
}
