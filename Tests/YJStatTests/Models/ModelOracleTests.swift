import Foundation
import Testing
import YJStat

/// Logistic and Poisson regression against statsmodels GLM and the Firth reference
/// implementation (Scripts/oracles/models.py): coefficients and standard errors to 1e-8
/// relative, profile-likelihood limits to 1e-6 relative, deviance, log-likelihood, AIC and
/// likelihood-ratio statistics to 1e-8.
@Suite("Regression models against statsmodels and the Firth reference")
struct ModelOracleTests {
    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    /// Relative error with an absolute floor of `floor` for values near zero.
    static func close(_ a: Double, _ b: Double, _ tolerance: Double, floor: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(abs(b), floor / tolerance)
    }

    static func check(_ model: FittedModel, against expected: ModelFixture.Case) {
        #expect(model.coefficients.map(\.name) == expected.coefficients.map(\.name), "\(expected.name)")
        for (got, want) in zip(model.coefficients, expected.coefficients) {
            #expect(close(got.estimate, want.estimate, 1e-8, floor: 1e-10), "\(expected.name) \(want.name) estimate \(got.estimate) vs \(want.estimate)")
            #expect(close(got.standardError, want.standardError, 1e-8), "\(expected.name) \(want.name) SE \(got.standardError) vs \(want.standardError)")
            #expect(close(got.profileInterval.lower, want.profileLower, 1e-6, floor: 1e-8), "\(expected.name) \(want.name) profile lower \(got.profileInterval.lower) vs \(want.profileLower)")
            #expect(close(got.profileInterval.upper, want.profileUpper, 1e-6, floor: 1e-8), "\(expected.name) \(want.name) profile upper \(got.profileInterval.upper) vs \(want.profileUpper)")
        }
        #expect(close(model.logLikelihood, expected.logLikelihood, 1e-10), "\(expected.name) logLik")
        if let deviance = expected.deviance { #expect(close(model.deviance, deviance, 1e-8, floor: 1e-9), "\(expected.name) deviance \(model.deviance) vs \(deviance)") }
        if let aic = expected.aic { #expect(close(model.aic, aic, 1e-10), "\(expected.name) AIC") }
        if let penalized = expected.penalizedLogLikelihood, let got = model.penalizedLogLikelihood {
            #expect(close(got, penalized, 1e-10), "\(expected.name) penalised logLik")
        }
        for want in expected.termTests {
            guard let got = model.test(of: want.term) else { Issue.record("\(expected.name): no test of \(want.term)"); continue }
            #expect(got.degreesOfFreedom == want.degreesOfFreedom)
            #expect(close(got.statistic, want.statistic, 1e-7, floor: 1e-8), "\(expected.name) LR \(want.term) \(got.statistic) vs \(want.statistic)")
            #expect(close(got.pValue, want.pValue, 1e-6, floor: 1e-12), "\(expected.name) LR p \(want.term)")
        }
        #expect(model.convergence.converged)
    }

    @Test("maximum likelihood matches statsmodels GLM on random designs with 2-6 factors",
          arguments: ModelFixture.shared.maximumLikelihood)
    func maximumLikelihood(_ expected: ModelFixture.Case) throws {
        let model = try expected.fit(firth: false)
        #expect(model.method == .maximumLikelihood)
        Self.check(model, against: expected)
    }

    @Test("Firth matches the reference implementation, including near and complete separation",
          arguments: ModelFixture.shared.firth)
    func firth(_ expected: ModelFixture.Case) throws {
        let model = try expected.fit(firth: true)
        #expect(model.method == .firth)
        Self.check(model, against: expected)
    }

    @Test("pure Swift and LAPACKE give the same fits to 1e-10", arguments: ModelFixture.shared.maximumLikelihood + ModelFixture.shared.firth)
    func backendsAgree(_ expected: ModelFixture.Case) throws {
        guard LinearSystem.Backend.lapacke.isAvailable else {
            #expect(throws: LinearAlgebraError.backendUnavailable(.lapacke)) {
                _ = try expected.fit(firth: expected.penalizedLogLikelihood != nil, backend: .lapacke)
            }
            return
        }
        let firth = expected.penalizedLogLikelihood != nil
        let swift = try expected.fit(firth: firth, backend: .swift)
        let lapacke = try expected.fit(firth: firth, backend: .lapacke)
        #expect(lapacke.backend == .lapacke)
        for (a, b) in zip(swift.coefficients, lapacke.coefficients) {
            #expect(Self.close(b.estimate, a.estimate, 1e-10, floor: 1e-10), "\(a.name)")
            #expect(Self.close(b.standardError, a.standardError, 1e-10), "\(a.name)")
            #expect(Self.close(b.profileInterval.lower, a.profileInterval.lower, 1e-10, floor: 1e-10), "\(a.name)")
            #expect(Self.close(b.profileInterval.upper, a.profileInterval.upper, 1e-10, floor: 1e-10), "\(a.name)")
        }
        #expect(Self.close(lapacke.deviance, swift.deviance, 1e-10, floor: 1e-10))
    }
}
