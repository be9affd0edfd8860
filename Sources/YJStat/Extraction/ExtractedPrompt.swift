/// A prompt-level result under a key question (a row of `prompts.csv`).
public struct ExtractedPrompt: Sendable, Equatable, Codable {
    /// The key question the prompt sits under.
    public let keyQuestion: String
    /// The prompt's short label (see ``YouthFrameworkOutline/promptLabel(for:)``).
    public let prompt: String
    /// Relevant cases, as printed (`nil` for "N/A").
    public let relevant: Int?
    /// Cases answered yes, as printed (`nil` for "N/A").
    public let yes: Int?
    /// Percentage, as printed.
    public let percent: Int?
    /// Input line of the figures.
    public let line: Int
}
