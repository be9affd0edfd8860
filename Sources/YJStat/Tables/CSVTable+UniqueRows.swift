extension CSVTable {
    /// Throws when two data rows have the same values in `columns` (a duplicated key), naming
    /// the later row's file, line and first key column, and the line of the first.
    ///
    /// Dataset readers call this for files whose schema gives one row per key (one rating per
    /// service and standard, one figure per service, measure and year…), so that a repeated row
    /// is an error rather than one of the two values being used silently. Key cells are
    /// compared after trimming spaces; a column the file lacks is left out of the key.
    ///
    /// - Throws: ``InputError`` at the duplicate row.
    public func requireUniqueRows(by columns: [String]) throws {
        let present = columns.filter(hasColumn)
        guard !present.isEmpty else { return }
        var firstLine: [[String]: Int] = [:]
        for row in rows {
            let key = present.map { row.optionalString($0) ?? "" }
            if let first = firstLine[key] {
                let described = zip(present, key).map { "\($0) '\($1)'" }.joined(separator: ", ")
                throw row.error(present[0], "duplicate row: \(described) is already given on line \(first)")
            }
            firstLine[key] = row.line
        }
    }
}
