/// The keys a dataset file's reader has seen, so that a repeated key is an ``InputError`` naming
/// the row, the column and the line of the first occurrence.
struct DatasetKeys {
    private var seen: [[String]: Int] = [:]

    /// Records `key` for `row`; throws at `column` when an earlier row had it, with `describe`
    /// (default: the key's parts joined by spaces) before "is already on line n".
    mutating func insert(_ key: [String], row: CSVRow, column: String, describe: String? = nil) throws {
        if let first = seen[key] {
            throw row.error(column, "\(describe ?? key.joined(separator: " ")) is already on line \(first)")
        }
        seen[key] = row.line
    }
}
