/// One row of `discretion.csv` (read and written by ``DiscretionSchema``): a standard whose published rating a report's footnote says the
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
}
