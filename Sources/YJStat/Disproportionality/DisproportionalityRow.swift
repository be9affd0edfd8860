/// Every measure for one group at one stage, as the values they were computed as: the RRI and
/// odds ratio as ``TableRatio`` (sample ratio and interval), the composition as ``Composition``,
/// the excess as an ``IntervalEstimate``, the unknown-ethnicity bounds as
/// ``UnknownEthnicityBounds`` and the stratified analysis as ``StratifiedComparison``. A measure
/// that was not computed (a zero base, the reference group, no strata) or that disclosure control
/// hides is nil; ``suppression`` and ``partlyHidden`` say what is hidden and why. Rows are
/// flattened to cells only by the renderers (``resultRow(confidence:zeroCellRule:strata:unknown:)``).
public struct DisproportionalityRow: Sendable, Equatable, Codable {
    /// Group label.
    public var group: String
    /// Stage name.
    public var stage: String
    /// The group's count at the stage (nil when hidden).
    public var count: Int?
    /// The base: population, or the previous stage's count (nil when hidden).
    public var base: Int?
    /// Name of the base stage.
    public var baseStage: String
    /// count / base × ``rateUnit``; NaN when the base is 0 or hidden.
    public var rate: Double
    /// 1,000 for a population base, 100 for a previous-stage base.
    public var rateUnit: Double
    /// The reference group's label (`rest` for all other known groups).
    public var reference: String
    /// Whether this row is the reference group itself (its RRI is 1 by definition).
    public var isReference: Bool
    /// Reference count at the stage.
    public var referenceCount: Int?
    /// Reference base.
    public var referenceBase: Int?
    /// Reference rate, in ``rateUnit``; NaN when the reference base is 0 or hidden.
    public var referenceRate: Double
    /// The relative rate index, rate / reference rate, with its interval: for the reference group
    /// 1 with no interval; nil when not computed (a zero base) or hidden.
    public var rri: TableRatio?
    /// The RRI interval method of this row: the one asked for, or Koopman where a zero cell
    /// switched Katz to it under the ``ZeroCellRule/exact`` policy (never on a hidden row).
    public var rriMethod: RatioIntervalMethod
    /// What the RRI is: ok, infinite, undefined, suppressed or not-computed (a zero base).
    public var status: ValueStatus
    /// Cumulative RRI (previous-stage base only): the RRI of the stage's count over the
    /// population, equal to the product of the stage RRIs, with the interval of that table.
    public var cumulative: TableRatio?
    /// Sample odds ratio ad/(bc) with the Woolf interval, or the exact conditional interval at a
    /// zero cell under the ``ZeroCellRule/exact`` policy.
    public var oddsRatio: TableRatio?
    /// Conditional maximum-likelihood odds ratio with the exact conditional interval (Cornfield 1956).
    public var exactOddsRatio: RatioEstimate?
    /// Fisher's exact test, two-sided; NaN when not computed.
    public var pValue: Double
    /// Holm-adjusted p-value across every group × stage of the analysis; NaN when not computed.
    public var pAdjusted: Double
    /// The group's share of the stage and of the base (among known ethnicity), their difference
    /// and ratio; nil when a total is 0 or disclosure control hides the shares.
    public var composition: Composition?
    /// Children above parity with the reference rate: count − reference rate × base, with
    /// base × the Newcombe interval for the rate difference.
    public var excess: IntervalEstimate?
    /// Whether the RRI interval excludes 1.
    public var significant: Bool
    /// Whether the count is below the minimum count or the base below the minimum base.
    public var small: Bool
    /// Whether the group's base is zero (nothing is divided by it).
    public var zeroBase: Bool
    /// Whether the 2×2 table has a zero cell (the methods say how each ratio dealt with it).
    public var zeroCell: Bool
    /// Unknown-ethnicity children at the stage (nil without an unknown label, or when hidden).
    public var unknownCount: Int?
    /// How far the RRI could move with the unknown children placed in different groups; nil
    /// without an unknown label, without an RRI, or when hidden. Its rates are per child:
    /// multiply by ``rateUnit``.
    public var unknownBounds: UnknownEthnicityBounds?
    /// The comparison adjusted over strata (nil without strata or without a stratum in which
    /// both have children).
    public var stratified: StratifiedComparison?
    /// Why the row's figures are hidden (nil when the row is published).
    public var suppression: RowSuppression?
    /// Figures of a published row hidden by disclosure control, in the order they were hidden.
    public var partlyHidden: [HiddenFigures] = []

