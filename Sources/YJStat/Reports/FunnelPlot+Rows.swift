extension FunnelPlot {
    /// One row per service: `service, value, lower, upper, lower95, upper95, lower998, upper998, z,
    /// flag` (values as proportions in [0, 1], rates per `per` or ratios; `lower`/`upper` the
    /// service's own 95% interval; the limits at its denominator — ±inf where a first-significant
    /// limit does not exist), then `numerator, denominator, target, phi, tau2` (φ and τ² empty
    /// without the overdispersion option; τ² in reported units squared on the identity scale),
    /// then `p_at_least, p_at_most` (the exact tails P(X ≥ numerator), P(X ≤ numerator) under the
    /// target), `limits` (the convention) and `trimmed` (services trimmed for φ; empty without
    /// overdispersion).
    public var resultRows: [ResultRow] {
        let phi: CellValue = overdispersion.map { .number($0.phi) } ?? .null
        let tau2: CellValue = tauSquaredInReportedUnits.map { .number($0) } ?? .null
        let trimmed: CellValue = overdispersion.map { .integer($0.trimmed) } ?? .null
        return points.map { point in
            ResultRow([
                ("service", .text(point.service)),
                ("value", .number(point.value)),
                ("lower", .number(point.lower)),
                ("upper", .number(point.upper)),
                ("lower95", .number(point.limits.lower95)),
                ("upper95", .number(point.limits.upper95)),
                ("lower998", .number(point.limits.lower998)),
                ("upper998", .number(point.limits.upper998)),
                ("z", .number(point.z)),
                ("flag", .text(point.flag.rawValue)),
                ("numerator", .integer(point.numerator)),
                ("denominator", Self.denominatorCell(point.denominator)),
                ("target", .number(target)),
                ("phi", phi),
                ("tau2", tau2),
                ("p_at_least", point.tailAtLeast.map { .number($0) } ?? .null),
                ("p_at_most", point.tailAtMost.map { .number($0) } ?? .null),
                ("limits", .text(convention.rawValue)),
                ("trimmed", trimmed),
            ])
        }
    }

    /// A whole denominator as an integer cell, a fractional one (person-years, expected) as a number.
    static func denominatorCell(_ value: Double) -> CellValue {
        value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
    }

    /// A denominator for the text table: whole as an integer, fractional to 2 decimals.
    static func denominatorText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : NumberFormatting.fixed(value, 2)
    }

    /// A plain-text report: the target and method, the overdispersion estimate, a table of
    /// services, and the services outside the limits.
    public var textReport: String {
        let percent = measure == .proportion
        func show(_ value: Double) -> String {
            if !value.isFinite { return "none" }
            if percent { return NumberFormatting.percent(value, 1) }
            return measure == .ratio ? NumberFormatting.fixed(value, 3) : NumberFormatting.fixed(value, 1)
        }
        var out = ""
        let unit: String
        switch measure {
        case .proportion: unit = "proportion"
        case .rate(let per): unit = "rate per \(ChartValueStyle.number.format(per, decimals: 0))"
        case .ratio: unit = "ratio of observed to expected"
        }
        out += "Funnel plot of \(points.count) services (\(unit)); target \(percent ? NumberFormatting.percent(target, 2) : NumberFormatting.fixed(target, 2))"
        out += targetIsPooled ? " (pooled).\n" : " (given).\n"
        out += methodDescription + "\n"
        if let overdispersion {
            let options = overdispersion.options
            out += "Overdispersion (\(options.model.rawValue), \(options.scale.rawValue) scale): φ = \(NumberFormatting.fixed(overdispersion.phi, 3)) "
                + "from \(overdispersion.count) z-scores \(trimPhrase(overdispersion)); "
            switch options.model {
            case .additive:
                if let tau2 = tauSquaredInReportedUnits, tau2 > 0 {
                    let tau = tau2.squareRoot()
                    let tauText = percent && options.scale == .identity ? NumberFormatting.fixed(tau * 100, 2) + " points"
                                                                         : NumberFormatting.significant(tau, 4)
                    out += "τ² = \(NumberFormatting.significant(tau2, 4)) (τ = \(tauText))."
                } else {
                    out += "τ² = 0: no more spread than chance, \(convention.rawValue) limits kept."
                }
            case .multiplicative:
                out += overdispersion.isApplied ? "limits widened by √φ = \(NumberFormatting.fixed(overdispersion.phi.squareRoot(), 3))."
                                                : "φ ≤ 1: no more spread than chance, \(convention.rawValue) limits kept."
            }
            out += "\n"
        }
        out += "\n"
        let table = TextTable(
            header: ["service", "value", "numerator", "denominator", "95% limits", "99.8% limits", "z", "flag"],
            rows: points.map {
                [$0.service, show($0.value), String($0.numerator), Self.denominatorText($0.denominator),
                 "\(show($0.limits.lower95)) – \(show($0.limits.upper95))",
                 "\(show($0.limits.lower998)) – \(show($0.limits.upper998))",
                 NumberFormatting.fixed($0.z, 2), $0.flag.rawValue]
            })
        out += table.render()
        let flagged = points.filter { $0.flag.isOutside95 }
        out += "\n"
        if flagged.isEmpty {
            out += "Every service lies within the 95% limits.\n"
        } else {
            for flag in [FunnelFlag.high998, .high95, .low95, .low998] {
                let names = points.filter { $0.flag == flag }.map(\.service)
                if !names.isEmpty { out += "\(flag.rawValue): \(names.joined(separator: ", "))\n" }
            }
        }
        return out
    }
}
