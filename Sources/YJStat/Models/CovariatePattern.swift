/// One covariate pattern: a combination of term levels with its aggregated response. Records
/// that share a pattern contribute identically to a GLM's likelihood, so a model fitted to the
/// patterns equals the model fitted to the records (McCullagh & Nelder, *Generalized Linear
/// Models*, 2nd ed. (1989), §4.4), at a cost that does not grow with the number of records.
public struct CovariatePattern: Sendable, Equatable, Hashable, Codable {
    /// The level of each term, in the order of ``CovariatePatterns/terms``.
    public var levels: [String]
    /// Binomial: the number of records with the outcome (events). Poisson: the count.
    public var outcome: Double
    /// Binomial: the number of records at risk (trials, ≥ `outcome`). Poisson: the exposure
    /// (e.g. population), > 0; the model uses log(exposure) as offset.
    public var denominator: Double

    /// Creates a pattern.
    public init(levels: [String], outcome: Double, denominator: Double) {
        self.levels = levels
        self.outcome = outcome
        self.denominator = denominator
    }
}
