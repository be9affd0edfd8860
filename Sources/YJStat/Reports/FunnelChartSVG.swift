import Foundation

/// Draws a ``FunnelPlot`` as a self-contained SVG chart: value against denominator, the target
/// line, the 95% and 99.8% control limits (four paths), each service as a point coloured by its
/// flag, labels, a title, a legend and a caption that states the method.
///
/// The funnel has its own style, so the target and the limits cannot be mistaken for each
/// other: the region inside the 99.8% limits is shaded (the inner 95% region a shade darker),
/// the limits are thin grey lines (95% dashed, 99.8% solid), and the target is a thick green
/// dash-dot line labelled with its value. Ratios (observed/expected) are drawn on a logarithmic
/// axis, where a ratio of 1 is central and 2 and 0.5 are equally far from it; a ratio of 0 (no
/// observed event) or an infinite one has no place on it and is drawn as a triangle on the
/// bottom (or top) edge, and the legend and caption say so.
///
/// Readable from 3 services to a few hundred: with more than ``maximumLabels`` services only
/// those outside the 95% limits are labelled (or only those outside 99.8% if even they are too
/// many), labels are placed greedily — most extreme z first — beside, above or below their point
/// where they overlap no other label or point, and a label with no free place is left out and
/// counted in the caption. Every point carries a tooltip with its service, value, counts and flag.
public struct FunnelChartSVG: Sendable {
    /// The plot to draw.
    public var plot: FunnelPlot
    /// The chart title.
    public var title: String
    /// Text under the x axis.
    public var xLabel: String
    /// Text beside the y axis.
    public var yLabel: String
    /// Drawing width in pixels.
    public var width: Double = 900
    /// Drawing height in pixels.
    public var height: Double = 620
    /// Label every service when there are at most this many; otherwise only flagged ones.
    public var maximumLabels = 25
    /// What one point is, singular and plural, for the caption ("24 key-question results", not
    /// "24 services"); services by default.
    public var unitName = (singular: "service", plural: "services")

    /// Colours (Okabe–Ito, safe for colour-blind readers) for points within, outside 95% and outside 99.8%.
    static let colours = (within: "#56718f", outside95: "#e69f00", outside998: "#c0392b", limit95: "#8a96a3",
                          limit998: "#4d5b69", target: "#009e73", band998: "#f1f4f7", band95: "#e4e9ef")

    /// The target line's dash pattern (dash-dot), unlike either limit's.
    static let targetDash = "12 4 2 4"

    /// Whether the value axis is logarithmic: for ratios (observed/expected).
    public var logarithmic: Bool { plot.measure == .ratio }

    /// Creates a chart; axis labels default to the measure's usual names.
    public init(plot: FunnelPlot, title: String, xLabel: String? = nil, yLabel: String? = nil) {
        self.plot = plot
        self.title = title
        switch plot.measure {
        case .proportion:
            self.xLabel = xLabel ?? "Denominator (cases)"
            self.yLabel = yLabel ?? "Proportion (%)"
        case .rate(let per):
            self.xLabel = xLabel ?? "Population"
            self.yLabel = yLabel ?? "Rate per \(ChartValueStyle.number.format(per, decimals: 0))"
        case .ratio:
            self.xLabel = xLabel ?? "Expected count"
            self.yLabel = yLabel ?? "Observed / expected"
        }
    }

    /// Which labels were placed, how many found no free place, and why only some were tried.
    struct Placement {
        var labelled: [String] = []
        var omitted = 0
        var note: String?
    }

    /// The services whose labels appear on the chart, in placement order.
    public func labelledServices() -> [String] { layout().placement.labelled }

    /// The SVG document.
    public func render() -> String { layout().document.render() }

    private var valueStyle: ChartValueStyle { plot.measure == .proportion ? .percent : .number }

