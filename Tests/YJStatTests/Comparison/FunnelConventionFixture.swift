import Foundation
import YJStat

/// Tests/YJStatTests/Fixtures/funnel_conventions.json, written by
/// Scripts/oracles/funnel_conventions.py from scipy and numpy (see the script's header).
/// Infinite values are stored as the strings "Infinity" and "-Infinity".
struct FunnelConventionFixture: Decodable {
    struct LimitCase: Decodable {
        let kind: String, n: Double, theta: Double, convention: String
        /// Count limits: 0.1% and 2.5% below, 2.5% and 0.1% above.
        let counts: [Double]
    }
    struct Options: Decodable { let scale: String, trim: Double, method: String, model: String }
    struct Point: Decodable {
        let service: String, value: Double, limits: [Double], z: Double, flag: String, atLeast: Double, atMost: Double
    }
    /// [service, numerator, denominator].
    struct Unit: Decodable {
        let service: String, numerator: Int, denominator: Double
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            service = try c.decode(String.self)
            numerator = try c.decode(Int.self)
            denominator = try c.decode(Double.self)
        }
    }
    struct Plot: Decodable {
        let measure: String, per: Double, units: [Unit], givenTarget: Double?, convention: String
        let overdispersion: Options?, target: Double, phi: Double?, tau2: Double?, trimmed: Int?, applied: Bool
        let points: [Point]
    }

    let limits: [LimitCase]
    let plots: [Plot]

    static let shared: FunnelConventionFixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/funnel_conventions.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try? decoder.decode(FunnelConventionFixture.self, from: data)
    }()
}

extension FunnelConventionFixture.Plot {
    var funnelMeasure: FunnelMeasure {
        switch measure {
        case "proportion": return .proportion
        case "rate": return .rate(per: per)
        default: return .ratio
        }
    }

    var overdispersionOptions: FunnelOverdispersionOptions? {
        overdispersion.map {
            FunnelOverdispersionOptions(scale: .init(rawValue: $0.scale)!, trim: $0.trim,
                                        trimMethod: .init(rawValue: $0.method)!, model: .init(rawValue: $0.model)!)
        }
    }

    func build() throws -> FunnelPlot {
        try FunnelPlot(units: units.map { .init(service: $0.service, numerator: $0.numerator, denominator: $0.denominator) },
                       measure: funnelMeasure, target: givenTarget.map { .given($0) } ?? .pooled,
                       limits: FunnelLimitConvention(rawValue: convention)!, overdispersion: overdispersionOptions)
    }
}
