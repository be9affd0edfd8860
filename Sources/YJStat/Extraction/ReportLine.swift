/// One logical line of a report after normalisation, tied to the input line it came from.
///
/// A physical input line can yield several logical lines: HTML fragments (`<p>…</p> <p>…</p>`)
/// are split at block boundaries, and each piece keeps the same input line number.
public struct ReportLine: Sendable, Equatable {
    /// 1-based line number in the input text (lines end at LF; a CR before it is ignored).
    public let number: Int
    /// The normalised text: tags and footnote superscripts removed, quotes and dashes made plain,
    /// runs of spaces and tabs collapsed to one space, trimmed.
    public let text: String
    /// Tab-separated cells of the line (one cell when the line has no tabs), each normalised.
    public let cells: [String]
    /// Footnote numbers marked by superscript digits on this line (`Brent YOS ³` → `[3]`).
    public let footnoteMarks: [Int]
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
        self.text = text
        self.words = text.split(separator: " ")
        self.lower = text.lowercased()
        self.cells = cells
        self.footnoteMarks = footnoteMarks
        self.leadingFootnoteMark = leadingFootnoteMark
        self.startsPage = startsPage
        self.isFootnoteRule = isFootnoteRule
        self.isFurniture = isFurniture
    }

    /// Whether the line has no text.
    public var isBlank: Bool { text.isEmpty }

    /// The words of the line, split at spaces.
    public let words: [Substring]
    /// The text in lower case.
    public let lower: String
}
