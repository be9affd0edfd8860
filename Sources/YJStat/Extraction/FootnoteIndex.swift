/// The footnotes of a report: their numbers, text and the input line where each starts.
///
/// Footnotes are read from the blocks ``ReportNormalizer`` flags as furniture (a rule line, then
/// lines starting "17 Due to the size …", continuation lines appended) and from lines that start
/// with a superscript number ("⁶ Office for National Statistics …").
public struct FootnoteIndex: Sendable, Equatable {
    /// One footnote.
    public struct Footnote: Sendable, Equatable {
        /// The footnote number as printed.
        public let number: Int
        /// The footnote's text, continuation lines joined with spaces.
        public var text: String
        /// The input line where the footnote starts.
        public let line: Int
    }

    /// Every footnote found, in input order.
    public let footnotes: [Footnote]

    /// Builds the index from normalised lines.
    public init(lines: [ReportLine]) {
        var found: [Footnote] = []
        var inBlock = false
        for line in lines {
            if let mark = line.leadingFootnoteMark, !line.text.isEmpty {
                found.append(Footnote(number: mark, text: line.text, line: line.number))
                inBlock = false
                continue
            }
            guard line.isFurniture else { inBlock = false; continue }
            if let (number, rest) = Self.definition(in: line.text) {
                found.append(Footnote(number: number, text: rest, line: line.number))
                inBlock = true
            } else if inBlock, !found.isEmpty, !line.text.isEmpty {
                found[found.count - 1].text += " " + line.text
            }
        }
        footnotes = found
    }

    /// The footnote with this number nearest after `line` (footnotes are printed at the foot
    /// of the page that cites them), or the first one with the number when none follows.
    public func footnote(_ number: Int, after line: Int) -> Footnote? {
        footnotes.first { $0.number == number && $0.line >= line } ?? footnotes.first { $0.number == number }
    }

    /// Splits "17 Due to the size …" into the number and the text, if the line reads as a
    /// footnote definition: 1–3 digits, a space, then a letter, quote or asterisk.
    static func definition(in text: String) -> (Int, String)? {
        guard let space = text.firstIndex(of: " ") else { return nil }
        let head = text[..<space]
        guard (1...3).contains(head.count), head.allSatisfy(\.isASCIIDigit), let number = Int(head), number > 0 else { return nil }
        let rest = text[text.index(after: space)...]
        guard let first = rest.first, first.isLetter || first == "'" || first == "\"" || first == "*" else { return nil }
        return (number, String(rest))
    }
}

extension Character {
    /// Whether the character is one of `0`…`9`.
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
