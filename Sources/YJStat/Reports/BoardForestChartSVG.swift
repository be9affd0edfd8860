import Foundation

/// The forest chart of a board pack: each group's relative rate index at each stage as a point
/// with its confidence interval, on a log scale with a reference line at 1.
///
/// A filled point has a count and base above the small-number thresholds; a hollow point is
/// small numbers. An interval running off the scale ends in an arrow; an RRI of 0 is drawn as an
/// off-scale marker at the left edge; a stage where the reference group has no child, a hidden
/// row and an undefined ratio are said in words in place of a point (never an infinite ratio).
public enum BoardForestChartSVG {
    /// The chart as a standalone SVG document.
    ///
    /// - Parameters:
    ///   - rows: Rows of one analysis (the reference group's rows are left out of the drawing).
    ///   - stages: Stage order.
    ///   - labels: Words for names.
    ///   - title: The chart title.
    ///   - referenceChildren: "White children", for the axis caption.
    ///   - confidence: The intervals' confidence level, for the description.
    ///   - axisCaption: The axis caption (default: RRI against `referenceChildren`), for charts of
    ///     other ratios drawn the same way (a ratio of RRIs).
    ///   - notes: Words drawn in place of a point, keyed by "group|stage", for rows with no ratio.
    public static func render(rows: [DisproportionalityRow], stages: [String], labels: BoardLabels, title: String,
                              referenceChildren: String, confidence: Double, axisCaption: String? = nil,
                              notes: [String: String] = [:]) -> String {
        let drawn = rows.filter { !$0.isReference }
        let lines = stages.reduce(0) { count, stage in count + 1 + drawn.filter { $0.stage == stage }.count }
        let rowHeight = 20.0, top = 48.0, left = 330.0, right = 700.0, width = 760.0
        let height = top + Double(lines) * rowHeight + 90
        let values = drawn.filter { !$0.isSuppressed }.flatMap { [$0.relativeRateIndex, $0.rri?.lower ?? .nan, $0.rri?.upper ?? .nan] }
            .filter { $0.isFinite && $0 > 0 }
        // The scale runs from at most 0.5 down to 0.1 and from at least 2 up to 50; anything
        // beyond ends in an arrow, so one very wide interval does not squash the others.
        let low = max(0.1, min(values.min() ?? 0.5, 0.5)), high = min(50, max(values.max() ?? 2, 2))
        let ticks = AxisTicks.logarithmic(minimum: low, maximum: high)
        let lo = ticks.lower, hi = ticks.upper
        func x(_ v: Double) -> Double {
            left + (Foundation.log(v) - Foundation.log(lo)) / (Foundation.log(hi) - Foundation.log(lo)) * (right - left)
        }
        var svg = SVGDocument(width: width, height: height, title: title,
                              summary: "Relative rate index by stage and group, log scale, with \(NumberFormatting.fixed(confidence * 100, 0))% intervals; 1 means the same rate as \(referenceChildren).")
        svg.rectangle(x: 0, y: 0, width: width, height: height, fill: "#ffffff")
        svg.text(title, x: 10, y: 22, size: 15, weight: "bold")
        let bottom = top + Double(lines) * rowHeight
        for tick in ticks.values {
            svg.line(x1: x(tick), y1: top - 6, x2: x(tick), y2: bottom, stroke: "#e3e3e3")
            svg.text(String(format: "%g", tick),
                     x: x(tick), y: bottom + 16, size: 11, anchor: "middle", fill: "#444444")
        }
        svg.line(x1: x(1), y1: top - 10, x2: x(1), y2: bottom, stroke: "#333333", width: 1.5, dash: "5 3", className: "reference-line")
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#888888")
        svg.text(axisCaption ?? "RRI, log scale (1 = the same rate as \(referenceChildren); right of the line = higher)", x: (left + right) / 2,
                 y: bottom + 34, size: 11, anchor: "middle", fill: "#444444")
        var y = top
        let blue = "#1f4e79", grey = "#8a8a8a"
        for stage in stages {
            svg.text(labels.label(stage).capitalizedFirst, x: 10, y: y + 14, size: 13, weight: "bold")
            y += rowHeight
            for row in drawn where row.stage == stage {
                let rri = row.relativeRateIndex, rriLower = row.rri?.lower ?? .nan, rriUpper = row.rri?.upper ?? .nan
                let mid = y + rowHeight / 2
                svg.text(labels.label(row.group), x: 24, y: mid + 4, size: 12)
                let colour = row.significant ? blue : grey
                if let note = notes["\(row.group)|\(row.stage)"] {
                    svg.text(note, x: 316, y: mid + 4, size: 11, anchor: "end", fill: grey)
                } else if row.isSuppressed {
                    svg.text("hidden (disclosure control)", x: 316, y: mid + 4, size: 11, anchor: "end", fill: grey)
                } else if row.status == .notComputed || row.status == .undefined {
                    svg.text(row.status == .notComputed ? "not computed (base of 0)" : "no child in either group",
                             x: 316, y: mid + 4, size: 11, anchor: "end", fill: grey)
                } else if rri.isInfinite {
                    svg.text("no reference child: not estimable", x: 316, y: mid + 4, size: 11, anchor: "end", fill: "#a33a00")
                } else {
                    svg.text("\(BoardPack.ratioText(rri)) (\(BoardPack.ratioText(rriLower))–\(rriUpper.isInfinite ? "no limit" : BoardPack.ratioText(rriUpper)))",
                             x: 316, y: mid + 4, size: 11, anchor: "end", fill: "#444444")
                    let from = rriLower > lo ? x(rriLower) : left
                    let to = rriUpper.isFinite && rriUpper < hi ? x(rriUpper) : right
                    svg.line(x1: from, y1: mid, x2: to, y2: mid, stroke: colour, width: 2, className: "interval")
                    if !(rriUpper.isFinite && rriUpper < hi) { arrow(&svg, at: right, y: mid, pointing: 1, colour: colour) }
                    if !(rriLower > lo), rri > 0 { arrow(&svg, at: left, y: mid, pointing: -1, colour: colour) }
                    if rri <= 0 {
                        // An RRI of 0 has no place on a log axis: an off-scale marker at the left edge.
                        svg.element("polygon", [("points", "\(SVGDocument.number(left)),\(SVGDocument.number(mid)) \(SVGDocument.number(left + 7)),\(SVGDocument.number(mid - 5)) \(SVGDocument.number(left + 7)),\(SVGDocument.number(mid + 5))"),
                                                ("fill", colour), ("class", "off-scale")],
                                    children: "<title>\(SVGDocument.escape(labels.label(row.group))), \(SVGDocument.escape(labels.label(stage))): RRI 0 (off the log scale)</title>")
                    } else {
                        let cx = min(max(x(rri), left), right)
                        svg.circle(cx: cx, cy: mid, r: 4.5, fill: row.small ? "#ffffff" : colour, stroke: colour,
                                   className: row.small ? "point small" : "point",
                                   tooltip: "\(labels.label(row.group)), \(labels.label(stage)): RRI \(BoardPack.ratioText(rri))\(row.small ? " (small numbers)" : "")")
                    }
                }
                y += rowHeight
            }
        }
        let legendY = bottom + 54
        svg.circle(cx: 16, cy: legendY - 4, r: 4.5, fill: blue, stroke: blue)
        svg.text("interval excludes 1", x: 26, y: legendY, size: 11)
        svg.circle(cx: 150, cy: legendY - 4, r: 4.5, fill: grey, stroke: grey)
        svg.text("interval includes 1", x: 160, y: legendY, size: 11)
        svg.circle(cx: 284, cy: legendY - 4, r: 4.5, fill: "#ffffff", stroke: blue)
        svg.text("hollow: small numbers", x: 294, y: legendY, size: 11)
        svg.text("arrow: the interval runs off the scale", x: 440, y: legendY, size: 11)
        svg.text("triangle at the left edge: an RRI of 0, off the log scale; words in place of a point: no ratio (hidden, or no reference child)",
                 x: 10, y: legendY + 18, size: 11)
        return svg.render()
    }

    static func arrow(_ svg: inout SVGDocument, at x: Double, y: Double, pointing direction: Double, colour: String) {
        let tip = x + direction * 6
        svg.element("polygon", [("points", "\(SVGDocument.number(tip)),\(SVGDocument.number(y)) \(SVGDocument.number(x)),\(SVGDocument.number(y - 4)) \(SVGDocument.number(x)),\(SVGDocument.number(y + 4))"),
                                ("fill", colour), ("class", "off-scale")])
    }
}
