/// `demographics.csv`: one ``DemographicShare`` per row.
public enum DemographicsSchema: FrameworkIndependentSchema {
    /// `demographics.csv`.
    public static let fileName = "demographics.csv"
    /// The columns.
    public static let columns = ["service", "dimension", "category", "service_percent", "comparator", "comparator_percent"]

    /// Reads and validates every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, a blank cell, an
    ///   unknown dimension or comparator, a percentage that is not a whole number in 0–100, or a
    ///   repeated (service, dimension, category, comparator).
    public static func rows(of table: CSVTable) throws -> [DemographicShare] {
        try table.requireColumns(columns)
        var keys = DatasetKeys()
        return try table.rows.map { row in
            let service = try row.string("service")
            let dimension = try DatasetCell.choice(row, "dimension", as: DemographicShare.Dimension.self)
            let category = try row.string("category")
            let comparator = try DatasetCell.choice(row, "comparator", as: DemographicShare.Comparator.self)
            try keys.insert([service, dimension.rawValue, category, comparator.rawValue], row: row, column: "category",
                            describe: "\(service) \(dimension.rawValue) '\(category)' against \(comparator.rawValue)")
            return DemographicShare(service: service, dimension: dimension, category: category,
                                    servicePercent: try DatasetCell.percent(row, "service_percent"),
                                    comparator: comparator,
                                    comparatorPercent: try DatasetCell.percent(row, "comparator_percent"),
                                    line: row.line)
        }
    }

    /// The cells of a row.
    public static func cells(of row: DemographicShare) -> [String] {
        [row.service, row.dimension.rawValue, row.category, String(row.servicePercent), row.comparator.rawValue, String(row.comparatorPercent)]
    }

    /// The demographic percentages of a report (the same rows, so the same cells).
    public static func cells(of result: ExtractionResult) -> [[String]] { result.demographics.map(cells(of:)) }
}
