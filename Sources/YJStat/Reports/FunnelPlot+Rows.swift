extension FunnelPlot {
    /// One row per service: `service, value, lower, upper, lower95, upper95, lower998, upper998, z,
    /// flag` (values as proportions in [0, 1] or rates per `per`; `lower`/`upper` the service's own
    /// 95% interval; the limits at its denominator), then `numerator, denominator, target, phi,
    /// tau2` (φ and τ² empty without the overdispersion option; τ² in reported units squared).
    public var resultRows: [ResultRow] {
        let phi: CellValue = overdispersion.map { .number($0.phi) } ?? .null
        let tau2: CellValue = tauSquaredInReportedUnits.map { .number($0) } ?? .null
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
                ("denominator", .integer(point.denominator)),
                ("target", .number(target)),
                ("phi", phi),
                ("tau2", tau2),
            ])
        }
    }

    /// A plain-text report: the target and method, the overdispersion estimate, a table of
    /// services, and the services outside the limits.
    public var textReport: String {
        let percent = measure == .proportion
        func show(_ value: Double) -> String {
            percent ? NumberFormatting.percent(value, 1) : NumberFormatting.fixed(value, 1)
        }
        var out = ""
        let unit: String
        switch measure {
        case .proportion: unit = "proportion"
        case .rate(let per): unit = "rate per \(ChartValueStyle.number.format(per, decimals: 0))"
        }
        out += "Funnel plot of \(points.count) services (\(unit)); target \(percent ? NumberFormatting.percent(target, 2) : NumberFormatting.fixed(target, 2))"
        out += targetIsPooled ? " (pooled).\n" : " (given).\n"
        out += methodDescription + "\n"
        if let overdispersion {
            out += "Overdispersion: φ = \(NumberFormatting.fixed(overdispersion.phi, 3)) from \(overdispersion.count) z-scores winsorised at 10% each tail; "
            if let tau2 = tauSquaredInReportedUnits, tau2 > 0 {
                let tau = tau2.squareRoot()
                out += "τ² = \(NumberFormatting.significant(tau2, 4)) (τ = \(percent ? NumberFormatting.fixed(tau * 100, 2) + " points" : NumberFormatting.significant(tau, 4)))."
            } else {
                out += "τ² = 0: no more spread than chance, exact limits kept."
            }
            out += "\n"
        }
        out += "\n"
        let table = TextTable(
            header: ["service", "value", "numerator", "denominator", "95% limits", "99.8% limits", "z", "flag"],
            rows: points.map {
                [$0.service, show($0.value), String($0.numerator), String($0.denominator),
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
