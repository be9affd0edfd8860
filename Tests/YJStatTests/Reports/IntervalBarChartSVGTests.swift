import Foundation
import Testing
@testable import YJStat

@Suite("Interval bar chart SVG")
struct IntervalBarChartSVGTests {
    @Test func parsesWithOneBarWhiskerAndLabelPerGroupAndAReferenceLine() throws {
        let chart = try IntervalBarChartSVG(
            labels: ["Black", "Asian", "Mixed <ethnicity>", "Other & unknown"],
            estimates: [2.4, 0.9, 1.6, 1.1], lower: [1.8, 0.6, 1.1, 0.7], upper: [3.2, 1.35, 2.3, 1.7],
            reference: 1, title: "RRI against White", caption: "Katz log intervals.", scale: .logarithmic,
            valueLabel: "Relative rate index")
        let elements = try parseSVG(chart.render())
        #expect(elements.filter { $0.classes.contains("bar") }.count == 4)
        #expect(elements.filter { $0.classes.contains("whisker") }.count == 4)
        #expect(elements.filter { $0.classes.contains("whisker-cap") }.count == 8)
        #expect(elements.filter { $0.classes.contains("reference") }.count == 1)
        let labels = elements.filter { $0.classes.contains("label") }.map(\.text)
        #expect(labels == ["Black", "Asian", "Mixed <ethnicity>", "Other & unknown"])
        let values = elements.filter { $0.classes.contains("value") }.map(\.text)
        #expect(values.first == "2.40 (1.80–3.20)")
        #expect(elements.contains { $0.name == "text" && $0.text == "Katz log intervals." })
    }

    @Test func barsOnALogAxisStartAtTheReference() throws {
        let chart = try IntervalBarChartSVG(labels: ["up", "down"], estimates: [2, 0.5], lower: [1.5, 0.4], upper: [2.5, 0.7],
                                            reference: 1, title: "t", caption: "c", scale: .logarithmic)
        let elements = try parseSVG(chart.render())
        let bars = elements.filter { $0.classes.contains("bar") }
        let reference = try #require(elements.first { $0.classes.contains("reference") })
        let referenceX = try #require(Double(reference.attributes["x1"] ?? ""))
        let up = try #require(bars.first), down = try #require(bars.last)
        // "up" starts at the reference and goes right; "down" ends at the reference.
        #expect(abs(try #require(Double(up.attributes["x"] ?? "")) - referenceX) < 0.01)
        let downEnd = try #require(Double(down.attributes["x"] ?? "")) + (try #require(Double(down.attributes["width"] ?? "")))
        #expect(abs(downEnd - referenceX) < 0.01)
        // Ratios 2 and 1/2 are equally far from 1 on a log axis.
        #expect(abs(try #require(Double(up.attributes["width"] ?? "")) - (try #require(Double(down.attributes["width"] ?? "")))) < 0.02)
    }

    @Test func infiniteAndZeroBoundsAreDrawnAsArrowsAtTheEdge() throws {
        let chart = try IntervalBarChartSVG(labels: ["no events in the reference", "zero"], estimates: [3, 0.2],
                                            lower: [1.2, 0], upper: [.infinity, 0.9], reference: 1, title: "t", caption: "c",
                                            scale: .logarithmic)
        let elements = try parseSVG(chart.render())
        #expect(elements.filter { $0.classes.contains("whisker-arrow") }.count == 2)
        #expect(elements.contains { $0.classes.contains("value") && $0.text.contains("∞") })
    }

    @Test func linearPercentChartStartsAtZero() throws {
        let chart = try IntervalBarChartSVG(labels: ["Girls", "Boys"], estimates: [0.12, 0.88], lower: [0.08, 0.84],
                                            upper: [0.17, 0.91], reference: 0.5, title: "Share of caseload", caption: "Wilson.",
                                            valueStyle: .percent)
        let elements = try parseSVG(chart.render())
        let ticks = elements.filter { $0.classes.contains("tick-label") }.map(\.text)
        #expect(ticks.first == "0%")
        #expect(elements.filter { $0.classes.contains("value") }.map(\.text).first == "12.0% (8.0%–17.0%)")
    }

    @Test func mismatchedOrEmptyInputThrows() {
        #expect(throws: InvalidArgumentError.self) {
            try IntervalBarChartSVG(labels: ["a", "b"], estimates: [1], lower: [1, 2], upper: [1, 2], title: "t", caption: "c")
        }
        #expect(throws: InvalidArgumentError.self) {
            try IntervalBarChartSVG(labels: [], estimates: [], lower: [], upper: [], title: "t", caption: "c")
        }
        #expect(throws: InvalidArgumentError.self) {
            try IntervalBarChartSVG(labels: ["a"], estimates: [0], lower: [0], upper: [0], title: "t", caption: "c", scale: .logarithmic)
        }
    }

    @Test func longLabelsAreShortenedWithAnEllipsis() {
        let long = String(repeating: "Mixed White and Black Caribbean ", count: 3)
        let short = IntervalBarChartSVG.truncated(long, width: 200, size: 12)
        #expect(short.hasSuffix("…") && short.count < long.count)
        #expect(IntervalBarChartSVG.truncated("Asian", width: 200, size: 12) == "Asian")
    }
}
