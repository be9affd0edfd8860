/// One logical line of a report after normalisation, tied to the input line it came from.
///
/// A physical input line can yield several logical lines: HTML fragments (`<p>…</p> <p>…</p>`)
/// are split at block boundaries, and each piece keeps the same input line number.
///
/// The text and what is derived from it (words, lower case, cells) sit in one shared immutable
/// box, so copying a line (every extractor walks the body lines) costs one reference count, not
/// one per string and array.
public struct ReportLine: Sendable, Equatable {
    /// The immutable content of a line, shared by its copies.
    final class Content: Sendable {
        let text: String
        let cells: [String]
        let footnoteMarks: [Int]
        let words: [Substring]
        let lower: String

        init(text: String, cells: [String], footnoteMarks: [Int]) {
            self.text = text
            self.cells = cells
            self.footnoteMarks = footnoteMarks
            self.words = ReportLine.words(of: text)
            self.lower = text.lowercased()
        }
    }

    private let content: Content

    /// 1-based line number in the input text (lines end at LF; a CR before it is ignored).
    public let number: Int
    /// The normalised text: tags and footnote superscripts removed, quotes and dashes made plain,
    /// runs of spaces and tabs collapsed to one space, trimmed.
    public var text: String { content.text }
    /// Tab-separated cells of the line (one cell when the line has no tabs), each normalised.
    public var cells: [String] { content.cells }
    /// Footnote numbers marked by superscript digits on this line (`Brent YOS ³` → `[3]`).
    public var footnoteMarks: [Int] { content.footnoteMarks }
    /// The footnote number when the line starts with a superscript mark: a footnote definition
    /// in reports that print footnotes that way (`⁶ Office for National Statistics …`).
    public let leadingFootnoteMark: Int?
    /// Whether the physical line began with a single space, as the first line of a new page does
    /// in common PDF-to-text converters.
    public let startsPage: Bool
    /// Whether the physical line was a long run of blanks or underscores: the rule that opens a
    /// page's footnote block.
    public let isFootnoteRule: Bool
    /// Whether the line belongs to a footnote block or is a page header or footer; table and
    /// section parsers skip such lines.
    public internal(set) var isFurniture: Bool

    /// Creates a logical line.
    public init(number: Int, text: String, cells: [String], footnoteMarks: [Int] = [], leadingFootnoteMark: Int? = nil, startsPage: Bool = false,
                isFootnoteRule: Bool = false, isFurniture: Bool = false) {
        self.number = number
        self.content = Content(text: text, cells: cells, footnoteMarks: footnoteMarks)
        self.leadingFootnoteMark = leadingFootnoteMark
        self.startsPage = startsPage
        self.isFootnoteRule = isFootnoteRule
        self.isFurniture = isFurniture
    }

    /// Whether the line has no text.
    public var isBlank: Bool { content.text.isEmpty }

    /// The words of the line, split at spaces.
    public var words: [Substring] { content.words }
    /// The text in lower case.
    public var lower: String { content.lower }

    /// Lines are equal when their number, text, cells, marks and flags are.
    public static func == (lhs: ReportLine, rhs: ReportLine) -> Bool {
        lhs.number == rhs.number && lhs.leadingFootnoteMark == rhs.leadingFootnoteMark && lhs.startsPage == rhs.startsPage
            && lhs.isFootnoteRule == rhs.isFootnoteRule && lhs.isFurniture == rhs.isFurniture
            && (lhs.content === rhs.content
                || (lhs.text == rhs.text && lhs.cells == rhs.cells && lhs.footnoteMarks == rhs.footnoteMarks))
    }

    /// The text split at spaces, empty pieces dropped: by bytes when the text is ASCII (the
    /// usual case), by characters otherwise (a space followed by a combining mark is one
    /// character and does not split).
    static func words(of text: String) -> [Substring] {
        var copy = text
        let bounds: [(Int, Int)]? = copy.withUTF8 { bytes in
            var bounds: [(Int, Int)] = []
            var start = -1
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: " ") {
                    if start >= 0 { bounds.append((start, index)); start = -1 }
                } else if start < 0 {
                    start = index
                }
            }
            if start >= 0 { bounds.append((start, bytes.count)) }
            return bounds
        }
        guard let bounds else { return text.split(separator: " ") }
        let utf8 = text.utf8
        let base = utf8.startIndex
        return bounds.map { start, end in text[utf8.index(base, offsetBy: start)..<utf8.index(base, offsetBy: end)] }
    }
}
