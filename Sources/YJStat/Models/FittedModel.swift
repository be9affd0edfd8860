import Foundation

/// A fitted main-effects GLM on categorical terms: everything ``LogisticRegression`` and
/// ``PoissonRegression`` report, as values.
///
/// Statistics (McCullagh & Nelder 1989, ch. 4 and 6):
/// - ``deviance`` = Σᵢ unit deviances of the patterns (grouped data), with
///   ``residualDegreesOfFreedom`` = patterns − p. For binomial data the grouped deviance is the
///   goodness-of-fit statistic; it differs from the deviance of a fit to the individual records
///   (which is −2ℓ) by a constant, so deviance *differences* agree.
/// - ``logLikelihood``: binomial Σ yᵢ log pᵢ + (nᵢ − yᵢ) log(1 − pᵢ), equal to the
///   log-likelihood of the record-level fit; Poisson Σ yᵢ log μᵢ − μᵢ − log yᵢ!.
/// - ``aic`` = −2ℓ + 2p, as R's `glm` on the individual records (binomial) or counts (Poisson).
///   With Firth, ℓ is the unpenalised log-likelihood at the penalised estimate.
public struct FittedModel: Sendable, Equatable, Codable {
    /// The family and link.
    public let family: GLMFamily
    /// How the coefficients were estimated.
    public let method: EstimationMethod
    /// Which linear-algebra backend solved the normal equations.
    public let backend: LinearSystem.Backend
    /// The confidence level of every interval, e.g. 0.95.
    public let confidenceLevel: Double
    /// The coding of each term.
    public let codings: [TreatmentCoding]
    /// The intercept, then every contrast level in design order.
    public let coefficients: [RegressionCoefficient]
    /// The covariance matrix I(β̂)⁻¹ of the coefficients, in the same order.
    public let covariance: Matrix
    /// A likelihood-ratio test of each term as a whole.
    public let termTests: [TermTest]
    /// Grouped deviance.
    public let deviance: Double
    /// Patterns − p.
    public let residualDegreesOfFreedom: Int
    /// ℓ at β̂ (unpenalised).
    public let logLikelihood: Double
    /// ℓ + ½ log det I(β̂) with Firth; `nil` for maximum likelihood.
    public let penalizedLogLikelihood: Double?
    /// −2ℓ + 2p.
    public let aic: Double
    /// Number of distinct covariate patterns the model was fitted to.
    public let patternCount: Int
    /// Total outcome (events or counts).
    public let totalOutcome: Double
    /// Total denominator (records at risk, or exposure).
    public let totalDenominator: Double
    /// Patterns with no outcome (normal for case-level data; harmful only when a whole level
    /// is empty, see ``sparseCells``).
    public let patternsWithoutOutcome: Int
    /// Levels that are empty, full or sparse in the outcome.
    public let sparseCells: [SparseCell]
    /// How the main fit converged.
    public let convergence: ConvergenceRecord

    /// The coefficients of contrast levels (every one but the intercept).
    public var contrasts: [RegressionCoefficient] { Array(coefficients.dropFirst()) }

    /// The coefficient named `term=level`.
    public func coefficient(term: String, level: String) -> RegressionCoefficient? {
        coefficients.first { $0.term == term && $0.level == level }
    }

    /// The test of `term` as a whole.
    public func test(of term: String) -> TermTest? { termTests.first { $0.term == term } }
}

/// The fitting procedure shared by ``LogisticRegression`` and ``PoissonRegression``.
enum ModelFitting {
    static let tolerance = 1e-10

