/// A demographic percentage of children cautioned or sentenced, with its comparator (a row of
/// `demographics.csv`).
public struct ExtractedDemographic: Sendable, Equatable, Codable {
    /// `age`, `ethnicity` or `sex`.
    public let dimension: String
    /// `10-14`, `15-17`; `White`, `Black and minority ethnic`, `Unknown`; `Male`, `Female`.
    public let category: String
    /// The service's percentage, as printed.
    public let servicePercent: Int
    /// `national` or `local_population`.
    public let comparator: String
    /// The comparator's percentage, as printed.
    public let comparatorPercent: Int
    /// Input line of the comparator figure.
    public let line: Int
}
