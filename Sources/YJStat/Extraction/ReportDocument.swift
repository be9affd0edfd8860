/// A normalised report: its logical lines (body and furniture) and its footnotes.
///
/// Extractors read ``body``, the lines that are neither blank nor page furniture, and look
/// footnotes up in ``footnotes``.
struct ReportDocument {
    /// Every logical line, furniture included.
    let lines: [ReportLine]
    /// Non-blank lines outside footnote blocks and running headers/footers.
    let body: [ReportLine]
    /// The report's footnotes.
    let footnotes: FootnoteIndex

    init(text: String) {
        lines = ReportNormalizer.lines(of: text)
        body = lines.filter { !$0.isBlank && !$0.isFurniture }
        footnotes = FootnoteIndex(lines: lines)
    }

    /// Words of the body lines from `start` on, each with its input line, up to `limit` lines.
    func words(from start: Int, lines limit: Int) -> [(word: Substring, line: Int)] {
        guard start >= 0, start < body.count else { return [] }
        var out: [(Substring, Int)] = []
        for line in body[start..<min(body.count, start + limit)] {
            for word in line.words { out.append((word, line.number)) }
        }
        return out
    }
}
