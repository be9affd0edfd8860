import Foundation

/// Services for a funnel plot read from a CSV table with columns `service, numerator, denominator`
/// or `service, percent, denominator` (proportions, rates), or `service, observed, expected`
/// (ratios), validated cell by cell.
///
/// Every problem is an ``InputError`` naming the file, line and column: a blank service, a
/// service that appeared before, a denominator below 1 (proportions: whole cases) or not
/// positive (rates: populations or person-years may be fractional), an expected count that is not
/// positive (ratios: fractional is fine), a negative or fractional numerator or observed count,
/// a numerator above its denominator (proportions), a percent outside 0–100, a cell that is not
/// a number. A percent is turned into a whole numerator, round(percent/100 × denominator), which
/// is exact when the percent was computed from whole counts and printed with enough decimals.
///
/// A row whose service is a totals label (``TotalRowLabel``: `England and Wales`, `National`,
/// `Total`, …) is not a service: it is kept in ``totalsRows``, never among ``units``, so it
/// neither appears in the funnel nor moves the pooled target.
public struct FunnelInput: Sendable {
    /// A totals or national row of the file.
    public struct TotalsRow: Sendable, Equatable {
        /// The row's figures (its label as the service).
        public var unit: FunnelPlot.Unit
        /// National comparator or sum of the services.
        public var kind: TotalRowLabel
        /// The line in the file.
        public var line: Int
    }

    /// The services in file order.
    public let units: [FunnelPlot.Unit]
    /// Whether the numerators were reconstructed from a `percent` column.
    public let numeratorsFromPercent: Bool
    /// Totals and national rows, left out of ``units``.
    public var totalsRows: [TotalsRow] = []

    /// The first national row (`England`, `England and Wales`, `National`, …), the comparator
    /// a funnel can take as its target.
    public var nationalRow: TotalsRow? { totalsRows.first { $0.kind == .national } }

    /// The `Total` rows whose numerator or denominator differs from the sum over the services,
    /// with those sums.
    public var totalsMismatches: [(row: TotalsRow, numerators: Int, denominators: Double)] {
        let numerators = units.reduce(0) { $0 + $1.numerator }, denominators = units.reduce(0.0) { $0 + $1.denominator }
        return totalsRows.filter { $0.kind == .total && ($0.unit.numerator != numerators || $0.unit.denominator != denominators) }
            .map { ($0, numerators, denominators) }
    }

    /// Reads and validates `table` for a funnel of `measure`.
    ///
    /// - Throws: ``InputError`` (file:line:column) for any bad cell, a missing column, or no rows.
    public static func read(_ table: CSVTable, measure: FunnelMeasure) throws -> FunnelInput {
        if measure == .ratio { return try readRatios(table) }
        try table.requireColumns(["service", "denominator"])
        let hasNumerator = table.hasColumn("numerator"), hasPercent = table.hasColumn("percent")
        guard hasNumerator || hasPercent else {
            throw InputError(file: table.source, line: table.headerLine,
                             message: "needs a 'numerator' or a 'percent' column (found: \(table.header.joined(separator: ", ")))")
        }
        if !hasNumerator, measure != .proportion {
            throw InputError(file: table.source, line: table.headerLine,
                             message: "a rate funnel needs a 'numerator' column of event counts; 'percent' is for proportions")
        }
        guard !table.rows.isEmpty else {
            throw InputError(file: table.source, line: table.headerLine, message: "no services: the file has a header but no rows")
        }
        var firstLine: [String: Int] = [:]
        var units: [FunnelPlot.Unit] = []
        var totals: [TotalsRow] = []
        units.reserveCapacity(table.rows.count)
        for row in table.rows {
            let service = try row.string("service")
            let totalKind = TotalRowLabel(label: service)
            if let earlier = firstLine[service] {
                throw row.error("service", "service '\(service)' appears again (first on line \(earlier))")
            }
            firstLine[service] = row.line
            let denominator: Double
            if measure == .proportion {
                let cases = try row.int("denominator")
                guard cases >= 1 else {
                    throw row.error("denominator", cases < 0
                        ? "denominator must not be negative, found \(cases)"
                        : "denominator is 0; a service needs at least one case")
                }
                denominator = Double(cases)
            } else {
                denominator = try row.double("denominator")
                guard denominator > 0, denominator.isFinite else {
                    throw row.error("denominator", "a population (or person-years) must be positive and finite, found \(denominator)")
                }
            }
            let numerator: Int
            if hasNumerator {
                numerator = try row.int("numerator")
                guard numerator >= 0 else { throw row.error("numerator", "numerator must not be negative, found \(numerator)") }
                if measure == .proportion, Double(numerator) > denominator {
                    throw row.error("numerator", "numerator \(numerator) is above the denominator \(Int(denominator))")
                }
            } else {
                let percent = try row.double("percent")
                guard percent >= 0, percent <= 100 else {
                    throw row.error("percent", "percent must lie between 0 and 100, found \(percent)")
                }
                numerator = Int((percent / 100 * denominator).rounded())
            }
            let unit = FunnelPlot.Unit(service: service, numerator: numerator, denominator: denominator)
            if let totalKind { totals.append(TotalsRow(unit: unit, kind: totalKind, line: row.line)) } else { units.append(unit) }
        }
        guard !units.isEmpty else {
            throw InputError(file: table.source, line: table.headerLine, message: "no services: every row is a totals or national row")
        }
        var input = FunnelInput(units: units, numeratorsFromPercent: !hasNumerator)
        input.totalsRows = totals
        return input
    }

    /// Reads `service, observed, expected`: whole observed counts, positive (fractional) expected counts.
    static func readRatios(_ table: CSVTable) throws -> FunnelInput {
        try table.requireColumns(["service", "observed", "expected"])
        guard !table.rows.isEmpty else {
            throw InputError(file: table.source, line: table.headerLine, message: "no services: the file has a header but no rows")
        }
        var firstLine: [String: Int] = [:]
        var units: [FunnelPlot.Unit] = []
        units.reserveCapacity(table.rows.count)
        for row in table.rows {
            let service = try row.string("service")
            if let earlier = firstLine[service] {
                throw row.error("service", "service '\(service)' appears again (first on line \(earlier))")
            }
            firstLine[service] = row.line
            let observed = try row.int("observed")
            guard observed >= 0 else { throw row.error("observed", "observed count must not be negative, found \(observed)") }
            let expected = try row.double("expected")
            guard expected > 0, expected.isFinite else {
                throw row.error("expected", "expected count must be positive and finite, found \(expected)")
            }
            units.append(FunnelPlot.Unit(service: service, numerator: observed, denominator: expected))
        }
        return FunnelInput(units: units, numeratorsFromPercent: false)
    }
}
