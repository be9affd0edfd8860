import Foundation
import YJStat

/// Tests/YJStatTests/Fixtures/models.json, written by Scripts/oracles/models.py (statsmodels GLM
/// for maximum likelihood; a committed reference implementation of logistf's Firth algorithm;
/// profile limits by brentq on constrained refits).
struct ModelFixture: Decodable {
    struct Pattern: Decodable {
        let levels: [String]
        let outcome: Double
        let denominator: Double
    }

    struct Coefficient: Decodable {
        let name: String
        let estimate: Double
        let standardError: Double
        let profileLower: Double
        let profileUpper: Double
    }

    struct Test: Decodable {
        let term: String
        let statistic: Double
        let degreesOfFreedom: Int
        let pValue: Double
    }

    struct Case: Decodable, CustomStringConvertible {
        let name: String
        let family: String
        let terms: [String]
        let references: [String: String]
        let patterns: [Pattern]
        let coefficients: [Coefficient]
        let deviance: Double?
        let logLikelihood: Double
        let aic: Double?
        let penalizedLogLikelihood: Double?
        let termTests: [Test]
        var description: String { name }

        var covariatePatterns: CovariatePatterns {
            CovariatePatterns(terms: terms, patterns: patterns.map {
                CovariatePattern(levels: $0.levels, outcome: $0.outcome, denominator: $0.denominator)
            })
        }

        func fit(firth: Bool, backend: LinearSystem.Backend = .swift) throws -> FittedModel {
            if family == "binomial" {
                return try LogisticRegression.fit(covariatePatterns, references: references, firth: firth, backend: backend).model
            }
            return try PoissonRegression.fit(covariatePatterns, references: references, firth: firth, backend: backend).model
        }
    }

    let maximumLikelihood: [Case]
    let firth: [Case]

    static let shared: ModelFixture = {
        do { return try loadFixture("models.json", as: ModelFixture.self) } catch { fatalError("models.json: \(error)") }
    }()
}
