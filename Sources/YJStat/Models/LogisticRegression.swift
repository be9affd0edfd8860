/// A logistic regression (binomial GLM with logit link) fitted to covariate patterns, e.g. the
/// odds of remand among children charged, by ethnicity, adjusted for sex, age and offence.
///
/// Model: log(pᵢ / (1 − pᵢ)) = β₀ + Σ_terms β_term,level(i), treatment-coded against each term's
/// reference, so exp(β) of a level is its **adjusted odds ratio**. Fitted by IRLS (maximum
/// likelihood) or, with `firth: true`, by Firth's penalised likelihood, which stays finite under
/// separation (Heinze & Schemper 2002, *Statistics in Medicine* 21:2409–2419). Each coefficient
/// carries Wald and profile-likelihood intervals and the crude odds ratio; each term a
/// likelihood-ratio test (see ``FittedModel``).
///
/// Maximum likelihood is refused (``ModelError/separation(explanation:)``) when a level has no
/// outcome or only outcomes, or the fit drives some fitted probabilities to 0 or 1: the estimate
/// would be infinite. The cells are named and `firth: true` is the documented remedy.
public struct LogisticRegression: Sendable, Equatable, Codable {
    /// The fitted model.
    public let model: FittedModel
    /// What the outcome is (`stage=remand`), for reports.
    public let outcome: String
    /// Which records are at risk (`stage=court|remand`), for reports.
    public let among: String

    /// The adjusted odds ratios (every coefficient but the intercept).
    public var oddsRatios: [RegressionCoefficient] { model.contrasts }

    /// Fits the model.
    ///
    /// - Parameters:
    ///   - patterns: Binomial patterns (outcome = events, denominator = trials).
    ///   - references: Reference level by term name; terms not named use their most frequent
    ///     level.
    ///   - firth: Use Firth's penalised likelihood.
    ///   - confidenceLevel: For every interval, in (0, 1).
    ///   - backend: The linear-algebra backend.
    ///   - outcome: A label of the outcome for messages.
    ///   - among: A label of the records at risk for messages.
    /// - Throws: ``ModelError`` (no or only outcomes, a one-level term, an absent reference,
    ///   separation without Firth, aliased terms, no convergence).
    public static func fit(_ patterns: CovariatePatterns, references: [String: String] = [:], firth: Bool = false,
                           confidenceLevel: Double = 0.95, backend: LinearSystem.Backend = LinearSystem.backend,
                           outcome: String = "the outcome", among: String = "the records") throws -> LogisticRegression {
        if let bad = patterns.patterns.first(where: { !($0.outcome >= 0 && $0.outcome <= $0.denominator) }) {
            throw ModelError.invalidTerms("a binomial pattern needs 0 ≤ events ≤ trials; pattern \(bad.levels.joined(separator: ",")) has \(bad.outcome) of \(bad.denominator)")
        }
        let model = try ModelFitting.fit(patterns, family: .binomial, references: references, firth: firth,
                                         confidenceLevel: confidenceLevel, backend: backend,
                                         outcomeLabel: outcome, amongLabel: among)
        return LogisticRegression(model: model, outcome: outcome, among: among)
    }
}
