/// A population figure (a row of `population.csv`).
public struct ExtractedPopulation: Sendable, Equatable, Codable {
    /// `total`, `age_10_17` or `age_10_17_bame`.
    public let measure: String
    /// Persons, as printed.
    public let value: Int
    /// Reference year: printed beside the figure, else from the cited source's footnote.
    public let year: Int?
    /// Input line of the figure.
    public let line: Int
}
