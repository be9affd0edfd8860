/// One row of `demographics.csv`: the percentage of a service's children cautioned or sentenced
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
    /// The line in `demographics.csv`.
    public let line: Int

    /// The columns `demographics.csv` must have.
    public static let columns = ["service", "dimension", "category", "service_percent", "comparator", "comparator_percent"]

    /// Reads and validates every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, a blank cell, an
    ///   unknown dimension or comparator, a percentage that is not a whole number in 0–100, or a
    ///   repeated (service, dimension, category, comparator).
    public static func rows(of table: CSVTable) throws -> [DemographicShare] {
        try table.requireColumns(columns)
        var seen: [String: Int] = [:]
        return try table.rows.map { row in
            let service = try row.string("service")
            let dimension = try DatasetCell.choice(row, "dimension", as: Dimension.self)
            let category = try row.string("category")
            let comparator = try DatasetCell.choice(row, "comparator", as: Comparator.self)
            let key = [service, dimension.rawValue, category, comparator.rawValue].joined(separator: "|")
            if let first = seen[key] {
                throw row.error("category", "\(service) \(dimension.rawValue) '\(category)' against \(comparator.rawValue) is already on line \(first)")
            }
            seen[key] = row.line
            return DemographicShare(service: service, dimension: dimension, category: category,
                                    servicePercent: try DatasetCell.percent(row, "service_percent"),
                                    comparator: comparator,
                                    comparatorPercent: try DatasetCell.percent(row, "comparator_percent"),
                                    line: row.line)
        }
    }
}
