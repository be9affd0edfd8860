/// `key_questions.csv`: one ``InspectionDataset/KeyQuestionRow`` per row.
public enum KeyQuestionsSchema: FrameworkIndependentSchema {
    /// `key_questions.csv`.
    public static let fileName = "key_questions.csv"
    /// The columns.
    public static let columns = ["service", "key_question", "relevant", "yes", "percent"]
    /// What `relevant` and `yes` hold for a key question printed as not applicable.
    public static let notApplicableCell = "N/A"

    /// Reads every row: a negative count, a malformed percentage or one outside 0–100, or a
    /// not-applicable mark (``InspectionDataset/isNotApplicableMark(_:)``) in only one of
    /// `relevant` and `yes` (or beside a percentage) is an ``InputError`` naming file:line:column.
    public static func rows(of table: CSVTable) throws -> [InspectionDataset.KeyQuestionRow] {
        try table.requireColumns(columns)
        return try table.rows.map { row in
            var percent: PrintedPercent?
            if let text = row.optionalString("percent") {
                guard let parsed = PrintedPercent(text: text) else {
                    throw row.error("percent", "expected a percentage such as 65 or 64.7, found '\(text)'")
                }
                guard parsed.scaled <= 100 * parsed.unit else {
                    throw row.error("percent", "a percentage must be between 0 and 100, found '\(text)'")
                }
                percent = parsed
            }
            let relevantText = row.optionalString("relevant"), yesText = row.optionalString("yes")
            if let relevantText, InspectionDataset.isNotApplicableMark(relevantText) {
                guard let yesText, InspectionDataset.isNotApplicableMark(yesText) else {
                    throw row.error("yes", "relevant is '\(relevantText)' (not applicable), so yes must be N/A too, found '\(yesText ?? "")'")
                }
                guard percent == nil else {
                    throw row.error("percent", "a key question printed as not applicable ('\(relevantText)') has no percentage")
                }
                return InspectionDataset.KeyQuestionRow(service: try row.string("service"), keyQuestion: try row.string("key_question"),
                                                        relevant: nil, yes: nil, percent: nil, line: row.line, notApplicable: true)
            }
            if let yesText, InspectionDataset.isNotApplicableMark(yesText) {
                throw row.error("relevant", "yes is '\(yesText)' (not applicable), so relevant must be N/A too, found '\(relevantText ?? "")'")
            }
            return InspectionDataset.KeyQuestionRow(service: try row.string("service"), keyQuestion: try row.string("key_question"),
                                                    relevant: try DatasetCell.optionalCount(row, "relevant"),
                                                    yes: try DatasetCell.optionalCount(row, "yes"), percent: percent, line: row.line)
        }
    }

    /// The cells of a row (the percentage without its `%`).
    public static func cells(of row: InspectionDataset.KeyQuestionRow) -> [String] {
        if row.notApplicable { return [row.service, row.keyQuestion, notApplicableCell, notApplicableCell, ""] }
        return [row.service, row.keyQuestion, cell(row.relevant), cell(row.yes), row.percent.map { String($0.description.dropLast()) } ?? ""]
    }

    /// The key-question results of a report.
    public static func cells(of result: ExtractionResult) -> [[String]] {
        result.keyQuestions.map { question in
            question.notApplicable ? [result.service, question.keyQuestion, notApplicableCell, notApplicableCell, ""]
                : [result.service, question.keyQuestion, cell(question.relevant), cell(question.yes), cell(question.percent)]
        }
    }
}
