/// `caseload.csv`: one ``CaseloadCount`` per row.
public enum CaseloadSchema: FrameworkIndependentSchema {
    /// `caseload.csv`.
    public static let fileName = "caseload.csv"
    /// The columns.
    public static let columns = ["service", "disposal", "count"]

    /// Reads and validates every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, an unknown disposal,
    ///   a negative count, or a repeated (service, disposal).
    public static func rows(of table: CSVTable) throws -> [CaseloadCount] {
        try table.requireColumns(columns)
        var keys = DatasetKeys()
        return try table.rows.map { row in
            let service = try row.string("service")
            let disposal = try DatasetCell.choice(row, "disposal", as: CaseloadCount.Disposal.self)
            try keys.insert([service, disposal.rawValue], row: row, column: "disposal")
            return CaseloadCount(service: service, disposal: disposal, count: try DatasetCell.count(row, "count"), line: row.line)
        }
    }

    /// The cells of a row.
    public static func cells(of row: CaseloadCount) -> [String] {
        [row.service, row.disposal.rawValue, String(row.count)]
    }

    /// The caseload figures of a report (the same rows, so the same cells).
    public static func cells(of result: ExtractionResult) -> [[String]] { result.caseload.map(cells(of:)) }
}
