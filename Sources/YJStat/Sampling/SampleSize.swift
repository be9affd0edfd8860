/// A sample size for estimating a proportion to a stated precision, by the normal approximation.
///
/// n₀ = z² p(1 − p) / e² for an infinite population; for a population of N cases the chosen
/// ``FinitePopulationCorrection`` gives
/// - `cochran-a`: n = n₀ / (1 + (n₀ − 1)/N), the exact inverse of e = z √(p(1−p)/n · (N−n)/(N−1));
/// - `cochran-b`: n = n₀ / (1 + n₀/N), the inverse of e = z √(p(1−p)/n · (1 − n/N));
/// - `none`: n = n₀;
///
/// then the chosen ``SampleSizeRounding`` makes it whole, and the result is capped at N (only
/// `none` can exceed N). Source: Cochran (1977), *Sampling Techniques*, 3rd ed., §4.4.
/// Valid for confidence, margin and p in (0, 1) and N ≥ 1; the normal approximation is poor
/// for very small samples — compare ``ExactSampleSize``.
///
/// ```swift
/// let size = try SampleSize.compute(target: .inspectorate, population: 100)
/// size.unrounded  // 62.39…
/// size.size       // 63
/// ```
public struct SampleSize: Sendable, Equatable, Codable {
    /// The precision aimed for.
    public let target: PrecisionTarget
    /// The population size N, or `nil` for an infinite population.
    public let population: Int?
    /// The finite population correction used.
    public let correction: FinitePopulationCorrection
    /// The rounding used.
    public let rounding: SampleSizeRounding
    /// The critical value z.
    public let z: Double
    /// n₀ = z² p(1 − p)/e², the infinite-population size.
    public let infinitePopulationSize: Double
    /// The corrected size before rounding.
    public let unrounded: Double
    /// The whole-number sample size.
    public let size: Int
    /// Whether the size was cut down to the population size (only possible without correction).
    public let cappedAtPopulation: Bool
    /// The assumptions and conventions used, in plain words.
    public let assumptions: [String]

    /// The sample size for `target` from `population` cases (`nil`: infinite).
    ///
    /// - Throws: ``InvalidArgumentError`` (`population`) when the population is below 1.
    public static func compute(target: PrecisionTarget, population: Int?,
                               correction: FinitePopulationCorrection = .cochranA,
                               rounding: SampleSizeRounding = .up) throws -> SampleSize {
        if let population, population < 1 {
            throw InvalidArgumentError("population", "must be at least 1, got \(population)")
        }
        let n0 = target.infinitePopulationSize
        let unrounded = correction.correctedSize(infinitePopulationSize: n0, population: population)
        var size = max(1, rounding.round(unrounded))
        var capped = false
        if let population, size > population {
            size = population
            capped = true
        }
        var assumptions = [
            "normal approximation to the sampling distribution of a proportion",
            "simple random sample without replacement",
            "planning proportion p = \(target.proportion)",
            "rounded \(rounding.rawValue); values within \(SampleSizeRounding.tolerance) (relative) of a whole number count as whole",
        ]
        if population == nil {
            assumptions.append("infinite population: no finite population correction")
        } else {
            assumptions.append("finite population correction \(correction.displayName)")
        }
        if capped { assumptions.append("capped at the population size") }
        return SampleSize(target: target, population: population, correction: correction, rounding: rounding,
                          z: target.z, infinitePopulationSize: n0, unrounded: unrounded, size: size,
                          cappedAtPopulation: capped, assumptions: assumptions)
    }

    /// The sample size by every correction form and rounding, forms outermost
    /// (A-up, A-nearest, B-up, B-nearest, none-up, none-nearest).
    public static func allForms(target: PrecisionTarget, population: Int?) throws -> [SampleSize] {
        var results: [SampleSize] = []
        for correction in FinitePopulationCorrection.allCases {
            for rounding in SampleSizeRounding.allCases {
                results.append(try compute(target: target, population: population, correction: correction, rounding: rounding))
            }
        }
        return results
    }
}
