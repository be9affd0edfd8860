import Foundation

/// A horizontal bar chart with interval whiskers, for comparing groups (for example the
/// relative rate index of each ethnic group against White, or each group's rate), as a
/// self-contained SVG.
///
/// One row per group: its label on the left, a bar from the baseline to the estimate, a whisker
/// from the lower to the upper bound, and the estimate with its interval printed on the right.
/// An optional vertical reference line (1 for ratios, or a national value) runs through all rows.
/// The value axis is linear (bars start at 0, or at the reference when zero is far outside the
/// data) or logarithmic (bars start at the reference, or 1, so ratios above and below it are
/// drawn symmetrically). Bounds outside the axis — an infinite upper bound, a lower bound of 0 on
/// a log axis — are drawn to the axis edge with an arrowhead.
public struct IntervalBarChartSVG: Sendable {
    /// The value axis scale.
    public enum Scale: String, Sendable, Codable {
        /// Evenly spaced values.
        case linear
        /// Evenly spaced ratios (for rate ratios and RRIs).
        case logarithmic
    }

    /// One group's estimate and interval.
    public struct Bar: Sendable, Equatable {
        /// The group's name.
        public var label: String
        /// The point estimate.
        public var estimate: Double
        /// Lower bound.
        public var lower: Double
        /// Upper bound.
        public var upper: Double

        /// Creates a bar.
        public init(label: String, estimate: Double, lower: Double, upper: Double) {
            self.label = label
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
        }
    }

    /// The groups, top to bottom.
    public var bars: [Bar]
    /// A reference value drawn as a vertical dashed line, if any.
    public var reference: Double?
    /// The chart title.
    public var title: String
    /// The caption under the chart (method, data source).
    public var caption: String
    /// How values are printed.
    public var valueStyle: ChartValueStyle
    /// The value axis scale.
    public var scale: Scale
    /// Text under the value axis.
    public var valueLabel: String
    /// Drawing width in pixels.
    public var width: Double = 820

    /// Creates a chart from parallel arrays of labels, estimates and bounds.
    ///
    /// - Throws: ``InvalidArgumentError`` when the arrays differ in length or are empty, or a
    ///   logarithmic axis has no positive value to show.
    public init(labels: [String], estimates: [Double], lower: [Double], upper: [Double], reference: Double? = nil,
                title: String, caption: String, valueStyle: ChartValueStyle = .number, scale: Scale = .linear,
                valueLabel: String = "") throws {
        guard !labels.isEmpty else { throw InvalidArgumentError("labels", "a bar chart needs at least one group") }
        guard estimates.count == labels.count, lower.count == labels.count, upper.count == labels.count else {
            throw InvalidArgumentError("estimates", "labels, estimates, lower and upper must have the same length "
                + "(\(labels.count), \(estimates.count), \(lower.count), \(upper.count))")
        }
        if scale == .logarithmic, !(estimates + lower + upper + [reference ?? 0]).contains(where: { $0 > 0 && $0.isFinite }) {
            throw InvalidArgumentError("estimates", "a logarithmic axis needs at least one positive value")
        }
        bars = (0..<labels.count).map { Bar(label: labels[$0], estimate: estimates[$0], lower: lower[$0], upper: upper[$0]) }
        self.reference = reference
        self.title = title
        self.caption = caption
        self.valueStyle = valueStyle
        self.scale = scale
        self.valueLabel = valueLabel
    }

