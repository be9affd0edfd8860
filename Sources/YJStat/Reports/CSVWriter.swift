import Foundation

/// Writes RFC 4180 CSV that is safe to open in a spreadsheet.
///
/// Fields containing a comma, quote, carriage return or line feed, or with leading or trailing
/// spaces, are quoted with inner quotes doubled. A text cell that a spreadsheet would run as a
/// formula — one beginning with `=`, `+`, `-`, `@`, a tab or a carriage return — is neutralised
/// by a leading apostrophe (OWASP "CSV injection" guidance), unless the whole cell is a plain
/// number such as `-0.25` or `+3`, which is left as it is. A cell beginning with a
/// ``Parameter/mention`` is neutralised too: the command line writes the mention as a flag
/// (`--where`) after rendering. Lines end in CRLF as RFC 4180 says.
///
/// ```swift
/// CSVWriter.render(rows: [ResultRow([("group", .text("=HYPERLINK(…)")), ("rri", .number(1.5))])])
/// // "group,rri\r\n'=HYPERLINK(…),1.5\r\n"
/// ```
public enum CSVWriter {
    /// Renders rows under a header taken from the first row's column names (or `header`); a row
    /// without one of the columns has `NA` there (``CellValue/null``).
    public static func render(rows: [ResultRow], header: [String]? = nil) -> String {
        let names = header ?? rows.first?.names ?? []
        var out = line(names.map { $0 })
        for row in rows {
            out += line(names.map { row[$0]?.csvText ?? CellValue.null.csvText }, neutralise: true)
        }
        return out
    }

    /// Renders a header and rows of plain text cells.
    public static func render(header: [String], rows: [[String]]) -> String {
        var out = line(header)
        for row in rows { out += line(row, neutralise: true) }
        return out
    }

    /// One CSV line (with CRLF) from cell texts.
    public static func line(_ cells: [String], neutralise: Bool = true) -> String {
        cells.map { escape(neutralise ? neutralised($0) : $0) }.joined(separator: ",") + "\r\n"
    }

    /// The cell with a leading apostrophe if a spreadsheet would treat it as a formula (or it
    /// begins with a parameter mention, which the command line writes as a `--` flag).
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r\u{27EA}".unicodeScalars.contains(first) else { return cell }
        if isPlainNumber(cell) { return cell }
        return "'" + cell
    }

    /// The cell quoted if RFC 4180 requires it (or it has edge spaces).
    public static func escape(_ cell: String) -> String {
        // Checked on UTF-8 bytes (fast, and a separator carrying a combining mark still counts).
        let needsQuotes = cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
            || cell.utf8.first == 0x20 || cell.utf8.last == 0x20
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isPlainNumber(_ cell: String) -> Bool {
        guard cell.unicodeScalars.allSatisfy({ $0.isASCII && ("0"..."9" ~= $0 || "+-.eE".unicodeScalars.contains($0)) }) else { return false }
        return Double(cell) != nil
    }
}
