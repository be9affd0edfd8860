import Foundation

/// Per-service counts in long form — `service, group, stage, count` — made from case-level
/// records in one pass: the table the `disproportionality` command reads, for every service at
/// once.
///
/// Built from an ``AggregationResult`` keyed by (service, group, stage). By default every service
/// gets a row for every group and stage seen anywhere in the file, with count 0 where it had no
/// record, so that a zero cell is present rather than missing. Services are listed in `String`
/// order; groups and stages in order of first appearance in the file (a stage order can be given).
///
/// ```swift
/// let table = try ServiceCountsTable.aggregate(records: URL(fileURLWithPath: "records.csv"))
/// for service in table.services {
///     let rows = table.rows(forService: service)   // group, stage, count for one service
/// }
/// ```
public struct ServiceCountsTable: Sendable, Equatable, Codable {
    /// One cell of the table.
    public struct Row: Sendable, Equatable, Hashable, Codable {
        /// The service id.
        public var service: String
        /// The group (for example an ethnic group).
        public var group: String
        /// The stage (for example `arrest`).
        public var stage: String
        /// The number of records.
        public var count: Int

        /// Creates a row.
        public init(service: String, group: String, stage: String, count: Int) {
            self.service = service
            self.group = group
            self.stage = stage
            self.count = count
        }
    }

    /// The rows, by service, then group, then stage, in the orders below.
    public var rows: [Row]
    /// The services, in `String` order.
    public var services: [String]
    /// The groups, in order of first appearance.
    public var groups: [String]
    /// The stages, in the order given or of first appearance.
    public var stages: [String]

    /// Builds the table from an aggregation keyed by at least the three named columns.
    ///
    /// - Parameters:
    ///   - aggregation: Counts keyed by columns including `serviceColumn`, `groupColumn` and
    ///     `stageColumn`; counts under any other key columns are summed.
    ///   - stageOrder: Stages in the order wanted; stages not listed follow in order of first
    ///     appearance.
    ///   - includeZeros: Whether to add count-0 rows for group × stage cells a service lacks.
    /// - Throws: ``InputError`` naming the aggregation's source when a column is not a key.
    public init(aggregation: AggregationResult, serviceColumn: String = "service", groupColumn: String = "ethnicity",
                stageColumn: String = "stage", stageOrder: [String] = [], includeZeros: Bool = true) throws {
        func position(_ name: String) throws -> Int {
            guard let index = aggregation.keyColumns.firstIndex(of: name) else {
                throw InputError(file: aggregation.source,
                                 message: "the counts are not keyed by '\(name)' (keys: \(aggregation.keyColumns.joined(separator: ", ")))")
            }
            return index
        }
        let s = try position(serviceColumn), g = try position(groupColumn), t = try position(stageColumn)
        var counts: [[String]: Int] = [:]   // [service, group, stage] → count
        for group in aggregation.groups {
            counts[[group.key[s], group.key[g], group.key[t]], default: 0] += group.count
        }
        services = Array(Set(counts.keys.map { $0[0] })).sorted()
        groups = aggregation.distinctValues[g]
        let seenStages = aggregation.distinctValues[t]
        stages = stageOrder.filter(seenStages.contains) + seenStages.filter { !stageOrder.contains($0) }
        var built: [Row] = []
        for service in services {
            for group in groups {
                for stage in stages {
                    if let count = counts[[service, group, stage]] { built.append(Row(service: service, group: group, stage: stage, count: count)) }
                    else if includeZeros { built.append(Row(service: service, group: group, stage: stage, count: 0)) }
                }
            }
        }
        rows = built
    }

    /// Reads a case-level extract in one streaming pass (see ``StreamingCSVScanner``) and builds
    /// the table; `service` limits it to one service (a `--where` on the service column). A row
    /// with a blank service, group or stage is malformed (``StreamingCSVScanner/rejectsBlankKeys``),
    /// and row messages name the service.
    ///
    /// - Returns: The table and the aggregation behind it (for its row accounting and any
    ///   skipped-row report).
    /// - Throws: ``InputError`` as ``StreamingCSVScanner/aggregate(fileAt:)`` does.
    public static func aggregate(records url: URL, serviceColumn: String = "service", groupColumn: String = "ethnicity",
                                 stageColumn: String = "stage", service: String? = nil, filters: [ColumnFilter] = [],
                                 stageOrder: [String] = [], onError: MalformedRowPolicy = .stop,
                                 threads: Int = ProcessInfo.processInfo.activeProcessorCount)
    throws -> (table: ServiceCountsTable, aggregation: AggregationResult) {
        var allFilters = filters
        if let service { allFilters.append(ColumnFilter(column: serviceColumn, value: service)) }
        var scanner = StreamingCSVScanner(keyColumns: [serviceColumn, groupColumn, stageColumn], filters: allFilters,
                                          onError: onError, threads: threads)
        scanner.rejectsBlankKeys = true
        scanner.contextColumn = serviceColumn
        let aggregation = try scanner.aggregate(fileAt: url)
        let table = try ServiceCountsTable(aggregation: aggregation, serviceColumn: serviceColumn, groupColumn: groupColumn,
                                           stageColumn: stageColumn, stageOrder: stageOrder)
        return (table, aggregation)
    }

