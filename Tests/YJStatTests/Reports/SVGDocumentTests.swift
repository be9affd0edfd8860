import Foundation
import Testing
@testable import YJStat

@Suite("SVG builder and axis ticks")
struct SVGDocumentTests {
    @Test func escapesMarkupAndDropsCharactersXMLForbids() throws {
        #expect(SVGDocument.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        #expect(SVGDocument.escape("bell\u{07}tab\tend\u{FFFE}") == "belltab\tend")
        var svg = SVGDocument(width: 100, height: 50, title: "A & B", summary: "<none>")
        svg.text("x\u{01} & \"y\"", x: 1, y: 2)
        svg.circle(cx: 5, cy: 5, r: 2, fill: "#000", tooltip: "tip <&>", extra: [("data-service", "O'Neil & Co")])
        let elements = try parseSVG(svg.render())
        #expect(elements.contains { $0.name == "text" && $0.text == "x & \"y\"" })
        #expect(elements.contains { $0.name == "circle" && $0.attributes["data-service"] == "O'Neil & Co" })
        #expect(elements.contains { $0.name == "title" && $0.text == "A & B" })
        #expect(elements.contains { $0.name == "title" && $0.text == "tip <&>" })
    }

    @Test func numbersAreCompact() {
        #expect(SVGDocument.number(12) == "12")
        #expect(SVGDocument.number(12.345) == "12.35")
        #expect(SVGDocument.number(-0.001) == "0")
        #expect(SVGDocument.number(.nan) == "0")
    }

    @Test func pathsNeedTwoFinitePoints() throws {
        var svg = SVGDocument(width: 10, height: 10, title: "t")
        svg.path([(x: 1, y: 1)], stroke: "#000")
        svg.path([(x: 1, y: 1), (x: .nan, y: 2), (x: 3, y: 3)], stroke: "#000", className: "p")
        let paths = try parseSVG(svg.render()).filter { $0.name == "path" }
        #expect(paths.count == 1)
        #expect(paths.first?.attributes["d"] == "M1 1 L3 3")
    }

    @Test func wrapKeepsLinesShort() {
        let lines = SVGDocument.wrap("one two three four five six seven eight nine ten", width: 60, size: 10)
        #expect(lines.count > 1)
        #expect(lines.joined(separator: " ") == "one two three four five six seven eight nine ten")
        #expect(lines.allSatisfy { $0.count <= 11 })
    }

    @Test(arguments: [(0.0, 1.0), (0.13, 0.58), (0.0, 9_412.0), (236.0, 236.0), (-3.2, 7.9), (0.2, 0.2000001)])
    func linearTicksAreNiceAndCoverTheRange(range: (Double, Double)) {
        let ticks = AxisTicks.linear(minimum: range.0, maximum: range.1)
        #expect(ticks.lower <= range.0 && ticks.upper >= range.1)
        #expect(ticks.values.count >= 2 && ticks.values.count <= 12)
        let exponent = (log10(ticks.step)).rounded(.down)
        let mantissa = ticks.step / pow(10, exponent)
        #expect([1.0, 2.0, 5.0, 10.0].contains { abs($0 - mantissa) < 1e-9 }, "step \(ticks.step)")
        for (a, b) in zip(ticks.values, ticks.values.dropFirst()) { #expect(abs((b - a) - ticks.step) < ticks.step * 1e-9) }
    }

    @Test func logarithmicTicksAreOneTwoFive() {
        let ticks = AxisTicks.logarithmic(minimum: 0.6, maximum: 3.2)
        #expect(ticks.values == [0.5, 1, 2, 5])
        let wide = AxisTicks.logarithmic(minimum: 0.003, maximum: 40)
        #expect(wide.values == [0.001, 0.01, 0.1, 1, 10, 100])
    }

    @Test func valueStylesFormat() {
        #expect(ChartValueStyle.percent.format(0.4123, decimals: 3) == "41.2%")
        #expect(ChartValueStyle.number.format(12345.678, decimals: 1) == "12,345.7")
        #expect(ChartValueStyle.number.format(1234, decimals: 0) == "1234")
        #expect(ChartValueStyle.number.format(-98765, decimals: 0) == "-98,765")
        #expect(ChartValueStyle.number.format(.infinity, decimals: 2) == "∞")
    }
}
