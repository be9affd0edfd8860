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
    /// The dialect the file was written in (delimiter, encoding).
    public internal(set) var dialect = CSVDialect()
    /// What the reader noticed and did, one sentence each starting with the file name: a
    /// delimiter other than comma, a Windows-1252 file, skipped empty rows, renamed columns.
    /// Commands print these on standard error.
    public internal(set) var notes: [String] = []

    /// Exact header names, and case-, space- and punctuation-insensitive forms (see
    /// ``normalizedColumnName(_:)``) where no two header cells share one.
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
        var normalizedCounts: [String: Int] = [:]
        for name in header { normalizedCounts[CSVTable.normalizedColumnName(name), default: 0] += 1 }
        for (i, name) in header.enumerated() {
            let normalized = CSVTable.normalizedColumnName(name)
            if normalizedCounts[normalized] == 1, index[normalized] == nil { index[normalized] = i }
        }
        self.indexByName = index
        var built: [CSVRow] = []
        built.reserveCapacity(records.count)
        for record in records {
            built.append(CSVRow(source: source, line: record.line, fields: record.fields, columns: index))
        }
        self.rows = built
    }

    /// A column name compared without case, surrounding space, or the difference between
    /// spaces, underscores and hyphens: `"Ethnic_Group "` → `"ethnic group"`.
    public static func normalizedColumnName(_ name: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in name.lowercased() {
            if character.isWhitespace || character == "_" || character == "-" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    /// Whether the header has a column with this name (exactly, or as ``normalizedColumnName(_:)``).
    public func hasColumn(_ name: String) -> Bool { columnIndex(name) != nil }

    /// The 0-based index of a column, if present (exact name first, then the normalized form).
    public func columnIndex(_ name: String) -> Int? {
        indexByName[name] ?? indexByName[CSVTable.normalizedColumnName(name)]
    }

    /// Throws unless every named column is present, naming the first missing one, listing the
    /// columns the file does have, and naming a near miss (a header cell that differs only by
    /// punctuation, or by one or two letters) when there is one.
    public func requireColumns(_ names: [String]) throws {
        for name in names where columnIndex(name) == nil {
            throw missingColumnError(name)
        }
    }

    /// The error for a missing column, with the near-miss hint of ``requireColumns(_:)``.
    public func missingColumnError(_ name: String, hint: String? = nil) -> InputError {
        var message = "missing column '\(name)' (found: \(header.joined(separator: ", ")))"
        if let near = nearMiss(for: name) { message += "; did you mean '\(near)'?" }
        if let hint { message += " " + hint }
        return InputError(file: source, line: headerLine, message: message)
    }

    /// A header cell that looks like `name` misspelt: the same letters and digits ignoring
    /// punctuation, or at most two edits away for names of four or more letters.
    public func nearMiss(for name: String) -> String? {
        let wanted = CSVTable.compact(name)
        guard !wanted.isEmpty else { return nil }
        if let same = header.first(where: { CSVTable.compact($0) == wanted }) { return same }
        guard wanted.count >= 4 else { return nil }
        return header.first { CSVTable.editDistance(CSVTable.compact($0), wanted) <= 2 }
    }

    /// The table with columns renamed to their canonical names: a header cell matching a
    /// canonical name or one of its aliases (after ``normalizedColumnName(_:)``) takes the
    /// canonical name, and a note says so when the name changed other than by case or spacing.
    ///
    /// - Throws: ``InputError`` at the header when two cells match the same canonical name.
    public func resolvingColumns(_ names: [ColumnName]) throws -> CSVTable {
        var renamed = header
        var renames: [String] = []
        for name in names {
            let candidates = Set(([name.canonical] + name.aliases).map(CSVTable.normalizedColumnName))
            let matches = header.indices.filter { candidates.contains(CSVTable.normalizedColumnName(header[$0])) }
            if matches.count > 1 {
                throw InputError(file: source, line: headerLine, column: matches[1] + 1,
                                 message: "columns \(matches.map { "'\(header[$0])'" }.joined(separator: " and ")) could each be the \(name.canonical) column; keep one, or rename the other")
            }
            guard let match = matches.first, header[match] != name.canonical else { continue }
            if CSVTable.normalizedColumnName(header[match]) != CSVTable.normalizedColumnName(name.canonical) {
                renames.append("'\(header[match])' as '\(name.canonical)'")
            }
            renamed[match] = name.canonical
        }
        return try renamingHeader(to: renamed, note: renames.isEmpty ? nil : "\(source): read column \(renames.joined(separator: ", "))")
    }

    /// The table with the column `given` (named by a flag such as `--group-column`) renamed to
    /// `canonical`.
    ///
    /// - Throws: ``InputError`` naming the flag when the file has no such column.
    public func renamingColumn(_ given: String, to canonical: String, flag: String) throws -> CSVTable {
        guard let index = columnIndex(given) else {
            var message = "no column '\(given)' in \(source) (found: \(header.joined(separator: ", ")))"
            if let near = nearMiss(for: given) { message += "; did you mean '\(near)'?" }
            throw InputError(file: flag, message: message)
        }
        if header[index] == canonical { return self }
        if let clash = header.firstIndex(of: canonical), clash != index {
            throw InputError(file: flag, message: "\(source) already has a column '\(canonical)' besides '\(header[index])'; rename one of them")
        }
        var renamed = header
        renamed[index] = canonical
        return try renamingHeader(to: renamed, note: nil)
    }

    private func renamingHeader(to renamed: [String], note: String?) throws -> CSVTable {
        if renamed == header { return self }
        var table = try CSVTable(source: source, header: renamed, records: rows.map { ($0.line, $0.fields) }, headerLine: headerLine)
        table.dialect = dialect
        table.notes = notes + (note.map { [$0] } ?? [])
        return table
    }

    /// Letters and digits only, lower case.
    static func compact(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Levenshtein distance between two short strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
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
        InputError(file: source, line: line, column: (columns[column] ?? columns[CSVTable.normalizedColumnName(column)]).map { $0 + 1 },
                   message: message)
    }

    private func cell(_ column: String) throws -> String {
        guard let index = columns[column] ?? columns[CSVTable.normalizedColumnName(column)] else {
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
        guard let text = try? cell(column), !text.isEmpty else { return nil }
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
        guard hasValidGrouping(text) else { return nil }
        var digits = text.replacingOccurrences(of: ",", with: "")
        if digits.hasSuffix(".0") { digits.removeLast(2) }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }) else { return nil }
        return Int(digits)
    }

    /// Whether the commas in a number separate groups of exactly three digits in its whole part
    /// (`14,250` yes; `40,1` — a decimal comma — and `1,2345` no).
    static func hasValidGrouping(_ text: String) -> Bool {
        guard text.contains(",") else { return true }
        var whole = Substring(text)
        if let point = whole.firstIndex(where: { $0 == "." || $0 == "e" || $0 == "E" || $0 == "%" }) { whole = whole[..<point] }
        if whole.hasPrefix("-") || whole.hasPrefix("+") { whole = whole.dropFirst() }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 } && !text[whole.endIndex...].contains(",")
    }

    static func parseDecimal(_ text: String) -> Double? {
        guard hasValidGrouping(text) else { return nil }
        var body = text.replacingOccurrences(of: ",", with: "")
        if body.hasSuffix("%") { body.removeLast() }
        body = body.trimmingCharacters(in: .whitespaces)
        guard !body.isEmpty,
              body.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(body), value.isFinite else { return nil }
        return value
    }
}
