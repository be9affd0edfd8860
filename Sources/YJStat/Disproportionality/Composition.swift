/// Composition (representation) of one group at one stage: its share of the children at the
/// stage against its share of the base (the population, or the previous stage).
///
/// With x of X children at the stage and n of N in the base: c = x/X, π = n/N, the difference
/// c − π in percentage points (the old national indicator NI 44) and the ratio c/π.
/// Shares are among children of known ethnicity. The two shares are treated as independent
/// binomial proportions (an approximation: the children at a stage are part of the base).
public struct Composition: Sendable, Equatable, Codable {
    /// Share of the stage, c = x/X, with its Wilson interval.
    public var stageShare: ProportionInterval
    /// Share of the base, π = n/N, with its Wilson interval.
    public var baseShare: ProportionInterval
    /// c − π in percentage points, with Newcombe's hybrid score interval (method 10).
    public var differencePoints: IntervalEstimate
    /// c/π with the Katz log interval, or under the zero-cell policy (``ZeroCellRule``) the
    /// Koopman score interval when x or n is zero; the estimate is the one the interval belongs to.
    public var ratio: RatioEstimate
    /// The uncorrected ratio c/π (∞ when π = 0 < c, undefined when both are 0).
    public var rawRatio: Double

    /// Computes the composition measures.
    ///
    /// - Parameters: `stageCount` x, `stageTotal` X, `baseCount` n, `baseTotal` N; X, N ≥ 1.
    /// - Throws: ``InvalidArgumentError`` when a count is negative or above its total.
    public init(stageCount x: Int, stageTotal: Int, baseCount n: Int, baseTotal: Int, confidence: Double,
                zeroCell rule: ZeroCellRule = .exact) throws {
        stageShare = try ProportionInterval.wilson(successes: x, trials: stageTotal, confidence: confidence)
        baseShare = try ProportionInterval.wilson(successes: n, trials: baseTotal, confidence: confidence)
        differencePoints = try IntervalEstimate.newcombe(x, stageTotal, n, baseTotal, confidence: confidence).scaled(by: 100)
        let table = try TwoByTwoTable(groupEvents: x, groupBase: stageTotal, referenceEvents: n, referenceBase: baseTotal)
        var ratio = try table.riskRatio(confidence: confidence, method: .katz, zeroCell: rule)
        if ratio.method == .katz { ratio.method = .logRatio }
        rawRatio = table.riskRatio
        ratio.assumptions = ["stage share and base share treated as independent binomial proportions"]
            + ratio.assumptions.filter { $0 != "independent binomial rows" }
        self.ratio = ratio
    }
}