    /// The rows of one service.
    public func rows(forService service: String) -> [Row] { rows.filter { $0.service == service } }

    /// One service's counts as a long-form table — columns `group, stage, count` — with a row per
    /// group for the population base added when `population` is given, ready for
    /// `CountsTable(csv:options:)` and the disproportionality analysis.
    ///
    /// Every group of `population` appears, with a count of 0 at each stage where the service has
    /// no records for it (exactly what a counts table with explicit zeros gives). Groups in the
    /// population file but never seen in the records follow the records' groups in name order.
    ///
    /// Rows are numbered from line 2 as if the table were a file named
    /// `<source>[service=<id>]`, so any error the analysis reports names the service.
    ///
    /// - Parameters:
    ///   - service: The service id.
    ///   - population: The population base by group (for example 10–17 population); groups
    ///     without an entry get no population row (the unknown-ethnicity group needs none), and a
    ///     group with neither a population nor any child in this service is left out altogether
    ///     (it appears only because other services have it; there is nothing to analyse).
    ///   - populationStage: The stage name of the population rows.
    ///   - unknownLabel: The unknown-ethnicity group, which needs no population row.
    ///   - source: The records file name, for messages.
    /// - Throws: ``InputError`` when the service has no rows, `populationStage` is also a stage in
    ///   the records, or (with `population`) a group other than `unknownLabel` has children in the
    ///   service but no population row.
    public func countsCSV(forService service: String, population: [String: Int]? = nil,
                          populationStage: String = "population", unknownLabel: String? = nil,
                          source: String = "records") throws -> CSVTable {
        let name = "\(source)[service=\(service)]"
        let own = rows(forService: service)
        guard !own.isEmpty else {
            throw InputError(file: source, message: "no records for service '\(service)' (services: \(services.prefix(5).joined(separator: ", "))\(services.count > 5 ? ", …" : ""))")
        }
        if population != nil, stages.contains(populationStage) {
            throw InputError(file: source, message: "stage '\(populationStage)' appears in the records and cannot also name the population")
        }
        let present = Set(own.filter { $0.count > 0 }.map(\.group))
        var records: [(line: Int, fields: [String])] = []
        guard let population else {
            for row in own { records.append((records.count + 2, [row.group, row.stage, String(row.count)])) }
            return try CSVTable(source: name, header: ["group", "stage", "count"], records: records)
        }
        let unmatched = groups.filter { present.contains($0) && population[$0] == nil && $0 != unknownLabel }
        if !unmatched.isEmpty {
            let list = unmatched.map { "'\($0)'" }.joined(separator: ", ")
            throw InputError(file: name, message: "group \(list) has records but no row in the population file for service '\(service)'; add its population, or name it with \(Parameter.unknownLabel.mention) if it is the unknown-ethnicity group")
        }
        let recordGroups = groups.filter { population[$0] != nil || present.contains($0) }
        let populationOnly = population.keys.filter { !groups.contains($0) }.sorted()
        let included = recordGroups + populationOnly
        for group in included {
            if let base = population[group] { records.append((records.count + 2, [group, populationStage, String(base)])) }
        }
        var counts: [String: [String: Int]] = [:]
        for row in own { counts[row.group, default: [:]][row.stage, default: 0] += row.count }
        for group in included {
            for stage in stages {
                records.append((records.count + 2, [group, stage, String(counts[group]?[stage] ?? 0)]))
            }
        }
        return try CSVTable(source: name, header: ["group", "stage", "count"], records: records)
    }

    /// The table as result rows `service, group, stage, count`.
    public var resultRows: [ResultRow] {
        rows.map { ResultRow([("service", .text($0.service)), ("group", .text($0.group)), ("stage", .text($0.stage)),
                              ("count", .integer($0.count))]) }
    }
}
