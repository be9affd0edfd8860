/// `inspections.csv`: one ``InspectionDataset/Inspection`` per row.
public enum InspectionsSchema: FrameworkIndependentSchema {
    /// `inspections.csv`.
    public static let fileName = "inspections.csv"
    /// The columns (a reader also takes any further `*_sample` column as a sample size).
    public static let columns = ["service", "name", "published", "framework", "score", "overall_rating", "court_sample", "ooc_sample"]

    /// Reads every row: a repeated service, a malformed score or a negative sample size is an
    /// ``InputError`` naming file:line:column.
    public static func rows(of table: CSVTable) throws -> [InspectionDataset.Inspection] {
        try table.requireColumns(columns)
        let sampleColumns = table.header.filter { $0.hasSuffix("_sample") }
        var seen: [String: Int] = [:]
        return try table.rows.map { row in
            let service = try row.string("service")
            if let first = seen[service] {
                throw row.error("service", "service '\(service)' already has an inspection on line \(first)")
            }
            seen[service] = row.line
            var samples: [String: Int] = [:]
            for column in sampleColumns {
                if let size = try DatasetCell.optionalCount(row, column) { samples[column] = size }
            }
            var score: PublishedScore?
            if let text = row.optionalString("score") {
                guard let parsed = PublishedScore(text: text) else {
                    throw row.error("score", "expected a score such as 29, 29/36 or 80.6%, found '\(text)'")
                }
                score = parsed
            }
            return InspectionDataset.Inspection(
                service: service, name: row.optionalString("name"), published: row.optionalString("published"),
                framework: row.optionalString("framework"), score: score,
                overallRating: row.optionalString("overall_rating"), samples: samples, line: row.line)
        }
    }

    /// The cells of a row.
    public static func cells(of row: InspectionDataset.Inspection) -> [String] {
        [row.service, row.name ?? "", row.published ?? "", row.framework ?? "", row.score?.description ?? "",
         row.overallRating ?? "", cell(row.samples["court_sample"]), cell(row.samples["ooc_sample"])]
    }

    /// The inspection row of a report (the score as points).
    public static func cells(of result: ExtractionResult) -> [[String]] {
        let i = result.inspection
        return [[i.service, i.name?.value ?? "", i.published?.value ?? "", result.framework.id, cell(i.score?.value),
                 i.overallRating.map { $0.value.description } ?? "", cell(i.courtSample?.value), cell(i.outOfCourtSample?.value)]]
    }
}
