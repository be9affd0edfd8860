extension AggregationResult {
    /// The name of the count column: `count`, or `n_records` when a key column is already
    /// called `count`.
    public var countColumnName: String { keyColumns.contains("count") ? "n_records" : "count" }

    /// One row per group: the key columns, then the count.
    public var resultRows: [ResultRow] {
        let countName = countColumnName
        return groups.map { group in
            ResultRow(zip(keyColumns, group.key).map { ($0, CellValue.text($1)) } + [(countName, .integer(group.count))])
        }
    }

    /// One line accounting for every row read, for people.
    public var summaryLine: String {
        var parts = ["\(source): \(recordsRead) rows read", "\(recordsCounted) counted in \(groups.count) groups"]
        if !filters.isEmpty { parts.append("\(recordsExcluded) excluded by \(Parameter.filter.mention)") }
        parts.append("\(recordsSkipped) skipped as malformed")
        return parts.joined(separator: "; ")
    }

    /// The skipped rows as `file:line:column: message` lines, with a note when there were more
    /// than are described. Empty when nothing was skipped.
    public var skipReport: String {
        guard recordsSkipped > 0 else { return "" }
        var out = "skipped \(recordsSkipped) malformed row\(recordsSkipped == 1 ? "" : "s")"
        out += skippedExamples.count < recordsSkipped ? " (the first \(skippedExamples.count) listed):\n" : ":\n"
        for example in skippedExamples { out += "  \(example.inputError(file: source))\n" }
        return out
    }

    /// The summary line, any skip report, and the counts as an aligned table.
    public func textReport() -> String {
        var out = summaryLine + "\n"
        out += skipReport
        out += "\n"
        if groups.isEmpty {
            out += "No rows were counted.\n"
        } else {
            out += TextTable(header: keyColumns + [countColumnName],
                             rows: groups.map { $0.key + [String($0.count)] }).render()
        }
        return out
    }
}
