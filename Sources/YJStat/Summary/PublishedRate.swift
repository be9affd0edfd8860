/// One row of `rates.csv`: a service's published rate beside the England and Wales figure.
public struct PublishedRate: Sendable, Equatable, Codable {
    /// What the rate measures.
    public enum Measure: String, Sendable, Codable, CaseIterable {
        /// First-time entrants to the youth justice system per 100,000 children aged 10–17.
        case firstTimeEntrantsPer100000 = "first_time_entrants_per_100000"
        /// Proven reoffending rate, per cent of the cohort.
        case reoffendingPercent = "reoffending_percent"

        /// The largest value the measure can take (100 for a percentage, 100,000 per 100,000).
        public var maximum: Double {
            switch self {
            case .firstTimeEntrantsPer100000: return 100_000
            case .reoffendingPercent: return 100
            }
        }
    }

    /// What the comparator figure is.
    public enum Comparator: String, Sendable, Codable, CaseIterable {
        /// England and Wales.
        case englandWales = "england_wales"
    }

    /// A figure as printed: its value and the number of decimals printed (which sets how far
    /// rounding can have moved it: ± half a unit in the last printed digit).
    public struct Figure: Sendable, Equatable, Codable {
        /// The value.
        public let value: Double
        /// Decimals printed.
        public let decimals: Int

        /// Half a unit in the last printed digit: 0.5 for `285`, 0.05 for `50.4`.
        public var roundingHalfWidth: Double {
            var unit = 1.0
            for _ in 0..<decimals { unit /= 10 }
            return unit / 2
        }
    }

    /// Service id.
    public let service: String
    /// The measure.
    public let measure: Measure
    /// The service's figure.
    public let serviceValue: Figure
    /// What the comparator is.
    public let comparator: Comparator
    /// The comparator's figure.
    public let comparatorValue: Figure
    /// The line in `rates.csv`.
    public let line: Int

    /// The columns `rates.csv` must have.
    public static let columns = ["service", "measure", "service_value", "comparator", "comparator_value"]

    /// Reads and validates every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, an unknown measure or
    ///   comparator, a value that is not a plain decimal number, a service value outside 0…maximum,
    ///   a comparator value outside (0, maximum], or a repeated (service, measure).
    public static func rows(of table: CSVTable) throws -> [PublishedRate] {
        try table.requireColumns(columns)
        var seen: [String: Int] = [:]
        return try table.rows.map { row in
            let service = try row.string("service")
            let measure = try DatasetCell.choice(row, "measure", as: Measure.self)
            if let first = seen[service + "|" + measure.rawValue] {
                throw row.error("measure", "\(service) \(measure.rawValue) is already on line \(first)")
            }
            seen[service + "|" + measure.rawValue] = row.line
            let own = try figure(row, "service_value")
            guard own.value >= 0, own.value <= measure.maximum else {
                throw row.error("service_value", "\(measure.rawValue) must lie between 0 and \(Int(measure.maximum)), found \(own.value)")
            }
            let comparator = try DatasetCell.choice(row, "comparator", as: Comparator.self)
            let other = try figure(row, "comparator_value")
            guard other.value > 0, other.value <= measure.maximum else {
                throw row.error("comparator_value", "\(measure.rawValue) must be above 0 and at most \(Int(measure.maximum)), found \(other.value)")
            }
            return PublishedRate(service: service, measure: measure, serviceValue: own, comparator: comparator,
                                 comparatorValue: other, line: row.line)
        }
    }

    private static func figure(_ row: CSVRow, _ column: String) throws -> Figure {
        let text = try row.string(column)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let value = Double(text), value.isFinite else {
            throw row.error(column, "expected a plain decimal number such as 285 or 50.4, found '\(text)'")
        }
        return Figure(value: value, decimals: parts.count == 2 ? parts[1].count : 0)
    }
}
