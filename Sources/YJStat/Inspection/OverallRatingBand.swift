/// An overall-rating band: an inspection whose score lies in `minimumScore...maximumScore`
/// receives `rating` (2018–2021 youth framework: 0–6 Inadequate, 7–18 Requires improvement,
/// 19–30 Good, 31–36 Outstanding).
public struct OverallRatingBand: Sendable, Hashable, Codable {
    /// The overall rating of this band.
    public let rating: Rating
    /// The lowest score in the band, inclusive.
    public let minimumScore: Int
    /// The highest score in the band, inclusive.
    public let maximumScore: Int

    /// Creates a band.
    public init(rating: Rating, minimumScore: Int, maximumScore: Int) {
        self.rating = rating
        self.minimumScore = minimumScore
        self.maximumScore = maximumScore
    }

    /// Whether the band contains a score.
    public func contains(_ score: Int) -> Bool { (minimumScore...maximumScore).contains(score) }
}
