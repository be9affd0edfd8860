import Foundation

extension BoardPack {
    /// The board pack as one self-contained HTML page: inline CSS and SVG, no scripts and no
    /// external resources, so it opens offline in any browser (and in Word). Sections carry the
    /// ids `headline`, `representation`, `rri`, `national`, `trend`, `unknown`, `methods`; table
    /// rows carry `data-group` and `data-stage`, and cells a class naming their column.
    public func html() -> String {
        let e = SVGDocument.escape
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e("Disproportionality board pack: \(source)"))</title>
        <style>
        body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; color: #222; max-width: 1000px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.25em; border-bottom: 2px solid #1f4e79; padding-bottom: 3px; margin-top: 1.8em; }
        p.meta { color: #555; margin-top: 0; }
        section#headline ul { background: #f3f6fa; border-left: 4px solid #1f4e79; padding: 10px 16px 10px 32px; }
        section#headline li { margin: 6px 0; }
        table { border-collapse: collapse; margin: 12px 0 18px; font-size: 0.9em; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { border: 1px solid #ccd; padding: 3px 7px; text-align: left; vertical-align: top; }
        th { background: #e9eef5; }
        td.count, td.base, td.rate, td.rri, td.lower, td.upper, td.p, td.ratio, td.national-rri, td.earlier-rri, td.difference { text-align: right; white-space: nowrap; }
        td.stage, td.group, td.base-stage, td.stage-share, td.base-share, td.year, td.unknown-lower, td.unknown-upper { white-space: nowrap; }
        tr.reference td { background: #f7f7f7; }
        tr.hidden td { color: #777; }
        tr.small td.rri { font-style: italic; }
        figure { margin: 12px 0; }
        figure svg { max-width: 100%; height: auto; border: 1px solid #e3e3e3; }
        footer { color: #666; font-size: 0.85em; margin-top: 2em; }
        @media print { body { max-width: none; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } }
        </style>
        </head>
        <body>
        <header>
        <h1>Disproportionality board pack</h1>
        <p class="meta">\(e(source))\(year.map { " · " + e($0) } ?? "") · compared with \(e(referenceChildren)) · \(e(levelText)) confidence intervals</p>
        </header>

        """
        for section in sections() {
            out += "<section id=\"\(e(section.id))\">\n<h2>\(e(section.title))</h2>\n"
            for paragraph in section.paragraphs { out += "<p>\(e(paragraph))</p>\n" }
            if !section.bullets.isEmpty {
                out += "<ul>\n" + section.bullets.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            }
            // Each chart comes just before the table it draws.
            for (index, table) in section.tables.enumerated() {
                if index < section.charts.count { out += Self.figure(section.charts[index]) }
                out += Self.htmlTable(table)
            }
            for chart in section.charts.dropFirst(section.tables.count) { out += Self.figure(chart) }
            out += "</section>\n\n"
        }
        out += "<footer>Made by yjstat board. Figures for children of unknown ethnicity, small numbers and hidden cells are explained under Methods and caveats.</footer>\n</body>\n</html>\n"
        return out
    }

    static func figure(_ svg: String) -> String {
        var inline = svg
        if inline.hasPrefix("<?xml"), let end = inline.firstIndex(of: "\n") { inline = String(inline[inline.index(after: end)...]) }
        return "<figure>\n\(inline)\n</figure>\n"
    }

    static func htmlTable(_ table: BoardTable) -> String {
        let e = SVGDocument.escape
        var out = "<table>\n"
        if !table.caption.isEmpty { out += "<caption>\(e(table.caption))</caption>\n" }
        out += "<thead><tr>" + table.header.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            var attributes = ""
            if !row.marks.isEmpty { attributes += " class=\"\(e(row.marks.joined(separator: " ")))\"" }
            if let group = row.group { attributes += " data-group=\"\(e(group))\"" }
            if let stage = row.stage { attributes += " data-stage=\"\(e(stage))\"" }
            out += "<tr\(attributes)>"
            for (i, cell) in row.cells.enumerated() {
                let key = i < table.keys.count ? table.keys[i] : "cell"
                out += "<td class=\"\(e(key))\">\(e(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
