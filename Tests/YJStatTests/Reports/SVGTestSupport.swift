import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed SVG document: its name, attributes and direct text.
struct ParsedElement {
    var name: String
    var attributes: [String: String]
    var text: String

    /// The space-separated `class` attribute as a set.
    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
}

/// Parses an SVG document with Foundation's XMLParser (a real XML parser: any unescaped `&`
/// or `<`, or a mismatched tag, makes it fail) and returns every element in document order.
func parseSVG(_ text: String) throws -> [ParsedElement] {
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [ParsedElement] = []
        var open: [Int] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(ParsedElement(name: name, attributes: attributes, text: ""))
            open.append(elements.count - 1)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }
    }
    struct XMLError: Error { let message: String }
    let parser = XMLParser(data: Data(text.utf8))
    let collector = Collector()
    parser.delegate = collector
    guard parser.parse() else {
        throw XMLError(message: parser.parserError.map { "\($0)" } ?? "the SVG is not well-formed XML")
    }
    return collector.elements
}
