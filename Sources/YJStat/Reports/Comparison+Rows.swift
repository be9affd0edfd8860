extension ProportionComparison {
    /// Rows `statistic, estimate, lower, upper, confidence, method` for `service`, `reference`,
    /// `difference`, `ratio` and `p_value` (proportions in [0, 1]; the p-value in `estimate`).
    public var resultRows: [ResultRow] {
        ComparisonRows.rows(service: (service.estimate, service.lower, service.upper, service.method.displayName),
                            reference: reference, difference: difference, ratio: ratio, confidence: service.confidence,
                            pValue: pValue, test: test)
    }

    /// A plain-text account for people, with percentages.
    public var textReport: String {
        let c = ComparisonRows.level(service.confidence)
        var out = "Service: \(service.successes) of \(service.trials) = \(NumberFormatting.percent(service.estimate, 1))"
        out += " (\(c) CI \(NumberFormatting.percent(service.lower, 1)) to \(NumberFormatting.percent(service.upper, 1)), \(service.method.displayName))\n"
        out += "Reference: \(NumberFormatting.percent(reference, 1))\n"
        out += "Difference: \(ComparisonRows.points(difference.estimate)) (\(c) CI \(ComparisonRows.points(difference.lower)) to \(ComparisonRows.points(difference.upper)))\n"
        out += "Ratio: \(NumberFormatting.fixed(ratio.estimate, 3)) (\(c) CI \(NumberFormatting.fixed(ratio.lower, 3)) to \(NumberFormatting.fixed(ratio.upper, 3)))\n"
        out += "Exact binomial test of p = \(NumberFormatting.percent(reference, 1)): \(ComparisonRows.pStatement(pValue)) (two-sided, minimum likelihood as R binom.test)\n"
        out += ComparisonRows.verdict(pValue: pValue, confidence: service.confidence, higher: service.estimate > reference)
        return out
    }
}

extension PrintedProportionComparison {
    /// The rows of the comparison at the chosen numerator, then — when more than one numerator
    /// prints as the percentage — `consistent_numerators` (estimate the chosen k, bounds k₋ and
    /// k₊), `service_over_range`, `difference_over_range`, `ratio_over_range` (bounds the union
    /// over the range) and `p_value_range` (estimate the chosen p, bounds its minimum and maximum).
    public var resultRows: [ResultRow] {
        var rows = chosen.resultRows
        guard consistentNumerators.count > 1 else { return rows }
        let confidence = chosen.service.confidence
        func row(_ name: String, _ estimate: Double, _ lower: Double, _ upper: Double, _ method: String) -> ResultRow {
            ComparisonRows.row(name, estimate, .number(lower), .number(upper), confidence: confidence, method: method)
        }
        let n = chosen.service.trials
        rows.append(row("consistent_numerators", Double(chosen.service.successes), Double(consistentNumerators.lowerBound),
                        Double(consistentNumerators.upperBound), "whole numerators of \(n) that print as \(percent.printedText)%"))
        for (name, value) in [("service_over_range", serviceOverRange), ("difference_over_range", differenceOverRange),
                              ("ratio_over_range", ratioOverRange)] {
            rows.append(row(name, value.estimate, value.lower, value.upper, value.method))
        }
        rows.append(row("p_value_range", chosen.pValue, pValueRange.lowerBound, pValueRange.upperBound,
                        "\(chosen.test), smallest and largest over every consistent numerator"))
        return rows
    }

    /// The comparison at the chosen numerator in words, then what every consistent numerator
    /// allows and whether the conclusion depends on which one is true.
    public var textReport: String {
        let out = chosen.textReport
        guard consistentNumerators.count > 1 else { return out }
        let c = ComparisonRows.level(chosen.service.confidence)
        let n = chosen.service.trials, low = consistentNumerators.lowerBound, high = consistentNumerators.upperBound
        func pct(_ v: Double) -> String { NumberFormatting.percent(v, 1) }
        func exact(_ k: Int) -> String { NumberFormatting.fixed(100 * Double(k) / Double(n), percent.decimals + 2) }
        var range = "The printed \(percent.printedText)% of \(n) fits every numerator from \(low) to \(high)"
        range += " (\(exact(low))% to \(exact(high))%); the figures above use \(chosen.service.successes)."
        range += " Over all of them: service \(c) CI \(pct(serviceOverRange.lower)) to \(pct(serviceOverRange.upper));"
        range += " difference \(ComparisonRows.points(differenceOverRange.lower)) to \(ComparisonRows.points(differenceOverRange.upper));"
        range += " ratio \(NumberFormatting.fixed(ratioOverRange.lower, 3)) to \(NumberFormatting.fixed(ratioOverRange.upper, 3));"
        range += " p from \(ComparisonRows.pValue(pValueRange.lowerBound)) to \(ComparisonRows.pValue(pValueRange.upperBound))."
        range += conclusionDependsOnNumerator
            ? " The conclusion depends on which of these numerators is true: the printed percentage alone does not settle it."
            : " The conclusion is the same for every one of them."
        return out + "\n" + TextWrap.wrap(range)
    }
}

extension RateComparison {
    /// Rows `statistic, estimate, lower, upper, confidence, method` for `service`, `reference`,
    /// `difference`, `ratio` and `p_value` (rates per `per`; the p-value in `estimate`).
    public var resultRows: [ResultRow] {
        ComparisonRows.rows(service: (service.estimate, service.lower, service.upper, service.method.displayName),
                            reference: reference, difference: difference, ratio: ratio, confidence: service.confidence,
                            pValue: pValue, test: test)
    }

