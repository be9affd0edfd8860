/// Disproportionality for one service of a case-level extract: the service and its report.
public struct ServiceDisproportionality: Sendable, Equatable {
    /// The service id as it appears in the records.
    public let service: String
    /// The full analysis of that service's counts against its population.
    public let report: DisproportionalityReport

    /// Creates a service's result.
    public init(service: String, report: DisproportionalityReport) {
        self.service = service
        self.report = report
    }

    /// Runs the analysis for every named service of an aggregated extract.
    ///
    /// Each service's counts (from ``ServiceCountsTable``, one streaming pass over the records)
    /// are joined to its population by group and analysed exactly as a counts table would be
    /// (``DisproportionalityAnalysis/run(_:options:)``).
    ///
    /// - Parameters:
    ///   - table: Counts by service, group and stage.
    ///   - services: The services to analyse, in output order.
    ///   - population: Each service's population by group.
    ///   - countsOptions: Stage order, population stage name and unknown label, as for a counts table.
    ///   - options: The analysis options.
    ///   - source: The records file's name, for messages (`records.csv[service=leeds]`).
    ///   - years: The years the records were counted over, to join a population file with a
    ///     year column by year (``ServicePopulation/population(of:years:)``); `nil` for all.
    /// - Throws: ``InputError`` naming the service when it has no population, or when its counts
    ///   fail the counts-table checks (for example a stage count above the population).
    public static func analyse(_ table: ServiceCountsTable, services: [String], population: ServicePopulation,
                               countsOptions: CountsTable.Options, options: DisproportionalityOptions,
                               source: String, years: [String]? = nil) throws -> [ServiceDisproportionality] {
        try services.map { service in
            guard let groups = try population.population(of: service, years: years) else {
                throw InputError(file: population.source, message: "no population rows for service '\(service)'")
            }
            let label = "\(source)[service=\(service)]"
            do {
                return try analyse(table, service: service, groups: groups, countsOptions: countsOptions, options: options,
                                   source: source, label: label)
            } catch let error as InputError where error.file == label {
                // The table was built in memory from the counts: its line numbers are no place in
                // any file, so the service alone is named.
                throw InputError(file: label, message: error.message)
            }
        }
    }

    /// One service's analysis; errors name `label` (the records file and service).
    private static func analyse(_ table: ServiceCountsTable, service: String, groups: [String: Int],
                                countsOptions: CountsTable.Options, options: DisproportionalityOptions,
                                source: String, label: String) throws -> ServiceDisproportionality {
        let csv = try table.countsCSV(forService: service, population: groups,
                                      populationStage: countsOptions.populationStage,
                                      unknownLabel: countsOptions.unknownLabel, source: source)
        // A service with no child of unknown ethnicity has no unknown rows (the group is left
        // out like any group with neither population nor children), so it has nothing to bound.
        var serviceOptions = countsOptions
        if let unknown = countsOptions.unknownLabel,
           !table.rows(forService: service).contains(where: { $0.group == unknown && $0.count > 0 }) {
            serviceOptions.unknownLabel = nil
        }
        let counts = try CountsTable(csv: csv, options: serviceOptions)
        do {
            return ServiceDisproportionality(service: service, report: try DisproportionalityAnalysis.run(counts, options: options))
        } catch let error as InvalidArgumentError {
            throw error.located(in: label)
        }
    }

    /// The report's rows with a leading `service` column.
    public func resultRows() -> [ResultRow] {
        report.resultRows().map { ResultRow([("service", .text(service))] + $0.cells) }
    }
}
