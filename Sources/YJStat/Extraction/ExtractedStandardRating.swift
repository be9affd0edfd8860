/// A published standard rating (a row of `ratings.csv`).
public struct ExtractedStandardRating: Sendable, Equatable, Codable {
    /// Standard id, `1.1` … `3.4`.
    public let standard: String
    /// The rating as published (after any professional discretion).
    public let rating: ExtractedRating
    /// The footnote number glued to the rating word ("Good20" → 20), if any.
    public let footnote: Int?
    /// Input line of the rating word.
    public let line: Int
}
