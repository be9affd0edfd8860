/// A table of case counts as the 2020-style reports print them: a heading clause ("Of the 4
/// cases inspected", "Of the 3 cases with factors related to keeping the child safe:"), the
/// column heads "Relevant cases" and "Number 'Yes'", then rows of question text each ending in
/// two figures ("… safe?12 7 7", "4 3" on a line of its own, "N/A N/A").
struct CountTable {
    /// One question row.
    struct Row {
        /// The question text, wrapped lines joined.
        let text: String
        /// Relevant cases (`nil` for N/A).
        let relevant: Int?
        /// Yes cases (`nil` for N/A).
        let yes: Int?
        /// A percentage printed after the counts, if the layout has that column.
        let percent: Int?
        /// Input line of the figures.
        let line: Int
    }

    /// The case count in the heading clause.
    let cases: Int?
    /// Input line of the heading clause.
    let line: Int
    /// Text between the previous table and this one (ends with the question the table details).
    let heading: String
    /// The rows in order.
    var rows: [Row]

    /// Parses every count table in a run of body lines.
    static func parse(_ lines: ArraySlice<ReportLine>, warnings: inout [ExtractionWarning]) -> [CountTable] {
        var tables: [CountTable] = []
        var pending = ""
        var inHeader = false
        var clauseOpen = false
        for line in lines {
            let words = line.words
            if let cases = tableStart(words) {
                tables.append(CountTable(cases: cases, line: line.number, heading: pending, rows: []))
                pending = ""
                inHeader = true
                let lower = line.lower
                clauseOpen = !(lower.has("inspected") || lower.has(byte: ":"))
                continue
            }
            if inHeader {
                if clauseOpen && !line.text.has(byte: "?") {
                    if line.text.has(byte: ":") || line.lower.has("inspected") { clauseOpen = false }
                    continue
                }
                clauseOpen = false
                if isColumnHeads(words) { continue }
                inHeader = false
            }
            if !tables.isEmpty, let figures = trailingFigures(words) {
                let prefix = figures.prefix.joined(separator: " ")
                let text = pending.isEmpty ? prefix : (prefix.isEmpty ? pending : pending + " " + prefix)
                if text.has(byte: "?") {
                    tables[tables.count - 1].rows.append(Row(text: text, relevant: figures.relevant, yes: figures.yes,
                                                             percent: figures.percent, line: line.number))
                    pending = ""
                    continue
                }
                if prefix.isEmpty {
                    warnings.append(ExtractionWarning(line: line.number, "figures '\(line.text)' follow no question; skipped"))
                    continue
                }
            }
            pending = pending.isEmpty ? line.text : pending + " " + line.text
            // (The byte count bounds the character count, so the costly count runs only on long text.)
            if pending.utf8.count > 4_000, pending.count > 4_000 { pending = String(pending.suffix(2_000)) }
        }
        return tables
    }

    /// The case count when the words open a table heading: "Of the N case(s) …".
    static func tableStart(_ words: [Substring]) -> Int? {
        guard words.count >= 4, words[0].utf8.count == 2, words[1].utf8.count == 3, words[0].lowercased() == "of", words[1].lowercased() == "the",
              words[3].lowercased().hasPrefix("case") else { return nil }
        return NumberWords.value(words[2])
    }

    /// Whether the words are only the column heads ("Relevant cases", "Number 'Yes'").
    static func isColumnHeads(_ words: [Substring]) -> Bool {
        return !words.isEmpty && words.allSatisfy { columnHeads.contains($0.trimmingCharacters(inSet: "'\":").lowercased()) }
    }

    /// The words of the column heads, lower case.
    static let columnHeads: Set<String> = ["relevant", "cases", "number", "yes", "%", "percentage"]

    /// Two figures (or N/A) at the end of the words, and an optional percentage after them. A
    /// footnote number glued to the question mark before them ("safe?12 7 7") is dropped.
    static func trailingFigures(_ words: [Substring]) -> (prefix: [Substring], relevant: Int?, yes: Int?, percent: Int?)? {
        var end = words.count
        var percent: Int?
        if let last = words.last, let value = NumberWords.percent(last) {
            percent = value
            end -= 1
        }
        guard end >= 2 else { return nil }
        guard let relevant = figure(words[end - 2]), let yes = figure(words[end - 1]) else { return nil }
        var prefix = Array(words[..<(end - 2)])
        if let last = prefix.last, let mark = last.lastIndex(of: "?") {
            let after = last[last.index(after: mark)...]
            if !after.isEmpty && after.allSatisfy(\.isASCIIDigit) {
                prefix[prefix.count - 1] = last[...mark]
            }
        }
        // A third bare number before the pair is a footnote number detached from its question mark.
        if let last = prefix.last, last.count <= 2, last.allSatisfy(\.isASCIIDigit), prefix.count >= 2,
           prefix[prefix.count - 2].hasSuffix("?") {
            prefix.removeLast()
        }
        return (prefix, relevant.value, yes.value, percent)
    }

    /// A count (up to four digits) or "N/A" (value `nil`).
    static func figure(_ word: Substring) -> (value: Int?, Void)? {
        let lower = word.lowercased()
        if lower == "n/a" || lower == "na" { return (nil, ()) }
        guard (1...4).contains(word.count), word.allSatisfy(\.isASCIIDigit), let value = Int(word) else { return nil }
        return (value, ())
    }
}
