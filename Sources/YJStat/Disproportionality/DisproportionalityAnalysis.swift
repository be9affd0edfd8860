/// The result of a disproportionality analysis: one row per group × stage and what was assumed.
public struct DisproportionalityReport: Sendable, Equatable, Codable {
    /// Rows in stage order, then group order (reference group included, unknown group excluded).
    public var rows: [DisproportionalityRow]
    /// Stage names in order.
    public var stages: [String]
    /// The reference's label.
    public var reference: String
    /// Base of the rates.
    public var base: BaseMode
    /// Confidence level.
    public var confidence: Double
    /// Interval method of the RRI.
    public var rriInterval: RatioIntervalMethod
    /// Zero-cell rule used by the Katz and Woolf methods.
    public var zeroCellRule: ZeroCellRule
    /// Minimum count and base below which a row is flagged small.
    public var minimumCount: Int
    /// Minimum base below which a row is flagged small.
    public var minimumBase: Int
    /// Stratum columns used for the Mantel–Haenszel adjustment (empty when none).
    public var strata: [String]
    /// The unknown-ethnicity label, if given.
    public var unknownLabel: String?
    /// Unknown children at each stage, in stage order (empty without an unknown label; nil where
    /// disclosure control hides the count).
    public var unknownByStage: [Int?]
    /// Known-ethnicity children at each stage, in stage order (nil where disclosure control hides
    /// a cell of the stage: the total would give away the sum of the hidden counts).
    public var knownByStage: [Int?]
    /// Disclosure threshold K, if suppression was asked for.
    public var suppressBelow: Int?
    /// The disclosure model applied (with ``suppressBelow``): hidden cells, why, and which stage
    /// totals are published. Renderers consult it for every number they print.
    public var disclosure: DisclosureModel?
    /// The rounding applied to the counts before analysis, when `--round-to` was asked for.
    public var rounding: CountRounding?
    /// Methods and conventions, in plain words.
    public var methods: [String]
    /// Warnings for the reader (zero populations, cells that could not be protected…).
    public var warnings: [String]
}

