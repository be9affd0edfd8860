/// `provenance.csv`: the report line of every extracted value; `file` names the dataset file and
/// `key` the row and column within it.
public enum ProvenanceSchema: FrameworkIndependentSchema {
    /// One row: where a value was read.
    public struct Row: Sendable, Equatable {
        /// The report the value was read from.
        public let source: String
        /// Service id.
        public let service: String
        /// The dataset file holding the value (`prompts.csv`).
        public let file: String
        /// The value's row key and column within that file (`2.1.1/assessment-offending`, `score`).
        public let key: String
        /// The report line of the value.
        public let reportLine: Int
        /// The line in `provenance.csv`.
        public let line: Int
    }

    /// `provenance.csv`.
    public static let fileName = "provenance.csv"
    /// The columns (`line` is the report line of the value).
    public static let columns = ["source", "service", "file", "key", "line"]

    /// Reads every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, a blank cell, or a
    ///   report line that is not a whole number of at least 1.
    public static func rows(of table: CSVTable) throws -> [Row] {
        try table.requireColumns(columns)
        return try table.rows.map { row in
            Row(source: try row.string("source"), service: try row.string("service"), file: try row.string("file"),
                key: try row.string("key"), reportLine: try DatasetCell.count(row, "line", minimum: 1), line: row.line)
        }
    }

    /// The cells of a row.
    public static func cells(of row: Row) -> [String] {
        [row.source, row.service, row.file, row.key, String(row.reportLine)]
    }

    /// The report line of every value of a report that has one, file by file.
    public static func cells(of result: ExtractionResult) -> [[String]] {
        var rows: [[String]] = []
        func add(_ file: String, _ key: String, _ line: Int?) {
            if let line { rows.append([result.source, result.service, file, key, String(line)]) }
        }
        let i = result.inspection
        let inspections = InspectionsSchema.fileName
        add(inspections, "name", i.name?.line)
        add(inspections, "published", i.published?.line)
        add(inspections, "score", i.score?.line)
        add(inspections, "overall_rating", i.overallRating?.line)
        add(inspections, "court_sample", i.courtSample?.line)
        add(inspections, "ooc_sample", i.outOfCourtSample?.line)
        for x in result.ratings { add(RatingsSchema.fileName, x.standard, x.line) }
        for x in result.keyQuestions { add(KeyQuestionsSchema.fileName, x.keyQuestion, x.line) }
        for x in result.prompts { add(PromptsSchema.fileName, "\(x.keyQuestion)/\(x.prompt)", x.line) }
        for x in result.discretion { add(DiscretionSchema.fileName, x.standard, x.line) }
        for x in result.demographics { add(DemographicsSchema.fileName, "\(x.dimension.rawValue)/\(x.category)/\(x.comparator.rawValue)", x.line) }
        for x in result.population { add(PopulationSchema.fileName, x.measure, x.line) }
        for x in result.caseload { add(CaseloadSchema.fileName, x.disposal.rawValue, x.line) }
        for x in result.rates { add(RatesSchema.fileName, x.measure, x.line) }
        for x in result.sampleComposition { add(SampleCompositionSchema.fileName, "\(x.domain.rawValue)/\(x.disposal)", x.line) }
        return rows
    }
}
