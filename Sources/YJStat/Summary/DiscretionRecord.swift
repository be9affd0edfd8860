/// One row of `discretion.csv`: a standard whose published rating a report's footnote says the
/// ratings panel set by professional discretion, with the rating the rules give.
public struct DiscretionRecord: Sendable, Equatable {
    /// Service id.
    public let service: String
    /// The framework standard.
    public let standard: String
    /// The rating the rules give (lowest key-question band), as recorded.
    public let ruleRating: Rating
    /// The published rating, as recorded.
    public let publishedRating: Rating
    /// The transcriber's summary of the footnote.
    public let note: String
    /// The line in `discretion.csv`.
    public let line: Int

    /// The columns `discretion.csv` must have.
    public static let columns = ["service", "standard", "rule_rating", "published_rating", "note"]

    /// Reads and validates every row against a framework.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, a standard that is
    ///   not a case-based standard of the framework, a word that is not a rating, or a repeated
    ///   (service, standard).
    public static func rows(of table: CSVTable, framework: Framework) throws -> [DiscretionRecord] {
        try table.requireColumns(columns)
        var seen: [String: Int] = [:]
        return try table.rows.map { row in
            let service = try row.string("service")
            let id = try row.string("standard")
            guard let standard = framework.standard(id), standard.isCaseBased else {
                throw row.error("standard", "'\(id)' is not a case-based standard of framework \(framework.id)")
            }
            if let first = seen[service + "|" + id] { throw row.error("standard", "\(service) \(id) is already on line \(first)") }
            seen[service + "|" + id] = row.line
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
}
