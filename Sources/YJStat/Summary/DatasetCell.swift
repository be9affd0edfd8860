/// Typed, validated cell readers shared by the dataset row types; every failure is an
/// ``InputError`` naming the file, line and column.
enum DatasetCell {
    /// A required cell that must be one of an enumeration's raw values.
    static func choice<Choice: RawRepresentable & CaseIterable>(_ row: CSVRow, _ column: String, as type: Choice.Type) throws -> Choice
    where Choice.RawValue == String {
        let text = try row.string(column)
        guard let value = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw row.error(column, "'\(text)' is not a known \(column); expected one of \(allowed)")
        }
        return value
    }

    /// A required whole-number percentage in 0–100.
    static func percent(_ row: CSVRow, _ column: String) throws -> Int {
        let value = try row.int(column)
        guard (0...100).contains(value) else { throw row.error(column, "a percentage must be between 0 and 100, found \(value)") }
        return value
    }

    /// An optional whole-number percentage in 0–100 (blank → `nil`).
    static func optionalPercent(_ row: CSVRow, _ column: String) throws -> Int? {
        guard let value = try row.optionalInt(column) else { return nil }
        guard (0...100).contains(value) else { throw row.error(column, "a percentage must be between 0 and 100, found \(value)") }
        return value
    }

    /// A required count, at least `minimum`.
    static func count(_ row: CSVRow, _ column: String, minimum: Int = 0) throws -> Int {
        let value = try row.int(column)
        guard value >= minimum else {
            throw row.error(column, minimum == 0 ? "a count cannot be negative, found \(value)" : "must be at least \(minimum), found \(value)")
        }
        return value
    }

    /// An optional count (blank → `nil`), never negative.
    static func optionalCount(_ row: CSVRow, _ column: String) throws -> Int? {
        guard let value = try row.optionalInt(column) else { return nil }
        guard value >= 0 else { throw row.error(column, "a count cannot be negative, found \(value)") }
        return value
    }
}
