import Foundation

/// A disproportionality report a management board can read: the sections of a board paper, in
/// board order, built from one counts table (and optionally national figures).
///
/// From a counts table in the long or wide form `disproportionality --counts` reads (an optional
/// year column splits it into years), the pack runs ``DisproportionalityAnalysis`` twice — every
/// stage over the 10–17 population (rates per 1,000) and each stage over an earlier stage
/// (the stage-relative cascade, rates per 100) — with the same options, disclosure control
/// included, so that the pack hides exactly what the analysis hides. With a year column the
/// sections describe the latest year, and the trend section sets each year side by side.
///
/// Sections: ``headline``; representation and RRI (``report``, ``cascade``); zero-reference rate
/// differences (``zeroReference``); local vs national (``national``); ``trend``; unknown
/// ethnicity (in ``report``'s rows); ``methods`` and ``caveats``. Renderers: `html()` and
/// `markdown()`.
public struct BoardPack: Sendable, Equatable {
    /// The counts file's name.
    public var source: String
    /// The national file's name, if given.
    public var nationalSource: String?
    /// Words for stage and group names.
    public var labels: BoardLabels
    /// The year the main sections describe (the latest), nil without a year column.
    public var year: String?
    /// The population-based analysis (the latest year's, with a year column).
    public var report: DisproportionalityReport
    /// The stage-relative cascade, one entry per stage.
    public var cascade: [BoardCascadeStage]
    /// Rate differences where the reference group has no child at a stage.
    public var zeroReference: [BoardRateDifference]
    /// Local against national, per group and stage; nil without national figures.
    public var national: [BoardNationalComparison]?
    /// The trend; nil without at least two years.
    public var trend: BoardTrend?
    /// The headline findings, in order.
    public var headline: [BoardFinding]
    /// Plain caveats (inputs that limit what the pack can say).
    public var caveats: [String]
    /// Every method with its reference.
    public var methods: [String]
    /// Warnings from the analyses.
    public var warnings: [String]
    /// Totals rows of the counts table checked against the groups.
    public var totalsChecks: [CountsTable.TotalsCheck]

    /// The reference's words: "White children", or "children of all other groups combined".
    public var referenceChildren: String {
        report.reference == "rest" ? "children of all other groups combined" : "\(labels.label(report.reference)) children"
    }

