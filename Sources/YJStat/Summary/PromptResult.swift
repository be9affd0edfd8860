/// One row of `prompts.csv` (read and written by ``PromptsSchema``): a prompt question's result under a key question, as printed.
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
}
