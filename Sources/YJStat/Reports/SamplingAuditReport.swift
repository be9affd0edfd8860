/// Rows, JSON and text for ``SampleAudit`` results.
public enum SampleAuditReport {
    /// CSV rows, one per correction form × rounding: the achieved margin and whether it meets the
    /// target, the size the rule gives for N, and the populations for which the rule gives n.
    public static func rows(_ audit: SampleAudit) -> [ResultRow] {
        audit.impliedPopulations.map { range in
            let margin = audit.margins.first { $0.correction == range.correction }
            let rule = audit.ruleSizes.first { $0.correction == range.correction && $0.rounding == range.rounding }
            return ResultRow([
                ("correction", .text(range.correction.rawValue)),
                ("rounding", .text(range.rounding.rawValue)),
                ("sample", .integer(audit.sample)),
                ("population", audit.population.map { .integer($0) } ?? .null),
                ("achieved_margin", margin.map { .number($0.margin) } ?? .null),
                ("meets_target", margin.map { .bool(audit.target.isMet(byMargin: $0.margin)) } ?? .null),
                ("rule_sample_size", rule.map { .integer($0.size) } ?? .null),
                ("implied_population_min", range.lower.map { .integer($0) } ?? .null),
                ("implied_population_max", range.upper.map { .integer($0) } ?? .null),
                ("implied_population_unbounded", .bool(range.isUnbounded)),
            ])
        }
    }

    /// The JSON object: the verdict under the chosen form first, then `forms` (the CSV rows).
    public static func json(_ audit: SampleAudit) -> JSONValue {
        .object([
            ("sample", .integer(audit.sample)),
            ("population", audit.population.map { .integer($0) } ?? .null),
            ("confidence", .number(audit.target.confidence)),
            ("margin", .number(audit.target.margin)),
            ("proportion", .number(audit.target.proportion)),
            ("correction", .string(audit.correction.rawValue)),
            ("rounding", .string(audit.rounding.rawValue)),
            ("achieved_margin", .number(audit.achievedMargin)),
            ("meets_target", .bool(audit.meetsTarget)),
            ("exact_coverage", audit.exactCoverage.map { .number($0) } ?? .null),
            ("forms", .array(rows(audit).map(\.jsonObject))),
        ])
    }

    /// Plain text: verdict, margins, rule sizes and implied population ranges.
    public static func text(_ audit: SampleAudit) -> String {
        var out = "Sample of \(audit.sample) "
        out += audit.population.map { "from an eligible population of \($0)" } ?? "(population not given: treated as infinite)"
        out += "; stated precision \(SamplingText.target(audit.target))\n"
        out += "Achieved margin (\(audit.correction.rawValue)): ±\(SamplingText.points(audit.achievedMargin)) points: "
        out += audit.meetsTarget ? "meets the stated precision.\n" : "does NOT meet the stated precision.\n"
        if let coverage = audit.exactCoverage {
            out += "Exact probability that the sample proportion is within ±\(SamplingText.points(audit.target.margin)) points (hypergeometric, p = \(CellValue.shortest(audit.target.proportion))): \(NumberFormatting.fixed(coverage, 4))\n"
        }
        out += "\n" + TextTable(header: ["correction", "rounding", "margin", "meets", "rule n", "populations giving n"],
                                rows: rows(audit).map { row in
            let margin: String
            if case .number(let m)? = row["achieved_margin"] { margin = "±" + SamplingText.points(m) } else { margin = "" }
            let meets: String
            if case .bool(let b)? = row["meets_target"] { meets = b ? "yes" : "no" } else { meets = "" }
            let rule: String
            if case .integer(let n)? = row["rule_sample_size"] { rule = String(n) } else { rule = "-" }
            return [row["correction"]?.csvText ?? "", row["rounding"]?.csvText ?? "", margin, meets, rule, rangeText(row)]
        }).render()
        return out
    }

    private static func rangeText(_ row: ResultRow) -> String {
        guard case .integer(let low)? = row["implied_population_min"] else { return "none" }
        if case .integer(let high)? = row["implied_population_max"] { return low == high ? "\(low)" : "\(low)-\(high)" }
        return "\(low) or more"
    }
}
