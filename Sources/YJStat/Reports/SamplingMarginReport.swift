/// Rows, JSON and text for ``MarginOfError`` results.
public enum MarginReport {
    /// The JSON object: `margin` (a proportion, 0.05 = five points), then the inputs, `z` and the
    /// variance factor.
    public static func json(_ margin: MarginOfError) -> JSONValue { row(margin).jsonObject }

    /// One CSV row with the same columns as the JSON object.
    public static func row(_ margin: MarginOfError) -> ResultRow {
        ResultRow([
            ("margin", .number(margin.margin)),
            ("sample", .integer(margin.sample)),
            ("population", margin.population.map { .integer($0) } ?? .null),
            ("confidence", .number(margin.confidence)),
            ("proportion", .number(margin.proportion)),
            ("correction", .text(margin.correction.rawValue)),
            ("z", .number(margin.z)),
            ("variance_factor", .number(margin.varianceFactor)),
        ])
    }

    /// One sentence.
    public static func text(_ margin: MarginOfError) -> String {
        var out = "A sample of \(margin.sample) "
        out += margin.population.map { "from \($0) " } ?? "from an infinite population "
        out += "at \(SamplingText.percent(margin.confidence)) confidence (p = \(CellValue.shortest(margin.proportion))) "
        out += "has a margin of error of ±\(SamplingText.points(margin.margin)) points"
        if margin.population != nil { out += " (\(margin.correction.rawValue), variance factor \(NumberFormatting.fixed(margin.varianceFactor, 4)))" }
        return out + ".\n"
    }
}
