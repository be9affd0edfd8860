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

extension ColumnFilter {
    /// The most values one range may expand to.
    public static let maximumRangeLength = 10_000

    /// Parses one `--where` condition: `COLUMN=VALUE`, or `COLUMN=FIRST..LAST` for a range of
    /// whole numbers (`year=2021..2023`), which becomes one filter per value (and so keeps a row
    /// with any of them).
    ///
    /// - Throws: ``InvalidArgumentError`` (parameter ``Parameter/filter``) when the text has no `=`, the
    ///   column is empty, or a range is not two whole numbers in order, at most
    ///   ``maximumRangeLength`` apart.
    public static func filters(parsing text: String) throws -> [ColumnFilter] {
        guard let filter = ColumnFilter(parsing: text) else {
            throw InvalidArgumentError(.filter, "must be COLUMN=VALUE or COLUMN=FIRST..LAST; got '\(text)'")
        }
        guard let dots = filter.value.range(of: "..") else { return [filter] }
        let first = filter.value[..<dots.lowerBound].trimmingASCIIBlanks(), last = filter.value[dots.upperBound...].trimmingASCIIBlanks()
        guard let low = Int(first), let high = Int(last) else {
            throw InvalidArgumentError(.filter, "a range must be two whole numbers, FIRST..LAST; got '\(filter.value)'")
        }
        guard low <= high else {
            throw InvalidArgumentError(.filter, "range \(filter.value) runs backwards; write \(high)..\(low)")
        }
        guard high - low < maximumRangeLength else {
            throw InvalidArgumentError(.filter, "range \(filter.value) has more than \(maximumRangeLength) values")
        }
        return (low...high).map { ColumnFilter(column: filter.column, value: String($0)) }
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