/// Runs every disproportionality measure on a ``CountsTable``.
///
/// For each stage and each known group g against the reference r (a named group, or `rest`: all
/// other known groups combined), it forms the 2×2 table (a = g's count, b = g's base − a, c and d
/// likewise for r) and reports the rate, the RRI with the chosen interval, the cumulative RRI
/// (previous-stage base), the odds ratio with Woolf and exact conditional intervals, Fisher's
/// exact p and its Holm adjustment over the whole matrix, composition, the excess count, flags,
/// unknown-ethnicity bounds, the Mantel–Haenszel adjustment over strata, and disclosure control.
public enum DisproportionalityAnalysis {
    /// Runs the analysis.
    ///
    /// - Throws: ``InputError`` for a count above its base; ``InvalidArgumentError`` for options
    ///   out of range, and (with the table's file, ``Parameter/reference``) a reference group the
    ///   table does not have.
    public static func run(_ table: CountsTable, options: DisproportionalityOptions) throws -> DisproportionalityReport {
        try InvalidArgumentError.checkConfidence(options.confidence)
        guard options.minimumCount >= 0 else { throw InvalidArgumentError("minimumCount", "must not be negative") }
        guard options.minimumBase >= 0 else { throw InvalidArgumentError("minimumBase", "must not be negative") }
        if let k = options.suppressBelow, k < 2 { throw InvalidArgumentError("suppressBelow", "must be at least 2, got \(k)") }
        if options.suppressBelow != nil, options.rounding != nil {
            throw InvalidArgumentError("rounding", "choose either suppression or rounding, not both")
        }
        let table = options.rounding.map { table.rounded($0, previousBase: options.base == .previous) } ?? table
        guard [.katz, .koopman].contains(options.rriInterval) else {
            throw InvalidArgumentError("rriInterval", "must be katz or koopman")
        }
        try table.checkBases(previous: options.base == .previous)
        let reference = try resolveReference(options.reference, in: table)
        let flat = table.collapsed()
        let known = flat.knownGroups
        let confidence = options.confidence
        var warnings: [String] = []
        func interval(_ t: TwoByTwoTable) throws -> RatioEstimate {
            try t.riskRatio(confidence: confidence, method: options.rriInterval, zeroCell: options.zeroCell)
        }

        var rows: [DisproportionalityRow] = []
        var unknownByStage: [Int?] = [], knownByStage: [Int?] = []
        for (index, stage) in flat.stages.enumerated() {
            let baseStage = options.base == .previous && index > 0 ? flat.stages[index - 1] : flat.populationStage
            let unit: Double = baseStage == flat.populationStage ? 1000 : 100
            func count(_ g: String) -> Int { flat.count(group: g, stage: stage) ?? 0 }
            func base(_ g: String) -> Int { flat.count(group: g, stage: baseStage) ?? 0 }
            let knownTotal = known.reduce(0) { $0 + count($1) }
            let knownBaseTotal = known.reduce(0) { $0 + base($1) }
            let unknown = flat.unknownLabel.map { flat.count(group: $0, stage: stage) ?? 0 }
            let unknownInBase = flat.unknownLabel.map { baseStage == flat.populationStage ? 0 : (flat.count(group: $0, stage: baseStage) ?? 0) } ?? 0
            unknownByStage.append(unknown)
            knownByStage.append(knownTotal)

            for group in known {
                var row = DisproportionalityRow(group: group, stage: stage, baseStage: baseStage, reference: reference.label,
                                                rateUnit: unit, rriMethod: options.rriInterval)
                let x = count(group), n = base(group)
                let (x0, n0): (Int, Int)
                switch reference {
                case .group(let r): (x0, n0) = (count(r), base(r))
                case .rest:
                    let others = known.filter { $0 != group }
                    (x0, n0) = (others.reduce(0) { $0 + count($1) }, others.reduce(0) { $0 + base($1) })
                }
                row.count = x; row.base = n
                row.referenceCount = x0; row.referenceBase = n0
                row.isReference = reference == .group(group)
                row.unknownCount = unknown
                row.small = x < options.minimumCount || n < options.minimumBase
                row.zeroBase = n == 0
                if n > 0 { row.rate = Double(x) / Double(n) * unit }
                if n0 > 0 { row.referenceRate = Double(x0) / Double(n0) * unit }
                if knownTotal > 0, knownBaseTotal > 0 {
                    let composition = try Composition(stageCount: x, stageTotal: knownTotal, baseCount: n, baseTotal: knownBaseTotal,
                                                      confidence: confidence, zeroCell: options.zeroCell)
                    row.composition = composition
                }
                if n == 0 {
                    warnings.append("\(group) has a base of 0 at \(stage) ('\(baseStage)'); no rate or comparison is given")
                }
                if row.isReference {
                    row.rri = TableRatio(ratio: 1, interval: RatioEstimate(
                        estimate: 1, lower: .nan, upper: .nan, confidence: confidence, method: options.rriInterval,
                        assumptions: ["the reference group itself: 1 by definition, no interval"]))
                    row.status = .ok
                    rows.append(row)
                    continue
                }
                guard n > 0, n0 > 0 else { rows.append(row); continue }
                let t = try TwoByTwoTable(groupEvents: x, groupBase: n, referenceEvents: x0, referenceBase: n0)
                let rri = try interval(t)
                row.rri = TableRatio(ratio: t.riskRatio, interval: rri)
                row.rriMethod = rri.method
                row.status = ValueStatus(of: t.riskRatio)
                row.significant = rri.excludesOne
                row.zeroCell = t.hasZeroCell
                let odds = try t.oddsRatio(confidence: confidence, zeroCell: options.zeroCell)
                row.oddsRatio = TableRatio(ratio: t.oddsRatio, interval: odds)
                let (exact, fisherP) = try t.exactConditionalInference(confidence: confidence)
                row.exactOddsRatio = exact
                row.pValue = fisherP
                row.excess = try Excess.compute(count: x, base: n, referenceCount: x0, referenceBase: n0, confidence: confidence)
                if options.base == .previous {
                    let p = base(group) == 0 ? 0 : (flat.population(group: group) ?? 0)
                    let p0: Int
                    switch reference {
                    case .group(let r): p0 = flat.population(group: r) ?? 0
                    case .rest: p0 = known.filter { $0 != group }.reduce(0) { $0 + (flat.population(group: $1) ?? 0) }
                    }
                    if p > 0, p0 > 0, x <= p, x0 <= p0 {
                        let cumulative = try interval(TwoByTwoTable(groupEvents: x, groupBase: p, referenceEvents: x0, referenceBase: p0))
                        row.cumulative = TableRatio(ratio: Double(x) / Double(p) / (Double(x0) / Double(p0)), interval: cumulative)
                    }
                }
                if let unknown {
                    row.unknownBounds = try UnknownEthnicityBounds(
                        count: x, base: n, referenceCount: x0, referenceBase: n0, unknown: unknown, unknownInBase: unknownInBase,
                        knownTotal: knownTotal, knownBaseTotal: knownBaseTotal, observedSignificant: row.significant,
                        interval: interval)
                }
                rows.append(row)
            }
        }

        if !table.strataColumns.isEmpty {
            try addMantelHaenszel(&rows, table: table, reference: reference, options: options)
        }

        let adjusted = HolmAdjustment.adjust(rows.map(\.pValue))
        for i in rows.indices { rows[i].pAdjusted = adjusted[i] }

        var disclosure: DisclosureModel? = nil
        var holmCount = adjusted.filter { !$0.isNaN }.count
        if let k = options.suppressBelow {
            let model = try suppress(&rows, table: flat, threshold: k, reference: reference, base: options.base,
                                     method: options.rriInterval)
            disclosure = model
            // The all-children total of a stage with a hidden cell is never printed (with the
            // known total it would give a hidden unknown count away); nor a hidden unknown count.
            for (index, stage) in flat.stages.enumerated() where model.hasHiddenCell(column: stage) {
                if let u = flat.unknownLabel, model.reason(row: u, column: stage) != nil { unknownByStage[index] = nil }
                knownByStage[index] = nil
            }
            // Holm over the published comparisons only: an adjusted p-value built with a hidden
            // comparison's p-value would let a reader work that p-value (and its count) back.
            let published = HolmAdjustment.adjust(rows.map { $0.status == .suppressed ? .nan : $0.pValue })
            for i in rows.indices { rows[i].pAdjusted = published[i] }
            holmCount = published.filter { !$0.isNaN }.count
            if !table.strataColumns.isEmpty { hideStratifiedFigures(&rows, table: table, threshold: k, reference: reference) }
        }

        var methods = [
            "rates per 1,000 of the population base, or per 100 of the previous stage's count",
            "RRI = group rate / reference rate; interval: \(options.rriInterval == .koopman ? "Koopman (1984) score" : "Katz (1978) log")",
            "odds ratio: Woolf (1955) logit interval and exact conditional interval (Cornfield 1956); p: Fisher's exact test, two-sided",
            "p_adjusted: Holm (1979) over " + (options.suppressBelow == nil || holmCount == adjusted.filter { !$0.isNaN }.count
                ? "all \(holmCount) comparisons"
                : "the \(holmCount) published comparisons (the \(adjusted.filter { !$0.isNaN }.count - holmCount) hidden by disclosure control are not counted: their p-values would give hidden counts away)"),
            options.zeroCell.statement + "; significant is judged on the interval printed",
            "composition: shares among children of known ethnicity, Wilson intervals, Newcombe (1998) hybrid score interval for the difference, Katz log interval for the ratio (zero cells as above)",
            "excess = count - reference rate x base, with base x Newcombe interval for the rate difference",
            "small: count below \(options.minimumCount) or base below \(options.minimumBase)",
        ]
        if options.base == .previous {
            methods.append("cumulative RRI = product of the stage RRIs = RRI of the stage's count over the population; interval from that population-based table")
        }
        if flat.unknownLabel != nil {
            methods.append("unknown ethnicity: RRI bounds with every unknown child in the group or in the reference; depends_on_unknown when the bounds straddle 1 or change significance. Proportional redistribution scales every group's count by the same factor, so it leaves each RRI unchanged and no redistributed RRI is given (rate_redistributed is the group's rate under it)")
        }
        if !table.strataColumns.isEmpty {
            methods.append("adjusted over \(table.strataColumns.joined(separator: " x ")): Mantel-Haenszel RR (Greenland-Robins interval) and OR (Robins-Breslow-Greenland interval); CMH test without continuity correction; Breslow-Day test with Tarone's correction over the informative strata (a stratum with no events, no non-events or an empty row is left out, df = informative strata - 1)")
            let sparse = rows.filter { ($0.stratified?.sparse ?? false) && !$0.isSuppressed }
            if !sparse.isEmpty {
                warnings.append("sparse strata (an expected cell count under 5) for \(DisproportionalityReport.grouped(sparse)): the CMH and Breslow-Day p-values rest on a chi-squared approximation that is doubtful there")
            }
        }
        if let disclosure {
            methods.append(disclosure.statement + ". Everything derived from a hidden count is hidden with it; a rate, RRI, odds ratio or excess made only from published counts and bases stays published. The stage total here is the total of the known-ethnicity groups (shares divide by it; with \(Parameter.reference.mention) rest every reference count gives it away); the unknown-ethnicity count is outside it, and the all-children total of a stage with a hidden cell is never printed. Unknown-ethnicity bounds are hidden where the unknown count or the stage total is. Warnings never print a hidden count: \(disclosure.smallCountPhrase)")
            warnings += disclosure.notes
        }
        if let rounding = options.rounding { methods.append(rounding.statement) }
        return DisproportionalityReport(rows: rows, stages: flat.stages, reference: reference.label, base: options.base,
                                        confidence: confidence, rriInterval: options.rriInterval, zeroCellRule: options.zeroCell,
                                        minimumCount: options.minimumCount, minimumBase: options.minimumBase, strata: table.strataColumns, unknownLabel: flat.unknownLabel,
                                        unknownByStage: flat.unknownLabel == nil ? [] : unknownByStage,
                                        knownByStage: knownByStage, suppressBelow: options.suppressBelow,
                                        disclosure: disclosure, rounding: options.rounding,
                                        methods: methods, warnings: warnings)
    }

