/// A standard whose published rating a footnote says the ratings panel set by professional
/// discretion (a row of `discretion.csv`).
public struct ExtractedDiscretion: Sendable, Equatable, Codable {
    /// Standard id.
    public let standard: String
    /// The rating the rule gives: the lowest key-question band from the printed counts, or, when
    /// counts are missing, the rating the footnote says it was changed from.
    public let ruleRating: ExtractedRating?
    /// The published rating.
    public let publishedRating: ExtractedRating
    /// The footnote number.
    public let footnote: Int
    /// A note in yjstat's words: the footnote number and the deciding key question.
    public let note: String
    /// Input line where the footnote starts.
    public let line: Int
}
