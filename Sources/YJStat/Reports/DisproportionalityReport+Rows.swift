extension DisproportionalityRow {
    /// The row for CSV and JSON, fields in the documented order. A value that is not a finite
    /// number is explicit: CSV `inf`, `-inf` or `NA`, JSON `"inf"`, `"-inf"` or `"undefined"`;
    /// `status` says what the RRI is (ok, infinite, undefined, suppressed, not-computed) and
    /// `suppressed` why a figure is hidden. With the Haldane rule the corrected estimates the
    /// intervals belong to are added (`rri_corrected`, `or_corrected`, `share_ratio_corrected`,
    /// `cumulative_rri_corrected`, which is `NA` unless the base is the previous stage).
    public func resultRow(confidence: Double, zeroCellRule: ZeroCellRule, strata: Bool, unknown: Bool) -> ResultRow {
        let hidden = isSuppressed
        func int(_ v: Int?) -> CellValue { v.map { .integer($0) } ?? (hidden ? .suppressed : .measure(.nan)) }
        func num(_ v: Double?, _ part: HiddenFigures? = nil) -> CellValue {
            let v = v ?? .nan
            return (hidden || part.map(partlyHidden.contains) == true) && v.isNaN ? .suppressed : .explicit(v)
        }
        let shares = composition
        let shareRatioMethod = composition?.ratio.method.rawValue ?? (partlyHidden.contains(.shares) ? "suppressed" : "none")
        var cells: [(name: String, value: CellValue)] = [
            ("group", .text(group)), ("stage", .text(stage)),
            ("count", int(count)), ("base", int(base)), ("base_stage", .text(baseStage)),
            ("rate", num(rate)), ("rate_per", num(rateUnit)),
            ("reference", .text(reference)), ("is_reference", .bool(isReference)),
            ("reference_count", int(referenceCount)), ("reference_base", int(referenceBase)),
            ("reference_rate", num(referenceRate)),
            ("rri", num(rri?.ratio)), ("rri_lower", num(rri?.lower)), ("rri_upper", num(rri?.upper)),
            ("rri_method", .text(rriMethod.rawValue)), ("status", .text(status.rawValue)),
            ("cumulative_rri", num(cumulative?.ratio)), ("cumulative_lower", num(cumulative?.lower)),
            ("cumulative_upper", num(cumulative?.upper)),
            ("odds_ratio", num(oddsRatio?.ratio)), ("or_lower", num(oddsRatio?.lower)), ("or_upper", num(oddsRatio?.upper)),
            ("or_method", .text(oddsRatio?.method.rawValue ?? "none")),
            ("or_exact", num(exactOddsRatio?.estimate)), ("or_exact_lower", num(exactOddsRatio?.lower)),
            ("or_exact_upper", num(exactOddsRatio?.upper)),
            ("p_value", num(pValue)), ("p_method", .text("fisher-exact-two-sided")),
            ("p_adjusted", num(pAdjusted)), ("p_adjustment", .text("holm")),
            ("stage_share", num(shares?.stageShare.estimate, .shares)), ("stage_share_lower", num(shares?.stageShare.lower, .shares)),
            ("stage_share_upper", num(shares?.stageShare.upper, .shares)),
            ("base_share", num(shares?.baseShare.estimate, .shares)), ("base_share_lower", num(shares?.baseShare.lower, .shares)),
            ("base_share_upper", num(shares?.baseShare.upper, .shares)),
            ("share_difference_points", num(shares?.differencePoints.estimate, .shares)),
            ("share_difference_lower", num(shares?.differencePoints.lower, .shares)),
            ("share_difference_upper", num(shares?.differencePoints.upper, .shares)),
            ("share_ratio", num(shares?.rawRatio, .shares)), ("share_ratio_lower", num(shares?.ratio.lower, .shares)),
            ("share_ratio_upper", num(shares?.ratio.upper, .shares)), ("share_ratio_method", .text(shareRatioMethod)),
            ("excess", num(excess?.estimate)), ("excess_lower", num(excess?.lower)), ("excess_upper", num(excess?.upper)),
            ("significant", .bool(significant)), ("small", .bool(small)), ("zero_base", .bool(zeroBase)),
            ("zero_cell", .bool(zeroCell)), ("zero_cell_rule", .text(zeroCellRule.rawValue)),
            ("confidence", num(confidence)),
        ]
        if zeroCellRule == .haldane {
            cells += [("rri_corrected", num(rri?.corrected)), ("or_corrected", num(oddsRatio?.corrected)),
                      ("share_ratio_corrected", num(shares?.ratio.estimate, .shares)), ("cumulative_rri_corrected", num(cumulative?.corrected))]
        }
        if unknown {
            let bounds = unknownBounds
            cells += [("unknown_count", int(unknownCount)),
                      ("rate_unknown_upper", num(bounds.map { $0.rateAllInGroup * rateUnit }, .unknownBounds)),
                      ("rate_redistributed", num(bounds.map { $0.rateRedistributed * rateUnit }, .unknownBounds)),
                      ("rri_unknown_lower", num(bounds?.lower, .unknownBounds)),
                      ("rri_unknown_upper", num(bounds?.upper, .unknownBounds)),
                      ("depends_on_unknown", .bool(dependsOnUnknown))]
        }
        if strata {
            let a = HiddenFigures.adjustedFigures
            let pooled = stratified?.pooled
            cells += [("mh_rr", num(pooled?.riskRatio.estimate, a)), ("mh_rr_lower", num(pooled?.riskRatio.lower, a)),
                      ("mh_rr_upper", num(pooled?.riskRatio.upper, a)), ("mh_rr_method", .text(RatioIntervalMethod.mantelHaenszelGreenlandRobins.rawValue)),
                      ("mh_or", num(pooled?.oddsRatio.estimate, a)), ("mh_or_lower", num(pooled?.oddsRatio.lower, a)),
                      ("mh_or_upper", num(pooled?.oddsRatio.upper, a)), ("mh_or_method", .text(RatioIntervalMethod.mantelHaenszelRobinsBreslowGreenland.rawValue)),
                      ("cmh_p", num(pooled?.cmhPValue, a)),
                      ("breslow_day_statistic", num(pooled?.breslowDayStatistic, a)),
                      ("breslow_day_df", (partlyHidden.contains(a) ? .suppressed : int(pooled?.breslowDayDegreesOfFreedom))),
                      ("breslow_day_p", num(pooled?.breslowDayPValue, a)), ("sparse_strata", .bool(stratified?.sparse ?? false)),
                      ("uninformative_strata", .text((stratified?.uninformativeStrata ?? []).joined(separator: "; ")))]
        }
        cells.append(("suppressed", .text(suppressionText)))
        return ResultRow(cells)
    }
}

extension DisproportionalityReport {
    /// One result row per group × stage.
    public func resultRows() -> [ResultRow] {
        rows.map { $0.resultRow(confidence: confidence, zeroCellRule: zeroCellRule, strata: !strata.isEmpty, unknown: unknownLabel != nil) }
    }
}
