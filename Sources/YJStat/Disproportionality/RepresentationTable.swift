/// Representation worked out for every line of a demographics table of printed percentages
/// (the layout of `Datasets/demographics.csv`).
///
/// Required columns: `service_percent`, `comparator_percent`. Optional: `service`, `dimension`,
/// `category`, `comparator` (labels carried through), `total` (children behind the service
/// percentage) and `comparator_total`. Lines with a blank percentage are skipped and counted.
public struct RepresentationTable: Sendable {
    /// One line's labels and result.
    public struct Entry: Sendable, Equatable {
        /// The line in the file.
        public var line: Int
        /// `service`, `dimension`, `category`, `comparator` as given (empty when absent).
        public var labels: [String: String]
        /// The measures.
        public var representation: Representation
    }

    /// Results in file order.
    public var entries: [Entry]
    /// Lines skipped for a blank percentage.
    public var skippedLines: [Int]
    /// Lines skipped because their category is a totals row (``TotalRowLabel``: `Total`, `All`, …).
    public var totalsLines: [Int] = []

    /// Label columns carried through to the output, in order.
    public static let labelColumns = ["service", "dimension", "category", "comparator"]

    /// Reads the table and works out every line.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, a percentage that is
    ///   not a whole number in [0, 100], or a total below 1.
    public init(csv: CSVTable, confidence: Double) throws {
        try csv.requireColumns(["service_percent", "comparator_percent"])
        var entries: [Entry] = []
        var skipped: [Int] = []
        var totals: [Int] = []
        for row in csv.rows {
            if let category = row.optionalString("category"), TotalRowLabel.isTotal(category) {
                totals.append(row.line)
                continue
            }
            guard let s = try row.optionalDouble("service_percent"), let c = try row.optionalDouble("comparator_percent") else {
                skipped.append(row.line)
                continue
            }
            let total = csv.hasColumn("total") ? try row.optionalInt("total") : nil
            let comparatorTotal = csv.hasColumn("comparator_total") ? try row.optionalInt("comparator_total") : nil
            let representation: Representation
            do {
                representation = try Representation(servicePercent: s, comparatorPercent: c, serviceTotal: total,
                                                     comparatorTotal: comparatorTotal, confidence: confidence)
            } catch let error as InvalidArgumentError {
                let column: String
                switch error.parameter {
                case "servicePercent": column = "service_percent"
                case "comparatorPercent": column = "comparator_percent"
                case "serviceTotal": column = "total"
                case "comparatorTotal": column = "comparator_total"
                default: throw InputError(file: csv.source, line: row.line, message: error.description)
                }
                throw row.error(column, error.message)
            }
            var labels: [String: String] = [:]
            for name in Self.labelColumns { labels[name] = row.optionalString(name) ?? "" }
            entries.append(Entry(line: row.line, labels: labels, representation: representation))
        }
        self.entries = entries
        self.skippedLines = skipped
        self.totalsLines = totals
    }
}