    static func resolveReference(_ choice: ReferenceChoice?, in table: CountsTable) throws -> ReferenceChoice {
        let known = table.knownGroups
        switch choice {
        case .rest?:
            guard known.count >= 2 else { throw InvalidArgumentError(.reference, file: table.source, "'rest' needs at least two known groups") }
            return .rest
        case .group(let name)?:
            guard known.contains(name) else {
                throw InvalidArgumentError(.reference, file: table.source, "group '\(name)' is not in the table (groups: \(known.joined(separator: ", ")))")
            }
            return .group(name)
        case nil:
            guard known.contains("White") else {
                throw InvalidArgumentError(.reference, file: table.source, "no group 'White' to use as the default reference; name a group, or 'rest' for all other known groups combined (groups: \(known.joined(separator: ", ")))")
            }
            return .group("White")
        }
    }

    static func addMantelHaenszel(_ rows: inout [DisproportionalityRow], table: CountsTable, reference: ReferenceChoice,
                                  options: DisproportionalityOptions) throws {
        let known = table.knownGroups
        for i in rows.indices where !rows[i].isReference {
            let group = rows[i].group, stage = rows[i].stage, baseStage = rows[i].baseStage
            var tables: [TwoByTwoTable] = [], labels: [String] = []
            var emptyRows: [String] = []
            for stratum in table.strata {
                func value(_ g: String, _ s: String) -> Int { table.count(group: g, stage: s, stratum: stratum) ?? 0 }
                let x = value(group, stage), n = value(group, baseStage)
                let (x0, n0): (Int, Int)
                switch reference {
                case .group(let r): (x0, n0) = (value(r, stage), value(r, baseStage))
                case .rest:
                    let others = known.filter { $0 != group }
                    (x0, n0) = (others.reduce(0) { $0 + value($1, stage) }, others.reduce(0) { $0 + value($1, baseStage) })
                }
                let label = stratum.joined(separator: " ")
                if n > 0, n0 > 0 {
                    tables.append(try TwoByTwoTable(groupEvents: x, groupBase: n, referenceEvents: x0, referenceBase: n0))
                    labels.append(label)
                } else {
                    emptyRows.append(label)
                }
            }
            guard !tables.isEmpty else { continue }
            let mh = try MantelHaenszel(tables: tables, confidence: options.confidence)
            rows[i].stratified = StratifiedComparison(labels: labels, stratumRiskRatios: tables.map(\.riskRatio), pooled: mh,
                                                      uninformativeStrata: emptyRows + mh.uninformativeStrata.map { labels[$0] })
        }
    }