    /// Builds the pack.
    ///
    /// - Parameters:
    ///   - csv: The counts table (long or wide form, optional year column).
    ///   - countsOptions: How to read it (population stage, stage order, unknown label); its
    ///     strata are replaced by the year column when there is one.
    ///   - national: National counts in the same form (optional); a year column there picks the
    ///     same year as the local table, or its latest.
    ///   - options: Analysis options, labels and the year column's name.
    /// - Throws: ``InputError`` for a table `CountsTable` or `DisproportionalityAnalysis` refuses
    ///   (file:line:column), or a national table that cannot be read; ``InvalidArgumentError`` for
    ///   options out of range.
    public static func build(counts csv: CSVTable, countsOptions: CountsTable.Options, national: CSVTable? = nil,
                             options: BoardPackOptions) throws -> BoardPack {
        var caveats: [String] = []
        let (table, years) = try readByYear(csv, options: countsOptions, yearColumn: options.yearColumn)
        let main = years.last.map { table.stratum([$0]) } ?? table
        if years.count == 1 {
            caveats.append("The counts table has a year column with one year only (\(years[0])): no trend over years can be shown; add the earlier years' rows to see it.")
        }
        var populationOptions = options.analysis
        populationOptions.base = .population
        let report = try DisproportionalityAnalysis.run(main, options: populationOptions)
        var warnings = report.warnings
        let labels = options.labels

        // Cells the population-based analysis hides: the cascade hides them too.
        let hidden = Set(report.rows.filter { $0.count == nil }.map { CountsTable.Key(group: $0.group, stage: $0.stage) })
        let cascade = try buildCascade(main, report: report, options: populationOptions, hidden: hidden,
                                       warnings: &warnings, caveats: &caveats, labels: labels)

        var zeroReference: [BoardRateDifference] = []
        for row in report.rows where !row.isReference && !row.isSuppressed && row.referenceCount == 0 {
            guard let x = row.count, x > 0, let n = row.base, n > 0, let n0 = row.referenceBase, n0 > 0 else { continue }
            let d = try IntervalEstimate.newcombe(x, n, 0, n0, confidence: report.confidence)
            zeroReference.append(BoardRateDifference(
                group: row.group, stage: row.stage, count: x, base: n, referenceBase: n0,
                perThousand: IntervalEstimate(estimate: d.estimate * 1000, lower: d.lower * 1000, upper: d.upper * 1000,
                                              confidence: d.confidence, method: d.method)))
        }

        var nationalRows: [BoardNationalComparison]?
        if let national {
            nationalRows = try compareNational(national, report: report, countsOptions: countsOptions, year: years.last,
                                               yearColumn: options.yearColumn, caveats: &caveats, labels: labels)
        }

        var trend: BoardTrend?
        if years.count >= 2 {
            trend = try buildTrend(table, years: years, options: populationOptions, warnings: &warnings)
        }

        var methods = report.methods
        methods.append("stage-relative cascade: each stage's rate per 100 children at the nearest earlier stage that contains it for every group (US OJJDP relative rate index method, Office of Juvenile Justice and Delinquency Prevention 2009); a stage no earlier stage contains is rated over the population")
        methods.append("representation: share of the stage against share of the 10–17 population among children of known ethnicity, Wilson (1927) intervals; shares are printed to 1 decimal place, so a printed 17.4% stands for 17.35% to 17.45%")
        methods.append("zero reference count: no rate ratio is estimated (it would divide by a rate of 0); the difference in rates per 1,000 is given with Newcombe's (1998, method 10) hybrid score interval")
        if nationalRows != nil {
            methods.append("local against national: ratio of the two RRIs, ln R ± z √(1/a + 1/c + 1/a' + 1/c') with Poisson counts (Altman & Bland 2003, BMJ 326:219), z-test p; not computed where a count is zero or hidden; the local and national RRIs are taken as independent")
        }
        if trend != nil {
            methods.append("trend: each year's rate per 1,000 with the exact Poisson (Garwood 1936) interval and its RRI as above; the latest year's RRI against the earlier years pooled (counts and populations summed; with disclosure control a pooled figure is hidden when any year's cell in it is hidden, as the published years would otherwise reveal it) by the z-test on the difference of log RRIs (Altman & Bland 2003), Poisson counts, two-sided at the \(NumberFormatting.fixed((1 - report.confidence) * 100, 0))% level")
        }
        for check in table.totalsChecks where !check.addsUp { caveats.append("Totals row: \(report.totalsSentence(check)).") }
        var pack = BoardPack(source: csv.source, nationalSource: national?.source, labels: labels, year: years.last, report: report,
                             cascade: cascade, zeroReference: zeroReference, national: nationalRows, trend: trend, headline: [],
                             caveats: caveats, methods: methods, warnings: unique(warnings),
                             totalsChecks: table.totalsChecks)
        pack.headline = pack.headlineFindings(top: options.top)
        return pack
    }

    /// The strings in order of first appearance, each once.
    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// Reads the counts table, with the year column (when present) as its one stratum; returns
    /// the years in order (numeric when every year is a number), the latest last.
    static func readByYear(_ csv: CSVTable, options: CountsTable.Options, yearColumn: String) throws -> (CountsTable, [String]) {
        guard let index = csv.columnIndex(yearColumn) else { return (try CountsTable(csv: csv, options: options), []) }
        var withYear = options
        withYear.strata = [csv.header[index]]
        let table = try CountsTable(csv: csv, options: withYear)
        let years = table.strata.map { $0[0] }
        let sorted = years.allSatisfy({ Int($0) != nil }) ? years.sorted { Int($0)! < Int($1)! } : years.sorted()
        return (table, sorted)
    }

