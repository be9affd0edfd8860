import Foundation
import Testing
@testable import YJStat
import YJStatSynthetic

/// Properties and bad input of LogisticRegression / PoissonRegression that need no oracle:
/// records-fit equals pattern-fit, reference invariance, and each bad-input case of issue 20.
@Suite("Regression models: properties and bad input")
struct ModelBehaviourTests {
    static func patterns(_ terms: [String], _ rows: [([String], Double, Double)]) -> CovariatePatterns {
        CovariatePatterns(terms: terms, patterns: rows.map { CovariatePattern(levels: $0.0, outcome: $0.1, denominator: $0.2) })
    }

    /// A planted synthetic extract of 30,000 rows (same bytes every run).
    static let plantedExtract = SyntheticExtract(rows: 30_000, seed: 11, plantedEffect: SyntheticPlantedEffect(group: "Black", oddsRatio: 2.5))

    static func recordsAtRisk(_ bytes: [UInt8]) throws -> CovariatePatterns {
        let scanner = StreamingCSVScanner(keyColumns: ["ethnicity", "sex", "stage"],
                                          filters: [ColumnFilter(column: "stage", value: "court"), ColumnFilter(column: "stage", value: "remand")])
        let aggregation = try scanner.aggregate(bytes: bytes, source: "planted.csv")
        return try CovariatePatterns.binomial(aggregation: aggregation, terms: ["ethnicity", "sex"],
                                              outcome: ColumnFilter(column: "stage", value: "remand"))
    }

    @Test func modelFittedFromRecordsEqualsModelFittedFromAggregatedPatterns() throws {
        let bytes = Self.plantedExtract.bytes()
        let streamed = try Self.recordsAtRisk(bytes)
        // Independently: parse every record with the in-memory CSV reader, one pattern per record.
        let table = try CSVReader.parse(data: Data(bytes), source: "planted.csv")
        var perRecord: [CovariatePattern] = []
        for row in table.rows {
            let stage = try row.string("stage")
            guard stage == "court" || stage == "remand" else { continue }
            perRecord.append(CovariatePattern(levels: [try row.string("ethnicity"), try row.string("sex")],
                                              outcome: stage == "remand" ? 1 : 0, denominator: 1))
        }
        let fromRecords = CovariatePatterns(terms: ["ethnicity", "sex"], patterns: perRecord)
        #expect(fromRecords == streamed)
        #expect(streamed.totalDenominator == Double(perRecord.count))
        // Firth, because a few sexes or offences in a sample this small have no remand at all
        // (separation); the log-likelihood identity below holds at any β.
        let fit = try LogisticRegression.fit(streamed, references: ["ethnicity": "White"], firth: true).model
        // The log-likelihood is the sum of the records' Bernoulli log-likelihoods.
        let coefficients = Dictionary(uniqueKeysWithValues: fit.coefficients.map { ($0.name, $0.estimate) })
        var recordLogLikelihood = 0.0
        for record in perRecord {
            var eta = coefficients["(intercept)"]!
            eta += coefficients["ethnicity=\(record.levels[0])"] ?? 0
            eta += coefficients["sex=\(record.levels[1])"] ?? 0
            let p = 1 / (1 + exp(-eta))
            recordLogLikelihood += record.outcome == 1 ? log(p) : log1p(-p)
        }
        #expect(abs(fit.logLikelihood - recordLogLikelihood) <= 1e-9 * abs(recordLogLikelihood))
        #expect(abs(fit.aic - (-2 * recordLogLikelihood + 2 * Double(fit.coefficients.count))) <= 1e-8 * fit.aic)
    }

    @Test func syntheticPlantedEffectIsRecoveredWithinItsInterval() throws {
        let bytes = SyntheticExtract(rows: 120_000, seed: 5, plantedEffect: SyntheticPlantedEffect(group: "Black", oddsRatio: 2.5)).bytes()
        let scanner = StreamingCSVScanner(keyColumns: ["ethnicity", "sex", "age", "offence", "stage"],
                                          filters: [ColumnFilter(column: "stage", value: "court"), ColumnFilter(column: "stage", value: "remand")])
        let patterns = try CovariatePatterns.binomial(aggregation: try scanner.aggregate(bytes: bytes, source: "planted.csv"),
                                                      terms: ["ethnicity", "sex", "age", "offence"],
                                                      outcome: ColumnFilter(column: "stage", value: "remand"))
        // Firth: the rare sex "Unknown" and the rare line-broken offence text have no remands.
        let model = try LogisticRegression.fit(patterns, references: ["ethnicity": "White", "sex": "Male", "age": "15"], firth: true).model
        let black = try #require(model.coefficient(term: "ethnicity", level: "Black"))
        #expect(black.profileInterval.contains(log(2.5)), "\(black.profileInterval.ratio)")
        #expect(black.waldInterval.contains(log(2.5)))
        // Confounding by offence: the crude odds ratio is further from 1 than the adjusted one.
        #expect(try #require(black.crude).estimate > black.estimate)
        let female = try #require(model.coefficient(term: "sex", level: "Female"))
        #expect(female.profileInterval.contains(-SyntheticPlantedEffect.maleEffect))
        let age16 = try #require(model.coefficient(term: "age", level: "16"))
        #expect(age16.profileInterval.contains(SyntheticPlantedEffect.agePerYear))
    }

