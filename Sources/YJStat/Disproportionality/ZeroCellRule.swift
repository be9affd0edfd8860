/// What to do with a 2×2 table that has a zero cell the Katz (risk ratio) or Woolf (odds ratio)
/// log method cannot use: Katz's variance √(1/a − 1/n₁ + 1/c − 1/n₀) is infinite only when a or
/// c is zero; Woolf's √(1/a + 1/b + 1/c + 1/d) whenever any cell is zero. A zero that the method
/// does not divide by (b or d for Katz) never triggers anything.
///
/// One policy for every ratio yjstat reports (RRI, cumulative RRI, odds ratio, share ratio,
/// representation; the Mantel–Haenszel ratios need none): the estimate and its interval always
/// come from the same table, so the estimate lies inside its interval, and `significant` is
/// judged on the interval that is printed.
public enum ZeroCellRule: String, Sendable, Equatable, Codable, CaseIterable {
    /// The default: at a zero cell the method needs, switch to an interval that needs no
    /// correction — the Koopman (1984) score interval for a risk ratio, the exact conditional
    /// interval (Cornfield 1956) for an odds ratio — around the uncorrected estimate (0, ∞ or
    /// undefined when both event counts are 0). The method column says which was used.
    case exact
    /// Haldane–Anscombe: add 0.5 to **all four** cells when the method needs it (Haldane 1956,
    /// *Annals of Human Genetics* 20:309–311); the corrected estimate is reported beside the raw
    /// one and is the one the interval belongs to. statsmodels' `Table2x2` instead adds 0.5 to
    /// the zero cells only.
    case haldane
    /// No correction: a zero cell gives a ratio of 0 or ∞ and an unbounded log interval.
    case none

    /// A sentence for reports.
    public var statement: String {
        switch self {
        case .exact: return "zero cells: where the log method would divide by a zero cell (a or c, or both b and d, for Katz; any cell for Woolf), the Koopman score interval (risk ratios) or the exact conditional interval (odds ratios) is used instead, with the uncorrected estimate; no correction is added"
        case .haldane: return "zero cells: where the log method would divide by a zero cell (a or c, or both b and d, for Katz; any cell for Woolf), 0.5 is added to all four cells (Haldane-Anscombe) and the corrected estimate is given with the interval"
        case .none: return "zero cells: no correction; a zero cell the log method divides by gives a ratio of 0 or infinity and an unbounded interval"
        }
    }
}

extension TwoByTwoTable {
    /// Whether the Katz risk-ratio variance needs a zero-cell correction: a = 0 or c = 0 (an
    /// infinite variance), or b = d = 0 (every child in both rows has the event: a zero variance
    /// and an interval of width 0).
    public var katzNeedsCorrection: Bool { a == 0 || c == 0 || (b == 0 && d == 0) }
    /// Whether the Woolf odds-ratio variance needs a zero-cell correction (any cell zero).
    public var woolfNeedsCorrection: Bool { hasZeroCell }

    /// The risk ratio under the zero-cell policy: `method` (Katz or Koopman) unless it is Katz and
    /// a or c is zero, in which case `rule` decides (``ZeroCellRule/exact`` → Koopman).
    public func riskRatio(confidence: Double, method: RatioIntervalMethod, zeroCell rule: ZeroCellRule) throws -> RatioEstimate {
        if method == .koopman || (katzNeedsCorrection && rule == .exact) { return try riskRatioKoopman(confidence: confidence) }
        return try riskRatioKatz(confidence: confidence, zeroCell: rule)
    }

    /// The odds ratio under the zero-cell policy: Woolf, unless a cell is zero and `rule` is
    /// ``ZeroCellRule/exact``, in which case the exact conditional interval around the
    /// uncorrected ratio (at a zero cell the conditional MLE equals it: 0 or ∞).
    public func oddsRatio(confidence: Double, zeroCell rule: ZeroCellRule) throws -> RatioEstimate {
        guard woolfNeedsCorrection, rule == .exact else { return try oddsRatioWoolf(confidence: confidence, zeroCell: rule) }
        var exact = try oddsRatioExact(confidence: confidence)
        exact.estimate = oddsRatio
        exact.assumptions[1] = "estimate is the sample odds ratio (equal to the conditional MLE at a zero cell)"
        return exact
    }
}