    static func fit(_ patterns: CovariatePatterns, family: GLMFamily, references: [String: String], firth: Bool,
                    confidenceLevel: Double, backend: LinearSystem.Backend,
                    outcomeLabel: String, amongLabel: String) throws -> FittedModel {
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw ModelError.invalidTerms("the confidence level must be between 0 and 1; got \(confidenceLevel)")
        }
        if let unknown = references.keys.sorted().first(where: { !patterns.terms.contains($0) }) {
            throw ModelError.referenceForUnknownTerm(term: unknown, terms: patterns.terms)
        }
        if let repeated = patterns.terms.first(where: { t in patterns.terms.filter { $0 == t }.count > 1 }) {
            throw ModelError.invalidTerms("term '\(repeated)' is listed more than once")
        }
        let used = CovariatePatterns(terms: patterns.terms, patterns: patterns.patterns.filter { $0.denominator > 0 })
        guard !used.patterns.isEmpty else { throw ModelError.noData("no records selected among \(amongLabel)") }
        let totalOutcome = used.totalOutcome, totalDenominator = used.totalDenominator
        if totalOutcome == 0 { throw ModelError.outcomeNeverOccurs(outcome: outcomeLabel, among: amongLabel) }
        if family == .binomial, totalOutcome == totalDenominator {
            throw ModelError.outcomeAlwaysOccurs(outcome: outcomeLabel, among: amongLabel)
        }
        let codings = try used.terms.indices.map { index in
            try TreatmentCoding(term: used.terms[index], observedLevels: used.weightByLevel(ofTerm: index),
                                reference: references[used.terms[index]])
        }
        let cells = sparseCells(used, family: family)
        let separated = cells.filter { $0.kind != .sparse }
        if !firth, !separated.isEmpty {
            throw ModelError.separation(explanation: """
                the maximum-likelihood estimate does not exist (separation): \
                \(separated.map(\.explanation).joined(separator: "; ")). \
                Refit with \(Parameter.firth.mention) (penalised likelihood gives finite estimates and intervals), \
                or merge or drop the level
                """)
        }
        let design = DesignMatrix(patterns: used, codings: codings)
        let estimator = IRLSEstimator(design: design, patterns: used, family: family, firth: firth, backend: backend)
        // Aliasing shows at the start, where every weight is positive; a singular information
        // matrix later in the iterations means fitted probabilities collapsing to 0 or 1.
        _ = try estimator.evaluate(estimator.initialBeta())
        let full: IRLSEstimator.Fit
        do {
            full = try estimator.fit()
        } catch ModelError.aliased(let column) where !firth {
            if let explanation = boundaryExplanation(estimator: estimator, patterns: used) { throw ModelError.separation(explanation: explanation) }
            throw ModelError.aliased(column: column)
        }
        if !firth, let explanation = separationExplanation(full, estimator: estimator, patterns: used) {
            throw ModelError.separation(explanation: explanation)
        }
        guard full.converged else { throw ModelError.notConverged(iterations: full.iterations, change: full.lastStep) }
        let evaluation = full.evaluation
        let covariance = try evaluation.factor.inverse()
        let p = design.columnCount
        let z = Normal.twoSidedCriticalValue(confidence: confidenceLevel)
        let crude = try crudeEstimates(used, codings: codings, family: family, firth: firth, backend: backend, z: z)
        let profiler = ProfileLikelihood(estimator: estimator, fit: evaluation, criticalValue: z)
        var coefficients: [RegressionCoefficient] = []
        for j in 0..<p {
            let se = covariance[j, j].squareRoot()
            let beta = evaluation.beta[j]
            let termIndex = design.columnTerms[j]
            let coding = termIndex.map { codings[$0] }
            let name = design.columnNames[j]
            let level = coding.map { String(name.dropFirst($0.term.count + 1)) }
            coefficients.append(RegressionCoefficient(
                name: name, term: coding?.term, level: level, reference: coding?.reference,
                estimate: beta, standardError: se, zStatistic: beta / se, pValue: 2 * Normal.sf(abs(beta / se)),
                waldInterval: LogScaleInterval(lower: beta - z * se, upper: beta + z * se),
                profileInterval: try profiler.interval(coefficient: j, standardError: se),
                crude: crude[name]))
        }
        var tests: [TermTest] = []
        for (index, coding) in codings.enumerated() {
            let columns = design.columns(ofTerm: index)
            var start = evaluation.beta
            for c in columns { start[c] = 0 }
            let reduced = try estimator.fit(start: start, fixed: Dictionary(uniqueKeysWithValues: columns.map { ($0, 0.0) }))
            let g = max(0, 2 * (evaluation.objective - reduced.evaluation.objective))
            tests.append(TermTest(term: coding.term, statistic: g, degreesOfFreedom: columns.count,
                                  pValue: ChiSquared(degreesOfFreedom: Double(columns.count)).sf(g),
                                  method: firth ? "penalised likelihood ratio" : "likelihood ratio"))
        }
        var deviance = 0.0
        for (i, pattern) in used.patterns.enumerated() {
            deviance += family.deviance(outcome: pattern.outcome, denominator: pattern.denominator, mean: evaluation.means[i])
        }
        return FittedModel(
            family: family, method: firth ? .firth : .maximumLikelihood, backend: backend,
            confidenceLevel: confidenceLevel, codings: codings, coefficients: coefficients, covariance: covariance,
            termTests: tests, deviance: deviance, residualDegreesOfFreedom: used.patterns.count - p,
            logLikelihood: evaluation.logLikelihood, penalizedLogLikelihood: firth ? evaluation.objective : nil,
            aic: -2 * evaluation.logLikelihood + 2 * Double(p), patternCount: used.patterns.count,
            totalOutcome: totalOutcome, totalDenominator: totalDenominator,
            patternsWithoutOutcome: used.patterns.filter { $0.outcome == 0 }.count,
            sparseCells: cells,
            convergence: ConvergenceRecord(iterations: full.iterations, converged: full.converged, tolerance: tolerance,
                                           lastStep: full.lastStep, stepHalvings: full.stepHalvings,
                                           objectiveHistory: full.objectiveHistory))
    }

    /// Levels with no outcome, all outcome (binomial), or fewer than 5 of either.
    static func sparseCells(_ patterns: CovariatePatterns, family: GLMFamily) -> [SparseCell] {
        var cells: [SparseCell] = []
        for (index, term) in patterns.terms.enumerated() {
            var totals: [String: (Double, Double)] = [:]
            for pattern in patterns.patterns {
                let old = totals[pattern.levels[index]] ?? (0, 0)
                totals[pattern.levels[index]] = (old.0 + pattern.outcome, old.1 + pattern.denominator)
            }
            for level in totals.keys.sorted() {
                let (y, n) = totals[level]!
                let kind: SparseCell.Kind?
                if y == 0 { kind = .noOutcome }
                else if family == .binomial, y == n { kind = .allOutcome }
                else if y < 5 || (family == .binomial && n - y < 5) { kind = .sparse }
                else { kind = nil }
                if let kind { cells.append(SparseCell(term: term, level: level, outcome: y, denominator: n, kind: kind)) }
            }
        }
        return cells
    }

    /// Quasi-complete separation found by the fit: no convergence, or fitted probabilities of
    /// 0 or 1 to within 1e-10 in patterns where the outcome is not certain.
    static func separationExplanation(_ fit: IRLSEstimator.Fit, estimator: IRLSEstimator, patterns: CovariatePatterns) -> String? {
        let boundary = boundaryPatterns(fit.evaluation, patterns: patterns, family: estimator.family)
        if !boundary.isEmpty || !fit.converged {
            let shown = boundary.prefix(5).map { describe($0, patterns) }.joined(separator: "; ")
            return """
                the maximum-likelihood estimate does not exist (quasi-complete separation): a combination of \
                levels predicts the outcome perfectly, so some coefficients grow without bound\
                \(shown.isEmpty ? "" : " (fitted as certain: \(shown)\(boundary.count > 5 ? "; …" : ""))"). \
                Refit with \(Parameter.firth.mention) (penalised likelihood gives finite estimates and intervals), or merge levels
                """
        }
        return nil
    }

    static func boundaryExplanation(estimator: IRLSEstimator, patterns: CovariatePatterns) -> String? {
        """
            the maximum-likelihood estimate does not exist (quasi-complete separation): a combination of \
            levels predicts the outcome perfectly and the information matrix becomes singular. \
            Refit with \(Parameter.firth.mention) (penalised likelihood gives finite estimates and intervals), or merge levels
            """
    }

    private static func boundaryPatterns(_ evaluation: IRLSEstimator.Evaluation, patterns: CovariatePatterns, family: GLMFamily) -> [Int] {
        guard family == .binomial else { return evaluation.means.enumerated().filter { $0.element < 1e-10 * patterns.patterns[$0.offset].denominator && patterns.patterns[$0.offset].outcome == 0 }.map(\.offset) }
        return evaluation.means.indices.filter { i in
            let p = evaluation.means[i] / patterns.patterns[i].denominator
            return p < 1e-10 || p > 1 - 1e-10
        }
    }

    private static func describe(_ index: Int, _ patterns: CovariatePatterns) -> String {
        let pattern = patterns.patterns[index]
        let levels = zip(patterns.terms, pattern.levels).map { "\($0)=\($1)" }.joined(separator: ",")
        return "\(levels): \(SparseCell.format(pattern.outcome)) of \(SparseCell.format(pattern.denominator))"
    }

    /// Crude estimates: each term alone, same family and method.
    private static func crudeEstimates(_ patterns: CovariatePatterns, codings: [TreatmentCoding], family: GLMFamily,
                                       firth: Bool, backend: LinearSystem.Backend, z: Double) throws -> [String: CrudeEstimate] {
        var result: [String: CrudeEstimate] = [:]
        for coding in codings {
            let single = patterns.collapsed(onto: [coding.term])
            let design = DesignMatrix(patterns: single, codings: [coding])
            let estimator = IRLSEstimator(design: design, patterns: single, family: family, firth: firth, backend: backend)
            let fit = try estimator.fit()
            let covariance = try fit.evaluation.factor.inverse()
            for j in 1..<design.columnCount {
                let se = covariance[j, j].squareRoot(), beta = fit.evaluation.beta[j]
                result[design.columnNames[j]] = CrudeEstimate(
                    estimate: beta, standardError: se, waldInterval: LogScaleInterval(lower: beta - z * se, upper: beta + z * se))
            }
        }
        return result
    }
}
