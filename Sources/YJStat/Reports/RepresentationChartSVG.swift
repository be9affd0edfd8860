/// The chart of representation ratios (`representation --svg`, and each service's chart in
/// `summary --out`): one bar per comparison, the printed-percentage ratio as the point, its
/// interval as the whisker, on a logarithmic axis with parity (1) marked.
///
/// The whisker is the sampling-and-rounding interval where the number of children is known
/// (``Representation/ratioSampling``), otherwise the range the rounding of the printed
/// percentages allows (``Representation/ratioRounding``); the caption says which.
public enum RepresentationChartSVG {
    /// The SVG document.
    ///
    /// - Parameters:
    ///   - labels: One label per comparison ("Black (national)").
    ///   - representations: The comparisons, in the same order.
    ///   - title: The chart title.
    ///   - caption: The caption; nil for the standard one built by
    ///     ``caption(for:confidence:)``.
    /// - Throws: ``InvalidArgumentError`` when there is no comparison, the arrays differ in
    ///   length, or no ratio or bound is positive (nothing to show on a logarithmic axis).
    public static func render(labels: [String], representations: [Representation], title: String,
                              caption: String? = nil) throws -> String {
        let confidence = representations.first?.confidence ?? 0.95
        let chart = try IntervalBarChartSVG(
            labels: labels, estimates: representations.map(\.ratio),
            lower: representations.map { ($0.ratioSampling ?? $0.ratioRounding).lowerBound },
            upper: representations.map { ($0.ratioSampling ?? $0.ratioRounding).upperBound },
            reference: 1, title: title, caption: caption ?? Self.caption(for: representations, confidence: confidence),
            valueStyle: .number, scale: .logarithmic, valueLabel: "Ratio to comparator (log scale)")
        return chart.render()
    }

    /// The standard caption: what the ratio is and what the whiskers show.
    public static func caption(for representations: [Representation], confidence: Double) -> String {
        let sampled = representations.contains { $0.ratioSampling != nil }
        return "Share of the children divided by the comparator's share (printed whole percentages). "
            + (sampled
                ? "Whiskers: \(NumberFormatting.fixed(confidence * 100, 0))% interval with sampling and rounding where the number of children is given; otherwise the range rounding allows."
                : "Whiskers: the range that rounding of the printed percentages allows (the number of children is not given).")
    }
}
