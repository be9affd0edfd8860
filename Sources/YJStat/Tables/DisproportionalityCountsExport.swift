/// The counts table `disproportionality --counts` reads, made from a case-level aggregation:
/// long form `group, stage, count`, with `service` first when there are several services, a
/// count (0 included) for every group × stage seen in the file, and — when a population is
/// given — one `population` row per group with a population, joined by service (and year).
///
/// Totals rows (``TotalRowLabel``) among the services or groups of the records are left out and
/// counted in ``totalsLeftOut``; they would otherwise be analysed as a service or a group.
///
/// ```swift
/// let export = try DisproportionalityCountsExport(aggregation: result, serviceColumn: "service",
///                                                 groupColumn: "ethnicity", stageColumn: "stage")
/// let text = CSVWriter.render(header: export.header, rows: export.rows)
/// ```
public struct DisproportionalityCountsExport: Sendable, Equatable {
    /// `service, group, stage, count` or `group, stage, count`.
    public let header: [String]
    /// The rows, by service, then population rows, then group × stage in order of first appearance.
    public let rows: [[String]]
    /// The services, in `String` order (one empty service when the records have no service column).
    public let services: [String]
    /// The groups, in order of first appearance in the records (then population-only groups).
    public let groups: [String]
    /// The stages, in order of first appearance.
    public let stages: [String]
    /// Totals-row labels found among the services or groups and left out.
    public let totalsLeftOut: [String]

    /// Builds the export.
    ///
    /// - Parameters:
    ///   - aggregation: Counts keyed by at least `groupColumn` and `stageColumn` (and
    ///     `serviceColumn` when given); other key columns, such as a year, are summed over.
    ///   - serviceColumn: The service column, or `nil` for a single-service extract.
    ///   - population: Population by service and group, joined to each service.
    ///   - years: The years to sum the population over (``ServicePopulation/population(of:years:)``).
    ///   - populationStage: The stage name of the population rows.
    ///   - includeService: Whether to write the service column; by default, when there is more
    ///     than one service.
    /// - Throws: ``InputError`` when a column is not a key of the aggregation, a service has no
    ///   population rows, or a stage is named like the population stage.
    public init(aggregation: AggregationResult, serviceColumn: String?, groupColumn: String, stageColumn: String,
                population: ServicePopulation? = nil, years: [String]? = nil, populationStage: String = "population",
                includeService: Bool? = nil) throws {
        func position(_ name: String) throws -> Int {
            guard let index = aggregation.keyColumns.firstIndex(of: name) else {
                throw InputError(file: aggregation.source,
                                 message: "the counts are not keyed by '\(name)' (keys: \(aggregation.keyColumns.joined(separator: ", ")))")
            }
            return index
        }
        let s = try serviceColumn.map(position), g = try position(groupColumn), t = try position(stageColumn)
        var totals: [String] = []
        var counts: [[String]: Int] = [:]
        var serviceSet = Set<String>()
        for entry in aggregation.groups {
            let service = s.map { entry.key[$0] } ?? "", group = entry.key[g], stage = entry.key[t]
            if TotalRowLabel.isTotal(service) || TotalRowLabel.isTotal(group) {
                for label in [service, group] where TotalRowLabel.isTotal(label) && !totals.contains(label) { totals.append(label) }
                continue
            }
            serviceSet.insert(service)
            counts[[service, group, stage], default: 0] += entry.count
        }
        var groups = aggregation.distinctValues[g].filter { !TotalRowLabel.isTotal($0) }
        let stages = aggregation.distinctValues[t]
        if stages.contains(populationStage), population != nil {
            throw InputError(file: aggregation.source, message: "stage '\(populationStage)' appears in the records and cannot also name the population")
        }
        let services = serviceSet.sorted()
        var populations: [String: [String: Int]] = [:]
        if let population {
            guard serviceColumn != nil else {
                throw InputError(file: population.source, message: "the records have no service column to join the population by")
            }
            for service in services {
                guard let groupsOf = try population.population(of: service, years: years) else {
                    throw InputError(file: population.source, message: "no population rows for service '\(service)'")
                }
                populations[service] = groupsOf
                for extra in groupsOf.keys.sorted() where !groups.contains(extra) { groups.append(extra) }
            }
        }
        let withService = includeService ?? (services.count > 1)
        var rows: [[String]] = []
        for service in services {
            let prefix = withService ? [service] : []
            if let own = populations[service] {
                for group in groups { if let base = own[group] { rows.append(prefix + [group, populationStage, String(base)]) } }
            }
            for group in groups {
                for stage in stages { rows.append(prefix + [group, stage, String(counts[[service, group, stage]] ?? 0)]) }
            }
        }
        header = (withService ? ["service"] : []) + ["group", "stage", "count"]
        self.rows = rows
        self.services = services
        self.groups = groups
        self.stages = stages
        totalsLeftOut = totals
    }
}
