import Foundation

/// Each service's 10–17 population by group, the base that case-level records lack.
///
/// Read from a CSV with columns `service, group, population` and optionally `year` (one row per
/// service, group and year). Column names are matched as ``CSVTable/resolvingColumns(_:)`` does
/// (`Ethnicity` for `group`, `pop` for `population`, any case). Totals rows (``TotalRowLabel``: a
/// service `England`, a group `Total`) are left out and counted in ``totalsRowsSkipped``.
///
/// With a `year` column the population is joined by year: ``population(of:years:)`` sums the
/// named years, so records counted over 2021–2023 are divided by the child-years of 2021–2023.
/// Errors name the file, line and column: a negative or non-whole population, a duplicate
/// service, group (and year), a blank cell.
public struct ServicePopulation: Sendable, Equatable {
    /// Population by service, then by group (summed over years when the file has a year column).
    public let populationByService: [String: [String: Int]]
    /// Population by service, then year, then group; empty without a year column.
    public let populationByServiceAndYear: [String: [String: [String: Int]]]
    /// Whether the file has a `year` column.
    public let hasYears: Bool
    /// The years in the file, in order of first appearance (empty without a year column).
    public let years: [String]
    /// Totals rows left out.
    public let totalsRowsSkipped: Int
    /// The file the figures came from.
    public let source: String

    /// Reads the population file.
    public init(contentsOf url: URL) throws {
        try self.init(csv: CSVReader.read(contentsOf: url))
    }

    /// Builds the table from parsed CSV.
    public init(csv given: CSVTable) throws {
        let csv = try given.resolvingColumns([.service, .group, .population, .year])
        try csv.requireColumns(["service", "group", "population"])
        let hasYears = csv.hasColumn("year")
        var byYear: [String: [String: [String: Int]]] = [:]
        var table: [String: [String: Int]] = [:]
        var years: [String] = []
        var skipped = 0
        for row in csv.rows {
            let service = try row.string("service"), group = try row.string("group")
            if TotalRowLabel.isTotal(service) || TotalRowLabel.isTotal(group) { skipped += 1; continue }
            let year = hasYears ? try row.string("year") : ""
            let population = try row.int("population")
            guard population >= 0 else { throw row.error("population", "population must not be negative, found \(population)") }
            if byYear[service]?[year]?[group] != nil {
                throw row.error("group", "duplicate row for service '\(service)' and group '\(group)'" + (hasYears ? " in year \(year)" : ""))
            }
            if hasYears, !years.contains(year) { years.append(year) }
            byYear[service, default: [:]][year, default: [:]][group] = population
            table[service, default: [:]][group, default: 0] += population
        }
        populationByService = table
        populationByServiceAndYear = hasYears ? byYear : [:]
        self.hasYears = hasYears
        self.years = years
        totalsRowsSkipped = skipped
        source = csv.source
    }

    /// The population by group of one service, or `nil` when the file has none for it.
    public func population(of service: String) -> [String: Int]? { populationByService[service] }

    /// The population by group of one service summed over `years` (all years when `nil` or
    /// when the file has no year column), or `nil` when the file has no rows for the service.
    ///
    /// - Throws: ``InputError`` naming the file when the service has no rows for one of the years.
    public func population(of service: String, years wanted: [String]?) throws -> [String: Int]? {
        guard hasYears, let wanted else { return populationByService[service] }
        guard let byYear = populationByServiceAndYear[service] else { return nil }
        var sum: [String: Int] = [:]
        for year in wanted {
            guard let groups = byYear[year] else {
                throw InputError(file: source, message: "no population rows for service '\(service)' in year \(year) (years in the file: \(years.joined(separator: ", ")))")
            }
            for (group, value) in groups { sum[group, default: 0] += value }
        }
        return sum
    }

    /// The loud warning for records spanning `recordYears` divided by this population: with more
    /// than one year and no year column, every year's records are divided by one year's
    /// population, so rates and excess counts are about that many times too high (the ratios
    /// between groups survive). `nil` when the join is sound.
    public func yearMismatchWarning(_ recordYears: [String], recordsSource: String, yearColumn: String) -> String? {
        guard !hasYears, recordYears.count > 1 else { return nil }
        let sorted = recordYears.sorted()
        return "WARNING: \(recordsSource): the records span \(sorted.count) years (\(sorted.first!)–\(sorted.last!)) but \(source) has no '\(yearColumn)' column, "
            + "so every year's records are divided by one year's population and the rates and excess counts are "
            + "about \(sorted.count) times too high; choose a year with "
            + "\(Parameter.filter.mention) \(yearColumn)=\(sorted.last!) (or a range, \(Parameter.filter.mention) \(yearColumn)=\(sorted.first!)..\(sorted.last!), with a population file that has a year column)"
    }
}
