import Foundation

/// Each service's 10–17 population by group, the base that case-level records lack.
///
/// Read from a CSV with columns `service, group, population` (one row per service and group).
/// Errors name the file, line and column: a negative or non-whole population, a duplicate
/// service and group, a blank service or group.
public struct ServicePopulation: Sendable, Equatable {
    /// Population by service, then by group.
    public let populationByService: [String: [String: Int]]
    /// The file the figures came from.
    public let source: String

    /// Reads the population file.
    public init(contentsOf url: URL) throws {
        try self.init(csv: CSVReader.read(contentsOf: url))
    }

    /// Builds the table from parsed CSV.
    public init(csv: CSVTable) throws {
        try csv.requireColumns(["service", "group", "population"])
        var table: [String: [String: Int]] = [:]
        for row in csv.rows {
            let service = try row.string("service"), group = try row.string("group")
            let population = try row.int("population")
            guard population >= 0 else { throw row.error("population", "population must not be negative, found \(population)") }
            if table[service]?[group] != nil {
                throw row.error("group", "duplicate row for service '\(service)' and group '\(group)'")
            }
            table[service, default: [:]][group] = population
        }
        populationByService = table
        source = csv.source
    }

    /// The population by group of one service, or `nil` when the file has none for it.
    public func population(of service: String) -> [String: Int]? { populationByService[service] }
}
