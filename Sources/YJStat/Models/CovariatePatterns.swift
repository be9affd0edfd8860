import Foundation

/// The data of a GLM reduced to distinct covariate patterns: every combination of term levels
/// that occurs, with its summed outcome and denominator (see ``CovariatePattern``).
///
/// Build it from one streaming pass over a case-level extract
/// (``binomial(aggregation:terms:outcome:)``, fed by ``StreamingCSVScanner``) or from a counts
/// table with an exposure column (``counts(table:terms:countColumn:exposureColumn:)``). Patterns
/// are merged (duplicates summed) and sorted by their levels, so the same data always give the
/// same table.
public struct CovariatePatterns: Sendable, Equatable, Codable {
    /// The term names, one per level of each pattern.
    public let terms: [String]
    /// The distinct patterns, sorted by levels.
    public let patterns: [CovariatePattern]

    /// Merges patterns with equal levels (summing outcome and denominator) and sorts them.
    ///
    /// - Precondition: every pattern has `terms.count` levels.
    public init(terms: [String], patterns: [CovariatePattern]) {
        var merged: [[String]: (Double, Double)] = [:]
        for pattern in patterns {
            precondition(pattern.levels.count == terms.count, "pattern has \(pattern.levels.count) levels for \(terms.count) terms")
            let old = merged[pattern.levels] ?? (0, 0)
            merged[pattern.levels] = (old.0 + pattern.outcome, old.1 + pattern.denominator)
        }
        self.terms = terms
        self.patterns = merged
            .map { CovariatePattern(levels: $0.key, outcome: $0.value.0, denominator: $0.value.1) }
            .sorted { $0.levels.lexicographicallyPrecedes($1.levels) }
    }

    /// The total outcome (events or counts).
    public var totalOutcome: Double { patterns.reduce(0) { $0 + $1.outcome } }
    /// The total denominator (records at risk, or exposure).
    public var totalDenominator: Double { patterns.reduce(0) { $0 + $1.denominator } }

    /// The denominator carried by each level of term `index` (records or exposure).
    public func weightByLevel(ofTerm index: Int) -> [String: Double] {
        var weights: [String: Double] = [:]
        for pattern in patterns { weights[pattern.levels[index], default: 0] += pattern.denominator }
        return weights
    }

    /// The patterns collapsed onto a subset of the terms (the table behind a crude estimate).
    public func collapsed(onto keptTerms: [String]) -> CovariatePatterns {
        let indices = keptTerms.map { terms.firstIndex(of: $0)! }
        return CovariatePatterns(terms: keptTerms, patterns: patterns.map { pattern in
            CovariatePattern(levels: indices.map { pattern.levels[$0] }, outcome: pattern.outcome, denominator: pattern.denominator)
        })
    }

    /// Binomial patterns from a streaming aggregation of a case-level extract.
    ///
    /// `aggregation` must be keyed by `terms` followed by the outcome's column (unless that
    /// column is itself the last key already listed among the terms — it may not be a term);
    /// its filters select the records at risk. Each record adds one trial to its pattern, and
    /// one event when its outcome cell equals `outcome.value`.
    ///
    /// - Throws: ``ModelError/invalidTerms(_:)`` when the keys do not match.
    public static func binomial(aggregation: AggregationResult, terms: [String], outcome: ColumnFilter) throws -> CovariatePatterns {
        guard aggregation.keyColumns == terms + [outcome.column] else {
            throw ModelError.invalidTerms("the aggregation must be keyed by \((terms + [outcome.column]).joined(separator: ",")), not \(aggregation.keyColumns.joined(separator: ","))")
        }
        let patterns = aggregation.groups.map { group in
            CovariatePattern(levels: Array(group.key.prefix(terms.count)),
                             outcome: group.key[terms.count] == outcome.value ? Double(group.count) : 0,
                             denominator: Double(group.count))
        }
        return CovariatePatterns(terms: terms, patterns: patterns)
    }

    /// Poisson patterns from a counts table: one row per stratum with the term columns, a count
    /// column and an exposure column (e.g. `population`). Rows with equal levels are summed.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, a count that is not
    ///   a non-negative whole number, or an exposure that is not a positive finite number.
    public static func counts(table: CSVTable, terms: [String], countColumn: String, exposureColumn: String) throws -> CovariatePatterns {
        try table.requireColumns(terms + [countColumn, exposureColumn])
        var patterns: [CovariatePattern] = []
        patterns.reserveCapacity(table.rows.count)
        for row in table.rows {
            let count = try row.int(countColumn)
            guard count >= 0 else { throw row.error(countColumn, "a count must not be negative; got \(count)") }
            let exposure = try row.double(exposureColumn)
            guard exposure.isFinite, exposure > 0 else {
                throw row.error(exposureColumn, "the exposure (offset) must be a positive number; got \(exposure)")
            }
            patterns.append(CovariatePattern(levels: try terms.map { try row.string($0) },
                                             outcome: Double(count), denominator: exposure))
        }
        return CovariatePatterns(terms: terms, patterns: patterns)
    }
}
