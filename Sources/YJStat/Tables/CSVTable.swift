import Foundation

/// A parsed CSV file: a header row and data rows of equal width.
///
/// Produced by ``CSVReader``. Columns are addressed by header name; every typed accessor on
/// ``CSVRow`` throws an ``InputError`` that names the file, line and column of the bad cell.
public struct CSVTable: Sendable {
    /// Where the table came from (a file name), used in error messages.
    public let source: String
    /// Column names from the header row, with surrounding white space removed.
    public let header: [String]
    /// Data rows in file order.
    public let rows: [CSVRow]
    /// The 1-based line on which the header row starts.
    public let headerLine: Int

    private let indexByName: [String: Int]

    /// Creates a table; used by ``CSVReader``.
    ///
    /// - Throws: ``InputError`` when two header cells have the same name or one is empty.
    public init(source: String, header: [String], records: [(line: Int, fields: [String])], headerLine: Int = 1) throws {
        self.source = source
        self.header = header
        self.headerLine = headerLine
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            if name.isEmpty {
                throw InputError(file: source, line: headerLine, column: i + 1, message: "empty column name in header")
            }
            if let first = index[name] {
                throw InputError(file: source, line: headerLine, column: i + 1,
                                 message: "duplicate column '\(name)' (also column \(first + 1))")
            }
            index[name] = i
        }
        self.indexByName = index
        var built: [CSVRow] = []
        built.reserveCapacity(records.count)
        for record in records {
            built.append(CSVRow(source: source, line: record.line, fields: record.fields, columns: index))
        }
        self.rows = built
    }

    /// Whether the header has a column with this name.
    public func hasColumn(_ name: String) -> Bool { indexByName[name] != nil }

    /// The 0-based index of a column, if present.
    public func columnIndex(_ name: String) -> Int? { indexByName[name] }

    /// Throws unless every named column is present, naming the first missing one and listing
    /// the columns the file does have.
    public func requireColumns(_ names: [String]) throws {
        for name in names where indexByName[name] == nil {
            throw InputError(file: source, line: headerLine,
                             message: "missing column '\(name)' (found: \(header.joined(separator: ", ")))")
        }
    }
}

/// One data row of a ``CSVTable`` with typed, located access to its cells.
public struct CSVRow: Sendable {
    /// The file the row came from.
    public let source: String
    /// The 1-based line on which the row starts (a quoted cell may span several lines).
    public let line: Int
    /// The raw cell texts, in column order.
    public let fields: [String]
    private let columns: [String: Int]

    init(source: String, line: Int, fields: [String], columns: [String: Int]) {
        self.source = source
        self.line = line
        self.fields = fields
        self.columns = columns
    }

    /// An ``InputError`` located at this row and the named column.
    public func error(_ column: String, _ message: String) -> InputError {
        InputError(file: source, line: line, column: columns[column].map { $0 + 1 }, message: message)
    }

    private func cell(_ column: String) throws -> String {
        guard let index = columns[column] else {
            throw InputError(file: source, line: line, message: "missing column '\(column)'")
        }
        return fields[index].trimmingCharacters(in: .whitespaces)
    }

    /// The cell text with surrounding spaces removed; throws when it is blank.
    public func string(_ column: String) throws -> String {
        let text = try cell(column)
        if text.isEmpty { throw error(column, "'\(column)' is blank") }
        return text
    }

    /// The cell text with surrounding spaces removed, or `nil` when blank or the column is absent.
    public func optionalString(_ column: String) -> String? {
        guard columns[column] != nil, let text = try? cell(column), !text.isEmpty else { return nil }
        return text
    }

    /// The cell as a whole number; throws when blank or not a whole number.
    public func int(_ column: String) throws -> Int {
        guard let value = try optionalInt(column) else { throw error(column, "expected a whole number in '\(column)', found a blank") }
        return value
    }

    /// The cell as a whole number, `nil` when blank; throws when it is not a whole number.
    /// Accepts thousands separators (`1,234`) and a trailing `.0`.
    public func optionalInt(_ column: String) throws -> Int? {
        let text = try cell(column)
        if text.isEmpty { return nil }
        if let value = CSVRow.parseWholeNumber(text) {
            guard CountLimit.accepts(value) else { throw error(column, CountLimit.refusal(value)) }
            return value
        }
        if let huge = Double(text.replacingOccurrences(of: ",", with: "")), huge == huge.rounded(), abs(huge) > Double(CountLimit.maximum) {
            throw error(column, "\(text) is beyond the largest count yjstat accepts, \(CountLimit.maximumText)")
        }
        throw error(column, "expected a whole number, found '\(text)'")
    }

    /// The cell as a finite decimal number; throws when blank or not a number.
    public func double(_ column: String) throws -> Double {
        guard let value = try optionalDouble(column) else { throw error(column, "expected a number in '\(column)', found a blank") }
        return value
    }

    /// The cell as a finite decimal number, `nil` when blank; throws when it is not a number.
    /// A trailing `%` and thousands separators are accepted.
    public func optionalDouble(_ column: String) throws -> Double? {
        let text = try cell(column)
        if text.isEmpty { return nil }
        if let value = CSVRow.parseDecimal(text) { return value }
        throw error(column, "expected a number, found '\(text)'")
    }

    static func parseWholeNumber(_ text: String) -> Int? {
        var digits = text.replacingOccurrences(of: ",", with: "")
        if digits.hasSuffix(".0") { digits.removeLast(2) }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }) else { return nil }
        return Int(digits)
    }

    static func parseDecimal(_ text: String) -> Double? {
        var body = text.replacingOccurrences(of: ",", with: "")
        if body.hasSuffix("%") { body.removeLast() }
        body = body.trimmingCharacters(in: .whitespaces)
        guard !body.isEmpty,
              body.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(body), value.isFinite else { return nil }
        return value
    }
}
