/// One row of `rates.csv` (read and written by ``RatesSchema``): a service's published rate beside the England and Wales figure.
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
}
