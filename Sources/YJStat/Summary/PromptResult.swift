/// One prompt question's result under a key question, as printed: a row of `prompts.csv` (read
/// and written by ``PromptsSchema``) or a prompt extracted from a report (``ExtractionResult/prompts``).
///
/// Prompts sit under key questions but do not decide them; they are kept for the notebooks and
/// for checks of relevant counts against the sample (``PublishedCountCheck``).
public struct PromptResult: Sendable, Equatable, Codable {
    /// Where an extracted prompt result was read.
    public enum Basis: String, Sendable, Equatable, Codable {
        /// A row of a prompt table.
        case table
        /// A figure stated in the narrative of the standard's section.
        case narrative
        /// A narrative count of failures ("not enough attention … in 8 of the 23 relevant
        /// cases"): yes is the total minus the failures.
        case narrativeFailuresSubtracted = "narrative-failures-subtracted"
    }

    /// Service id.
    public let service: String
    /// The key question the prompt sits under.
    public let keyQuestion: String
    /// Our short label for the prompt (see ``PromptWording/promptLabel(for:)``).
    public let prompt: String
    /// Relevant cases, when printed (`nil` for blank or "N/A").
    public let relevant: Int?
    /// Yes cases, when printed (`nil` for blank or "N/A").
    public let yes: Int?
    /// Percentage yes, when printed.
    public let percent: Int?
    /// The line it was read from: the line in `prompts.csv`, or the report line of the figures
    /// for an extracted prompt.
    public let line: Int
    /// Where an extracted result was read in the report; `nil` for a row read from `prompts.csv`
    /// (the file does not record it).
    public var basis: Basis?

    /// Creates a prompt result.
    public init(service: String, keyQuestion: String, prompt: String, relevant: Int?, yes: Int?, percent: Int?, line: Int,
                basis: Basis? = nil) {
        self.service = service
        self.keyQuestion = keyQuestion
        self.prompt = prompt
        self.relevant = relevant
        self.yes = yes
        self.percent = percent
        self.line = line
        self.basis = basis
    }
}
