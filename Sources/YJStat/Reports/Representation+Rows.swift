extension Representation {
    /// The result as a row: printed figures, ratio and difference with their rounding ranges,
    /// and the sampling intervals when totals are known. A value that is not a finite number is
    /// explicit (CSV `inf`/`NA`, JSON `"inf"`/`"undefined"`); `status` is `ok`, or `not-computed`
    /// when there is no total (or no count fits it) so the sampling interval cannot be worked out.
    public func resultRow(labels: [(String, String)] = []) -> ResultRow {
        func int(_ v: Int?) -> CellValue { v.map { .integer($0) } ?? .measure(.nan) }
        var cells: [(name: String, value: CellValue)] = labels.map { ($0.0, .text($0.1)) }
        cells += [
            ("service_percent", .explicit(servicePercent)), ("comparator_percent", .explicit(comparatorPercent)),
            ("service_total", int(serviceTotal)), ("comparator_total", int(comparatorTotal)),
            ("ratio", .explicit(ratio)),
            ("ratio_rounding_lower", .explicit(ratioRounding.lowerBound)), ("ratio_rounding_upper", .explicit(ratioRounding.upperBound)),
            ("ratio_lower", .explicit(ratioSampling?.lowerBound ?? .nan)), ("ratio_upper", .explicit(ratioSampling?.upperBound ?? .nan)),
            ("difference_points", .explicit(differencePoints)),
            ("difference_rounding_lower", .explicit(differenceRounding.lowerBound)),
            ("difference_rounding_upper", .explicit(differenceRounding.upperBound)),
            ("difference_lower", .explicit(differenceSampling?.lowerBound ?? .nan)),
            ("difference_upper", .explicit(differenceSampling?.upperBound ?? .nan)),
            ("service_count_min", int(consistentServiceCounts?.lowerBound)), ("service_count_max", int(consistentServiceCounts?.upperBound)),
            ("confidence", .explicit(confidence)),
            ("interval_method", .text(comparatorTotal == nil ? "rounding; wilson over consistent counts" : "rounding; katz ratio and newcombe difference over consistent counts")),
            ("status", .text(ratioSampling == nil ? ValueStatus.notComputed.rawValue : ValueStatus.ok.rawValue)),
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