    @Test func syntheticExtractWithoutPlantedEffectIsUnchanged() throws {
        var planted = SyntheticExtract(rows: 2000, seed: 9)
        let plain = planted.bytes()
        planted.plantedEffect = nil
        #expect(planted.bytes() == plain)
        planted.plantedEffect = SyntheticPlantedEffect(group: "Black", oddsRatio: 1)
        // Same header and row count; only court/remand rows (and some offences) may change.
        let changed = try CSVReader.parse(data: Data(planted.bytes()), source: "planted.csv")
        #expect(changed.rows.count == 2000)
        #expect(changed.header == SyntheticExtract.columns)
        #expect(SyntheticPlantedEffect(parsing: "Black=2.5") == SyntheticPlantedEffect(group: "Black", oddsRatio: 2.5))
        #expect(SyntheticPlantedEffect(parsing: "Purple=2") == nil)
        #expect(SyntheticPlantedEffect(parsing: "Black=-1") == nil)
    }

    @Test("changing the reference level negates the contrast and leaves the fit unchanged",
          arguments: ModelFixture.shared.maximumLikelihood)
    func referenceInvariance(_ expected: ModelFixture.Case) throws {
        let first = expected.terms[0]
        let patterns = expected.covariatePatterns
        let levels = Set(patterns.patterns.map { $0.levels[0] }).sorted()
        var other = expected.references
        other[first] = levels[1]
        let a = try expected.fit(firth: false)
        let b: FittedModel = expected.family == "binomial"
            ? try LogisticRegression.fit(patterns, references: other).model
            : try PoissonRegression.fit(patterns, references: other).model
        let ab = try #require(a.coefficient(term: first, level: levels[1]))
        let ba = try #require(b.coefficient(term: first, level: levels[0]))
        #expect(abs(ab.estimate + ba.estimate) <= 1e-9 * max(1, abs(ab.estimate)))
        #expect(abs(ab.standardError - ba.standardError) <= 1e-9 * ab.standardError)
        #expect(abs(ab.profileInterval.lower + ba.profileInterval.upper) <= 1e-7 * max(1, abs(ab.profileInterval.lower)))
        #expect(abs(a.deviance - b.deviance) <= 1e-8 * max(1, a.deviance))
        #expect(abs(a.test(of: first)!.statistic - b.test(of: first)!.statistic) <= 1e-7 * max(1, a.test(of: first)!.statistic))
    }

    // MARK: Bad input (issue 20's list)

