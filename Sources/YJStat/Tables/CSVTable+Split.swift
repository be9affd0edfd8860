extension CSVTable {
    /// The table split by the values of one column, in order of first appearance, each part
    /// named `<source>[<column>=<value>]` in messages, with its lines and columns unchanged.
    ///
    /// - Throws: ``InputError`` when the column is missing or a cell in it is blank.
    public func splitting(byColumn column: String) throws -> [(value: String, table: CSVTable)] {
        guard let index = columnIndex(column) else { throw missingColumnError(column) }
        var order: [String] = []
        var parts: [String: [(line: Int, fields: [String])]] = [:]
        for row in rows {
            let value = try row.string(header[index])
            if parts[value] == nil { order.append(value) }
            parts[value, default: []].append((row.line, row.fields))
        }
        return try order.map { value in
            var part = try CSVTable(source: "\(source)[\(header[index])=\(value)]", header: header, records: parts[value] ?? [],
                                    headerLine: headerLine)
            part.dialect = dialect
            return (value, part)
        }
    }
}
