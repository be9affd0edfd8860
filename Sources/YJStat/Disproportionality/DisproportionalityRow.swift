/// Every measure for one group at one stage. Undefined or hidden numbers are NaN (counts nil);
/// ``suppression`` says why a value is hidden.
public struct DisproportionalityRow: Sendable, Equatable, Codable {
    /// Group label.
    public var group: String
    /// Stage name.
    public var stage: String
    /// The group's count at the stage.
    public var count: Int?
    /// The base: population, or the previous stage's count.
    public var base: Int?
    /// Name of the base stage.
    public var baseStage: String
    /// count / base × ``rateUnit``.
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
    /// Reference rate, in ``rateUnit``.
    public var referenceRate: Double
    /// Relative rate index rate / reference rate (uncorrected).
    public var rri: Double
    /// Lower bound of the RRI interval.
    public var rriLower: Double
    /// Upper bound of the RRI interval.
    public var rriUpper: Double
    /// RRI interval method (per row: under the ``ZeroCellRule/exact`` policy a zero cell switches
    /// Katz to Koopman).
    public var rriMethod: String
    /// The RRI of the zero-corrected table the interval belongs to (``ZeroCellRule/haldane`` with a
    /// or c zero); equal to ``rri`` when no correction was applied.
    public var rriCorrected: Double
    /// What ``rri`` is: ok, infinite, undefined, suppressed or not-computed (a zero base).
    public var status: ValueStatus
    /// Cumulative RRI (product of stage RRIs from the population on; previous-stage base only).
    public var cumulativeRRI: Double
    /// Lower bound of the cumulative RRI interval.
    public var cumulativeLower: Double
    /// Upper bound of the cumulative RRI interval.
    public var cumulativeUpper: Double
    /// The cumulative RRI of the zero-corrected population-based table its interval belongs to
    /// (``ZeroCellRule/haldane`` with a or c zero); equal to ``cumulativeRRI`` when no correction
    /// was applied.
    public var cumulativeCorrected: Double
    /// Sample odds ratio ad/(bc) (uncorrected).
    public var oddsRatio: Double
    /// Woolf interval lower bound.
    public var orLower: Double
    /// Woolf interval upper bound.
    public var orUpper: Double
    /// Method of ``orLower``…``orUpper``: `woolf`, or `exact-conditional` at a zero cell under
    /// the ``ZeroCellRule/exact`` policy.
    public var orMethod: String
    /// The odds ratio of the zero-corrected table (Haldane); equal to ``oddsRatio`` otherwise.
    public var orCorrected: Double
    /// Conditional maximum-likelihood odds ratio.
    public var orExact: Double
    /// Exact conditional interval lower bound.
    public var orExactLower: Double
    /// Exact conditional interval upper bound.
    public var orExactUpper: Double
    /// Fisher's exact test, two-sided.
    public var pValue: Double
    /// Holm-adjusted p-value across every group × stage of the analysis.
    public var pAdjusted: Double
    /// Group's share of the stage (among known ethnicity).
    public var stageShare: Double
    /// Wilson lower bound of the stage share.
    public var stageShareLower: Double
    /// Wilson upper bound of the stage share.
    public var stageShareUpper: Double
    /// Group's share of the base.
    public var baseShare: Double
    /// Wilson lower bound of the base share.
    public var baseShareLower: Double
    /// Wilson upper bound of the base share.
    public var baseShareUpper: Double
    /// Stage share − base share, in percentage points.
    public var shareDifference: Double
    /// Newcombe lower bound of the difference.
    public var shareDifferenceLower: Double
    /// Newcombe upper bound of the difference.
    public var shareDifferenceUpper: Double
    /// Stage share / base share.
    public var shareRatio: Double
    /// Katz lower bound of the share ratio.
    public var shareRatioLower: Double
    /// Katz upper bound of the share ratio.
    public var shareRatioUpper: Double
    /// Method of the share-ratio interval (`log-ratio`, or `koopman` at a zero share).
    public var shareRatioMethod: String
    /// The share ratio of the zero-corrected table (Haldane); equal to ``shareRatio`` otherwise.
    public var shareRatioCorrected: Double
    /// Children above parity with the reference rate: count − reference rate × base.
    public var excess: Double
    /// Lower bound of the excess.
    public var excessLower: Double
    /// Upper bound of the excess.
    public var excessUpper: Double
    /// Whether the RRI interval excludes 1.
    public var significant: Bool
    /// Whether the count is below the minimum count or the base below the minimum base.
    public var small: Bool
    /// Whether the group's base is zero (nothing is divided by it).
    public var zeroBase: Bool
    /// Whether the 2×2 table has a zero cell (the methods say how each ratio dealt with it).
    public var zeroCell: Bool
    /// Unknown-ethnicity children at the stage (nil without `--unknown`).
    public var unknownCount: Int?
    /// The group's rate (in ``rateUnit``) if every unknown child at the stage were in the group
    /// (the observed rate is the other bound).
    public var rateUnknownUpper: Double
    /// The group's rate (in ``rateUnit``) with unknowns redistributed proportionally.
    public var rateRedistributed: Double
    /// Smallest RRI over the unknown allocations.
    public var rriUnknownLower: Double
    /// Largest RRI over the unknown allocations.
    public var rriUnknownUpper: Double
    /// Whether the conclusion depends on where the unknown children belong.
    public var dependsOnUnknown: Bool
    /// Mantel–Haenszel risk ratio over strata (NaN without strata).
    public var mhRiskRatio: Double
    /// Greenland–Robins lower bound.
    public var mhRiskRatioLower: Double
    /// Greenland–Robins upper bound.
    public var mhRiskRatioUpper: Double
    /// Mantel–Haenszel odds ratio over strata.
    public var mhOddsRatio: Double
    /// Robins–Breslow–Greenland lower bound.
    public var mhOddsRatioLower: Double
    /// Robins–Breslow–Greenland upper bound.
    public var mhOddsRatioUpper: Double
    /// Cochran–Mantel–Haenszel p-value (no continuity correction).
    public var cmhPValue: Double
    /// Breslow–Day p-value with Tarone's correction, over the informative strata.
    public var breslowDayPValue: Double
    /// Breslow–Day statistic (Tarone-corrected).
    public var breslowDayStatistic: Double
    /// Degrees of freedom of the Breslow–Day test: informative strata − 1 (nil without strata).
    public var breslowDayDegreesOfFreedom: Int?
    /// Strata left out of the Breslow–Day test because they carry no information on the odds
    /// ratio (a zero event or non-event margin, or an empty row).
    public var uninformativeStrata: [String]
    /// Whether some stratum used has an expected cell count under 5 (the chi-squared
    /// approximations of CMH and Breslow–Day are then doubtful).
    public var sparseStrata: Bool
    /// Stratum labels, in order, for ``stratumRiskRatios``.
    public var stratumLabels: [String]
    /// The crude risk ratio within each stratum (NaN where undefined, ∞ where the reference has none).
    public var stratumRiskRatios: [Double]
    /// `primary` (count 1…K−1), `secondary` (hidden to protect another cell), `derived` (figures
    /// computed from a hidden cell), or empty when nothing is hidden.
    public var suppression: String
    /// Figures of a published row hidden by disclosure control (`shares`, `unknown bounds`).
    public var partlyHidden: [String] = []

