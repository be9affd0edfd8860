/// One cell of a cross-classification of an eligible population: a level of every
/// stratification variable, and how many eligible cases have that combination.
public struct Stratum: Sendable, Equatable, Codable {
    /// The level of each stratification variable, in the table's variable order.
    public let levels: [String]
    /// Eligible cases in this stratum (0 allowed).
    public let population: Int
    /// The source line of the stratum, when read from a file.
    public let line: Int?

    /// Creates a stratum.
    public init(levels: [String], population: Int, line: Int? = nil) {
        self.levels = levels
        self.population = population
        self.line = line
    }
}

/// An eligible population cross-classified by stratification variables (for example sex ×
/// disposal type × risk of serious harm × safety-and-wellbeing classification).
///
/// Read from a CSV file with one column per variable and a `count` column; each row is one
/// combination of levels. Rows must be distinct combinations and counts whole numbers ≥ 0.
public struct StrataTable: Sendable, Equatable, Codable {
    /// Stratification variable names, in column order.
    public let variables: [String]
    /// The strata, in file order.
    public let strata: [Stratum]

    /// Total eligible population.
    public var total: Int { strata.reduce(0) { $0 + $1.population } }

    /// Creates a table, checking it.
    ///
    /// - Throws: ``InvalidArgumentError`` when there is no variable, a stratum has the wrong
    ///   number of levels or a negative count, or two strata have the same levels.
    public init(variables: [String], strata: [Stratum]) throws {
        guard !variables.isEmpty else { throw InvalidArgumentError("variables", "need at least one stratification variable") }
        var seen: [[String]: Int] = [:]
        for (index, stratum) in strata.enumerated() {
            guard stratum.levels.count == variables.count else {
                throw InvalidArgumentError("strata", "stratum \(index + 1) has \(stratum.levels.count) levels for \(variables.count) variables")
            }
            guard stratum.population >= 0 else {
                throw InvalidArgumentError("strata", "stratum \(stratum.levels.joined(separator: " × ")) has a negative count \(stratum.population)")
            }
            if let first = seen[stratum.levels] {
                throw InvalidArgumentError("strata", "stratum \(stratum.levels.joined(separator: " × ")) appears twice (strata \(first + 1) and \(index + 1))")
            }
            seen[stratum.levels] = index
        }
        self.variables = variables
        self.strata = strata
    }

    /// Reads strata from a parsed CSV table: every column except `countColumn` is a
    /// stratification variable.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing count column, no variable
    ///   column, a blank level, a count that is not a whole number or is negative, a
    ///   combination of levels that repeats an earlier row, or a totals row (a level named as
    ///   ``TotalRowLabel`` names totals, such as `Total` or `All`), which would count its cases twice.
    public static func read(_ table: CSVTable, countColumn: String = "count") throws -> StrataTable {
        try table.requireColumns([countColumn])
        let variables = table.header.filter { $0 != countColumn }
        guard !variables.isEmpty else {
            throw InputError(file: table.source, line: table.headerLine,
                             message: "no stratification variable: add a column per variable beside '\(countColumn)'")
        }
        var strata: [Stratum] = []
        var seen: [[String]: Int] = [:]
        for row in table.rows {
            let levels = try variables.map { try row.string($0) }
            if let index = levels.firstIndex(where: TotalRowLabel.isTotal) {
                throw row.error(variables[index], "'\(levels[index])' is a totals row, not a stratum: remove the row (the strata must not include their own sum)")
            }
            let count = try row.int(countColumn)
            guard count >= 0 else { throw row.error(countColumn, "count must not be negative, found \(count)") }
            if let line = seen[levels] {
                throw row.error(variables[0], "duplicate stratum \(levels.joined(separator: " × ")) (first on line \(line))")
            }
            seen[levels] = row.line
            strata.append(Stratum(levels: levels, population: count, line: row.line))
        }
        guard !strata.isEmpty else {
            throw InputError(file: table.source, line: table.headerLine, message: "no strata: the file has a header but no rows")
        }
        return try StrataTable(variables: variables, strata: strata)
    }
}
