/// The tables for standardisation, read and validated cell by cell: the services' counts and
/// populations by stratum, and the reference (for indirect) or standard population (for direct)
/// by the same strata.
///
/// - Services: columns `service`, each stratum column, `observed` (whole, ≥ 0) and `population`
///   (≥ 0, fractional allowed). One row per service and stratum.
/// - Reference: each stratum column and either `rate` (per `per`) or `observed` and `population`
///   (the reference rate is then observed/population). One row per stratum.
/// - Standard: each stratum column and `population` (the standard weights, ≥ 0).
///
/// Every problem is an ``InputError`` naming the file, line and column: a missing column, a
/// repeated service and stratum (or stratum in the reference), a bad number, or a service stratum
/// missing from the reference.
public struct StandardisationInput: Sendable {
    /// One service's strata in file order.
    public struct Service: Sendable, Equatable {
        /// The service's name.
        public var name: String
        /// The stratum keys (values of the stratum columns).
        public var strata: [[String]]
        /// Observed count per stratum.
        public var observed: [Int]
        /// Population per stratum.
        public var population: [Double]
        /// The file line of each stratum row (for messages).
        public var lines: [Int]
    }

    /// The services in order of first appearance.
    public let services: [Service]
    /// The source of the services table.
    public let source: String

    /// Reads the services table.
    ///
    /// - Throws: ``InputError`` for any bad cell, a missing column, a repeat, or no rows.
    public static func read(_ table: CSVTable, strata: [String]) throws -> StandardisationInput {
        try table.requireColumns(["service"] + strata + ["observed", "population"])
        guard !table.rows.isEmpty else {
            throw InputError(file: table.source, line: table.headerLine, message: "no services: the file has a header but no rows")
        }
        var order: [String] = []
        var byName: [String: Service] = [:]
        var seen: [[String]: Int] = [:]
        for row in table.rows {
            let name = try row.string("service")
            let key = try strata.map { try row.string($0) }
            if let earlier = seen[[name] + key] {
                throw row.error(strata.last ?? "service", "service '\(name)' stratum \(key.joined(separator: " / ")) appears again (first on line \(earlier))")
            }
            seen[[name] + key] = row.line
            let observed = try row.int("observed")
            guard observed >= 0 else { throw row.error("observed", "observed count must not be negative, found \(observed)") }
            let population = try row.double("population")
            guard population >= 0, population.isFinite else {
                throw row.error("population", "population must be non-negative and finite, found \(population)")
            }
            if byName[name] == nil {
                order.append(name)
                byName[name] = Service(name: name, strata: [], observed: [], population: [], lines: [])
            }
            byName[name]!.strata.append(key)
            byName[name]!.observed.append(observed)
            byName[name]!.population.append(population)
            byName[name]!.lines.append(row.line)
        }
        return StandardisationInput(services: order.map { byName[$0]! }, source: table.source)
    }

    /// Reads a reference table: the rate per head of each stratum, and the crude rate per head
    /// (Σ observed/Σ population when counts are given; otherwise the population-weighted mean of
    /// the services' strata is not known, so the crude rate is nil).
    ///
    /// - Throws: ``InputError`` for any bad cell, a missing column, a repeated stratum, or no rows.
    public static func readReference(_ table: CSVTable, strata: [String], per: Double) throws
        -> (rates: [[String]: Double], crude: Double?) {
        try table.requireColumns(strata)
        let hasRate = table.hasColumn("rate")
        guard hasRate || (table.hasColumn("observed") && table.hasColumn("population")) else {
            throw InputError(file: table.source, line: table.headerLine,
                             message: "a reference needs a 'rate' column (per \(Parameter.per.mention)) or 'observed' and 'population' columns (found: \(table.header.joined(separator: ", ")))")
        }
        guard !table.rows.isEmpty else {
            throw InputError(file: table.source, line: table.headerLine, message: "no strata: the file has a header but no rows")
        }
        var rates: [[String]: Double] = [:]
        var lines: [[String]: Int] = [:]
        var totalObserved = 0.0, totalPopulation = 0.0
        for row in table.rows {
            let key = try strata.map { try row.string($0) }
            if let earlier = lines[key] {
                throw row.error(strata.last ?? "rate", "stratum \(key.joined(separator: " / ")) appears again (first on line \(earlier))")
            }
            lines[key] = row.line
            if hasRate {
                let rate = try row.double("rate")
                guard rate >= 0, rate.isFinite else { throw row.error("rate", "rate must be non-negative and finite, found \(rate)") }
                rates[key] = rate / per
            } else {
                let observed = try row.int("observed")
                guard observed >= 0 else { throw row.error("observed", "observed count must not be negative, found \(observed)") }
                let population = try row.double("population")
                guard population > 0, population.isFinite else {
                    throw row.error("population", "a reference stratum needs a positive population, found \(population)")
                }
                rates[key] = Double(observed) / population
                totalObserved += Double(observed)
                totalPopulation += population
            }
        }
        return (rates, hasRate ? nil : totalObserved / totalPopulation)
    }

    /// Reads a standard population: the weight (`population`) of each stratum.
    ///
    /// - Throws: ``InputError`` for any bad cell, a missing column, a repeated stratum, or no rows.
    public static func readStandard(_ table: CSVTable, strata: [String]) throws -> [[String]: Double] {
        try table.requireColumns(strata + ["population"])
        guard !table.rows.isEmpty else {
            throw InputError(file: table.source, line: table.headerLine, message: "no strata: the file has a header but no rows")
        }
        var weights: [[String]: Double] = [:]
        var lines: [[String]: Int] = [:]
        for row in table.rows {
            let key = try strata.map { try row.string($0) }
            if let earlier = lines[key] {
                throw row.error(strata.last ?? "population", "stratum \(key.joined(separator: " / ")) appears again (first on line \(earlier))")
            }
            lines[key] = row.line
            let weight = try row.double("population")
            guard weight >= 0, weight.isFinite else {
                throw row.error("population", "a standard population must be non-negative and finite, found \(weight)")
            }
            weights[key] = weight
        }
        return weights
    }

    /// The value of each of `service`'s strata in `lookup`.
    ///
    /// - Throws: ``InputError`` naming the service's row whose stratum `lookup` lacks.
    public func values(for service: Service, in lookup: [[String]: Double], lookupName: String) throws -> [Double] {
        try zip(service.strata, service.lines).map { key, line in
            guard let value = lookup[key] else {
                throw InputError(file: source, line: line,
                                 message: "service '\(service.name)' has stratum \(key.joined(separator: " / ")), which the \(lookupName) lacks")
            }
            return value
        }
    }
}
