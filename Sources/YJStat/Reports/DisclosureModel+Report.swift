extension DisclosureModel {
    /// The suppression report as rows: one per hidden cell (kind `cell`, reason primary or
    /// secondary) and one per column total (kind `total`, published or suppressed), each with the
    /// reason in words. No hidden value appears in it.
    public func reportRows(service: String? = nil) -> [ResultRow] {
        func row(_ kind: String, _ group: String, _ stage: String, _ status: String, _ reason: String, _ why: String) -> ResultRow {
            var cells: [(name: String, value: CellValue)] = service.map { [("service", .text($0))] } ?? []
            cells += [("kind", .text(kind)), ("group", .text(group)), ("stage", .text(stage)), ("status", .text(status)),
                      ("reason", .text(reason)), ("explanation", .text(why)), ("threshold", .integer(threshold))]
            return ResultRow(cells)
        }
        var out: [ResultRow] = []
        for total in totals {
            for cell in hidden where cell.column == total.column {
                out.append(row("cell", cell.row, cell.column, "hidden", cell.reason.rawValue, cell.explanation))
            }
            out.append(row("total", "", total.column, total.rule.rawValue, "", total.explanation))
        }
        return out
    }

    /// The suppression report in plain words, for text output.
    public func reportText() -> String {
        var out = "Suppression report (\(smallCountPhrase); \(Self.guidance)):\n"
        if hidden.isEmpty { out += "  no cell is hidden.\n" }
        let table = reportRows().map { row -> [String] in
            ["kind", "group", "stage", "status", "reason", "explanation"].map { row[$0]?.csvText ?? "" }
        }
        out += TextTable(header: ["kind", "group", "stage", "status", "reason", "why"], rows: table).render()
        if !notes.isEmpty { out += "Notes:\n" + notes.map { "  - \($0)\n" }.joined() }
        return out
    }
}
