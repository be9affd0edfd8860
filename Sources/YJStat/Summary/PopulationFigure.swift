/// One row of `population.csv`: a population count for a service's area and its reference year.
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

    /// The columns `population.csv` must have.
    public static let columns = ["service", "measure", "value", "year"]

    /// Reads and validates every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, an unknown measure,
    ///   a value below 1, a year outside 1800–2200, or a repeated (service, measure).
    public static func rows(of table: CSVTable) throws -> [PopulationFigure] {
        try table.requireColumns(columns)
        var seen: [String: Int] = [:]
        return try table.rows.map { row in
            let service = try row.string("service")
            let measure = try DatasetCell.choice(row, "measure", as: Measure.self)
            if let first = seen[service + "|" + measure.rawValue] {
                throw row.error("measure", "\(service) \(measure.rawValue) is already on line \(first)")
            }
            seen[service + "|" + measure.rawValue] = row.line
            let value = try DatasetCell.count(row, "value", minimum: 1)
            let year = try row.int("year")
            guard (1800...2200).contains(year) else { throw row.error("year", "expected a year such as 2018, found \(year)") }
            return PopulationFigure(service: service, measure: measure, value: value, year: year, line: row.line)
        }
    }
}
