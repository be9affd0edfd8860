/// `prompts.csv`: one ``PromptResult`` per row, the same type extraction produces.
public enum PromptsSchema: DatasetFileSchema {
    /// `prompts.csv`.
    public static let fileName = "prompts.csv"
    /// The columns.
    public static let columns = ["service", "key_question", "prompt", "relevant", "yes", "percent"]

    /// Reads and validates every row against the framework of its service (`frameworks`).
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, a key question the
    ///   framework of the row's service does not have (the message names that framework), a blank
    ///   prompt, a negative count, or a percentage outside 0–100. Yes cases above relevant cases are read as printed and reported as a finding by
    ///   ``SummaryDataset/promptFindings(service:)``.
    public static func rows(of table: CSVTable, frameworks: ServiceFrameworks) throws -> [PromptResult] {
        try table.requireColumns(columns)
        return try table.rows.map { row in
            let service = try row.string("service")
            let framework = frameworks.framework(for: service)
            let keyQuestion = try row.string("key_question")
            guard framework.standard(containingKeyQuestion: keyQuestion) != nil else {
                throw row.error("key_question", "'\(keyQuestion)' is not a key question of framework \(framework.id)")
            }
            let relevant = try DatasetCell.optionalCount(row, "relevant")
            let yes = try DatasetCell.optionalCount(row, "yes")
            return PromptResult(service: service, keyQuestion: keyQuestion, prompt: try row.string("prompt"),
                                relevant: relevant, yes: yes, percent: try DatasetCell.optionalPercent(row, "percent"), line: row.line)
        }
    }

    /// The cells of a row.
    public static func cells(of row: PromptResult) -> [String] {
        [row.service, row.keyQuestion, row.prompt, cell(row.relevant), cell(row.yes), cell(row.percent)]
    }

    /// The prompt results of a report (the same rows, so the same cells).
    public static func cells(of result: ExtractionResult) -> [[String]] { result.prompts.map(cells(of:)) }
}
