/// One row of `prompts.csv`: a prompt question's result under a key question, as printed.
///
/// Prompts sit under key questions but do not decide them; they are kept for the notebooks and
/// for checks of relevant counts against the sample.
public struct PromptResult: Sendable, Equatable {
    /// Service id.
    public let service: String
    /// The key question the prompt sits under.
    public let keyQuestion: String
    /// Our short label for the prompt.
    public let prompt: String
    /// Relevant cases, when printed.
    public let relevant: Int?
    /// Yes cases, when printed.
    public let yes: Int?
    /// Percentage yes, when printed.
    public let percent: Int?
    /// The line in `prompts.csv`.
    public let line: Int

    /// The columns `prompts.csv` must have.
    public static let columns = ["service", "key_question", "prompt", "relevant", "yes", "percent"]

    /// Reads and validates every row against a framework.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, a key question the
    ///   framework does not have, a blank prompt, a negative count, or a percentage outside
    ///   0–100. Yes cases above relevant cases are read as printed and reported as a finding by
    ///   ``SummaryDataset/promptFindings(service:framework:)``.
    public static func rows(of table: CSVTable, framework: Framework) throws -> [PromptResult] {
        try table.requireColumns(columns)
        return try table.rows.map { row in
            let keyQuestion = try row.string("key_question")
            guard framework.standard(containingKeyQuestion: keyQuestion) != nil else {
                throw row.error("key_question", "'\(keyQuestion)' is not a key question of framework \(framework.id)")
            }
            let relevant = try DatasetCell.optionalCount(row, "relevant")
            let yes = try DatasetCell.optionalCount(row, "yes")
            return PromptResult(service: try row.string("service"), keyQuestion: keyQuestion, prompt: try row.string("prompt"),
                                relevant: relevant, yes: yes, percent: try DatasetCell.optionalPercent(row, "percent"), line: row.line)
        }
    }
}
