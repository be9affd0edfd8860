/// A row filter `COLUMN=VALUE` (`--where ethnicity=Black`): keep rows whose cell in `column`
/// equals `value` exactly, after spaces and tabs around the cell are removed.
///
/// Several filters on the same column keep a row that matches any of them; filters on
/// different columns must all match.
public struct ColumnFilter: Sendable, Equatable, Hashable, Codable {
    /// The header name of the column to test.
    public var column: String
    /// The value a kept row has in that column.
    public var value: String

    /// Creates a filter.
    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }

    /// Parses `COLUMN=VALUE` (split at the first `=`; spaces around the column name are
    /// removed, the value is kept as written apart from surrounding spaces and tabs). Returns
    /// `nil` when there is no `=` or the column name is empty. An empty value selects blank cells.
    public init?(parsing text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let name = text[..<equals].trimmingASCIIBlanks()
        guard !name.isEmpty else { return nil }
        self.init(column: name, value: text[text.index(after: equals)...].trimmingASCIIBlanks())
    }
}

extension StringProtocol {
    /// The text without leading and trailing ASCII spaces and tabs (the blanks the streaming
    /// scanner ignores around cells).
    func trimmingASCIIBlanks() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