    @Test func outcomeValueThatNeverOccurs() {
        let data = Self.patterns(["f"], [(["a"], 0, 10), (["b"], 0, 12)])
        #expect(throws: ModelError.outcomeNeverOccurs(outcome: "stage=remand", among: "stage=court")) {
            try LogisticRegression.fit(data, outcome: "stage=remand", among: "stage=court")
        }
        #expect(throws: ModelError.outcomeAlwaysOccurs(outcome: "the outcome", among: "the records")) {
            try LogisticRegression.fit(Self.patterns(["f"], [(["a"], 10, 10), (["b"], 12, 12)]))
        }
    }

    @Test func termWithOneLevel() {
        let data = Self.patterns(["f", "sex"], [(["a", "Male"], 3, 10), (["b", "Male"], 5, 12)])
        #expect(throws: ModelError.termHasOneLevel(term: "sex", level: "Male")) { try LogisticRegression.fit(data) }
        #expect(ModelError.termHasOneLevel(term: "sex", level: "Male").description.contains("drop it from `terms`"))
        #expect(ModelError.termHasOneLevel(term: "sex", level: "Male").message.contains(Parameter.terms.mention))
    }

    @Test func referenceLevelAbsent() {
        let data = Self.patterns(["ethnicity"], [(["Black"], 3, 10), (["Asian"], 5, 12)])
        #expect(throws: ModelError.referenceLevelAbsent(term: "ethnicity", reference: "White", levels: ["Asian", "Black"])) {
            try LogisticRegression.fit(data, references: ["ethnicity": "White"])
        }
        #expect(throws: ModelError.referenceForUnknownTerm(term: "age", terms: ["ethnicity"])) {
            try LogisticRegression.fit(data, references: ["age": "15"])
        }
    }

    @Test func perfectlySeparatedDataIsRefusedUnderMaximumLikelihoodAndFittedByFirth() throws {
        // No child of group c has the outcome: its maximum-likelihood odds ratio is 0.
        let data = Self.patterns(["f", "g"], [
            (["a", "x"], 4, 20), (["a", "y"], 7, 25), (["b", "x"], 9, 22), (["b", "y"], 12, 30), (["c", "x"], 0, 15), (["c", "y"], 0, 9),
        ])
        do {
            _ = try LogisticRegression.fit(data, references: ["f": "a"])
            Issue.record("expected separation")
        } catch let ModelError.separation(explanation) {
            #expect(explanation.contains("f=c: no outcome among 24"))
            #expect(explanation.contains(Parameter.firth.mention))
        }
        let firth = try LogisticRegression.fit(data, references: ["f": "a"], firth: true).model
        let c = try #require(firth.coefficient(term: "f", level: "c"))
        #expect(c.estimate.isFinite && c.estimate < -1)
        #expect(c.profileInterval.lower.isFinite && c.profileInterval.upper < 0)
        #expect(firth.convergence.converged)
        #expect(firth.sparseCells.contains { $0.term == "f" && $0.level == "c" && $0.kind == .noOutcome })
    }

    @Test func quasiCompleteSeparationAcrossTwoTermsIsDetected() throws {
        // Every level has both outcomes, but (a, x) never and (b, y) always: the MLE diverges.
        let data = Self.patterns(["f", "g"], [(["a", "x"], 0, 10), (["a", "y"], 5, 10), (["b", "x"], 5, 10), (["b", "y"], 10, 10)])
        #expect {
            try LogisticRegression.fit(data)
        } throws: { error in
            guard case ModelError.separation(let explanation)? = error as? ModelError else { return false }
            return explanation.contains("quasi-complete separation") && explanation.contains(Parameter.firth.mention)
        }
        let firth = try LogisticRegression.fit(data, firth: true).model
        #expect(firth.coefficients.allSatisfy { $0.estimate.isFinite && $0.standardError.isFinite })
    }

    @Test func poissonLevelWithNoEventsIsSeparationAndFirthIsFinite() throws {
        let data = Self.patterns(["f"], [(["a"], 12, 1000), (["b"], 30, 1500), (["c"], 0, 800)])
        #expect(throws: (any Error).self) { try PoissonRegression.fit(data) }
        let firth = try PoissonRegression.fit(data, references: ["f": "a"], firth: true)
        #expect(try #require(firth.model.coefficient(term: "f", level: "c")).estimate.isFinite)
    }

    @Test func confoundedTermsAreReportedAsAliased() {
        let data = Self.patterns(["f", "g"], [(["a", "x"], 3, 10), (["b", "y"], 5, 10), (["c", "y"], 2, 10)])
        #expect(throws: ModelError.aliased(column: "g=y")) { try LogisticRegression.fit(data, references: ["f": "a", "g": "x"]) }
    }

    @Test func poissonRateRatioOfOneTermIsTheRatioOfRates() throws {
        let data = Self.patterns(["f"], [(["a"], 12, 1000), (["b"], 30, 1500)])
        let fit = try PoissonRegression.fit(data, references: ["f": "a"])
        let b = try #require(fit.rateRatios.first)
        #expect(abs(b.ratio - (30.0 / 1500) / (12.0 / 1000)) <= 1e-12)
        #expect(abs(b.standardError - (1 / 30.0 + 1 / 12.0).squareRoot()) <= 1e-12)
        #expect(abs(fit.model.deviance) <= 1e-9)
    }

    @Test func crudeOddsRatioIsTheTwoByTwoOddsRatioWithWoolfInterval() throws {
        let data = Self.patterns(["f", "g"], [(["a", "x"], 4, 20), (["a", "y"], 7, 25), (["b", "x"], 9, 22), (["b", "y"], 12, 30)])
        let model = try LogisticRegression.fit(data, references: ["f": "a"]).model
        let crude = try #require(model.coefficient(term: "f", level: "b")?.crude)
        let (a, b, c, d) = (21.0, 31.0, 11.0, 34.0)   // b: 21 of 52; a: 11 of 45
        #expect(abs(crude.ratio - (a * d) / (b * c)) <= 1e-12)
        #expect(abs(crude.standardError - (1 / a + 1 / b + 1 / c + 1 / d).squareRoot()) <= 1e-12)
    }

    @Test func choleskyFactorizationAgreesWithLinearSystem() throws {
        let a = try Matrix([[4, 2, 0.6], [2, 5, 1.5], [0.6, 1.5, 3]])
        let factor = try CholeskyFactorization(a, backend: .swift)
        let x = try factor.solve([1, 2, 3])
        let y = try LinearSystem.solveSymmetricPositiveDefinite(a, [1, 2, 3], backend: .swift)
        for (u, v) in zip(x, y) { #expect(abs(u - v) <= 1e-15 * max(1, abs(v))) }
        #expect(try factor.inverse() == LinearSystem.inverseSymmetricPositiveDefinite(a, backend: .swift))
        // det = 4(15 − 2.25) − 2(6 − 0.9) + 0.6(3 − 3) = 40.8
        #expect(abs(factor.logDeterminant - log(40.8)) <= 1e-14)
        for backend in LinearSystem.Backend.available {
            #expect(abs(try CholeskyFactorization(a, backend: backend).logDeterminant - log(40.8)) <= 1e-14)
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinorOrder: 2)) {
            try CholeskyFactorization(try Matrix([[1, 2], [2, 1]]), backend: .swift)
        }
    }
}
