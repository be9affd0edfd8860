/// One row of `demographics.csv` (read and written by ``DemographicsSchema``, and produced by extraction): the percentage of a service's children cautioned or sentenced
/// who fall in a category (age band, ethnic group, sex), beside a comparator percentage.
///
/// Both percentages are whole numbers as the reports print them; a printed x% stands for a true
/// value in [x − 0.5, x + 0.5).
public struct DemographicShare: Sendable, Equatable, Codable {
    /// The characteristic a row breaks children down by.
    public enum Dimension: String, Sendable, Codable, CaseIterable {
        /// Age band (`10-14`, `15-17`).
        case age
        /// Ethnic group (`White`, `Black and minority ethnic`, `Unknown`).
        case ethnicity
        /// Sex (`Male`, `Female`; the reports head the table "Gender").
        case sex
    }

    /// What the service's percentage is set beside.
    public enum Comparator: String, Sendable, Codable, CaseIterable {
        /// The national average for children cautioned or sentenced.
        case national
        /// The category's share of the local 10–17 population.
        case localPopulation = "local_population"
    }

    /// Service id.
    public let service: String
    /// The characteristic.
    public let dimension: Dimension
    /// The category within the dimension, as written (`Black and minority ethnic`).
    public let category: String
    /// The service's percentage, 0–100, as printed.
    public let servicePercent: Int
    /// What the comparator is.
    public let comparator: Comparator
    /// The comparator's percentage, 0–100, as printed.
    public let comparatorPercent: Int
    /// The line it was read from: the line in `demographics.csv`, or the report line for an extracted row.
    public let line: Int
}
