extension ProportionInterval {
    /// The interval as a result row: `method, estimate, lower, upper, confidence` (proportions in
    /// [0, 1]), then `successes`, `trials`, `population` and the method's readable name.
    public var resultRow: ResultRow {
        ResultRow([
            ("method", .text(method.rawValue)),
            ("estimate", .number(estimate)),
            ("lower", .number(lower)),
            ("upper", .number(upper)),
            ("confidence", .number(confidence)),
            ("successes", .integer(successes)),
            ("trials", .integer(trials)),
            ("population", population.map { .integer($0) } ?? .null),
            ("method_name", .text(method.displayName)),
        ])
    }

    /// A plain-text table of intervals for people: percentages to two decimals.
    public static func textTable(_ intervals: [ProportionInterval]) -> String {
        guard let first = intervals.first else { return "" }
        var heading = "\(first.successes) of \(first.trials)"
        if let population = intervals.compactMap(\.population).first { heading += " (sampled from a population of \(population))" }
        heading += " = \(NumberFormatting.percent(first.estimate, 2)); \(NumberFormatting.fixed(first.confidence * 100, 1))% confidence intervals\n\n"
        let table = TextTable(
            header: ["method", "lower", "upper", "width"],
            rows: intervals.map {
                [$0.method.displayName, NumberFormatting.percent($0.lower, 2), NumberFormatting.percent($0.upper, 2),
                 NumberFormatting.fixed(($0.upper - $0.lower) * 100, 2) + " pts"]
            })
        return heading + table.render()
    }
}