    /// A row with only the identifying fields set and every number undefined.
    public init(group: String, stage: String, baseStage: String, reference: String, rateUnit: Double, rriMethod: String) {
        self.group = group
        self.stage = stage
        self.baseStage = baseStage
        self.reference = reference
        self.rateUnit = rateUnit
        self.rriMethod = rriMethod
        let nan = Double.nan
        rriCorrected = nan; status = .notComputed; orMethod = "none"; orCorrected = nan
        shareRatioMethod = "none"; shareRatioCorrected = nan
        breslowDayStatistic = nan; breslowDayDegreesOfFreedom = nil; uninformativeStrata = []; sparseStrata = false
        stratumLabels = []; stratumRiskRatios = []
        rate = nan; isReference = false; referenceRate = nan; rri = nan; rriLower = nan; rriUpper = nan
        cumulativeRRI = nan; cumulativeLower = nan; cumulativeUpper = nan; cumulativeCorrected = nan
        oddsRatio = nan; orLower = nan; orUpper = nan; orExact = nan; orExactLower = nan; orExactUpper = nan
        pValue = nan; pAdjusted = nan
        stageShare = nan; stageShareLower = nan; stageShareUpper = nan
        baseShare = nan; baseShareLower = nan; baseShareUpper = nan
        shareDifference = nan; shareDifferenceLower = nan; shareDifferenceUpper = nan
        shareRatio = nan; shareRatioLower = nan; shareRatioUpper = nan
        excess = nan; excessLower = nan; excessUpper = nan
        significant = false; small = false; zeroBase = false; zeroCell = false
        rateUnknownUpper = nan; rateRedistributed = nan; rriUnknownLower = nan; rriUnknownUpper = nan; dependsOnUnknown = false
        mhRiskRatio = nan; mhRiskRatioLower = nan; mhRiskRatioUpper = nan
        mhOddsRatio = nan; mhOddsRatioLower = nan; mhOddsRatioUpper = nan
        cmhPValue = nan; breslowDayPValue = nan
        suppression = ""
    }

