extension Representation {
    /// The result as a row: printed figures, ratio and difference with their rounding ranges,
    /// and the sampling intervals when totals are known (empty otherwise).
    public func resultRow(labels: [(String, String)] = []) -> ResultRow {
        func int(_ v: Int?) -> CellValue { v.map { .integer($0) } ?? .null }
        var cells: [(name: String, value: CellValue)] = labels.map { ($0.0, .text($0.1)) }
        cells += [
            ("service_percent", .number(servicePercent)), ("comparator_percent", .number(comparatorPercent)),
            ("service_total", int(serviceTotal)), ("comparator_total", int(comparatorTotal)),
            ("ratio", .number(ratio)),
            ("ratio_rounding_lower", .number(ratioRounding.lowerBound)), ("ratio_rounding_upper", .number(ratioRounding.upperBound)),
            ("ratio_lower", .number(ratioSampling?.lowerBound ?? .nan)), ("ratio_upper", .number(ratioSampling?.upperBound ?? .nan)),
            ("difference_points", .number(differencePoints)),
            ("difference_rounding_lower", .number(differenceRounding.lowerBound)),
            ("difference_rounding_upper", .number(differenceRounding.upperBound)),
            ("difference_lower", .number(differenceSampling?.lowerBound ?? .nan)),
            ("difference_upper", .number(differenceSampling?.upperBound ?? .nan)),
            ("service_count_min", int(consistentServiceCounts?.lowerBound)), ("service_count_max", int(consistentServiceCounts?.upperBound)),
            ("confidence", .number(confidence)),
            ("interval_method", .text(comparatorTotal == nil ? "rounding; wilson over consistent counts" : "rounding; katz ratio and newcombe difference over consistent counts")),
            ("notes", .text(notes.joined(separator: "; "))),
        ]
        return ResultRow(cells)
    }

    /// One plain-English sentence.
    public func sentence(subject: String = "Service", comparator: String = "comparator") -> String {
        var text = "\(subject): \(Self.text(servicePercent))% against \(Self.text(comparatorPercent))% (\(comparator)): "
        text += "ratio \(Self.number(ratio)) (rounding alone allows \(Self.number(ratioRounding.lowerBound)) to \(Self.number(ratioRounding.upperBound)))"
        text += ", difference \(Self.signed(differencePoints)) points (\(Self.signed(differenceRounding.lowerBound)) to \(Self.signed(differenceRounding.upperBound)))"
        if let r = ratioSampling, let d = differenceSampling, let total = serviceTotal {
            let level = NumberFormatting.fixed(confidence * 100, 0)
            text += ". With \(total) children behind it, the \(level)% interval is \(Self.number(r.lowerBound)) to \(Self.number(r.upperBound)) for the ratio"
            text += " and \(Self.signed(d.lowerBound)) to \(Self.signed(d.upperBound)) points for the difference"
        }
        text += "."
        if !notes.isEmpty { text += " Note: " + notes.joined(separator: "; ") + "." }
        return text
    }

    static func number(_ x: Double) -> String {
        x.isInfinite ? "no limit" : NumberFormatting.fixed(x, 2)
    }

    static func signed(_ x: Double) -> String {
        let body = NumberFormatting.fixed(x, 1)
        return x > 0 ? "+" + body : body
    }
}