    /// Under suppression, hides a row's figures adjusted over strata when any stratum count they
    /// are built from (the group's or the reference's count or base at that stage, in any
    /// stratum) is from 1 to k − 1: stratum counts are not published, and a Mantel–Haenszel ratio
    /// or test set beside the published crude counts could give such a count back.
    static func hideStratifiedFigures(_ rows: inout [DisproportionalityRow], table: CountsTable, threshold k: Int,
                                      reference: ReferenceChoice) {
        let known = table.knownGroups
        func protected(_ v: Int?) -> Bool { v.map { $0 >= 1 && $0 < k } ?? false }
        for i in rows.indices where !rows[i].isReference {
            let row = rows[i]
            let groups: [String]
            switch reference {
            case .group(let r): groups = [row.group, r]
            case .rest: groups = known
            }
            let exposed = table.strata.contains { stratum in
                groups.contains { g in
                    protected(table.count(group: g, stage: row.stage, stratum: stratum))
                        || protected(table.count(group: g, stage: row.baseStage, stratum: stratum))
                }
            }
            if exposed { rows[i].hideStratifiedFigures() }
        }
    }

    /// Applies the ``DisclosureModel`` to the collapsed groups × stages matrix (unknown group
    /// included, but outside the stage totals), and hides in each row what the model says. Stage
    /// totals are the known-ethnicity totals (the shares' denominators); group totals are never
    /// published (stages are nested, so a group's row adds up to nothing).
    ///
    /// A figure is hidden only when it is built from a hidden count or a suppressed total: an RRI
    /// whose group and reference counts and bases are all published stays published (the reader
    /// could compute it from the two published rates).
    static func suppress(_ rows: inout [DisproportionalityRow], table: CountsTable, threshold: Int,
                         reference: ReferenceChoice, base: BaseMode, method: RatioIntervalMethod) throws -> DisclosureModel {
        let groups = table.groups, stages = table.stages
        let matrix = groups.map { g in stages.map { table.count(group: g, stage: $0) ?? 0 } }
        // What a reader knows of a cell: it cannot exceed its population or, when the stages
        // are nested (every count at most the previous stage's), any earlier stage's count, nor
        // fall below a later stage's count.
        let nested = groups.allSatisfy { g in zip(stages, stages.dropFirst()).allSatisfy {
            (table.count(group: g, stage: $1) ?? 0) <= (table.count(group: g, stage: $0) ?? 0) } }
        let bounds: [[Int?]] = groups.indices.map { r in
            stages.indices.map { c in
                let earlier = nested || base == .previous ? (c > 0 ? matrix[r][c - 1] : nil) : nil
                let population = table.population(group: groups[r])
                return [earlier, population].compactMap { $0 }.min()
            }
        }
        let floors: [[Int]] = groups.indices.map { r in
            stages.indices.map { c in nested ? matrix[r][(c + 1)...].max() ?? 0 : 0 }
        }
        let model = try DisclosureModel(counts: matrix, rows: groups, columns: stages, threshold: threshold,
                                        rowsInTotal: groups.map { $0 != table.unknownLabel }, upperBounds: bounds, lowerBounds: floors)
        func hidden(_ group: String, _ stage: String) -> DisclosureControl.Reason? { model.reason(row: group, column: stage) }
        func totalSuppressed(_ stage: String) -> Bool { stage != table.populationStage && !model.isTotalPublished(column: stage) }
        func unknownHidden(_ stage: String) -> Bool { table.unknownLabel.map { hidden($0, stage) != nil } ?? false }
        // A stage is compromised when the reference's count is hidden, or, with `rest`, when
        // its total is suppressed (each rest count is the total less the group's count).
        func compromised(_ stage: String) -> Bool {
            guard stage != table.populationStage else { return false }
            switch reference {
            case .group(let r): return hidden(r, stage) != nil
            case .rest: return totalSuppressed(stage)
            }
        }
        for i in rows.indices {
            let row = rows[i]
            if let reason = hidden(row.group, row.stage) {
                rows[i].hideDerived(reason: RowSuppression(reason), keepCount: false, keepBase: hidden(row.group, row.baseStage) == nil, requestedMethod: method)
            } else if row.baseStage != table.populationStage, hidden(row.group, row.baseStage) != nil {
                rows[i].hideDerived(reason: .derived, keepCount: true, keepBase: false, requestedMethod: method)
            } else if compromised(row.stage) || compromised(row.baseStage) {
                rows[i].hideDerived(reason: .derived, keepCount: true, keepBase: true, requestedMethod: method)
            }
            if !rows[i].isSuppressed {
                if totalSuppressed(row.stage) || totalSuppressed(row.baseStage) { rows[i].hideShares() }
                if unknownHidden(row.stage) || unknownHidden(row.baseStage) || totalSuppressed(row.stage) || totalSuppressed(row.baseStage) {
                    rows[i].hideUnknownBounds()
                }
            }
            if unknownHidden(row.stage) { rows[i].unknownCount = nil }
        }
        return model
    }
}
