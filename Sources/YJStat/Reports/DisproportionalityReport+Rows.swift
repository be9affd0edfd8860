extension DisproportionalityRow {
    /// The row for CSV and JSON, fields in the documented order. A value that is not a finite
    /// number is explicit: CSV `inf`, `-inf` or `NA`, JSON `"inf"`, `"-inf"` or `"undefined"`;
    /// `status` says what the RRI is (ok, infinite, undefined, suppressed, not-computed) and
    /// `suppressed` why a figure is hidden. With the Haldane rule the corrected estimates the
    /// intervals belong to are added (`rri_corrected`, `or_corrected`, `share_ratio_corrected`,
    /// `cumulative_rri_corrected`, which is `NA` unless the base is the previous stage).
    public func resultRow(confidence: Double, zeroCellRule: ZeroCellRule, strata: Bool, unknown: Bool) -> ResultRow {
        let hidden = !suppression.isEmpty
        func int(_ v: Int?) -> CellValue { v.map { .integer($0) } ?? (hidden ? .suppressed : .measure(.nan)) }
        func num(_ v: Double, _ part: String? = nil) -> CellValue {
            (hidden || part.map(partlyHidden.contains) == true) && v.isNaN ? .suppressed : .explicit(v)
        }
        var cells: [(name: String, value: CellValue)] = [
            ("group", .text(group)), ("stage", .text(stage)),
            ("count", int(count)), ("base", int(base)), ("base_stage", .text(baseStage)),
            ("rate", num(rate)), ("rate_per", num(rateUnit)),
            ("reference", .text(reference)), ("is_reference", .bool(isReference)),
            ("reference_count", int(referenceCount)), ("reference_base", int(referenceBase)),
            ("reference_rate", num(referenceRate)),
            ("rri", num(rri)), ("rri_lower", num(rriLower)), ("rri_upper", num(rriUpper)),
            ("rri_method", .text(rriMethod)), ("status", .text(status.rawValue)),
            ("cumulative_rri", num(cumulativeRRI)), ("cumulative_lower", num(cumulativeLower)),
            ("cumulative_upper", num(cumulativeUpper)),
            ("odds_ratio", num(oddsRatio)), ("or_lower", num(orLower)), ("or_upper", num(orUpper)),
            ("or_method", .text(orMethod)),
            ("or_exact", num(orExact)), ("or_exact_lower", num(orExactLower)), ("or_exact_upper", num(orExactUpper)),
            ("p_value", num(pValue)), ("p_method", .text("fisher-exact-two-sided")),
            ("p_adjusted", num(pAdjusted)), ("p_adjustment", .text("holm")),
            ("stage_share", num(stageShare, "shares")), ("stage_share_lower", num(stageShareLower, "shares")),
            ("stage_share_upper", num(stageShareUpper, "shares")),
            ("base_share", num(baseShare, "shares")), ("base_share_lower", num(baseShareLower, "shares")),
            ("base_share_upper", num(baseShareUpper, "shares")),
            ("share_difference_points", num(shareDifference, "shares")),
            ("share_difference_lower", num(shareDifferenceLower, "shares")), ("share_difference_upper", num(shareDifferenceUpper, "shares")),
            ("share_ratio", num(shareRatio, "shares")), ("share_ratio_lower", num(shareRatioLower, "shares")),
            ("share_ratio_upper", num(shareRatioUpper, "shares")), ("share_ratio_method", .text(shareRatioMethod)),
            ("excess", num(excess)), ("excess_lower", num(excessLower)), ("excess_upper", num(excessUpper)),
            ("significant", .bool(significant)), ("small", .bool(small)), ("zero_base", .bool(zeroBase)),
            ("zero_cell", .bool(zeroCell)), ("zero_cell_rule", .text(zeroCellRule.rawValue)),
            ("confidence", num(confidence)),
        ]
        if zeroCellRule == .haldane {
            cells += [("rri_corrected", num(rriCorrected)), ("or_corrected", num(orCorrected)),
                      ("share_ratio_corrected", num(shareRatioCorrected, "shares")), ("cumulative_rri_corrected", num(cumulativeCorrected))]
        }
        if unknown {
            cells += [("unknown_count", int(unknownCount)), ("rate_unknown_upper", num(rateUnknownUpper, "unknown bounds")),
                      ("rate_redistributed", num(rateRedistributed, "unknown bounds")), ("rri_unknown_lower", num(rriUnknownLower, "unknown bounds")),
                      ("rri_unknown_upper", num(rriUnknownUpper, "unknown bounds")),
                      ("depends_on_unknown", .bool(dependsOnUnknown))]
        }
        if strata {
            let a = "adjusted figures"
            cells += [("mh_rr", num(mhRiskRatio, a)), ("mh_rr_lower", num(mhRiskRatioLower, a)),
                      ("mh_rr_upper", num(mhRiskRatioUpper, a)), ("mh_rr_method", .text(RatioIntervalMethod.mantelHaenszelGreenlandRobins.rawValue)),
                      ("mh_or", num(mhOddsRatio, a)), ("mh_or_lower", num(mhOddsRatioLower, a)),
                      ("mh_or_upper", num(mhOddsRatioUpper, a)), ("mh_or_method", .text(RatioIntervalMethod.mantelHaenszelRobinsBreslowGreenland.rawValue)),
                      ("cmh_p", num(cmhPValue, a)),
                      ("breslow_day_statistic", num(breslowDayStatistic, a)), ("breslow_day_df", (partlyHidden.contains(a) ? .suppressed : int(breslowDayDegreesOfFreedom))),
                      ("breslow_day_p", num(breslowDayPValue, a)), ("sparse_strata", .bool(sparseStrata)),
                      ("uninformative_strata", .text(uninformativeStrata.joined(separator: "; ")))]
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
