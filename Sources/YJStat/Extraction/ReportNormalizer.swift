import Foundation

/// Turns the raw text of a report (as a PDF or Word converter produced it) into
/// ``ReportLine``s that the section locators and extractors can read.
///
/// What it undoes:
/// - HTML fragments: a line is split at block ends (`</p>`, `<br>`, `</td>`, `</tr>`, `</li>`,
///   `</h1>`…`</h6>`), remaining tags are dropped and the common entities decoded.
/// - Tabs: kept as cell boundaries (``ReportLine/cells``) and read as spaces in ``ReportLine/text``.
/// - Typography: curly quotes become `'` and `"`, en and em dashes `-`, no-break and other
///   spaces a plain space, soft hyphens and zero-width characters are removed, the `ﬁ`/`ﬂ`
///   ligatures are spelled out, control characters become spaces.
/// - Superscript footnote marks (`¹`…`⁹`, `⁰`) are removed from the text and kept as numbers.
/// - Page furniture: the footnote block after a rule line, lines of footnote definitions that
///   start with a superscript number, and running headers/footers such as
///   "Inspection of youth offending services: Kensington & Chelsea YOS 35" are flagged
///   (``ReportLine/isFurniture``) rather than deleted, so line numbers stay true.
///
/// Glued footnote numbers in body text ("safe?12 7 7", "Good20") are left for the extractors,
/// which know where a number can be a footnote.
public enum ReportNormalizer {
    /// Normalises a whole report.
    /// - Parameter text: The report text; any content is accepted.
    /// - Returns: The logical lines, in input order.
    public static func lines(of text: String) -> [ReportLine] {
        var result: [ReportLine] = []
        var number = 0
        var copy = text
        copy.withUTF8 { bytes in
            result.reserveCapacity(bytes.count / 48 + 1)
            var scratch: [UInt8] = []
            // Lines end at LF, CR LF or a lone CR (old Mac converters), so all three give the same
            // lines. Both are ASCII bytes, never inside a multi-byte sequence, so splitting the
            // bytes splits the text at the same places as splitting its scalars.
            let count = bytes.count
            var start = 0
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    number += 1
                    append(UnsafeBufferPointer(rebasing: bytes[start..<index]), number: number, to: &result, scratch: &scratch)
                    var next = index + 1
                    if byte == 0x0D, next < count, bytes[next] == 0x0A { next += 1 }
                    start = next
                    index = next
                } else {
                    index += 1
                }
            }
            number += 1
            append(UnsafeBufferPointer(rebasing: bytes[start..<count]), number: number, to: &result, scratch: &scratch)
        }
        if let last = result.last, last.isBlank, last.number == number, text.hasSuffix("\n") || text.hasSuffix("\r") {
            result.removeLast()
        }
        markFurniture(&result)
        return result
    }

    /// Normalises the bytes of one physical line: lines without HTML, footnote superscripts or
    /// unusual spaces and marks (most lines of most reports) are read directly from the bytes
    /// (``plainLine(_:number:scratch:)``), anything else by ``normalise(_:number:)``. Both give
    /// the same lines.
    static func append(_ raw: UnsafeBufferPointer<UInt8>, number: Int, to result: inout [ReportLine], scratch: inout [UInt8]) {
        if let line = plainLine(raw, number: number, scratch: &scratch) {
            result.append(line)
        } else {
            result.append(contentsOf: normalise(String(decoding: raw, as: UTF8.self), number: number))
        }
    }

    /// The line of a physical line whose characters need no rule of ``cleanCells(_:marks:leadingMark:)``
    /// beyond collapsing spaces, splitting at tabs and mapping curly quotes and en and em dashes,
    /// or `nil` for any other line (HTML, backticks, control characters, superscripts, unusual
    /// spaces, soft hyphens, other typographic marks), which the general path reads.
    /// - Parameter raw: The line's bytes, valid UTF-8 (a slice of a `String` at line ends).
    static func plainLine(_ raw: UnsafeBufferPointer<UInt8>, number: Int, scratch: inout [UInt8]) -> ReportLine? {
        let count = raw.count
        // Fast case: printable ASCII, no tab, single spaces inside, no space at either end.
        var simple = count > 0 && raw[0] != UInt8(ascii: " ") && raw[count - 1] != UInt8(ascii: " ")
        var previousSpace = false
        var underscores = 0
        var ruleCharacters = 0
        var onlyRule = true
        if simple {
            for byte in raw {
                if byte == UInt8(ascii: " ") {
                    if previousSpace { simple = false; break }
                    previousSpace = true
                    ruleCharacters += 1
                } else {
                    guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "<"), byte != UInt8(ascii: "`") else { simple = false; break }
                    previousSpace = false
                    if byte == UInt8(ascii: "_") { underscores += 1; ruleCharacters += 1 } else { onlyRule = false }
                }
            }
            if simple {
                let text = String(decoding: raw, as: UTF8.self)
                let isRule = onlyRule && (ruleCharacters >= 20 || underscores >= 10)
                return ReportLine(number: number, text: text, cells: [text], isFootnoteRule: isRule)
            }
        }
        // General plain case: build the cells in the scratch buffer.
        scratch.removeAll(keepingCapacity: true)
        var cells: [String] = []
        var cellStart = 0
        var pending = false
        underscores = 0
        ruleCharacters = 0
        onlyRule = true
        func endCell() {
            if scratch.count > cellStart {
                cells.append(String(decoding: scratch[cellStart...], as: UTF8.self))
            }
            cellStart = scratch.count
            pending = false
        }
        func emit(_ byte: UInt8) {
            if pending && scratch.count > cellStart { scratch.append(UInt8(ascii: " ")) }
            pending = false
            scratch.append(byte)
        }
        var index = 0
        while index < count {
            let byte = raw[index]
            if byte < 0x80 {
                switch byte {
                case UInt8(ascii: " "):
                    pending = true
                    ruleCharacters += 1
                case UInt8(ascii: "\t"):
                    endCell()
                    ruleCharacters += 1
                case UInt8(ascii: "<"), UInt8(ascii: "`"), 0x7F, 0..<0x20:
                    return nil
                default:
                    if byte == UInt8(ascii: "_") { underscores += 1; ruleCharacters += 1 } else { onlyRule = false }
                    emit(byte)
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= count else { return nil }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | (UInt32(raw[index + offset]) & 0x3F) }
            switch value {
            case 0x2018, 0x2019:
                emit(UInt8(ascii: "'")); onlyRule = false
            case 0x201C, 0x201D:
                emit(UInt8(ascii: "\"")); onlyRule = false
            case 0x2013:
                emit(UInt8(ascii: "-")); onlyRule = false
            case 0x2014:
                emit(UInt8(ascii: "-")); underscores += 1; ruleCharacters += 1
            case 0x80...0xA0, 0xAD, 0xB2, 0xB3, 0xB4, 0xB9, 0x2000...0x201F, 0x2026, 0x2028...0x202F, 0x2032, 0x2033,
                 0x205F...0x206F, 0x2070...0x2079, 0x2212, 0x2500, 0x3000, 0xFEFF, 0xFB01, 0xFB02:
                return nil
            default:
                onlyRule = false
                if pending && scratch.count > cellStart { scratch.append(UInt8(ascii: " ")) }
                pending = false
                for offset in 0..<length { scratch.append(raw[index + offset]) }
            }
            index += length
        }
        endCell()
        let isRule = onlyRule && (ruleCharacters >= 20 || underscores >= 10)
        let startsPage = count >= 2 && raw[0] == UInt8(ascii: " ") && raw[1] != UInt8(ascii: " ") && raw[1] != UInt8(ascii: "\t")
        let text = cells.count == 1 ? cells[0] : cells.joined(separator: " ")
        return ReportLine(number: number, text: text, cells: cells, startsPage: startsPage, isFootnoteRule: isRule)
    }

    /// Normalises one physical line into one or more logical lines.
    static func normalise(_ raw: String, number: Int) -> [ReportLine] {
        let scalars = raw.unicodeScalars
        let isRule = isRuleLine(scalars)
        var startsPage = false
        if let first = scalars.first, first == " " {
            let second = scalars.dropFirst().first
            startsPage = second != nil && second != " " && second != "\t"
        }
        let pieces: [String] = raw.has(byte: "<") ? splitHTML(raw) : [raw]
        var lines: [ReportLine] = []
        for piece in pieces {
            var marks: [Int] = []
            var leading: Int?
            let cells = cleanCells(piece, marks: &marks, leadingMark: &leading)
            let text = cells.joined(separator: " ")
            if text.isEmpty && pieces.count > 1 && !lines.isEmpty { continue }
            lines.append(ReportLine(number: number, text: text, cells: cells, footnoteMarks: marks, leadingFootnoteMark: leading,
                                    startsPage: startsPage && lines.isEmpty, isFootnoteRule: isRule))
        }
        if lines.isEmpty {
            lines.append(ReportLine(number: number, text: "", cells: [], startsPage: false, isFootnoteRule: isRule))
        }
        return lines
    }

    /// Whether a line is a long run of spaces or underscores (the rule above a footnote block).
    static func isRuleLine(_ scalars: String.UnicodeScalarView) -> Bool {
        var count = 0
        var underscores = 0
        for scalar in scalars {
            switch scalar {
            case " ", "\t", "\u{A0}", "\r": count += 1
            case "_", "\u{2014}", "\u{2500}": count += 1; underscores += 1
            default: return false
            }
        }
        return count >= 20 || underscores >= 10
    }

    /// Splits a line with HTML at block ends and strips the remaining tags.
    static func splitHTML(_ raw: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var index = raw.startIndex
        while index < raw.endIndex {
            let character = raw[index]
            if character == "<", let close = raw[index...].firstIndex(of: ">") {
                let tag = raw[raw.index(after: index)..<close].lowercased()
                let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
                let isEnd = tag.hasPrefix("/")
                let blockEnds: Set<String> = ["p", "td", "th", "tr", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6"]
                let looksLikeTag = !tag.isEmpty && (tag.first?.isLetter == true || tag.hasPrefix("/") || tag.hasPrefix("!"))
                if looksLikeTag {
                    if (isEnd && blockEnds.contains(String(tag.dropFirst()).trimmingSpaces())) || name == "br" {
                        pieces.append(current)
                        current = ""
                    } else if name == "td" || name == "th" {
                        current.append("\t")
                    } else {
                        current.append(" ")
                    }
                    index = raw.index(after: close)
                    continue
                }
            }
            current.append(character)
            index = raw.index(after: index)
        }
        pieces.append(current)
        return pieces.map(decodeEntities)
    }

    /// Decodes the HTML entities converters commonly leave behind.
    static func decodeEntities(_ text: String) -> String {
        guard text.has(byte: "&") else { return text }
        var out = text
        for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
                                ("&apos;", "'"), ("&rsquo;", "'"), ("&lsquo;", "'"), ("&ndash;", "-"),
                                ("&mdash;", "-"), ("&amp;", "&")] {
            out = out.replacingAll(entity, with: value)
        }
        return out
    }

    /// Maps characters, collects superscript footnote marks, splits at tabs and collapses spaces.
    static func cleanCells(_ piece: String, marks: inout [Int], leadingMark: inout Int?) -> [String] {
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var pendingSpace = false
        var markDigits = 0
        var inMark = false
        func flushMark() {
            if inMark {
                if cells.isEmpty && cell.isEmpty && marks.isEmpty { leadingMark = markDigits }
                marks.append(markDigits)
            }
            inMark = false
            markDigits = 0
        }
        func appendScalar(_ scalar: Unicode.Scalar) {
            if pendingSpace && !cell.isEmpty { cell.append(" ") }
            pendingSpace = false
            cell.append(scalar)
        }
        func endCell() {
            let text = String(cell)
            if !text.isEmpty { cells.append(text) }
            cell = String.UnicodeScalarView()
            pendingSpace = false
        }
        for scalar in piece.unicodeScalars {
            if let digit = superscriptDigit(scalar) {
                if !inMark { inMark = true; markDigits = 0 }
                markDigits = min(markDigits * 10 + digit, 1_000_000)
                continue
            }
            flushMark()
            switch scalar {
            case "\t":
                endCell()
            case " ", "\r", "\u{A0}", "\u{2000}"..."\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{0B}", "\u{0C}":
                pendingSpace = true
            case "\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{2060}":
                continue
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "`", "\u{B4}":
                appendScalar("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}":
                appendScalar("\"")
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}":
                appendScalar("-")
            case "\u{2026}":
                appendScalar("."); appendScalar("."); appendScalar(".")
            case "\u{FB01}":
                appendScalar("f"); appendScalar("i")
            case "\u{FB02}":
                appendScalar("f"); appendScalar("l")
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                    pendingSpace = true
                } else {
                    appendScalar(scalar)
                }
            }
        }
        flushMark()
        endCell()
        return cells
    }

    /// The digit a superscript character stands for.
    static func superscriptDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "\u{2070}": return 0
        case "\u{B9}": return 1
        case "\u{B2}": return 2
        case "\u{B3}": return 3
        case "\u{2074}"..."\u{2079}": return Int(scalar.value - 0x2070)
        default: return nil
        }
    }

    /// Flags footnote blocks and running headers and footers.
    static func markFurniture(_ lines: inout [ReportLine]) {
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isFootnoteRule {
                // A footnote block: non-blank lines after the rule, the first starting with a
                // footnote number, up to a blank line or the first line of the next page.
                var next = index + 1
                var first = true
                while next < lines.count {
                    let candidate = lines[next]
                    if candidate.isBlank || candidate.isFootnoteRule { break }
                    if !first && candidate.startsPage { break }
                    if first && FootnoteIndex.definition(in: candidate.text) == nil { break }
                    lines[next].isFurniture = true
                    first = false
                    next += 1
                }
                index = next
                continue
            }
            if isRunningHeaderOrFooter(line.text) || isSuperscriptFootnoteDefinition(line) {
                lines[index].isFurniture = true
            }
            index += 1
        }
    }

    /// A footnote definition written with a superscript number at the start ("⁶ Office for …").
    static func isSuperscriptFootnoteDefinition(_ line: ReportLine) -> Bool {
        line.leadingFootnoteMark != nil && line.text.count > 3
    }

    /// A running header or footer: the report title followed by a page number.
    static func isRunningHeaderOrFooter(_ text: String) -> Bool {
        // Cheap rejection first: almost no line starts with "inspection" or "an inspection".
        guard let first = text.utf8.first, first == UInt8(ascii: "I") || first == UInt8(ascii: "i")
                || first == UInt8(ascii: "A") || first == UInt8(ascii: "a") else { return false }
        guard text.utf8.count < 560, text.count < 140, let last = text.split(separator: " ").last, last.allSatisfy(\.isNumber) else { return false }
        let lower = text.lowercased()
        return lower.hasPrefix("inspection of youth offending services") || lower.hasPrefix("an inspection of youth offending")
            || lower.hasPrefix("inspection of youth justice services") || lower.hasPrefix("an inspection of youth justice services")
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, has(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }

    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