    /// The SVG document.
    public func render() -> String {
        let rowHeight = 30.0, barHeight = 14.0, top = 64.0
        let labelSize = 12.0
        let longest = bars.map { SVGDocument.estimatedWidth($0.label, size: labelSize) }.max() ?? 0
        let labelWidth = min(250, max(60, longest + 14))
        let valueTexts = bars.map(valueText)
        let valueWidth = min(220, (valueTexts.map { SVGDocument.estimatedWidth($0, size: 11) }.max() ?? 0) + 16)
        let left = 20 + labelWidth, right = width - 16 - valueWidth
        let plotBottom = top + rowHeight * Double(bars.count)
        let captionLines = SVGDocument.wrap(caption, width: width - 40, size: 11)
        let height = plotBottom + 58 + Double(captionLines.count) * 15 + 12

        // Value axis.
        let finite = bars.flatMap { [$0.estimate, $0.lower, $0.upper] }.filter(\.isFinite) + (reference.map { [$0] } ?? [])
        let ticks: AxisTicks
        switch scale {
        case .linear:
            var low = finite.min() ?? 0, high = finite.max() ?? 1
            if low > 0, low < 0.5 * high { low = 0 }      // start at zero unless the data sit far from it
            if high < 0, high > 0.5 * low { high = 0 }
            ticks = AxisTicks.linear(minimum: low, maximum: high, count: 6)
        case .logarithmic:
            let positive = finite.filter { $0 > 0 }
            ticks = AxisTicks.logarithmic(minimum: positive.min() ?? 0.5, maximum: positive.max() ?? 2)
        }
        func position(_ value: Double) -> Double {
            switch scale {
            case .linear: return left + (value - ticks.lower) / (ticks.upper - ticks.lower) * (right - left)
            case .logarithmic:
                guard value > 0 else { return left }
                return left + Foundation.log(value / ticks.lower) / Foundation.log(ticks.upper / ticks.lower) * (right - left)
            }
        }
        func clamped(_ value: Double) -> (x: Double, outside: Bool) {
            if value.isNaN { return (left, true) }
            if scale == .logarithmic, value <= 0 { return (left, true) }
            let x = position(value)
            if x < left { return (left, true) }
            if x > right { return (right, true) }
            return (x, false)
        }
        let baseline: Double
        switch scale {
        case .linear:
            if ticks.lower <= 0, ticks.upper >= 0 { baseline = 0 } else { baseline = reference ?? ticks.lower }
        case .logarithmic:
            baseline = reference.flatMap { $0 > 0 ? $0 : nil } ?? 1
        }
        let baseX = clamped(baseline).x

        var svg = SVGDocument(width: width, height: height, title: title, summary: caption)
        svg.text(title, x: 20, y: 34, size: 18, weight: "bold", className: "title")
        svg.beginGroup([("class", "axes")])
        for tick in ticks.values {
            let x = position(tick)
            svg.line(x1: x, y1: top - 6, x2: x, y2: plotBottom, stroke: "#e6e9ed")
            svg.line(x1: x, y1: plotBottom, x2: x, y2: plotBottom + 5, stroke: "#555555")
            // Log ticks (0.5, 1, 2, 5) each take only the decimals they need.
            let decimals = scale == .linear ? ticks.decimals
                : valueStyle == .percent ? max(0, -Int(Foundation.log10(tick * 100).rounded(.down))) + 2
                : max(0, -Int(Foundation.log10(tick).rounded(.down)))
            svg.text(valueStyle.format(tick, decimals: decimals), x: x, y: plotBottom + 19, size: 11, anchor: "middle",
                     fill: "#444444", className: "tick-label")
        }
        svg.line(x1: left, y1: plotBottom, x2: right, y2: plotBottom, stroke: "#555555")
        if !valueLabel.isEmpty {
            svg.text(valueLabel, x: (left + right) / 2, y: plotBottom + 40, size: 12, anchor: "middle", className: "axis-label")
        }
        svg.endGroup()

        svg.beginGroup([("class", "bars")])
        for (i, bar) in bars.enumerated() {
            let centre = top + rowHeight * (Double(i) + 0.5)
            let label = Self.truncated(bar.label, width: labelWidth - 10, size: labelSize)
            svg.text(label, x: left - 10, y: centre + 4, size: labelSize, anchor: "end", fill: "#222222", className: "label")
            if bar.estimate.isFinite {
                let end = clamped(bar.estimate).x
                svg.rectangle(x: min(baseX, end), y: centre - barHeight / 2, width: abs(end - baseX), height: barHeight,
                              fill: "#9db4cf", className: "bar")
            }
            if !bar.lower.isNaN, !bar.upper.isNaN {
                let low = clamped(bar.lower), high = clamped(bar.upper)
                svg.line(x1: low.x, y1: centre, x2: high.x, y2: centre, stroke: "#1f3b57", width: 1.6, className: "whisker")
                for end in [low, high] {
                    if end.outside {
                        // An arrowhead at the axis edge: the bound lies beyond it.
                        let tip = end.x, back = end.x <= left + 0.01 ? end.x + 7 : end.x - 7
                        let d = "M\(SVGDocument.number(tip)) \(SVGDocument.number(centre)) L\(SVGDocument.number(back)) "
                            + "\(SVGDocument.number(centre - 4)) L\(SVGDocument.number(back)) \(SVGDocument.number(centre + 4)) Z"
                        svg.element("path", [("d", d), ("fill", "#1f3b57"), ("class", "whisker-arrow")])
                    } else {
                        svg.line(x1: end.x, y1: centre - 5, x2: end.x, y2: centre + 5, stroke: "#1f3b57", width: 1.6,
                                 className: "whisker-cap")
                    }
                }
            }
            if bar.estimate.isFinite {
                svg.element("circle", [("cx", SVGDocument.number(clamped(bar.estimate).x)), ("cy", SVGDocument.number(centre)),
                                       ("r", "3.2"), ("fill", "#1f3b57"), ("class", "estimate")],
                            children: "<title>" + SVGDocument.escape("\(bar.label): \(valueTexts[i])") + "</title>")
            }
            svg.text(valueTexts[i], x: right + 12, y: centre + 4, size: 11, fill: "#333333", className: "value")
        }
        svg.endGroup()

        if let reference, reference.isFinite {
            let x = clamped(reference).x
            svg.line(x1: x, y1: top - 8, x2: x, y2: plotBottom, stroke: "#c0392b", width: 1.4, dash: "5 4", className: "reference")
            svg.text("reference \(valueStyle.format(reference, decimals: max(2, ticks.decimals + 1)))", x: x, y: top - 12,
                     size: 11, anchor: "middle", fill: "#c0392b", className: "reference-label")
        }

        var captionY = plotBottom + 62
        svg.beginGroup([("class", "caption")])
        for line in captionLines {
            svg.text(line, x: 20, y: captionY, size: 11, fill: "#444444")
            captionY += 15
        }
        svg.endGroup()
        return svg.render()
    }

    /// "1.45 (1.10–1.92)" in the chart's value style.
    private func valueText(_ bar: Bar) -> String {
        let decimals = valueStyle == .percent ? 3 : 2
        return "\(valueStyle.format(bar.estimate, decimals: decimals)) (\(valueStyle.format(bar.lower, decimals: decimals))–\(valueStyle.format(bar.upper, decimals: decimals)))"
    }

    /// `text` shortened with an ellipsis to fit `width` at font `size`.
    static func truncated(_ text: String, width: Double, size: Double) -> String {
        let fits = Int(width / (0.55 * size))
        guard text.count > fits, fits > 1 else { return text }
        return String(text.prefix(fits - 1)) + "…"
    }
}
