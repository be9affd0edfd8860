extension BoardPack {
    /// The board pack as Markdown (GitHub-flavoured tables): the same sections, sentences and
    /// tables as ``html()``, without the charts (which the HTML page draws).
    public func markdown() -> String {
        var out = "# Disproportionality board pack\n\n"
        out += "\(source)\(year.map { " · \($0)" } ?? "") · compared with \(referenceChildren) · \(levelText) confidence intervals\n\n"
        for section in sections() {
            out += "## \(section.title)\n\n"
            for paragraph in section.paragraphs { out += paragraph + "\n\n" }
            for bullet in section.bullets { out += "- \(bullet)\n" }
            if !section.bullets.isEmpty { out += "\n" }
            for table in section.tables {
                if !table.caption.isEmpty { out += "**\(Self.markdownCell(table.caption))**\n\n" }
                out += "| " + table.header.map(Self.markdownCell).joined(separator: " | ") + " |\n"
                out += "|" + table.header.map { _ in "---|" }.joined() + "\n"
                for row in table.rows { out += "| " + row.cells.map(Self.markdownCell).joined(separator: " | ") + " |\n" }
                out += "\n"
            }
            if !section.charts.isEmpty { out += "(\(section.charts.count == 1 ? "The chart is" : "The charts are") in the HTML version, \(Parameter.html.mention) FILE.)\n\n" }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    /// A table cell with pipes escaped and line breaks as spaces.
    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