    /// The stage-relative rows: for each stage, the nearest earlier stage that contains it for
    /// every group (the unknown group included).
    static func buildCascade(_ table: CountsTable, report: DisproportionalityReport, options: DisproportionalityOptions,
                             hidden: Set<CountsTable.Key>, warnings: inout [String], caveats: inout [String],
                             labels: BoardLabels) throws -> [BoardCascadeStage] {
        var cascade: [BoardCascadeStage] = []
        var unnested: [String] = []
        for (index, stage) in table.stages.enumerated() {
            let parent = table.stages[..<index].reversed().first { earlier in
                table.groups.allSatisfy { (table.count(group: $0, stage: stage) ?? 0) <= (table.count(group: $0, stage: earlier) ?? 0) }
            }
            guard let parent else {
                if index > 0 { unnested.append(labels.label(stage)) }
                cascade.append(BoardCascadeStage(stage: stage, baseStage: table.populationStage,
                                                 rows: report.rows.filter { $0.stage == stage }))
                continue
            }
            var previous = options
            previous.base = .previous
            let pair = try DisproportionalityAnalysis.run(table.keepingStages([parent, stage]), options: previous)
            warnings += pair.warnings
            var rows = pair.rows.filter { $0.stage == stage }
            if options.suppressBelow != nil {
                // The population analysis's hidden cells stay hidden here, whatever the pair's
                // own disclosure model hid (a row it only marked derived still shows its count
                // and base, which may be cells hidden above).
                for i in rows.indices {
                    let g = rows[i].group
                    let others: [String] = report.reference == "rest" ? table.knownGroups : [report.reference]
                    let ownHidden = hidden.contains(.init(group: g, stage: stage))
                    let baseHidden = hidden.contains(.init(group: g, stage: parent))
                    let referenceHidden = others.contains { hidden.contains(.init(group: $0, stage: stage)) || hidden.contains(.init(group: $0, stage: parent)) }
                    guard ownHidden || baseHidden || referenceHidden else { continue }
                    let reason = ownHidden ? (report.disclosure?.reason(row: g, column: stage)).map(RowSuppression.init) ?? .primary
                        : rows[i].suppression ?? .derived
                    rows[i].hideDerived(reason: reason, keepCount: !ownHidden, keepBase: !baseHidden, requestedMethod: report.rriInterval)
                }
            }
            cascade.append(BoardCascadeStage(stage: stage, baseStage: parent, rows: rows))
        }
        if !unnested.isEmpty {
            caveats.append("Stage-relative rates: \(unnested.joined(separator: ", ")) \(unnested.count == 1 ? "is" : "are") not contained in any earlier stage for every group (some group has more children there), so \(unnested.count == 1 ? "it is" : "they are") rated over the population in the cascade too.")
        }
        return cascade
    }

    /// Local RRIs (population base) against the national ones.
    static func compareNational(_ csv: CSVTable, report: DisproportionalityReport, countsOptions: CountsTable.Options,
                                year: String?, yearColumn: String, caveats: inout [String],
                                labels: BoardLabels) throws -> [BoardNationalComparison] {
        var nationalOptions = CountsTable.Options(populationStage: countsOptions.populationStage, unknownLabel: countsOptions.unknownLabel)
        let read: (CountsTable, [String])
        do {
            read = try readByYear(csv, options: nationalOptions, yearColumn: yearColumn)
        } catch let error as InvalidArgumentError where error.parameter == .unknownLabel {
            nationalOptions.unknownLabel = nil
            read = try readByYear(csv, options: nationalOptions, yearColumn: yearColumn)
        }
        var nationalTable = read.0
        if let last = read.1.last {
            let chosen = year.flatMap { read.1.contains($0) ? $0 : nil } ?? last
            if let year, chosen != year {
                caveats.append("National figures have no year \(year): the local \(year) figures are set against the national \(chosen) figures.")
            }
            nationalTable = nationalTable.stratum([chosen])
        }
        let missingStages = report.stages.filter { !nationalTable.stages.contains($0) }
        if !missingStages.isEmpty {
            caveats.append("The national figures (\(csv.source)) have no \(missingStages.map(labels.label).joined(separator: ", ")) stage: the local RRI there is not compared with a national one.")
        }
        let nationalGroups = Set(nationalTable.knownGroups)
        let missingGroups = report.rows.map(\.group).filter { !nationalGroups.contains($0) }
        if !missingGroups.isEmpty {
            caveats.append("The national figures have no group \(unique(missingGroups).map { "'\($0)'" }.joined(separator: ", ")): not compared.")
        }
        var out: [BoardNationalComparison] = []
        for row in report.rows where !row.isReference {
            var item = BoardNationalComparison(group: row.group, stage: row.stage, local: row, comparison: nil, reason: nil)
            defer { out.append(item) }
            guard nationalTable.stages.contains(row.stage) else { item.reason = "no national figures for this stage"; continue }
            guard nationalGroups.contains(row.group) else { item.reason = "no national figures for this group"; continue }
            guard !row.isSuppressed, let a = row.count, let n = row.base, let c = row.referenceCount, let nc = row.referenceBase else {
                item.reason = "hidden (disclosure control)"; continue
            }
            func count(_ g: String, _ stage: String) -> Int { nationalTable.count(group: g, stage: stage) ?? 0 }
            let others: [String]
            if report.reference == "rest" {
                others = nationalTable.knownGroups.filter { $0 != row.group }
            } else {
                guard nationalGroups.contains(report.reference) else { item.reason = "no national figures for the reference group"; continue }
                others = [report.reference]
            }
            let na = count(row.group, nationalTable.populationStage), nn = others.reduce(0) { $0 + count($1, nationalTable.populationStage) }
            let aa = count(row.group, row.stage), cc = others.reduce(0) { $0 + count($1, row.stage) }
            guard n > 0, nc > 0, na > 0, nn > 0 else { item.reason = "a population of zero"; continue }
            guard a > 0, c > 0, aa > 0, cc > 0 else {
                item.reason = "a count of zero (locally or nationally): the RRIs cannot be compared on the log scale"; continue
            }
            item.comparison = try RelativeRateIndexComparison(
                service: .init(groupEvents: a, groupBase: Double(n), referenceEvents: c, referenceBase: Double(nc)),
                national: .init(groupEvents: aa, groupBase: Double(na), referenceEvents: cc, referenceBase: Double(nn)),
                model: .poisson, confidence: report.confidence)
        }
        return out
    }

