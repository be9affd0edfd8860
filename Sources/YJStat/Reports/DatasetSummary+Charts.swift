extension DatasetSummary {
    /// The SVG charts `--out` writes, by file name: a funnel per case-based domain with counts
    /// (`funnel-domain-2.svg`, …; with several frameworks in use `funnel-<framework>-domain-2.svg`,
    /// titled with the framework), each service's representation ratios
    /// (`representation-<service>.svg`), and the minority-ethnic ratio against the national average
    /// across services (`representation-minority-ethnic.svg`).
    public func charts() -> [(name: String, svg: String)] {
        var charts: [(name: String, svg: String)] = []
        for funnel in keyQuestionFunnels {
            guard let plot = funnel.plot else { continue }
            let which = hasSeveralFrameworks ? " (\(funnel.frameworkID))" : ""
            var chart = FunnelChartSVG(plot: plot, title: "\(funnel.domainName)\(which): key-question results (flags by exact binomial tails)",
                                       xLabel: "Relevant cases", yLabel: "Yes (%)")
            chart.unitName = ("key-question result", "key-question results")
            let name = hasSeveralFrameworks ? "funnel-\(funnel.frameworkID)-domain-\(funnel.domainID).svg" : "funnel-domain-\(funnel.domainID).svg"
            charts.append((name, chart.render()))
        }
        for summary in services where !summary.representation.entries.isEmpty {
            let entries = summary.representation.entries
            let sampled = entries.contains { $0.representation.ratioSampling != nil }
            let caption = "Share of the service's children cautioned or sentenced divided by the comparator's share (printed whole percentages). "
                + (sampled
                    ? "Whiskers: \(NumberFormatting.fixed(summary.representation.confidence * 100, 0))% interval with sampling and rounding, taking \(summary.representation.childrenTotal ?? 0) children; rounding range where the percentage does not fit that number."
                    : "Whiskers: the range that rounding of the printed percentages allows (the number of children is not printed).")
            guard let svg = try? RepresentationChartSVG.render(
                labels: entries.map { "\($0.category) (\($0.comparator == .national ? "national" : "local"))" },
                representations: entries.map(\.representation), title: "\(summary.name): representation ratios",
                caption: caption) else { continue }
            charts.append(("representation-\(summary.service).svg", svg))
        }
        let minority = services.compactMap { summary -> (String, Representation)? in
            summary.representation.entries.first { $0.category == ServiceRepresentation.minorityEthnicCategory && $0.comparator == .national }
                .map { (summary.name, $0.representation) }
        }
        if !minority.isEmpty, let chart = try? IntervalBarChartSVG(
            labels: minority.map(\.0), estimates: minority.map(\.1.ratio),
            lower: minority.map { ($0.1.ratioSampling ?? $0.1.ratioRounding).lowerBound },
            upper: minority.map { ($0.1.ratioSampling ?? $0.1.ratioRounding).upperBound },
            reference: 1, title: "Black and minority-ethnic children cautioned or sentenced, against the national share",
            caption: "Ratio of each service's printed share to the printed national share. Whiskers: interval with sampling and rounding where the number of children is taken from the caseload and fits; otherwise the range rounding allows.",
            valueStyle: .number, scale: .logarithmic, valueLabel: "Ratio to the national share (log scale)") {
            charts.append(("representation-minority-ethnic.svg", chart.render()))
        }
        return charts
    }
}
