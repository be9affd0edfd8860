/// One part (court or out-of-court) of a ``SamplePlan``.
public struct SamplePlanPart: Sendable, Equatable, Codable {
    /// `court` or `out-of-court`.
    public let name: String
    /// The eligible population of this part.
    public let population: Int
    /// The size before rounding.
    public let unrounded: Double
    /// The planned sample size.
    public let size: Int
    /// The margin this sample achieves at the plan's confidence and p (``MarginOfError``).
    public let achievedMargin: Double
    /// Whether the size was cut to the population.
    public let cappedAtPopulation: Bool

    /// Whether the achieved margin is within `margin` (the plan's target), allowing 1e-12 for
    /// rounding. A part sized to the rule (for example out-of-court = court × 40/60) can miss it.
    public func meets(margin: Double) -> Bool { achievedMargin <= margin * (1 + 1e-12) }
}

/// A sample plan for a service: a court sample at the target precision and an out-of-court
/// sample by the chosen ``OutOfCourtRule``, each with the margin it achieves.
///
/// The court sample is ``SampleSize`` for the court population. Under `combined-60-40` the
/// out-of-court size is n_court × 2/3 (so that court/(court + ooc) = 0.6), rounded by
/// `outOfCourtRounding` and capped at the out-of-court population; under `separate` it is
/// ``SampleSize`` for the out-of-court population. The seed reports' pairs (4 court, 3 ooc;
/// 8 court, 5 ooc) fit rounding 8 × 2/3 = 5.33 and 4 × 2/3 = 2.67 to the nearest whole number,
/// which is why `nearest` is the default there.
public struct SamplePlan: Sendable, Equatable, Codable {
    /// The precision aimed for.
    public let target: PrecisionTarget
    /// The correction form for the court sample (and the separate out-of-court sample).
    public let correction: FinitePopulationCorrection
    /// Rounding of the precision-based sizes.
    public let rounding: SampleSizeRounding
    /// The rule for the out-of-court sample.
    public let rule: OutOfCourtRule
    /// Rounding of the 60/40 out-of-court size.
    public let outOfCourtRounding: SampleSizeRounding
    /// The court part.
    public let court: SamplePlanPart
    /// The out-of-court part.
    public let outOfCourt: SamplePlanPart

    /// Total sample size.
    public var total: Int { court.size + outOfCourt.size }

    /// Court share of the combined sample.
    public var courtShare: Double { Double(court.size) / Double(total) }

    /// Plans samples for a service.
    ///
    /// - Throws: ``InvalidArgumentError`` (`courtPopulation`, `outOfCourtPopulation`) when a
    ///   population is below 1.
    public static func plan(courtPopulation: Int, outOfCourtPopulation: Int, target: PrecisionTarget,
                            rule: OutOfCourtRule = .combined6040, correction: FinitePopulationCorrection = .cochranA,
                            rounding: SampleSizeRounding = .up,
                            outOfCourtRounding: SampleSizeRounding = .nearest) throws -> SamplePlan {
        guard courtPopulation >= 1 else {
            throw InvalidArgumentError("courtPopulation", "must be at least 1, got \(courtPopulation)")
        }
        guard outOfCourtPopulation >= 1 else {
            throw InvalidArgumentError("outOfCourtPopulation", "must be at least 1, got \(outOfCourtPopulation)")
        }
        let courtSize = try SampleSize.compute(target: target, population: courtPopulation, correction: correction, rounding: rounding)
        let court = try part("court", population: courtPopulation, unrounded: courtSize.unrounded, size: courtSize.size,
                             capped: courtSize.cappedAtPopulation, target: target, correction: correction)
        let outOfCourt: SamplePlanPart
        switch rule {
        case .separate:
            let size = try SampleSize.compute(target: target, population: outOfCourtPopulation, correction: correction, rounding: rounding)
            outOfCourt = try part("out-of-court", population: outOfCourtPopulation, unrounded: size.unrounded, size: size.size,
                                  capped: size.cappedAtPopulation, target: target, correction: correction)
        case .combined6040:
            let unrounded = Double(courtSize.size) * 40 / 60
            let rounded = max(1, outOfCourtRounding.round(unrounded))
            outOfCourt = try part("out-of-court", population: outOfCourtPopulation, unrounded: unrounded,
                                  size: min(rounded, outOfCourtPopulation), capped: rounded > outOfCourtPopulation,
                                  target: target, correction: correction)
        }
        return SamplePlan(target: target, correction: correction, rounding: rounding, rule: rule,
                          outOfCourtRounding: outOfCourtRounding, court: court, outOfCourt: outOfCourt)
    }

    private static func part(_ name: String, population: Int, unrounded: Double, size: Int, capped: Bool,
                             target: PrecisionTarget, correction: FinitePopulationCorrection) throws -> SamplePlanPart {
        let margin = try MarginOfError.compute(sample: size, population: population, confidence: target.confidence,
                                               proportion: target.proportion, correction: correction)
        return SamplePlanPart(name: name, population: population, unrounded: unrounded, size: size,
                              achievedMargin: margin.margin, cappedAtPopulation: capped)
    }
}
