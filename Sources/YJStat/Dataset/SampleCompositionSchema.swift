/// `sample_composition.csv`: one ``SampleCompositionCount`` per row.
public enum SampleCompositionSchema: FrameworkIndependentSchema {
    /// `sample_composition.csv`.
    public static let fileName = "sample_composition.csv"
    /// The columns.
    public static let columns = ["service", "domain", "disposal", "count"]

    /// Reads and validates every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, an unknown domain, a
    ///   blank disposal, a negative count, or a repeated (service, domain, disposal).
    public static func rows(of table: CSVTable) throws -> [SampleCompositionCount] {
        try table.requireColumns(columns)
        var keys = DatasetKeys()
        return try table.rows.map { row in
            let service = try row.string("service")
            let domain = try DatasetCell.choice(row, "domain", as: SampleCompositionCount.Domain.self)
            let disposal = try row.string("disposal")
            try keys.insert([service, domain.rawValue, disposal], row: row, column: "disposal")
            return SampleCompositionCount(service: service, domain: domain, disposal: disposal,
                                          count: try DatasetCell.count(row, "count"), line: row.line)
        }
    }

    /// The cells of a row.
    public static func cells(of row: SampleCompositionCount) -> [String] {
        [row.service, row.domain.rawValue, row.disposal, String(row.count)]
    }

    /// The sample composition of a report (the same rows, so the same cells).
    public static func cells(of result: ExtractionResult) -> [[String]] { result.sampleComposition.map(cells(of:)) }
}
