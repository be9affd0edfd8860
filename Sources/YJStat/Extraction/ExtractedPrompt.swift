/// A prompt-level result under a key question (a row of `prompts.csv`).
public struct ExtractedPrompt: Sendable, Equatable, Codable {
    /// Where a prompt result was read.
    public enum Basis: String, Sendable, Equatable, Codable {
        /// A row of a prompt table.
        case table
        /// A figure stated in the narrative of the standard's section.
        case narrative
        /// A narrative count of failures ("not enough attention … in 8 of the 23 relevant
        /// cases"): yes is the total minus the failures.
        case narrativeFailuresSubtracted = "narrative-failures-subtracted"
    }

    /// The key question the prompt sits under.
    public let keyQuestion: String
    /// The prompt's short label (see ``PromptWording/promptLabel(for:)``).
    public let prompt: String
    /// Relevant cases, as printed (`nil` for "N/A").
    public let relevant: Int?
    /// Cases answered yes, as printed (`nil` for "N/A").
    public let yes: Int?
    /// Percentage, as printed.
    public let percent: Int?
    /// Input line of the figures.
    public let line: Int
    /// Where the result was read.
    public var basis: Basis = .table
}