    private func layout() -> (document: SVGDocument, placement: Placement) {
        let points = plot.points
        let outside95 = points.filter { $0.flag.isOutside95 }.count
        let outside998 = points.filter { $0.flag.isOutside998 }.count
        let left = 84.0, right = width - 28, top = 60.0
        let captionWidth = width - 2 * 24
        // Which services to label.
        var placement = Placement()
        var candidates: [FunnelPoint]
        if points.count <= maximumLabels {
            candidates = points
        } else if outside95 <= maximumLabels {
            candidates = points.filter { $0.flag.isOutside95 }
            placement.note = "With \(points.count) \(unitName.plural), only those outside the 95% limits are labelled."
        } else {
            candidates = points.filter { $0.flag.isOutside998 }
            placement.note = "With \(points.count) \(unitName.plural), only those outside the 99.8% limits are labelled."
        }
        candidates.sort { abs($0.z) > abs($1.z) }
        if candidates.count > maximumLabels { candidates = Array(candidates.prefix(maximumLabels)) }

        // Caption text (needed to size the bottom block); the omitted-label count is filled in after placement.
        let targetText = valueStyle.format(plot.target, decimals: plot.measure.isBinomial || plot.measure == .ratio ? 3 : 1)
        let total = points.reduce(0.0) { $0 + $1.denominator }
        var summary = "Target \(targetText) (\(plot.targetIsPooled ? "pooled" : "given")); \(points.count) \(points.count == 1 ? unitName.singular : unitName.plural), "
            + "\(plot.measure == .ratio ? "expected counts" : "denominators") summing to \(ChartValueStyle.number.format(total, decimals: 0)). "
            + "Outside the 95% limits: \(outside95) (\(outside998) of them outside the 99.8% limits)."
        if let note = placement.note { summary += " " + note }
        let zeroPoints = logarithmic ? points.filter { $0.value <= 0 }.count : 0
        let infinitePoints = logarithmic ? points.filter { $0.value.isInfinite && $0.value > 0 }.count : 0
        if zeroPoints > 0 {
            summary += " \(zeroPoints) \(zeroPoints == 1 ? unitName.singular + " has" : unitName.plural + " have") a ratio of 0, which has no place on the log scale: drawn as \(zeroPoints == 1 ? "a triangle" : "triangles") on the bottom edge."
        }
        if infinitePoints > 0 {
            summary += " \(infinitePoints) \(infinitePoints == 1 ? unitName.singular + " has" : unitName.plural + " have") an infinite ratio: drawn as \(infinitePoints == 1 ? "a triangle" : "triangles") on the top edge."
        }
        if logarithmic { summary += " Ratios on a log scale." }
        let method = plot.methodDescription
        // Reserve room for a possible omitted-label sentence.
        let captionLines = SVGDocument.wrap(method, width: captionWidth, size: 11).count
            + SVGDocument.wrap(summary + " 999 labels left out where they would overlap.", width: captionWidth, size: 11).count
        let bottom = height - (46 + 26 + Double(captionLines) * 15 + 14)
        let plotWidth = right - left, plotHeight = bottom - top

        // Scales.
        let maxDenominator = points.map(\.denominator).max() ?? 1
        let xTicks = AxisTicks.linear(minimum: 0, maximum: maxDenominator * 1.04, count: 7)
        var lowValue = plot.target, highValue = plot.target
        for point in points { lowValue = min(lowValue, point.value); highValue = max(highValue, point.value) }
        let sortedDenominators = points.map(\.denominator).sorted()
        let reference = plot.limits(at: sortedDenominators[min(sortedDenominators.count - 1, sortedDenominators.count / 10)])
        if reference.lower998.isFinite { lowValue = min(lowValue, reference.lower998) }
        if reference.upper998.isFinite { highValue = max(highValue, reference.upper998) }
        if plot.measure == .proportion { lowValue = max(0, lowValue); highValue = min(1, highValue) }
        let yTicks: AxisTicks
        if logarithmic {
            // Only positive, finite values have a place on a log axis.
            let positive = (points.map(\.value) + [plot.target, reference.lower998, reference.upper998]).filter { $0 > 0 && $0.isFinite }
            yTicks = AxisTicks.logarithmic(minimum: positive.min() ?? 0.5, maximum: positive.max() ?? 2)
        } else {
            yTicks = AxisTicks.linear(minimum: max(0, lowValue), maximum: highValue, count: 6)
        }
        func x(_ value: Double) -> Double { left + (value - xTicks.lower) / (xTicks.upper - xTicks.lower) * plotWidth }
        /// The y of a value; not finite for a value the axis cannot show (≤ 0 on a log axis).
        func y(_ value: Double) -> Double {
            guard logarithmic else { return bottom - (value - yTicks.lower) / (yTicks.upper - yTicks.lower) * plotHeight }
            guard value > 0, value.isFinite else { return .nan }
            return bottom - Foundation.log(value / yTicks.lower) / Foundation.log(yTicks.upper / yTicks.lower) * plotHeight
        }
        func tickText(_ tick: Double) -> String {
            guard logarithmic else { return valueStyle.format(tick, decimals: yTicks.decimals) }
            return valueStyle.format(tick, decimals: max(0, -Int(Foundation.log10(tick).rounded(.down))))
        }
        /// Where a point is drawn: its own y, or the bottom (ratio 0) or top (infinite) edge.
        func pointY(_ point: FunnelPoint) -> (y: Double, offScale: Int) {
            let own = y(point.value)
            if own.isFinite { return (own, 0) }
            return point.value > 0 ? (top + 7, 1) : (bottom - 7, -1)
        }

        var svg = SVGDocument(width: width, height: height, title: title, summary: method + " " + summary)
        svg.clipRectangle(id: "plot-area", x: left, y: top, width: plotWidth, height: plotHeight)
        svg.text(title, x: left, y: 34, size: 18, weight: "bold", className: "title")

        // Grid and axes.
        svg.beginGroup([("class", "axes")])
        for tick in yTicks.values {
            svg.line(x1: left, y1: y(tick), x2: right, y2: y(tick), stroke: "#e6e9ed")
            svg.text(tickText(tick), x: left - 8, y: y(tick) + 4, size: 11,
                     anchor: "end", fill: "#444444", className: "tick-label")
        }
        for tick in xTicks.values {
            svg.line(x1: x(tick), y1: bottom, x2: x(tick), y2: bottom + 5, stroke: "#555555")
            svg.text(ChartValueStyle.number.format(tick, decimals: xTicks.decimals), x: x(tick), y: bottom + 19,
                     size: 11, anchor: "middle", fill: "#444444", className: "tick-label")
        }
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#555555")
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#555555")
        svg.text(xLabel, x: left + plotWidth / 2, y: bottom + 40, size: 12, anchor: "middle", className: "axis-label")
        svg.text(yLabel, x: 20, y: top + plotHeight / 2, size: 12, anchor: "middle", rotation: -90, className: "axis-label")
        svg.endGroup()

        // The funnel: shaded bands inside the 99.8% and 95% limits, then the limit lines, then the target.
        let curve = plot.limitCurve(from: xTicks.upper / 600, to: xTicks.upper, count: 320)
        for (name, lowerKey, upperKey, colour) in [("funnel-band funnel-band-998", \FunnelLimits.lower998, \FunnelLimits.upper998, Self.colours.band998),
                                                   ("funnel-band funnel-band-95", \FunnelLimits.lower95, \FunnelLimits.upper95, Self.colours.band95)] {
            // A limit that does not exist (±∞, or 0 on a log axis) is the plot's edge there.
            let edge = curve.map { limits -> (x: Double, low: Double, high: Double) in
                let low = y(limits[keyPath: lowerKey]), high = y(limits[keyPath: upperKey])
                return (x(limits.denominator), low.isFinite ? min(bottom, low) : bottom, high.isFinite ? max(top, high) : top)
            }
            guard edge.count > 1 else { continue }
            var d = "M" + SVGDocument.number(edge[0].x) + " " + SVGDocument.number(edge[0].high)
            for point in edge.dropFirst() { d += " L" + SVGDocument.number(point.x) + " " + SVGDocument.number(point.high) }
            for point in edge.reversed() { d += " L" + SVGDocument.number(point.x) + " " + SVGDocument.number(point.low) }
            svg.element("path", [("d", d + " Z"), ("fill", colour), ("stroke", "none"), ("class", name), ("clip-path", "url(#plot-area)")])
        }
        let paths: [(String, KeyPath<FunnelLimits, Double>, String, String?)] = [
            ("limit limit-998 lower", \.lower998, Self.colours.limit998, nil),
            ("limit limit-95 lower", \.lower95, Self.colours.limit95, "6 4"),
            ("limit limit-95 upper", \.upper95, Self.colours.limit95, "6 4"),
            ("limit limit-998 upper", \.upper998, Self.colours.limit998, nil),
        ]
        for (name, key, colour, dash) in paths {
            // A first-significant limit that does not exist at small denominators (±∞) is not drawn there.
            var runs: [[(x: Double, y: Double)]] = [[]]
            for limits in curve {
                let value = limits[keyPath: key]
                if value.isFinite, y(value).isFinite {
                    runs[runs.count - 1].append((x: x(limits.denominator), y: y(value)))
                } else if !(runs.last?.isEmpty ?? true) {
                    runs.append([])
                }
            }
            for run in runs where run.count > 1 {
                svg.path(run, stroke: colour, width: dash == nil ? 1.2 : 1.1, dash: dash, className: name, clipPath: "plot-area")
            }
        }
        svg.line(x1: left, y1: y(plot.target), x2: right, y2: y(plot.target), stroke: Self.colours.target,
                 width: 2.6, dash: Self.targetDash, className: "target")
        svg.text("target \(targetText)", x: right - 4, y: y(plot.target) - 6, size: 11, anchor: "end", weight: "bold", fill: Self.colours.target,
                 className: "target-label", halo: true)

        // Points: within first, flagged on top.
        let drawOrder = points.sorted { rank($0.flag) < rank($1.flag) }
        let radius = points.count > 60 ? 3.2 : 4.5
        svg.beginGroup([("class", "points")])
        for point in drawOrder {
            let colour = point.flag.isOutside998 ? Self.colours.outside998
                : point.flag.isOutside95 ? Self.colours.outside95 : Self.colours.within
            let tip = "\(point.service): \(valueStyle.format(point.value, decimals: 3)) "
                + "(\(countsText(point))), z = \(NumberFormatting.fixed(point.z, 2)), \(point.flag.rawValue)"
            let (cy, offScale) = pointY(point)
            if offScale != 0 {
                // A ratio the log axis cannot show: a triangle on the edge, pointing off the scale.
                let cx = x(point.denominator), h = radius + 2, tipY = cy - Double(offScale) * h
                let baseY = cy + Double(offScale) * h
                let corners = [(cx, tipY), (cx - h, baseY), (cx + h, baseY)]
                svg.element("polygon", [("points", corners.map { SVGDocument.number($0.0) + "," + SVGDocument.number($0.1) }.joined(separator: " ")),
                                        ("fill", colour), ("stroke", "#ffffff"), ("stroke-width", "1"), ("class", "point off-scale"),
                                        ("data-service", point.service), ("data-flag", point.flag.rawValue)],
                            children: "<title>" + SVGDocument.escape(tip + (offScale < 0 ? "; a ratio of 0, off the log scale" : "; an infinite ratio, off the log scale")) + "</title>")
                continue
            }
            svg.circle(cx: x(point.denominator), cy: cy, r: radius, fill: colour, className: "point",
                       tooltip: tip, extra: [("data-service", point.service), ("data-flag", point.flag.rawValue)])
        }
        svg.endGroup()

        // Labels, greedily, avoiding other labels and points.
        let fontSize = 11.0
        var occupied: [(x0: Double, y0: Double, x1: Double, y1: Double)] = points.map {
            let cx = x($0.denominator), cy = pointY($0).y
            return (cx - radius, cy - radius, cx + radius, cy + radius)
        }
        svg.beginGroup([("class", "labels")])
        for point in candidates {
            let cx = x(point.denominator), cy = pointY(point).y
            let w = SVGDocument.estimatedWidth(point.service, size: fontSize), h = fontSize + 3
            let gap = radius + 3
            let options: [(x: Double, y: Double, anchor: String, box: (Double, Double, Double, Double))] = [
                (cx + gap, cy + 4, "start", (cx + gap, cy - h / 2 - 1, cx + gap + w, cy + h / 2 + 1)),
                (cx - gap, cy + 4, "end", (cx - gap - w, cy - h / 2 - 1, cx - gap, cy + h / 2 + 1)),
                (cx, cy - gap - 3, "middle", (cx - w / 2, cy - gap - h - 2, cx + w / 2, cy - gap)),
                (cx, cy + gap + h, "middle", (cx - w / 2, cy + gap, cx + w / 2, cy + gap + h + 2)),
                (cx + gap, cy - gap - 1, "start", (cx + gap, cy - gap - h - 1, cx + gap + w, cy - gap + 1)),
                (cx + gap, cy + gap + h - 1, "start", (cx + gap, cy + gap - 1, cx + gap + w, cy + gap + h + 1)),
                (cx - gap, cy - gap - 1, "end", (cx - gap - w, cy - gap - h - 1, cx - gap, cy - gap + 1)),
                (cx - gap, cy + gap + h - 1, "end", (cx - gap - w, cy + gap - 1, cx - gap, cy + gap + h + 1)),
            ]
            // Every option keeps clear of its own point, so the point's own box never clashes.
            var placed = false
            for option in options {
                let box = option.box
                guard box.0 >= left + 2, box.2 <= width - 4, box.1 >= top, box.3 <= bottom - 2 else { continue }
                let clash = occupied.contains { other in
                    box.0 < other.x1 && other.x0 < box.2 && box.1 < other.y1 && other.y0 < box.3
                }
                if clash { continue }
                svg.text(point.service, x: option.x, y: option.y, size: fontSize, anchor: option.anchor,
                         fill: "#1f2d3d", className: "label", halo: true)
                occupied.append((box.0, box.1, box.2, box.3))
                placement.labelled.append(point.service)
                placed = true
                break
            }
            if !placed { placement.omitted += 1 }
        }
        svg.endGroup()

        // Legend.
        let legendY = bottom + 62
        var cursor = left
        func legendLine(_ text: String, colour: String, dash: String?, width lineWidth: Double) {
            svg.line(x1: cursor, y1: legendY - 4, x2: cursor + 26, y2: legendY - 4, stroke: colour, width: lineWidth, dash: dash)
            svg.text(text, x: cursor + 32, y: legendY, size: 11, fill: "#333333")
            cursor += 32 + SVGDocument.estimatedWidth(text, size: 11) + 18
        }
        func legendDot(_ text: String, colour: String) {
            svg.circle(cx: cursor + 5, cy: legendY - 4, r: 4.5, fill: colour)
            svg.text(text, x: cursor + 14, y: legendY, size: 11, fill: "#333333")
            cursor += 14 + SVGDocument.estimatedWidth(text, size: 11) + 18
        }
        svg.beginGroup([("class", "legend")])
        legendLine("target", colour: Self.colours.target, dash: Self.targetDash, width: 2.6)
        legendLine("95% limits", colour: Self.colours.limit95, dash: "6 4", width: 1.1)
        legendLine("99.8% limits", colour: Self.colours.limit998, dash: nil, width: 1.2)
        legendDot("within", colour: Self.colours.within)
        legendDot("outside 95%", colour: Self.colours.outside95)
        legendDot("outside 99.8%", colour: Self.colours.outside998)
        if zeroPoints > 0 || infinitePoints > 0 {
            let h = 5.5, cy = legendY - 4
            svg.element("polygon", [("points", "\(SVGDocument.number(cursor + h)),\(SVGDocument.number(cy + h)) \(SVGDocument.number(cursor)),\(SVGDocument.number(cy - h)) \(SVGDocument.number(cursor + 2 * h)),\(SVGDocument.number(cy - h))"),
                                    ("fill", "#555555"), ("class", "legend-off-scale")])
            let text = zeroPoints > 0 ? "ratio of 0, off the log scale" : "off the log scale"
            svg.text(text, x: cursor + 2 * h + 6, y: legendY, size: 11, fill: "#333333")
        }
        svg.endGroup()

        // Caption.
        if placement.omitted > 0 {
            summary += " \(placement.omitted) label\(placement.omitted == 1 ? "" : "s") left out where \(placement.omitted == 1 ? "it" : "they") would overlap."
        }
        var captionY = legendY + 24
        svg.beginGroup([("class", "caption")])
        for line in SVGDocument.wrap(method, width: captionWidth, size: 11) + SVGDocument.wrap(summary, width: captionWidth, size: 11) {
            svg.text(line, x: 24, y: captionY, size: 11, fill: "#444444")
            captionY += 15
        }
        svg.endGroup()
        return (svg, placement)
    }

    private func countsText(_ point: FunnelPoint) -> String {
        let denominator = FunnelPlot.denominatorText(point.denominator)
        switch plot.measure {
        case .proportion: return "\(point.numerator) of \(denominator)"
        case .rate: return "\(point.numerator) in \(denominator)"
        case .ratio: return "observed \(point.numerator), expected \(denominator)"
        }
    }

    private func rank(_ flag: FunnelFlag) -> Int {
        flag.isOutside998 ? 2 : flag.isOutside95 ? 1 : 0
    }
}
