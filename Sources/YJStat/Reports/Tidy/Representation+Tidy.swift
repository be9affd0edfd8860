extension Representation {
    /// The row of the tidy table: the label columns given, the printed shares (percent), the
    /// number of children behind the service share, the ratio and the difference in percentage
    /// points each with its widest interval (the sampling interval when the total is known,
    /// which contains the rounding range; else the rounding range alone), which interval it is,
    /// and the notes. Ratios to 3 significant figures and points to 1 decimal place unless
    /// `precision` is full; a value that is not a finite number in words, never an empty cell.
    public func tidyRow(labels: [(String, String)] = [], precision: TidyPrecision) -> ResultRow {
        func ratioCell(_ v: Double) -> CellValue { TidyCell.number(v, .ratio, precision: precision) }
        func pointsCell(_ v: Double) -> CellValue { TidyCell.number(v, .percent, precision: precision) }
        let ratioRange = ratioSampling ?? ratioRounding
        let differenceRange = differenceSampling ?? differenceRounding
        let interval: String
        if ratioSampling == nil {
            interval = serviceTotal == nil ? "rounding of the printed percentages only (no total given)"
                : "rounding only (no count of the total fits the printed percentage)"
        } else if comparatorTotal == nil {
            interval = "rounding and sampling: Wilson over the counts consistent with the printed percentage (\(NumberFormatting.fixed(confidence * 100, 0))%)"
        } else {
            interval = "rounding and sampling: Katz ratio and Newcombe difference over the consistent counts (\(NumberFormatting.fixed(confidence * 100, 0))%)"
        }
        var cells: [(name: String, value: CellValue)] = labels.map { ($0.0, .text($0.1.isEmpty ? "none" : $0.1)) }
        cells += [
            ("service_share_percent", pointsCell(servicePercent)), ("comparator_share_percent", pointsCell(comparatorPercent)),
            ("service_children", serviceTotal.map { .integer($0) } ?? .text("not given")),
            ("ratio", ratioCell(ratio)), ("ratio_lower", ratioCell(ratioRange.lowerBound)), ("ratio_upper", ratioCell(ratioRange.upperBound)),
            ("difference_points", pointsCell(differencePoints)),
            ("difference_lower_points", pointsCell(differenceRange.lowerBound)), ("difference_upper_points", pointsCell(differenceRange.upperBound)),
            ("interval", .text(interval)),
            ("notes", TidyCell.flags(notes)),
        ]
        return ResultRow(cells)
    }

    /// The methods behind the figures, in plain words with references.
    public static let methods = [
        "rounding: a printed whole percent x stands for a value in [x - 0.5, x + 0.5), so the ratio lies in [(S - 0.5)/(C + 0.5), (S + 0.5)/(C - 0.5)) and the difference within 1 point of S - C; this range is certain, not statistical",
        "sampling (with \(Parameter.serviceTotal.mention)): the union over every count consistent with the printed percentage of the Wilson (1927) score interval, the comparator taken as exact within its rounding range",
        "sampling (with \(Parameter.comparatorTotal.mention) as well): the union over every consistent pair of counts of the Katz (1978) log interval for the ratio (Koopman score interval for a zero count) and Newcombe's (1998, method 10) hybrid score interval for the difference",
    ]
}
