/// `rates.csv`: one ``PublishedRate`` per row.
public enum RatesSchema: FrameworkIndependentSchema {
    /// `rates.csv`.
    public static let fileName = "rates.csv"
    /// The columns.
    public static let columns = ["service", "measure", "service_value", "comparator", "comparator_value"]

    /// Reads and validates every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, an unknown measure or
    ///   comparator, a value that is not a plain decimal number, a service value outside 0…maximum,
    ///   a comparator value outside (0, maximum], or a repeated (service, measure).
    public static func rows(of table: CSVTable) throws -> [PublishedRate] {
        try table.requireColumns(columns)
        var keys = DatasetKeys()
        return try table.rows.map { row in
            let service = try row.string("service")
            let measure = try DatasetCell.choice(row, "measure", as: PublishedRate.Measure.self)
            try keys.insert([service, measure.rawValue], row: row, column: "measure")
            let own = try figure(row, "service_value")
            guard own.value >= 0, own.value <= measure.maximum else {
                throw row.error("service_value", "\(measure.rawValue) must lie between 0 and \(Int(measure.maximum)), found \(own.value)")
            }
            let comparator = try DatasetCell.choice(row, "comparator", as: PublishedRate.Comparator.self)
            let other = try figure(row, "comparator_value")
            guard other.value > 0, other.value <= measure.maximum else {
                throw row.error("comparator_value", "\(measure.rawValue) must be above 0 and at most \(Int(measure.maximum)), found \(other.value)")
            }
            return PublishedRate(service: service, measure: measure, serviceValue: own, comparator: comparator,
                                 comparatorValue: other, line: row.line)
        }
    }

    /// The cells of a row (each figure with the decimals it was printed with).
    public static func cells(of row: PublishedRate) -> [String] {
        [row.service, row.measure.rawValue, text(row.serviceValue), row.comparator.rawValue, text(row.comparatorValue)]
    }

    /// The rates of a report, as printed, against England and Wales.
    public static func cells(of result: ExtractionResult) -> [[String]] {
        result.rates.map { [result.service, $0.measure, $0.serviceValue, PublishedRate.Comparator.englandWales.rawValue, $0.comparatorValue] }
    }

    private static func text(_ figure: PublishedRate.Figure) -> String { NumberFormatting.fixed(figure.value, figure.decimals) }

    private static func figure(_ row: CSVRow, _ column: String) throws -> PublishedRate.Figure {
        let text = try row.string(column)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let value = Double(text), value.isFinite else {
            throw row.error(column, "expected a plain decimal number such as 285 or 50.4, found '\(text)'")
        }
        return PublishedRate.Figure(value: value, decimals: parts.count == 2 ? parts[1].count : 0)
    }
}
