/// One row of `population.csv` (read and written by ``PopulationSchema``): a population count for a service's area and its reference year.
public struct PopulationFigure: Sendable, Equatable, Codable {
    /// Which population the count is of.
    public enum Measure: String, Sendable, Codable, CaseIterable {
        /// The whole population of the area.
        case total
        /// Children aged 10–17.
        case age10To17 = "age_10_17"
        /// Black and minority-ethnic children aged 10–17.
        case age10To17BlackAndMinorityEthnic = "age_10_17_bame"
    }

    /// Service id.
    public let service: String
    /// Which population.
    public let measure: Measure
    /// Persons, as printed.
    public let value: Int
    /// The reference year of the count (reports mix years: 2011 Census beside 2018 estimates).
    public let year: Int
    /// The line in `population.csv`.
    public let line: Int
}
