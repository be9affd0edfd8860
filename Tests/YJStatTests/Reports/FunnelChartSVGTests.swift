import Foundation
import Testing
@testable import YJStat

@Suite("Funnel chart SVG")
struct FunnelChartSVGTests {
    static func units(_ count: Int, seed: UInt64 = 7) -> [FunnelPlot.Unit] {
        // A deterministic spread of services: denominators 20…~800, proportions around 40% with a few extremes.
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<count).map { i in
            let n = 20 + Int(next() * 780)
            var p = 0.4 + (next() - 0.5) * 0.2
            if i % 17 == 3 { p = 0.62 }
            if i % 23 == 5 { p = 0.18 }
            return FunnelPlot.Unit(service: "Service \(i + 1)", numerator: Int((p * Double(n)).rounded()), denominator: n)
        }
    }

    @Test(arguments: [3, 40, 155])
    func parsesAsXMLWithOnePointPerServiceAndFourLimitPaths(count: Int) throws {
        let plot = try FunnelPlot(units: Self.units(count), measure: .proportion, overdispersion: count > 3)
        let chart = FunnelChartSVG(plot: plot, title: "Reoffending & \"friends\" <test>")
        let elements = try parseSVG(chart.render())
        #expect(elements.first?.name == "svg")
        let points = elements.filter { $0.name == "circle" && $0.classes.contains("point") }
        #expect(points.count == count)
        #expect(Set(points.compactMap { $0.attributes["data-service"] }) == Set(plot.points.map(\.service)))
        let limits = elements.filter { $0.name == "path" && $0.classes.contains("limit") }
        #expect(limits.count == 4)
        #expect(limits.filter { $0.classes.contains("limit-95") }.count == 2)
        #expect(limits.filter { $0.classes.contains("limit-998") }.count == 2)
        #expect(elements.filter { $0.classes.contains("target") }.count == 1)
        #expect(elements.contains { $0.name == "text" && $0.text == "Reoffending & \"friends\" <test>" })
        #expect(elements.contains { $0.name == "text" && $0.classes.contains("tick-label") })
        let caption = elements.filter { $0.name == "text" && $0.attributes["fill"] == "#444444" }.map(\.text).joined(separator: " ")
        #expect(caption.contains("Spiegelhalter"))
        if plot.overdispersion?.isApplied == true {
            #expect(caption.contains("widened for overdispersion") && caption.contains("φ ="))
        } else {
            #expect(caption.contains("exact binomial"))
        }
    }

    /// Issue 18, item 4: the caption counts what the points are ("24 key-question results", not
    /// "24 services"), and the target line carries its value as a label.
    @Test func captionCountsThePointsByWhatTheyAreAndTheTargetIsLabelled() throws {
        let plot = try FunnelPlot(units: Self.units(24), measure: .proportion)
        var chart = FunnelChartSVG(plot: plot, title: "t")
        let plain = try parseSVG(chart.render()).filter { $0.name == "text" }.map(\.text).joined(separator: " ")
        #expect(plain.contains("24 services,"))
        chart.unitName = ("key-question result", "key-question results")
        let elements = try parseSVG(chart.render())
        let text = elements.filter { $0.name == "text" }.map(\.text).joined(separator: " ")
        #expect(text.contains("24 key-question results,") && !text.contains("24 services"))
        let label = try #require(elements.first { $0.name == "text" && $0.classes.contains("target-label") })
        #expect(label.text == "target " + ChartValueStyle.percent.format(plot.target, decimals: 3))
    }

    @Test func labelsEveryServiceWhenFewAndOnlyFlaggedOnesWhenMany() throws {
        let few = try FunnelPlot(units: Self.units(3), measure: .proportion)
        #expect(Set(FunnelChartSVG(plot: few, title: "t").labelledServices()) == Set(few.points.map(\.service)))

        let many = try FunnelPlot(units: Self.units(155), measure: .proportion)
        let chart = FunnelChartSVG(plot: many, title: "t")
        let labelled = chart.labelledServices()
        let flagged = Set(many.points.filter { $0.flag.isOutside95 }.map(\.service))
        #expect(!labelled.isEmpty)
        #expect(labelled.count <= chart.maximumLabels)
        #expect(Set(labelled).isSubset(of: flagged))
        let text = try parseSVG(chart.render()).filter { $0.name == "text" }.map(\.text).joined(separator: " ")
        #expect(text.contains("only those outside the"))
    }

    @Test func labelBoxesDoNotOverlap() throws {
        let plot = try FunnelPlot(units: Self.units(40), measure: .proportion)
        let labels = try parseSVG(FunnelChartSVG(plot: plot, title: "t").render()).filter { $0.classes.contains("label") }
        #expect(!labels.isEmpty)
        // Boxes estimated as the renderer does (0.55 em per character, 14 px tall).
        let boxes: [(Double, Double, Double, Double)] = labels.compactMap { label in
            guard let x = Double(label.attributes["x"] ?? ""), let y = Double(label.attributes["y"] ?? "") else { return nil }
            let w = Double(label.text.count) * 0.55 * 11
            let x0 = label.attributes["text-anchor"] == "end" ? x - w : label.attributes["text-anchor"] == "middle" ? x - w / 2 : x
            return (x0, y - 10, x0 + w, y + 2)
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let a = boxes[i], b = boxes[j]
                #expect(!(a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3), "labels \(labels[i].text) and \(labels[j].text) overlap")
            }
        }
    }

    @Test func rateChartNamesTheRateAndPoissonMethod() throws {
        let units = [FunnelPlot.Unit(service: "A", numerator: 57, denominator: 20_000),
                     FunnelPlot.Unit(service: "B", numerator: 30, denominator: 15_000),
                     FunnelPlot.Unit(service: "C", numerator: 80, denominator: 25_000)]
        let plot = try FunnelPlot(units: units, measure: .rate(per: 100_000), target: .given(236))
        let elements = try parseSVG(FunnelChartSVG(plot: plot, title: "First-time entrants").render())
        let text = elements.filter { $0.name == "text" }.map(\.text).joined(separator: " ")
        #expect(text.contains("Rate per 100,000"))
        #expect(text.contains("exact Poisson"))
        #expect(text.contains("given"))
        #expect(elements.filter { $0.classes.contains("point") }.count == 3)
    }

    /// Issue 18 item 4: the funnel's own style — shaded bands inside the limits, thin grey limit
    /// lines, a thick green dash-dot target — so the target cannot be taken for a limit.
    @Test func theTargetAndTheLimitsAreDrawnDifferently() throws {
        let plot = try FunnelPlot(units: Self.units(40), measure: .proportion, overdispersion: false)
        let elements = try parseSVG(FunnelChartSVG(plot: plot, title: "Style").render())
        let target = try #require(elements.first { $0.name == "line" && $0.classes.contains("target") })
        let limits = elements.filter { $0.name == "path" && $0.classes.contains("limit") }
        #expect(limits.count == 4)
        for limit in limits {
            #expect(limit.attributes["stroke"] != target.attributes["stroke"])
            #expect(limit.attributes["stroke-dasharray"] != target.attributes["stroke-dasharray"])
            #expect(Double(limit.attributes["stroke-width"] ?? "0")! < Double(target.attributes["stroke-width"] ?? "0")!)
        }
        #expect(target.attributes["stroke-dasharray"] == FunnelChartSVG.targetDash)
        let bands = elements.filter { $0.name == "path" && $0.classes.contains("funnel-band") }
        #expect(bands.count == 2 && bands.allSatisfy { $0.attributes["fill"] != "none" && $0.attributes["stroke"] == "none" })
        #expect(elements.contains { $0.name == "text" && $0.classes.contains("target-label") })
    }

    /// Issue 18 item 4: a ratio funnel is drawn on a log axis, where an observed count of 0 (a
    /// ratio of 0) has no place: an off-scale triangle on the bottom edge, and the legend and
    /// caption say so; a chart without one says nothing of it.
    @Test func aRatioOfZeroIsAnOffScaleMarkerOnTheLogAxis() throws {
        let units = [FunnelPlot.Unit(service: "A", numerator: 182, denominator: 143.68), FunnelPlot.Unit(service: "B", numerator: 40, denominator: 44.5),
                     FunnelPlot.Unit(service: "C", numerator: 0, denominator: 3.2), FunnelPlot.Unit(service: "D", numerator: 12, denominator: 10.0)]
        let plot = try FunnelPlot(units: units, measure: .ratio, target: .given(1))
        let chart = FunnelChartSVG(plot: plot, title: "Ratios")
        #expect(chart.logarithmic)
        let svg = chart.render()
        let elements = try parseSVG(svg)
        let offScale = elements.filter { $0.name == "polygon" && $0.classes.contains("off-scale") }
        #expect(offScale.count == 1)
        #expect(offScale.first?.attributes["data-service"] == "C")
        #expect(offScale.first?.classes.contains("point") == true)
        #expect(elements.filter { $0.name == "circle" && $0.classes.contains("point") }.count == 3)
        #expect(elements.contains { $0.classes.contains("legend-off-scale") })
        let text = elements.filter { $0.name == "text" }.map(\.text).joined(separator: " ")
        #expect(text.contains("ratio of 0, off the log scale"))
        #expect(text.contains("1 service has a ratio of 0, which has no place on the log scale: drawn as a triangle on the bottom edge."))
        #expect(text.contains("Ratios on a log scale."))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        // Log ticks: 0.5, 1, 2 … each with only the decimals it needs.
        let ticks = elements.filter { $0.classes.contains("tick-label") }.map(\.text)
        #expect(ticks.contains("1") && ticks.contains("2"))
        // The triangle sits on the bottom edge, below every circle.
        let lowest = elements.filter { $0.name == "circle" && $0.classes.contains("point") }.compactMap { Double($0.attributes["cy"] ?? "") }.max() ?? 0
        let corners = (offScale.first?.attributes["points"] ?? "").split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
        #expect(corners.min()! > lowest)
        // A proportion funnel stays linear and has no off-scale marker or sentence.
        let linear = FunnelChartSVG(plot: try FunnelPlot(units: Self.units(10), measure: .proportion, overdispersion: false), title: "P")
        #expect(!linear.logarithmic)
        #expect(!linear.render().contains("off-scale") && !linear.render().contains("log scale"))
    }
}

