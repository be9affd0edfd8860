/// A log-linear Poisson regression with an exposure offset, fitted to a counts table, e.g. the
/// rate of first-time entrants per child in the population by ethnicity, adjusted for sex and
/// age band.
///
/// Model: log μᵢ = log Eᵢ + β₀ + Σ_terms β_term,level(i), treatment-coded, so exp(β) of a level
/// is its **adjusted rate ratio** against the reference. Same machinery, intervals, tests and
/// Firth option as ``LogisticRegression`` (Firth's adjustment for the log link adds ½ hᵢ to each
/// count's residual). A level with no events at all is refused under maximum likelihood (its
/// rate ratio would be 0).
public struct PoissonRegression: Sendable, Equatable, Codable {
    /// The fitted model.
    public let model: FittedModel
    /// What is counted, for reports.
    public let outcome: String
    /// The exposure, for reports.
    public let exposure: String

    /// The adjusted rate ratios (every coefficient but the intercept).
    public var rateRatios: [RegressionCoefficient] { model.contrasts }

    /// Fits the model to count patterns (outcome = count, denominator = exposure > 0).
    ///
    /// - Throws: ``ModelError`` as for ``LogisticRegression/fit(_:references:firth:confidenceLevel:backend:outcome:among:)``.
    public static func fit(_ patterns: CovariatePatterns, references: [String: String] = [:], firth: Bool = false,
                           confidenceLevel: Double = 0.95, backend: LinearSystem.Backend = LinearSystem.backend,
                           outcome: String = "the count", exposure: String = "the exposure") throws -> PoissonRegression {
        if let bad = patterns.patterns.first(where: { !($0.outcome >= 0) || !($0.denominator > 0) || !$0.denominator.isFinite }) {
            throw ModelError.invalidTerms("a Poisson pattern needs a count ≥ 0 and an exposure > 0; pattern \(bad.levels.joined(separator: ",")) has \(bad.outcome) and \(bad.denominator)")
        }
        let model = try ModelFitting.fit(patterns, family: .poisson, references: references, firth: firth,
                                         confidenceLevel: confidenceLevel, backend: backend,
                                         outcomeLabel: outcome, amongLabel: "the counts table")
        return PoissonRegression(model: model, outcome: outcome, exposure: exposure)
    }
}
