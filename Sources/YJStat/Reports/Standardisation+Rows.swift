/// Rows and text for standardised ratios and rates.
public enum StandardisationRows {
    /// One row per service for indirect standardisation: `service, observed, expected` (so the
    /// file feeds `funnel --measure ratio` directly), `ratio`, then `lower` and `upper` at each
    /// confidence level (`lower95, upper95, lower998, upper998`), `rate` (the indirectly
    /// standardised rate per `per`, empty when no crude reference rate is known) with its limits
    /// (`rate_lower95` …), `population` and `method`.
    public static func indirect(_ results: [IndirectStandardisation], hasRate: Bool) -> [ResultRow] {
        results.map { result in
            var cells: [(String, CellValue)] = [
                ("service", .text(result.service)),
                ("observed", .integer(result.observed)),
                ("expected", .number(result.expected)),
                ("ratio", .number(result.ratio.first?.estimate ?? .nan)),
            ]
            for interval in result.ratio {
                let level = suffix(interval.confidence)
                cells.append(("lower\(level)", .number(interval.lower)))
                cells.append(("upper\(level)", .number(interval.upper)))
            }
            cells.append(("rate", hasRate ? .number(result.rate.first?.estimate ?? .nan) : .null))
            for interval in result.rate {
                let level = suffix(interval.confidence)
                cells.append(("rate_lower\(level)", hasRate ? .number(interval.lower) : .null))
                cells.append(("rate_upper\(level)", hasRate ? .number(interval.upper) : .null))
            }
            cells.append(("population", .number(result.population)))
            cells.append(("method", .text(result.ratio.first?.method ?? "")))
            return ResultRow(cells)
        }
    }

    /// One row per service for direct standardisation: `service, observed, population, rate`,
    /// then `lower` and `upper` at each confidence level, and `method`.
    public static func direct(_ results: [DirectStandardisation]) -> [ResultRow] {
        results.map { result in
            var cells: [(String, CellValue)] = [
                ("service", .text(result.service)),
                ("observed", .integer(result.observed)),
                ("population", .number(result.population)),
                ("rate", .number(result.rate.first?.estimate ?? .nan)),
            ]
            for interval in result.rate {
                let level = suffix(interval.confidence)
                cells.append(("lower\(level)", .number(interval.lower)))
                cells.append(("upper\(level)", .number(interval.upper)))
            }
            cells.append(("method", .text(result.rate.first?.method ?? "")))
            return ResultRow(cells)
        }
    }

    /// A text table of indirectly standardised ratios.
    public static func indirectText(_ results: [IndirectStandardisation], hasRate: Bool, per: Double) -> String {
        guard let first = results.first else { return "No services.\n" }
        let levels = first.ratio.map { ComparisonRows.level($0.confidence) }
        var header = ["service", "observed", "expected", "ratio"] + levels.map { "\($0) CI" }
        if hasRate { header.append("rate per \(ComparisonRows.whole(per))") }
        let rows = results.map { result -> [String] in
            var row = [result.service, String(result.observed), NumberFormatting.fixed(result.expected, 2),
                       NumberFormatting.fixed(result.ratio[0].estimate, 3)]
            row += result.ratio.map { "\(NumberFormatting.fixed($0.lower, 3)) – \(NumberFormatting.fixed($0.upper, 3))" }
            if hasRate { row.append(NumberFormatting.fixed(result.rate[0].estimate, 1)) }
            return row
        }
        var out = "Indirectly standardised ratios of \(results.count) services: observed against expected from the reference rates by stratum.\n"
        out += "Intervals: \(first.ratio[0].method), the expected count taken as known.\n\n"
        out += TextTable(header: header, rows: rows).render()
        return out
    }

    /// A text table of directly standardised rates.
    public static func directText(_ results: [DirectStandardisation]) -> String {
        guard let first = results.first else { return "No services.\n" }
        let levels = first.rate.map { ComparisonRows.level($0.confidence) }
        let header = ["service", "observed", "population", "rate per \(ComparisonRows.whole(first.per))"] + levels.map { "\($0) CI" }
        let rows = results.map { result -> [String] in
            [result.service, String(result.observed), NumberFormatting.fixed(result.population, 0),
             NumberFormatting.fixed(result.rate[0].estimate, 1)]
                + result.rate.map { "\(NumberFormatting.fixed($0.lower, 1)) – \(NumberFormatting.fixed($0.upper, 1))" }
        }
        var out = "Directly standardised rates of \(results.count) services against the standard population.\n"
        out += "Intervals: \(first.rate[0].method).\n\n"
        out += TextTable(header: header, rows: rows).render()
        return out
    }

    /// "95" for 0.95, "998" for 0.998.
    static func suffix(_ confidence: Double) -> String {
        let tenths = Int((confidence * 1000).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : String(tenths)
    }
}
