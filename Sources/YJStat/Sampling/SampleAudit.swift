/// An audit of a published sample: does n cases from N support the stated precision?
///
/// Reports the margin n achieves under every correction form (``MarginOfError``), whether the
/// chosen form meets the target margin, the size each form and rounding would have produced for
/// N (``SampleSize``), the range of eligible-population sizes for which each rule gives exactly n
/// (``ImpliedPopulationRange``), and, for a finite population, the exact hypergeometric
/// coverage P(|X/n − K/N| ≤ e) at K = ⌊pN⌋ (``ExactSampleSize/coverage(sample:population:successes:proportion:margin:)``).
public struct SampleAudit: Sendable, Equatable, Codable {
    /// The published sample size n.
    public let sample: Int
    /// The eligible population N, or `nil` when not known (treated as infinite).
    public let population: Int?
    /// The stated precision.
    public let target: PrecisionTarget
    /// The correction form the verdict uses.
    public let correction: FinitePopulationCorrection
    /// The rounding used for the rule sizes the verdict quotes.
    public let rounding: SampleSizeRounding
    /// Achieved margin under every correction form, in ``FinitePopulationCorrection/allCases`` order.
    public let margins: [MarginOfError]
    /// Whether the margin under ``correction`` is within the target (relative slack ``SampleSizeRounding/tolerance``).
    public let meetsTarget: Bool
    /// What every form × rounding would have required for N (empty when N is unknown).
    public let ruleSizes: [SampleSize]
    /// For every form × rounding, the population sizes for which the rule gives exactly n.
    public let impliedPopulations: [ImpliedPopulationRange]
    /// The exact probability that the sample proportion lies within the margin, for a finite N.
    public let exactCoverage: Double?

    /// The achieved margin under the chosen correction form.
    public var achievedMargin: Double {
        margins.first { $0.correction == correction }?.margin ?? .nan
    }

    /// Audits a sample of `sample` cases from `population` (`nil`: unknown, treated as infinite).
    ///
    /// - Throws: ``InvalidArgumentError`` for a sample below 1, a population below 1 or smaller
    ///   than the sample.
    public static func audit(sample: Int, population: Int?, target: PrecisionTarget,
                             correction: FinitePopulationCorrection = .cochranA,
                             rounding: SampleSizeRounding = .up) throws -> SampleAudit {
        let margins = try FinitePopulationCorrection.allCases.map {
            try MarginOfError.compute(sample: sample, population: population, confidence: target.confidence,
                                      proportion: target.proportion, correction: $0)
        }
        let chosen = margins.first { $0.correction == correction }?.margin ?? .infinity
        let ruleSizes = try population.map { try SampleSize.allForms(target: target, population: $0) } ?? []
        var ranges: [ImpliedPopulationRange] = []
        for form in FinitePopulationCorrection.allCases {
            for rule in SampleSizeRounding.allCases {
                ranges.append(try ImpliedPopulationRange.implied(bySample: sample, target: target, correction: form, rounding: rule))
            }
        }
        let coverage = population.map {
            ExactSampleSize.coverage(sample: sample, population: $0,
                                     successes: ExactSampleSize.populationSuccesses(population: $0, proportion: target.proportion),
                                     proportion: target.proportion, margin: target.margin)
        }
        return SampleAudit(sample: sample, population: population, target: target, correction: correction,
                           rounding: rounding, margins: margins, meetsTarget: target.isMet(byMargin: chosen),
                           ruleSizes: ruleSizes, impliedPopulations: ranges, exactCoverage: coverage)
    }
}
