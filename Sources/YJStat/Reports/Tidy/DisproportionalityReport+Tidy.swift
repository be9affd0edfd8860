extension DisproportionalityRow {
    /// The row of the tidy table: group, stage, count, base and its stage, the rate (per 1,000 of
    /// the population, or per 100 of every base with `--base previous`: `ratePer` gives the
    /// column's unit), the RRI with its interval, Holm-adjusted p, the excess number of children,
    /// flags and the RRI method; the cumulative RRI with a previous-stage base, and the
    /// Mantel–Haenszel RRI with strata. Rounded as ``TidyPrecision`` says; hidden values say
    /// `suppressed`. The full figures are in ``resultRow(confidence:zeroCellRule:strata:unknown:)``.
    public func tidyRow(ratePer: Double, zeroCellRule: ZeroCellRule, previousBase: Bool, strata: Bool,
                        precision: TidyPrecision) -> ResultRow {
        let hidden = isSuppressed
        let nanWord = isReference || status == .notComputed ? TidyCell.notComputedWord : "undefined"
        func number(_ v: Double?, _ kind: TidyCell.Kind, part: HiddenFigures? = nil) -> CellValue {
            TidyCell.number(v ?? .nan, kind, precision: precision, hidden: hidden || part.map(partlyHidden.contains) == true, nanWord: nanWord)
        }
        let rriValue = relativeRateIndex, rriCorrected = rri?.corrected ?? .nan
        let corrected = zeroCellRule == .haldane && !isReference && rriCorrected.isFinite && rriCorrected != rriValue
        var method = rriMethod.rawValue
        if corrected { method += "; haldane 0.5 added to every cell (estimate corrected)" }
        var rriCell: CellValue
        switch status {
        case .suppressed: rriCell = .text(TidyCell.suppressedWord)
        case .notComputed: rriCell = .text(TidyCell.notComputedWord)
        case .ok, .infinite, .undefined: rriCell = number(corrected ? rriCorrected : rriValue, .ratio)
        }
        if isReference { rriCell = number(1, .ratio) }
        let rateUnitScale = ratePer / rateUnit
        var cells: [(name: String, value: CellValue)] = [
            ("group", .text(group)), ("stage", .text(stage)),
            ("count", TidyCell.count(count, hidden: hidden)), ("base", TidyCell.count(base, hidden: hidden)),
            ("base_stage", .text(baseStage)),
            (ratePer == 1000 ? "rate_per_1000" : "rate_per_\(Int(ratePer))", number(rate * rateUnitScale, .rate)),
            ("rri", rriCell),
            ("rri_lower", isReference ? .text(TidyCell.notComputedWord) : number(rri?.lower, .ratio)),
            ("rri_upper", isReference ? .text(TidyCell.notComputedWord) : number(rri?.upper, .ratio)),
        ]
        if previousBase { cells.append(("cumulative_rri", isReference ? number(1, .ratio) : number(cumulative?.ratio, .ratio))) }
        if strata {
            cells.append(("adjusted_rri", isReference ? .text(TidyCell.notComputedWord) : number(stratified?.pooled?.riskRatio.estimate, .ratio, part: .adjustedFigures)))
        }
        cells += [
            ("p_adjusted", isReference ? .text(TidyCell.notComputedWord) : number(pAdjusted, .probability)),
            ("excess_children", isReference ? .text(TidyCell.notComputedWord) : number(excess?.estimate, .children)),
            ("flags", TidyCell.flags(tidyFlags)),
            ("method", .text(isReference ? "reference" : method)),
        ]
        return ResultRow(cells)
    }

    /// The flags of the tidy table, in a fixed order: reference, significant, small, zero-base,
    /// zero-cell, depends-on-unknown, and what is hidden.
    var tidyFlags: [String] {
        var flags: [String] = []
        if isReference { flags.append("reference") }
        if significant { flags.append("significant") }
        if small { flags.append("small numbers") }
        if zeroBase { flags.append("zero base") }
        if zeroCell && !isReference { flags.append("zero cell") }
        if dependsOnUnknown { flags.append("depends on unknown ethnicity") }
        if !suppressionText.isEmpty { flags.append("hidden: " + suppressionText) }
        return flags
    }
}

extension DisproportionalityReport {
    /// The unit of the tidy table's rate column: per 1,000 of the population, or with a
    /// previous-stage base per 100 children in every base (the first stage's base is the population).
    public var tidyRatePer: Double { base == .population ? 1000 : 100 }

    /// One tidy row per group × stage (see ``DisproportionalityRow/tidyRow(ratePer:zeroCellRule:previousBase:strata:precision:)``).
    public func tidyRows(precision: TidyPrecision) -> [ResultRow] {
        rows.map {
            $0.tidyRow(ratePer: tidyRatePer, zeroCellRule: zeroCellRule, previousBase: base == .previous, strata: !strata.isEmpty,
                       precision: precision)
        }
    }
}

extension ServiceDisproportionality {
    /// The tidy rows, led by the service.
    public func tidyRows(precision: TidyPrecision) -> [ResultRow] {
        report.tidyRows(precision: precision).map { ResultRow([("service", .text(service))] + $0.cells) }
    }
}