    /// A plain-text account for people.
    public var textReport: String {
        let c = ComparisonRows.level(service.confidence)
        let per = ComparisonRows.whole(service.per)
        func r(_ v: Double) -> String { NumberFormatting.fixed(v, 1) }
        var out = "Service: \(service.count) in \(ComparisonRows.whole(service.population)) = \(r(service.estimate)) per \(per)"
        out += serviceInterval(digits: 1)
        out += "Reference: \(r(reference)) per \(per); expected count \(NumberFormatting.fixed(expected, 2))\n"
        out += "Difference: \(r(difference.estimate)) per \(per) (\(c) CI \(r(difference.lower)) to \(r(difference.upper)))\n"
        out += "Ratio: \(NumberFormatting.fixed(ratio.estimate, 3)) (\(c) CI \(NumberFormatting.fixed(ratio.lower, 3)) to \(NumberFormatting.fixed(ratio.upper, 3)))\n"
        return out + exactTestAndVerdict(of: "\(r(reference)) per \(per)")
    }
}

extension RateComparison {
    /// A plain-text account of an observed/expected ratio (a comparison made with `per` = 1 and
    /// the expected count as the population): observed, expected, the ratio against the
    /// reference ratio, and the exact test.
    public var ratioTextReport: String {
        func r(_ v: Double) -> String { NumberFormatting.fixed(v, 3) }
        var out = "Service: \(service.count) observed against \(NumberFormatting.fixed(service.population, 2)) expected = ratio \(r(service.estimate))"
        out += serviceInterval(digits: 3)
        out += "Reference ratio: \(r(reference)); expected count at the reference \(NumberFormatting.fixed(expected, 2))\n"
        return out + exactTestAndVerdict(of: "a ratio of \(r(reference))")
    }

    /// ` (95% CI lower to upper, method)` and a line end, the bounds to `digits` decimals.
    private func serviceInterval(digits: Int) -> String {
        let c = ComparisonRows.level(service.confidence)
        return " (\(c) CI \(NumberFormatting.fixed(service.lower, digits)) to \(NumberFormatting.fixed(service.upper, digits)), \(service.method.displayName))\n"
    }

    /// The exact Poisson test line (`null` is what was tested, in words) and the verdict.
    private func exactTestAndVerdict(of null: String) -> String {
        "Exact Poisson test of \(null): \(ComparisonRows.pStatement(pValue)) (two-sided, minimum likelihood as R poisson.test)\n"
            + ComparisonRows.verdict(pValue: pValue, confidence: service.confidence, higher: service.estimate > reference)
    }
}

/// Shared row layout and wording for one-service comparisons.
enum ComparisonRows {
    static func rows(service: (Double, Double, Double, String), reference: Double, difference: IntervalEstimate,
                     ratio: IntervalEstimate, confidence: Double, pValue: Double, test: String) -> [ResultRow] {
        func row(_ name: String, _ estimate: Double, _ lower: CellValue, _ upper: CellValue, _ method: String) -> ResultRow {
            ComparisonRows.row(name, estimate, lower, upper, confidence: confidence, method: method)
        }
        return [
            row("service", service.0, .number(service.1), .number(service.2), service.3),
            row("reference", reference, .null, .null, "given, treated as known"),
            row("difference", difference.estimate, .number(difference.lower), .number(difference.upper), difference.method),
            row("ratio", ratio.estimate, .number(ratio.lower), .number(ratio.upper), ratio.method),
            row("p_value", pValue, .null, .null, test),
        ]
    }

    /// One row `statistic, estimate, lower, upper, confidence, method`.
    static func row(_ name: String, _ estimate: Double, _ lower: CellValue, _ upper: CellValue,
                    confidence: Double, method: String) -> ResultRow {
        ResultRow([("statistic", .text(name)), ("estimate", .number(estimate)), ("lower", lower), ("upper", upper),
                   ("confidence", .number(confidence)), ("method", .text(method))])
    }

    /// A difference of proportions in percentage points, signed.
    static func points(_ value: Double) -> String {
        (value > 0 ? "+" : "") + NumberFormatting.fixed(value * 100, 1) + " points"
    }

    /// A confidence level as a percentage without needless decimals: "95%", "99.8%".
    static func level(_ confidence: Double) -> String {
        CellValue.shortest((confidence * 1000).rounded() / 10) + "%"
    }

    /// A whole number with thousands separators from five digits on: "20,000", "100,000".
    /// A count-like number: whole with thousands separators, or to 2 decimals when fractional
    /// (person-years).
    static func whole(_ value: Double) -> String {
        ChartValueStyle.number.format(value, decimals: value == value.rounded() ? 0 : 2)
    }

    /// "p = 0.0871", or "p < 0.0001" below the fourth decimal.
    static func pStatement(_ p: Double) -> String {
        p < 0.0001 ? "p < 0.0001" : "p = " + NumberFormatting.fixed(p, 4)
    }

    static func pValue(_ p: Double) -> String {
        p < 0.0001 ? "< 0.0001" : NumberFormatting.fixed(p, 4)
    }

    static func verdict(pValue: Double, confidence: Double, higher: Bool) -> String {
        let alpha = 1 - confidence
        let level = CellValue.shortest((alpha * 1e6).rounded() / 1e6)
        if pValue < alpha {
            return "The service is \(higher ? "higher" : "lower") than the reference beyond what chance alone readily explains (p < \(level)).\n"
        }
        return "The difference is within what chance alone could produce at this size (p ≥ \(level)).\n"
    }
}
