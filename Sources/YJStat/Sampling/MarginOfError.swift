/// The margin of error a sample of n cases achieves: the half-width of the normal-approximation
/// confidence interval for a proportion at the planning proportion p.
///
/// e = z √(p(1 − p)/n · f), with f the variance factor of the chosen
/// ``FinitePopulationCorrection``: (N − n)/(N − 1) for `cochran-a`, 1 − n/N for `cochran-b`,
/// 1 for `none` or an infinite population. Source: Cochran (1977), *Sampling Techniques*,
/// 3rd ed., §3.3. Each form is the exact inverse of the same-named sample-size formula in
/// ``SampleSize``. Valid for 1 ≤ n ≤ N; the margin is 0 when the whole population is sampled
/// under either correction.
public struct MarginOfError: Sendable, Equatable, Codable {
    /// The sample size n.
    public let sample: Int
    /// The population size N, or `nil` for an infinite population.
    public let population: Int?
    /// Two-sided confidence level.
    public let confidence: Double
    /// Planning proportion p.
    public let proportion: Double
    /// The correction form used.
    public let correction: FinitePopulationCorrection
    /// The critical value z.
    public let z: Double
    /// The variance factor f applied.
    public let varianceFactor: Double
    /// The margin e as a proportion (0.05 = five percentage points).
    public let margin: Double

    /// The margin of error for a sample of `sample` cases from `population` (`nil`: infinite).
    ///
    /// - Throws: ``InvalidArgumentError`` for a sample below 1 (`sample`), a population below 1
    ///   or below the sample (`population`), or a confidence or proportion outside (0, 1).
    public static func compute(sample: Int, population: Int?, confidence: Double = 0.8, proportion: Double = 0.5,
                               correction: FinitePopulationCorrection = .cochranA) throws -> MarginOfError {
        try InvalidArgumentError.checkConfidence(confidence)
        guard proportion > 0, proportion < 1 else {
            throw InvalidArgumentError("proportion", "must be strictly between 0 and 1, got \(proportion)")
        }
        guard sample >= 1 else { throw InvalidArgumentError("sample", "must be at least 1, got \(sample)") }
        if let population {
            guard population >= 1 else { throw InvalidArgumentError("population", "must be at least 1, got \(population)") }
            guard sample <= population else {
                throw InvalidArgumentError("sample", "\(sample) is more than the population of \(population)")
            }
        }
        let z = Normal.twoSidedCriticalValue(confidence: confidence)
        let factor = correction.varianceFactor(sample: sample, population: population)
        let margin = z * (proportion * (1 - proportion) / Double(sample) * factor).squareRoot()
        return MarginOfError(sample: sample, population: population, confidence: confidence, proportion: proportion,
                             correction: correction, z: z, varianceFactor: factor, margin: margin)
    }
}
