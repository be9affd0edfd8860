import Foundation
import Testing
@testable import YJStat

/// Proportion intervals against independent oracles (statsmodels, R `prop.test`, mpmath, scipy),
/// from `Fixtures/intervals.json`, written by `Scripts/oracles/intervals.py`.
///
/// Tolerance: relative 1e-10 for closed-form methods and 1e-9 for the root-finding inversions
/// (Jeffreys, Clopper–Pearson, mid-p), as the issue requires; an absolute floor of 1e-15 applies
/// where the oracle's bound is 0 or lost to cancellation below that (statsmodels' Wilson lower
/// bound at k = 0 is such a case). Hypergeometric bounds are whole counts over N and must match exactly.
@Suite("Proportion intervals against oracles")
struct ProportionIntervalOracleTests {
    struct BinomialCase: Decodable {
        let k: Int, n: Int, confidence: Double
        let bounds: [String: [Double]]
        enum Keys: String, CodingKey { case k, n, confidence }
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            k = try c.decode(Int.self, forKey: .k)
            n = try c.decode(Int.self, forKey: .n)
            confidence = try c.decode(Double.self, forKey: .confidence)
            let all = try decoder.singleValueContainer().decode([String: AnyBounds].self)
            bounds = all.compactMapValues(\.pair)
        }
    }

    struct FiniteCase: Decodable {
        let k: Int, n: Int, N: Int, confidence: Double
        let hypergeometric: [Double]
        let fpcWald: [Double]
        enum CodingKeys: String, CodingKey { case k, n, N, confidence, hypergeometric, fpcWald = "fpc-wald" }
    }

    /// Decodes a `[lower, upper]` pair, or nothing for scalar keys.
    struct AnyBounds: Decodable {
        let pair: [Double]?
        init(from decoder: Decoder) throws {
            pair = try? decoder.singleValueContainer().decode([Double].self)
        }
    }

    struct Fixture: Decodable {
        let binomial: [BinomialCase]
        let finite: [FiniteCase]
    }

    static let fixture: Fixture? = try? loadFixture("intervals.json", as: Fixture.self)

    static func close(_ actual: Double, _ expected: Double, relative: Double) -> Bool {
        abs(actual - expected) <= max(relative * abs(expected), 1e-15)
    }

    @Test func fixtureLoads() throws {
        let fixture = try #require(Self.fixture)
        #expect(fixture.binomial.count > 4000)
        #expect(fixture.finite.count > 100)
    }

    @Test(arguments: IntervalMethod.allCases.filter { !$0.needsPopulation })
    func binomialMethodMatchesOracle(method: IntervalMethod) throws {
        let fixture = try #require(Self.fixture)
        let tolerance = [.jeffreys, .clopperPearson, .midP].contains(method) ? 1e-9 : 1e-10
        var checked = 0
        var worst = (error: 0.0, label: "")
        for item in fixture.binomial {
            guard let expected = item.bounds[method.rawValue] else { continue }
            let ci = try ProportionInterval.compute(method, successes: item.k, trials: item.n, confidence: item.confidence)
            for (actual, wanted, side) in [(ci.lower, expected[0], "lower"), (ci.upper, expected[1], "upper")] {
                let error = abs(actual - wanted) / max(abs(wanted), 1e-300)
                if !Self.close(actual, wanted, relative: tolerance) && error > worst.error {
                    worst = (error, "\(item.k)/\(item.n) at \(item.confidence) \(side): \(actual) vs \(wanted)")
                }
            }
            checked += 1
        }
        #expect(checked > 500)
        #expect(worst.label.isEmpty, "\(method.rawValue) worst mismatch: \(worst.label)")
    }

    @Test func finitePopulationMethodsMatchOracle() throws {
        let fixture = try #require(Self.fixture)
        for item in fixture.finite {
            let exact = try ProportionInterval.hypergeometric(successes: item.k, sample: item.n, population: item.N, confidence: item.confidence)
            #expect(exact.lower == item.hypergeometric[0] && exact.upper == item.hypergeometric[1],
                    "hypergeometric \(item.k)/\(item.n) of \(item.N) at \(item.confidence)")
            let wald = try ProportionInterval.finitePopulationWald(successes: item.k, sample: item.n, population: item.N, confidence: item.confidence)
            #expect(Self.close(wald.lower, item.fpcWald[0], relative: 1e-10) && Self.close(wald.upper, item.fpcWald[1], relative: 1e-10),
                    "fpc-wald \(item.k)/\(item.n) of \(item.N)")
        }
    }
}
