/// A plain-text table with aligned columns, for terminal output and board papers.
///
/// Numeric-looking cells are right-aligned, others left-aligned; columns are separated by two
/// spaces and the header is underlined.
///
/// ```swift
/// TextTable(header: ["method", "lower"], rows: [["wilson", "0.1234"]]).render()
/// // method  lower
/// // ------  ------
/// // wilson  0.1234
/// ```
public struct TextTable: Sendable {
    /// Column headings.
    public var header: [String]
    /// Cell texts, one array per row.
    public var rows: [[String]]

    /// Creates a table.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The table as lines of text ending in a newline.
    public func render() -> String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        var widths = Array(repeating: 0, count: columns)
        for row in [header] + rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var numeric = Array(repeating: true, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() where !cell.isEmpty && !TextTable.looksNumeric(cell) { numeric[i] = false }
        }
        func format(_ row: [String]) -> String {
            var parts: [String] = []
            for i in 0..<columns {
                let cell = i < row.count ? row[i] : ""
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                parts.append(numeric[i] ? padding + cell : cell + padding)
            }
            var line = parts.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        var out = format(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += format(row) + "\n" }
        return out
    }

    static func looksNumeric(_ cell: String) -> Bool {
        cell.allSatisfy { $0.isNumber || "+-.,%eE×<>≤≥".contains($0) || $0 == " " }
    }
}
