/// `discretion.csv`: one ``DiscretionRecord`` per row.
public enum DiscretionSchema: DatasetFileSchema {
    /// `discretion.csv`.
    public static let fileName = "discretion.csv"
    /// The columns.
    public static let columns = ["service", "standard", "rule_rating", "published_rating", "note"]

    /// Reads and validates every row against the framework of its service (`frameworks`).
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, a standard that is
    ///   not a case-based standard of the row's service's framework, a word that is not one of its
    ///   ratings (the messages name that framework), or a repeated (service, standard).
    public static func rows(of table: CSVTable, frameworks: ServiceFrameworks) throws -> [DiscretionRecord] {
        try table.requireColumns(columns)
        var keys = DatasetKeys()
        return try table.rows.map { row in
            let service = try row.string("service")
            let framework = frameworks.framework(for: service)
            let id = try row.string("standard")
            guard let standard = framework.standard(id), standard.isCaseBased else {
                throw row.error("standard", "'\(id)' is not a case-based standard of framework \(framework.id)")
            }
            try keys.insert([service, id], row: row, column: "standard")
            func rating(_ column: String) throws -> Rating {
                let word = try row.string(column)
                guard let rating = framework.rating(named: word) else {
                    throw row.error(column, "'\(word)' is not a rating word of framework \(framework.id)")
                }
                return rating
            }
            return DiscretionRecord(service: service, standard: standard.id, ruleRating: try rating("rule_rating"),
                                    publishedRating: try rating("published_rating"), note: row.optionalString("note") ?? "",
                                    line: row.line)
        }
    }

    /// The cells of a row.
    public static func cells(of row: DiscretionRecord) -> [String] {
        [row.service, row.standard, row.ruleRating.name, row.publishedRating.name, row.note]
    }

    /// The discretion footnotes of a report (the rule rating blank when neither the counts nor
    /// the footnote give it).
    public static func cells(of result: ExtractionResult) -> [[String]] {
        result.discretion.map { [result.service, $0.standard, $0.ruleRating?.description ?? "", $0.publishedRating.description, $0.note] }
    }
}
