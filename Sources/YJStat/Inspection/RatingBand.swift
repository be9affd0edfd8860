/// A key-question band: the rating given to a key question whose percentage of *yes* cases is at
/// least `minimumPercent` (and below the next band's minimum).
///
/// In the 2018–2021 youth framework (HM Inspectorate of Probation, *Youth inspection ratings
/// guidance*, Annexe 1 of each report): under 50% Inadequate; 50–64% Requires improvement;
/// 65–79% Good; 80% and over Outstanding. The band belongs to the exact fraction *yes*/*relevant*,
/// not to the rounded percentage a report prints: 11 of 17 is 64.7%, printed "65%", and is
/// Requires improvement.
public struct RatingBand: Sendable, Hashable, Codable {
    /// The rating of this band.
    public let rating: Rating
    /// The smallest percentage (0–100) in the band, inclusive.
    public let minimumPercent: Double

    /// Creates a band.
    public init(rating: Rating, minimumPercent: Double) {
        self.rating = rating
        self.minimumPercent = minimumPercent
    }

    /// Whether `yes` of `relevant` cases (relevant ≥ 1) reaches this band's minimum, compared
    /// exactly as 100·yes ≥ minimum·relevant (exact in binary floating point for whole-number
    /// minimums and counts below 2^45).
    public func admits(yes: Int, relevant: Int) -> Bool {
        Double(100 * yes) >= minimumPercent * Double(relevant)
    }

    /// Whether a percentage (0–100) reaches this band's minimum.
    public func admits(percent: Double) -> Bool { percent >= minimumPercent }
}
