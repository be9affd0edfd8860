/// `population.csv`: one ``PopulationFigure`` per row.
public enum PopulationSchema: FrameworkIndependentSchema {
    /// `population.csv`.
    public static let fileName = "population.csv"
    /// The columns.
    public static let columns = ["service", "measure", "value", "year"]

    /// Reads and validates every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, an unknown measure,
    ///   a value below 1, a year outside 1800–2200, or a repeated (service, measure).
    public static func rows(of table: CSVTable) throws -> [PopulationFigure] {
        try table.requireColumns(columns)
        var keys = DatasetKeys()
        return try table.rows.map { row in
            let service = try row.string("service")
            let measure = try DatasetCell.choice(row, "measure", as: PopulationFigure.Measure.self)
            try keys.insert([service, measure.rawValue], row: row, column: "measure")
            let value = try DatasetCell.count(row, "value", minimum: 1)
            let year = try row.int("year")
            guard (1800...2200).contains(year) else { throw row.error("year", "expected a year such as 2018, found \(year)") }
            return PopulationFigure(service: service, measure: measure, value: value, year: year, line: row.line)
        }
    }

    /// The cells of a row.
    public static func cells(of row: PopulationFigure) -> [String] {
        [row.service, row.measure.rawValue, String(row.value), String(row.year)]
    }

    /// The population figures of a report (the year blank when the report gives none).
    public static func cells(of result: ExtractionResult) -> [[String]] {
        result.population.map { [result.service, $0.measure, String($0.value), cell($0.year)] }
    }
}
