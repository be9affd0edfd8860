/// `ratings.csv`: one ``InspectionDataset/PublishedRating`` per row.
public enum RatingsSchema: FrameworkIndependentSchema {
    /// `ratings.csv`.
    public static let fileName = "ratings.csv"
    /// The columns.
    public static let columns = ["service", "standard", "rating"]

    /// Reads every row: a blank service or standard is an ``InputError`` naming file:line:column;
    /// the rating word is kept as written (blank → `nil`).
    public static func rows(of table: CSVTable) throws -> [InspectionDataset.PublishedRating] {
        try table.requireColumns(columns)
        return try table.rows.map { row in
            InspectionDataset.PublishedRating(service: try row.string("service"), standard: try row.string("standard"),
                                              word: row.optionalString("rating"), line: row.line)
        }
    }

    /// The cells of a row.
    public static func cells(of row: InspectionDataset.PublishedRating) -> [String] {
        [row.service, row.standard, row.word ?? ""]
    }

    /// The published standard ratings of a report.
    public static func cells(of result: ExtractionResult) -> [[String]] {
        result.ratings.map { [result.service, $0.standard, $0.rating.description] }
    }
}