    /// Each year's population-based analysis, and the latest year against the earlier ones pooled.
    static func buildTrend(_ table: CountsTable, years: [String], options: DisproportionalityOptions,
                           warnings: inout [String]) throws -> BoardTrend {
        var points: [BoardTrendPoint] = []
        var latest: DisproportionalityReport?
        // Cells hidden in any earlier year: the pooled figure containing one is hidden too, or
        // subtracting the published years from it would reveal the hidden count.
        var hiddenEarlier = Set<CountsTable.Key>()
        for (index, year) in years.enumerated() {
            let report = try DisproportionalityAnalysis.run(table.stratum([year]), options: options)
            warnings += report.warnings.map { "\(year): \($0)" }
            if index < years.count - 1 {
                for row in report.rows where row.count == nil { hiddenEarlier.insert(.init(group: row.group, stage: row.stage)) }
                for (i, stage) in report.stages.enumerated() where i < report.unknownByStage.count && report.unknownByStage[i] == nil {
                    if let unknown = table.unknownLabel { hiddenEarlier.insert(.init(group: unknown, stage: stage)) }
                }
            }
            for row in report.rows {
                var rate: PoissonRateInterval?
                if !row.isSuppressed, let x = row.count, let n = row.base, n > 0 {
                    rate = try PoissonRateInterval.exact(count: x, population: Double(n), per: 1000, confidence: options.confidence)
                }
                points.append(BoardTrendPoint(year: year, row: row, rate: rate))
            }
            latest = report
        }
        let earlierYears = Array(years.dropLast())
        var earlier = try DisproportionalityAnalysis.run(table.pooling(strata: earlierYears.map { [$0] }), options: options)
        if options.suppressBelow != nil, !hiddenEarlier.isEmpty {
            let others: [String] = earlier.reference == "rest" ? table.knownGroups + [table.unknownLabel].compactMap { $0 } : [earlier.reference]
            for i in earlier.rows.indices where !earlier.rows[i].isSuppressed {
                let row = earlier.rows[i]
                let own = hiddenEarlier.contains(.init(group: row.group, stage: row.stage))
                let referenceHidden = others.contains { hiddenEarlier.contains(.init(group: $0, stage: row.stage)) }
                if own || referenceHidden {
                    earlier.rows[i].hideDerived(reason: own ? .secondary : .derived, keepCount: !own, keepBase: true,
                                                requestedMethod: earlier.rriInterval)
                }
            }
        }
        var tests: [BoardTrendTest] = []
        for row in latest?.rows ?? [] where !row.isReference {
            guard let before = earlier.rows.first(where: { $0.group == row.group && $0.stage == row.stage }) else { continue }
            var test = BoardTrendTest(group: row.group, stage: row.stage, latest: row, earlier: before, comparison: nil, reason: nil)
            defer { tests.append(test) }
            guard !row.isSuppressed, !before.isSuppressed, let a1 = row.count, let n1 = row.base, let c1 = row.referenceCount,
                  let m1 = row.referenceBase, let a0 = before.count, let n0 = before.base, let c0 = before.referenceCount,
                  let m0 = before.referenceBase else { test.reason = "hidden (disclosure control)"; continue }
            guard n1 > 0, m1 > 0, n0 > 0, m0 > 0 else { test.reason = "a population of zero"; continue }
            guard a1 > 0, c1 > 0, a0 > 0, c0 > 0 else { test.reason = "a count of zero: the RRIs cannot be compared on the log scale"; continue }
            test.comparison = try RelativeRateIndexComparison(
                service: .init(groupEvents: a1, groupBase: Double(n1), referenceEvents: c1, referenceBase: Double(m1)),
                national: .init(groupEvents: a0, groupBase: Double(n0), referenceEvents: c0, referenceBase: Double(m0)),
                model: .poisson, confidence: options.confidence)
        }
        let span = earlierYears.count == 1 ? earlierYears[0] : "\(earlierYears[0])–\(earlierYears[earlierYears.count - 1])"
        return BoardTrend(years: years, points: points, tests: tests, earlierYears: span)
    }
}
