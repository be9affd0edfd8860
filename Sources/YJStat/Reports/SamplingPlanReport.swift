/// Rows, JSON and text for ``SamplePlan`` results.
public enum SamplePlanReport {
    /// CSV rows, one per part.
    public static func rows(_ plan: SamplePlan) -> [ResultRow] {
        [plan.court, plan.outOfCourt].map { part in
            ResultRow([
                ("part", .text(part.name)),
                ("population", .integer(part.population)),
                ("sample_size", .integer(part.size)),
                ("unrounded", .number(part.unrounded)),
                ("achieved_margin", .number(part.achievedMargin)),
                ("meets_margin", .bool(part.meets(margin: plan.target.margin))),
                ("capped_at_population", .bool(part.cappedAtPopulation)),
                ("share_of_sample", .number(Double(part.size) / Double(plan.total))),
            ])
        }
    }

    /// The JSON object: the rule and target, `court` and `out_of_court` parts, `total`, `court_share`.
    public static func json(_ plan: SamplePlan) -> JSONValue {
        let parts = rows(plan)
        return .object([
            ("rule", .string(plan.rule.rawValue)),
            ("confidence", .number(plan.target.confidence)),
            ("margin", .number(plan.target.margin)),
            ("proportion", .number(plan.target.proportion)),
            ("correction", .string(plan.correction.rawValue)),
            ("rounding", .string(plan.rounding.rawValue)),
            ("ooc_rounding", plan.rule == .combined6040 ? .string(plan.outOfCourtRounding.rawValue) : .null),
            ("court", parts[0].jsonObject),
            ("out_of_court", parts[1].jsonObject),
            ("total", .integer(plan.total)),
            ("court_share", .number(plan.courtShare)),
        ])
    }

    /// Plain text: a table of the two parts and the combined split.
    public static func text(_ plan: SamplePlan) -> String {
        var out = "Sample plan: court sample for \(SamplingText.target(plan.target)) (\(plan.correction.rawValue), rounded \(plan.rounding.rawValue)); "
        switch plan.rule {
        case .combined6040:
            out += "out-of-court sample = court x 40/60 (rounded \(plan.outOfCourtRounding.rawValue)) so the combined sample is 60% court\n"
        case .separate:
            out += "out-of-court sample sized separately for the same precision\n"
        }
        out += "\n" + TextTable(header: ["part", "eligible", "sample", "unrounded", "achieved margin"], rows:
            [plan.court, plan.outOfCourt].map {
                [$0.name, String($0.population), String($0.size) + ($0.cappedAtPopulation ? " (all)" : ""),
                 NumberFormatting.fixed($0.unrounded, 2), "±" + SamplingText.points($0.achievedMargin)]
            }).render()
        out += "\nTotal \(plan.total): \(NumberFormatting.percent(plan.courtShare, 1)) court, \(NumberFormatting.percent(1 - plan.courtShare, 1)) out-of-court.\n"
        for part in [plan.court, plan.outOfCourt] where !part.meets(margin: plan.target.margin) {
            out += "Warning: the \(part.name) sample of \(part.size) achieves ±\(SamplingText.points(part.achievedMargin)), which misses the target ±\(SamplingText.points(plan.target.margin)).\n"
        }
        return out
    }
}
