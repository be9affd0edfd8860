import Foundation
import Testing
@testable import YJStat

/// Compares every function of the numerical core with the mpmath reference values in
/// `Fixtures/numerics.json`.
///
/// Tolerance: relative error 1e-13 (absolute where the reference is exactly 0) for every
/// function, 10 and 1000 times tighter than the 1e-12 (probabilities) and 1e-10 (quantiles)
/// required of the numerical core, and about 8 times the worst error measured (1.2e-14, the
/// incomplete beta function at a = 50, b = ½; everything else is below 5e-15). The oracle is
/// accurate to far better than 1e-40, so the bound measures only our error. Set
/// `YJSTAT_PRINT_ACCURACY=1` to print the worst case of every table.
@Suite("Numerics against mpmath")
struct NumericsOracleTests {
    typealias Evaluator = @Sendable ([Double]) -> Double

    static let probabilityTolerance = 1e-13
    static let quantileTolerance = 1e-13

    /// The function under test for each fixture table, and its tolerance.
    static let evaluators: [String: (tolerance: Double, evaluate: Evaluator)] = [
        "normal_cdf": (probabilityTolerance, { Normal.cdf($0[0]) }),
        "normal_sf": (probabilityTolerance, { Normal.sf($0[0]) }),
        "normal_logcdf": (probabilityTolerance, { Normal.logCDF($0[0]) }),
        "normal_quantile": (quantileTolerance, { Normal.quantile($0[0]) }),
        "normal_two_sided_critical": (quantileTolerance, { Normal.twoSidedCriticalValue(confidence: $0[0]) }),
        "log_gamma": (probabilityTolerance, { SpecialFunctions.logGamma($0[0]) }),
        "log_beta": (probabilityTolerance, { SpecialFunctions.logBeta($0[0], $0[1]) }),
        "beta_lower": (probabilityTolerance, {
            SpecialFunctions.regularizedIncompleteBeta(a: $0[0], b: $0[1], x: $0[2])
        }),
        "beta_upper": (probabilityTolerance, {
            SpecialFunctions.complementedRegularizedIncompleteBeta(a: $0[0], b: $0[1], x: $0[2])
        }),
        "beta_inverse": (quantileTolerance, {
            SpecialFunctions.inverseRegularizedIncompleteBeta(a: $0[0], b: $0[1], p: $0[2])
        }),
        "beta_inverse_complement": (quantileTolerance, {
            SpecialFunctions.inverseComplementedRegularizedIncompleteBeta(a: $0[0], b: $0[1], q: $0[2])
        }),
        "gamma_p": (probabilityTolerance, { SpecialFunctions.regularizedGammaP(a: $0[0], x: $0[1]) }),
        "gamma_q": (probabilityTolerance, { SpecialFunctions.regularizedGammaQ(a: $0[0], x: $0[1]) }),
        "gamma_inverse_p": (quantileTolerance, {
            SpecialFunctions.inverseRegularizedGammaP(a: $0[0], p: $0[1])
        }),
        "gamma_inverse_q": (quantileTolerance, {
            SpecialFunctions.inverseRegularizedGammaQ(a: $0[0], q: $0[1])
        }),
        "chi_squared_quantile": (quantileTolerance, {
            ChiSquared(degreesOfFreedom: $0[0]).quantile($0[1])
        }),
        "chi_squared_complementary_quantile": (quantileTolerance, {
            ChiSquared(degreesOfFreedom: $0[0]).complementaryQuantile($0[1])
        }),
        "binomial_pmf": (probabilityTolerance, { binomial($0).pmf(Int($0[2])) }),
        "binomial_cdf": (probabilityTolerance, { binomial($0).cdf(Int($0[2])) }),
        "binomial_sf": (probabilityTolerance, { binomial($0).sf(Int($0[2])) }),
        "binomial_logsf": (probabilityTolerance, { binomial($0).logSF(Int($0[2])) }),
        "hypergeometric_pmf": (probabilityTolerance, { hypergeometric($0).pmf(Int($0[3])) }),
        "hypergeometric_cdf": (probabilityTolerance, { hypergeometric($0).cdf(Int($0[3])) }),
        "hypergeometric_sf": (probabilityTolerance, { hypergeometric($0).sf(Int($0[3])) }),
        "poisson_pmf": (probabilityTolerance, { Poisson(mean: $0[0]).pmf(Int($0[1])) }),
        "poisson_cdf": (probabilityTolerance, { Poisson(mean: $0[0]).cdf(Int($0[1])) }),
        "poisson_sf": (probabilityTolerance, { Poisson(mean: $0[0]).sf(Int($0[1])) }),
    ]

    static func binomial(_ row: [Double]) -> Binomial {
        Binomial(trials: Int(row[0]), probability: row[1])
    }

    static func hypergeometric(_ row: [Double]) -> Hypergeometric {
        Hypergeometric(population: Int(row[0]), successes: Int(row[1]), draws: Int(row[2]))
    }

    @Test("fixture tables and evaluators match one to one")
    func everyTableIsTested() throws {
        let fixture = try NumericsFixture.shared.get()
        #expect(Set(fixture.tables.keys) == Set(Self.evaluators.keys))
        for (name, table) in fixture.tables {
            #expect(table.rows.count >= 10, "table \(name) has only \(table.rows.count) rows")
        }
    }

    @Test("agreement with mpmath", arguments: evaluators.keys.sorted())
    func table(_ name: String) throws {
        let fixture = try NumericsFixture.shared.get()
        let table = try #require(fixture.tables[name], "fixture has no table \(name)")
        let evaluator = try #require(Self.evaluators[name])
        var worst = WorstError()
        for row in table.rows {
            let inputs = Array(row.dropLast())
            let expected = row[row.count - 1]
            let actual = evaluator.evaluate(inputs)
            worst.record(actual, expected, at: "\(name)\(inputs)")
        }
        if ProcessInfo.processInfo.environment["YJSTAT_PRINT_ACCURACY"] == "1" {
            print("ACCURACY \(name): \(worst.summary)")
        }
        #expect(worst.count == table.rows.count)
        #expect(worst.value <= evaluator.tolerance, "\(name): \(worst.summary)")
    }
}
