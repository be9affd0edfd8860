import Foundation

/// A small builder for self-contained SVG documents: elements are appended in drawing order and
/// `render()` returns the whole document as text, with every attribute value and text node
/// XML-escaped.
///
/// Coordinates are in user units (pixels at 100%), printed with at most two decimals. The root
/// element carries `width`, `height`, a `viewBox` and the SVG namespace, so the file opens in a
/// browser or converts with rsvg-convert without any other file.
public struct SVGDocument: Sendable {
    /// Width of the drawing.
    public let width: Double
    /// Height of the drawing.
    public let height: Double
    private var definitions: [String] = []
    private var body: [String] = []
    private let title: String
    private let summary: String?

    /// Creates an empty drawing; `title` becomes the document's `<title>` (shown by browsers and
    /// read by screen readers) and `summary` its `<desc>`.
    public init(width: Double, height: Double, title: String, summary: String? = nil) {
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
    }

    /// Escapes text for XML content or a double-quoted attribute: `& < > " '` become entities and
    /// characters XML 1.0 does not allow (C0 controls other than tab, newline and carriage return,
    /// U+FFFE, U+FFFF) are dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate or length as compact text: at most two decimals, no trailing zeros.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Appends any element. Attribute values and `text` are escaped here; `children` is raw
    /// markup produced by this builder (for nesting a `<title>` inside a shape).
    public mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil,
                                 children: String? = nil) {
        body.append(Self.markup(name, attributes, text: text, children: children))
    }

    /// Opens a group `<g>` with the given attributes; close it with ``endGroup()``.
    public mutating func beginGroup(_ attributes: [(String, String)]) {
        body.append("<g" + Self.attributeText(attributes) + ">")
    }

    /// Closes the innermost group.
    public mutating func endGroup() { body.append("</g>") }

    /// Defines a rectangular clip path with this id, for `clip-path="url(#id)"`.
    public mutating func clipRectangle(id: String, x: Double, y: Double, width: Double, height: Double) {
        definitions.append("<clipPath id=\"\(Self.escape(id))\">"
            + Self.markup("rect", [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(width)),
                                   ("height", Self.number(height))]) + "</clipPath>")
    }

    /// A straight line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                              dash: String? = nil, className: String? = nil) {
        var attributes = [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)),
                          ("y2", Self.number(y2)), ("stroke", stroke), ("stroke-width", Self.number(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let className { attributes.append(("class", className)) }
        element("line", attributes)
    }

    /// A polyline through `points` as a `<path>` (nothing is drawn for fewer than two points).
    public mutating func path(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 1,
                              dash: String? = nil, className: String? = nil, clipPath: String? = nil) {
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard finite.count >= 2 else { return }
        var d = ""
        for (i, point) in finite.enumerated() {
            d += (i == 0 ? "M" : " L") + Self.number(point.x) + " " + Self.number(point.y)
        }
        var attributes = [("d", d), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.number(width)),
                          ("stroke-linejoin", "round")]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let className { attributes.append(("class", className)) }
        if let clipPath { attributes.append(("clip-path", "url(#\(clipPath))")) }
        element("path", attributes)
    }

    /// A rectangle.
    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double, fill: String,
                                   stroke: String? = nil, className: String? = nil) {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(0, width))),
                          ("height", Self.number(max(0, height))), ("fill", fill)]
        if let stroke { attributes.append(("stroke", stroke)) }
        if let className { attributes.append(("class", className)) }
        element("rect", attributes)
    }

    /// A circle; `tooltip` becomes a nested `<title>` that browsers show on hover.
    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String = "#ffffff",
                                className: String? = nil, tooltip: String? = nil, extra: [(String, String)] = []) {
        var attributes = [("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("fill", fill),
                          ("stroke", stroke), ("stroke-width", "1")]
        if let className { attributes.append(("class", className)) }
        attributes += extra
        element("circle", attributes, children: tooltip.map { "<title>" + Self.escape($0) + "</title>" })
    }

    /// Text at (x, y) — y is the baseline. `anchor` is `start`, `middle` or `end`; `rotation` in
    /// degrees about (x, y); `halo` draws a white outline under the letters so that text stays
    /// readable where it crosses lines.
    public mutating func text(_ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
                              weight: String? = nil, fill: String = "#222222", rotation: Double? = nil,
                              className: String? = nil, halo: Bool = false) {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size)),
                          ("text-anchor", anchor), ("fill", fill)]
        if let weight { attributes.append(("font-weight", weight)) }
        if let rotation {
            attributes.append(("transform", "rotate(\(Self.number(rotation)) \(Self.number(x)) \(Self.number(y)))"))
        }
        if let className { attributes.append(("class", className)) }
        if halo {
            attributes += [("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-linejoin", "round"), ("paint-order", "stroke")]
        }
        element("text", attributes, text: content)
    }

    /// The complete document.
    public func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\""
        out += " viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
        out += " font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n"
        out += "<title>" + Self.escape(title) + "</title>\n"
        if let summary { out += "<desc>" + Self.escape(summary) + "</desc>\n" }
        if !definitions.isEmpty { out += "<defs>\n" + definitions.joined(separator: "\n") + "\n</defs>\n" }
        out += "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#ffffff\"/>\n"
        out += body.joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }

    /// Splits `text` into lines of at most about `width` units at font `size`, breaking at spaces
    /// (a word longer than a line stands alone). Character width is estimated as 0.55 × size.
    public static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        let perLine = max(8, Int(width / (0.55 * size)))
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= perLine {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Estimated width of `text` at font `size` (0.55 × size per character; enough for layout).
    public static func estimatedWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * 0.55 * size
    }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    private static func markup(_ name: String, _ attributes: [(String, String)], text: String? = nil,
                               children: String? = nil) -> String {
        let open = "<" + name + attributeText(attributes)
        if let text { return open + ">" + escape(text) + "</\(name)>" }
        if let children { return open + ">" + children + "</\(name)>" }
        return open + "/>"
    }
}
