/// The probability attached to one rating band.
public struct BandProbability: Sendable, Equatable, Codable {
    /// The band's name.
    public let band: String
    /// The band's range as text (`50-64.99%`).
    public let range: String
    /// The probability.
    public let probability: Double
}