    /// A row with only the identifying fields set and every measure not computed.
    public init(group: String, stage: String, baseStage: String, reference: String, rateUnit: Double,
                rriMethod: RatioIntervalMethod) {
        self.group = group
        self.stage = stage
        self.baseStage = baseStage
        self.reference = reference
        self.rateUnit = rateUnit
        self.rriMethod = rriMethod
        rate = .nan; referenceRate = .nan; pValue = .nan; pAdjusted = .nan
        isReference = false; status = .notComputed
        significant = false; small = false; zeroBase = false; zeroCell = false
    }

    /// Whether disclosure control hides the row's figures.
    public var isSuppressed: Bool { suppression != nil }

    /// The RRI as printed: 1 for the reference group, the sample ratio, NaN when not computed or
    /// hidden.
    public var relativeRateIndex: Double { rri?.ratio ?? .nan }

    /// Whether the conclusion depends on where the unknown children belong.
    public var dependsOnUnknown: Bool { unknownBounds?.dependsOnUnknown ?? false }

    /// Hides the shares, their difference and ratio (they divide by a stage total that is
    /// suppressed); the rate, RRI, odds ratio and excess are left as they are.
    mutating func hideShares() {
        composition = nil
        if !partlyHidden.contains(.shares) { partlyHidden.append(.shares) }
    }

    /// Hides the unknown-ethnicity bounds (they use a hidden unknown count or a suppressed total).
    mutating func hideUnknownBounds() {
        guard unknownBounds != nil else { return }
        unknownBounds = nil
        if !partlyHidden.contains(.unknownBounds) { partlyHidden.append(.unknownBounds) }
    }

    /// Hides the figures adjusted over strata (Mantel–Haenszel ratios, CMH and Breslow–Day, the
    /// stratum RRIs): they are built from stratum counts, which are not published, so with the
    /// crude counts one of them could be worked back from these figures.
    mutating func hideStratifiedFigures() {
        stratified = stratified?.hidingFigures()
        if !partlyHidden.contains(.adjustedFigures) { partlyHidden.append(.adjustedFigures) }
    }

    /// What the `suppressed` column says: ``suppression``, or for a row whose main figures are
    /// published, which of its other figures are hidden ("derived: shares, unknown bounds"); empty
    /// when nothing is hidden.
    public var suppressionText: String {
        if let suppression { return suppression.rawValue }
        if partlyHidden.isEmpty { return "" }
        return "derived: " + partlyHidden.map(\.rawValue).joined(separator: ", ")
    }

    /// Hides everything computed from the counts, keeping the identifying fields. The RRI method
    /// becomes the one asked for (`requestedMethod`): the method a zero cell switched to would
    /// say that a hidden count is 0.
    mutating func hideDerived(reason: RowSuppression, keepCount: Bool, keepBase: Bool, requestedMethod: RatioIntervalMethod) {
        var blank = DisproportionalityRow(group: group, stage: stage, baseStage: baseStage, reference: reference,
                                          rateUnit: rateUnit, rriMethod: requestedMethod)
        blank.count = keepCount ? count : nil
        blank.base = keepBase ? base : nil
        blank.isReference = isReference
        blank.unknownCount = unknownCount
        blank.suppression = reason
        blank.status = .suppressed
        if keepBase, keepCount {
            blank.rate = rate
            blank.small = small
            blank.zeroBase = zeroBase
        }
        self = blank
    }
}
