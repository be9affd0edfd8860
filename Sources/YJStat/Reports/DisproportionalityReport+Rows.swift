extension DisproportionalityRow {
    /// The row for CSV and JSON, fields in the documented order. Undefined and hidden values are
    /// empty (CSV) or null (JSON), as are infinite bounds; `suppressed` says which is which.
    public func resultRow(confidence: Double, zeroCellRule: ZeroCellRule, strata: Bool, unknown: Bool) -> ResultRow {
        func int(_ v: Int?) -> CellValue { v.map { .integer($0) } ?? .null }
        var cells: [(name: String, value: CellValue)] = [
            ("group", .text(group)), ("stage", .text(stage)),
            ("count", int(count)), ("base", int(base)), ("base_stage", .text(baseStage)),
            ("rate", .number(rate)), ("rate_per", .number(rateUnit)),
            ("reference", .text(reference)), ("is_reference", .bool(isReference)),
            ("reference_count", int(referenceCount)), ("reference_base", int(referenceBase)),
            ("reference_rate", .number(referenceRate)),
            ("rri", .number(rri)), ("rri_lower", .number(rriLower)), ("rri_upper", .number(rriUpper)),
            ("rri_method", .text(rriMethod)),
            ("cumulative_rri", .number(cumulativeRRI)), ("cumulative_lower", .number(cumulativeLower)),
            ("cumulative_upper", .number(cumulativeUpper)),
            ("odds_ratio", .number(oddsRatio)), ("or_lower", .number(orLower)), ("or_upper", .number(orUpper)),
            ("or_method", .text(RatioIntervalMethod.woolf.rawValue)),
            ("or_exact", .number(orExact)), ("or_exact_lower", .number(orExactLower)), ("or_exact_upper", .number(orExactUpper)),
            ("p_value", .number(pValue)), ("p_method", .text("fisher-exact-two-sided")),
            ("p_adjusted", .number(pAdjusted)), ("p_adjustment", .text("holm")),
            ("stage_share", .number(stageShare)), ("stage_share_lower", .number(stageShareLower)),
            ("stage_share_upper", .number(stageShareUpper)),
            ("base_share", .number(baseShare)), ("base_share_lower", .number(baseShareLower)),
            ("base_share_upper", .number(baseShareUpper)),
            ("share_difference_points", .number(shareDifference)),
            ("share_difference_lower", .number(shareDifferenceLower)), ("share_difference_upper", .number(shareDifferenceUpper)),
            ("share_ratio", .number(shareRatio)), ("share_ratio_lower", .number(shareRatioLower)),
            ("share_ratio_upper", .number(shareRatioUpper)),
            ("excess", .number(excess)), ("excess_lower", .number(excessLower)), ("excess_upper", .number(excessUpper)),
            ("significant", .bool(significant)), ("small", .bool(small)), ("zero_base", .bool(zeroBase)),
            ("zero_cell", .bool(zeroCell)), ("zero_cell_rule", .text(zeroCellRule.rawValue)),
            ("confidence", .number(confidence)),
        ]
        if unknown {
            cells += [("unknown_count", int(unknownCount)), ("rate_unknown_upper", .number(rateUnknownUpper)),
                      ("rate_redistributed", .number(rateRedistributed)), ("rri_unknown_lower", .number(rriUnknownLower)),
                      ("rri_unknown_upper", .number(rriUnknownUpper)), ("rri_redistributed", .number(rriRedistributed)),
                      ("depends_on_unknown", .bool(dependsOnUnknown))]
        }
        if strata {
            cells += [("mh_rr", .number(mhRiskRatio)), ("mh_rr_lower", .number(mhRiskRatioLower)),
                      ("mh_rr_upper", .number(mhRiskRatioUpper)), ("mh_rr_method", .text(RatioIntervalMethod.mantelHaenszelGreenlandRobins.rawValue)),
                      ("mh_or", .number(mhOddsRatio)), ("mh_or_lower", .number(mhOddsRatioLower)),
                      ("mh_or_upper", .number(mhOddsRatioUpper)), ("mh_or_method", .text(RatioIntervalMethod.mantelHaenszelRobinsBreslowGreenland.rawValue)),
                      ("cmh_p", .number(cmhPValue)), ("breslow_day_p", .number(breslowDayPValue))]
        }
        cells.append(("suppressed", .text(suppression)))
        return ResultRow(cells)
    }
}

extension DisproportionalityReport {
    /// One result row per group × stage.
    public func resultRows() -> [ResultRow] {
        rows.map { $0.resultRow(confidence: confidence, zeroCellRule: zeroCellRule, strata: !strata.isEmpty, unknown: unknownLabel != nil) }
    }
}