    /// Hides the shares, their difference and ratio (they divide by a stage total that is
    /// suppressed); the rate, RRI, odds ratio and excess are left as they are.
    mutating func hideShares() {
        let nan = Double.nan
        stageShare = nan; stageShareLower = nan; stageShareUpper = nan
        baseShare = nan; baseShareLower = nan; baseShareUpper = nan
        shareDifference = nan; shareDifferenceLower = nan; shareDifferenceUpper = nan
        shareRatio = nan; shareRatioLower = nan; shareRatioUpper = nan; shareRatioCorrected = nan
        shareRatioMethod = "suppressed"
        if !partlyHidden.contains("shares") { partlyHidden.append("shares") }
    }

    /// Hides the unknown-ethnicity bounds (they use a hidden unknown count or a suppressed total).
    mutating func hideUnknownBounds() {
        let nan = Double.nan
        let had = [rateUnknownUpper, rateRedistributed, rriUnknownLower, rriUnknownUpper].contains { !$0.isNaN }
        rateUnknownUpper = nan; rateRedistributed = nan; rriUnknownLower = nan; rriUnknownUpper = nan
        dependsOnUnknown = false
        if had, !partlyHidden.contains("unknown bounds") { partlyHidden.append("unknown bounds") }
    }

    /// Hides the figures adjusted over strata (Mantel–Haenszel ratios, CMH and Breslow–Day, the
    /// stratum RRIs): they are built from stratum counts, which are not published, so with the
    /// crude counts one of them could be worked back from these figures.
    mutating func hideStratifiedFigures() {
        let nan = Double.nan
        mhRiskRatio = nan; mhRiskRatioLower = nan; mhRiskRatioUpper = nan
        mhOddsRatio = nan; mhOddsRatioLower = nan; mhOddsRatioUpper = nan
        cmhPValue = nan; breslowDayStatistic = nan; breslowDayPValue = nan; breslowDayDegreesOfFreedom = nil
        stratumRiskRatios = []; stratumLabels = []; sparseStrata = false
        if !partlyHidden.contains("adjusted figures") { partlyHidden.append("adjusted figures") }
    }

    /// What the `suppressed` column says: ``suppression``, or for a row whose main figures are
    /// published, which of its other figures are hidden ("derived: shares, unknown bounds").
    public var suppressionText: String {
        if !suppression.isEmpty || partlyHidden.isEmpty { return suppression }
        return "derived: " + partlyHidden.joined(separator: ", ")
    }

    /// Hides everything computed from the counts, keeping the identifying fields.
    mutating func hideDerived(reason: String, keepCount: Bool, keepBase: Bool) {
        let keep = (count: keepCount ? count : nil, base: keepBase ? base : nil)
        var blank = DisproportionalityRow(group: group, stage: stage, baseStage: baseStage, reference: reference,
                                          rateUnit: rateUnit, rriMethod: rriMethod)
        blank.count = keep.count
        blank.base = keep.base
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
