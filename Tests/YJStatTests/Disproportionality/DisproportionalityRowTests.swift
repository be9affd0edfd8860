import Foundation
import Testing
@testable import YJStat

/// The typed disproportionality row: what each member holds, and that the wide table prints
/// exactly those values in their columns, over a matrix of zero-cell rules, bases, references,
/// interval methods, unknown ethnicity, strata and disclosure thresholds.
@Suite("Disproportionality row: typed values")
struct DisproportionalityRowTests {
    /// Zero cells at several stages, an empty group, and an unknown group.
    static let counts = """
    group,population,arrest,court,custody
    White,4000,40,10,0
    Black,300,9,0,0
    Asian,500,0,0,0
    Mixed,200,12,5,3
    Other,450,12,3,1
    Unknown,,15,3,1
    """

    /// Two strata; at 15-17 neither White nor Black children were arrested (a zero event margin).
    static let stratifiedCounts = """
    group,band,stage,count
    White,10-14,population,2000
    White,10-14,arrest,20
    White,15-17,population,2000
    White,15-17,arrest,0
    Black,10-14,population,150
    Black,10-14,arrest,4
    Black,15-17,population,150
    Black,15-17,arrest,0
    Mixed,10-14,population,100
    Mixed,10-14,arrest,2
    Mixed,15-17,population,100
    Mixed,15-17,arrest,9
    """

    static func analyse(_ text: String, strata: [String] = [], unknown: String? = "Unknown",
                        _ options: DisproportionalityOptions) throws -> DisproportionalityReport {
        let csv = try CSVReader.parse(text, source: "rows.csv")
        let table = try CountsTable(csv: csv, options: CountsTable.Options(strata: strata, unknownLabel: unknown))
        return try DisproportionalityAnalysis.run(table, options: options)
    }

    /// Every combination the matrix runs.
    static func matrix() -> [(String, DisproportionalityOptions)] {
        var out: [(String, DisproportionalityOptions)] = []
        for rule in ZeroCellRule.allCases {
            for base in [BaseMode.population, .previous] {
                for reference in [ReferenceChoice?.none, .rest] {
                    for method in [RatioIntervalMethod.katz, .koopman] {
                        for k in [Int?.none, 3, 5] {
                            let options = DisproportionalityOptions(reference: reference, base: base, rriInterval: method,
                                                                    zeroCell: rule, suppressBelow: k)
                            out.append(("\(rule) \(base) \(reference.map { "\($0)" } ?? "White") \(method) k=\(k.map(String.init) ?? "none")", options))
                        }
                    }
                }
            }
        }
        return out
    }

    /// The number a cell prints (NaN for `NA` and `suppressed`).
    static func number(_ cell: CellValue?) -> Double? {
        switch cell {
        case .number(let d)?, .measure(let d)?: return d
        case .integer(let i)?: return Double(i)
        case .suppressed?, .null?: return .nan
        default: return nil
        }
    }

    static func same(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return a == b || (a.isNaN && b.isNaN)
    }

    @Test func wideRowPrintsEachTypedValueInItsColumn() throws {
        var checked = 0
        for (label, options) in Self.matrix() {
            for (text, strata) in [(Self.counts, [String]()), (Self.stratifiedCounts, ["band"])] {
                let report = try Self.analyse(text, strata: strata, unknown: strata.isEmpty ? "Unknown" : nil, options)
                for (row, cells) in zip(report.rows, report.resultRows()) {
                    let at = "\(label) \(row.group) \(row.stage)"
                    func expect(_ column: String, _ value: Double?, _ line: Int = #line) {
                        #expect(Self.same(Self.number(cells[column]), value ?? .nan), "\(at): \(column) = \(String(describing: cells[column])), typed \(String(describing: value))")
                    }
                    expect("rri", row.rri?.ratio); expect("rri_lower", row.rri?.lower); expect("rri_upper", row.rri?.upper)
                    #expect(cells["rri_method"] == .text(row.rriMethod.rawValue), "\(at)")
                    expect("cumulative_rri", row.cumulative?.ratio)
                    expect("cumulative_lower", row.cumulative?.lower); expect("cumulative_upper", row.cumulative?.upper)
                    expect("odds_ratio", row.oddsRatio?.ratio); expect("or_lower", row.oddsRatio?.lower); expect("or_upper", row.oddsRatio?.upper)
                    #expect(cells["or_method"] == .text(row.oddsRatio?.method.rawValue ?? "none"), "\(at)")
                    expect("or_exact", row.exactOddsRatio?.estimate)
                    expect("or_exact_lower", row.exactOddsRatio?.lower); expect("or_exact_upper", row.exactOddsRatio?.upper)
                    expect("stage_share", row.composition?.stageShare.estimate); expect("base_share_upper", row.composition?.baseShare.upper)
                    expect("share_difference_points", row.composition?.differencePoints.estimate)
                    expect("share_ratio", row.composition?.rawRatio); expect("share_ratio_lower", row.composition?.ratio.lower)
                    expect("excess", row.excess?.estimate); expect("excess_lower", row.excess?.lower); expect("excess_upper", row.excess?.upper)
                    #expect(cells["suppressed"] == .text(row.suppressionText), "\(at)")
                    if options.zeroCell == .haldane {
                        expect("rri_corrected", row.rri?.corrected); expect("or_corrected", row.oddsRatio?.corrected)
                        expect("cumulative_rri_corrected", row.cumulative?.corrected)
                    }
                    if strata.isEmpty {
                        expect("unknown_count", row.unknownCount.map(Double.init))
                        expect("rate_unknown_upper", row.unknownBounds.map { $0.rateAllInGroup * row.rateUnit })
                        expect("rri_unknown_lower", row.unknownBounds?.lower); expect("rri_unknown_upper", row.unknownBounds?.upper)
                        #expect(cells["depends_on_unknown"] == .bool(row.unknownBounds?.dependsOnUnknown ?? false), "\(at)")
                    } else {
                        expect("mh_rr", row.stratified?.pooled?.riskRatio.estimate)
                        expect("mh_or_upper", row.stratified?.pooled?.oddsRatio.upper)
                        expect("breslow_day_p", row.stratified?.pooled?.breslowDayPValue)
                        #expect(cells["uninformative_strata"] == .text((row.stratified?.uninformativeStrata ?? []).joined(separator: "; ")), "\(at)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test func eachTypedValueIsConsistentWithItself() throws {
        for (label, options) in Self.matrix() {
            let report = try Self.analyse(Self.counts, options)
            for row in report.rows {
                let at = "\(label) \(row.group) \(row.stage)"
                if row.isSuppressed {
                    // A hidden row holds no measure at all.
                    #expect(row.rri == nil && row.oddsRatio == nil && row.exactOddsRatio == nil && row.composition == nil
                            && row.excess == nil && row.unknownBounds == nil && row.cumulative == nil && row.status == .suppressed, "\(at)")
                    #expect(row.pValue.isNaN && row.pAdjusted.isNaN, "\(at)")
                    // Nor which interval a zero cell switched to: that would say a hidden count is 0.
                    #expect(row.rriMethod == options.rriInterval && !row.zeroCell, "\(at): \(row.rriMethod)")
                    continue
                }
                if row.isReference {
                    let rri = try #require(row.rri, "\(at)")
                    #expect(rri.ratio == 1 && rri.corrected == 1 && rri.lower.isNaN && rri.upper.isNaN && rri.method == options.rriInterval, "\(at)")
                    #expect(row.oddsRatio == nil && row.excess == nil, "\(at)")
                    continue
                }
                guard let rri = row.rri else {
                    #expect(row.status == .notComputed && row.oddsRatio == nil && row.excess == nil, "\(at)")
                    continue
                }
                #expect(row.status == ValueStatus(of: rri.ratio), "\(at)")
                #expect(row.rriMethod == rri.method && rri.interval.confidence == options.confidence, "\(at)")
                #expect(row.significant == rri.interval.excludesOne, "\(at)")
                if rri.corrected.isFinite { #expect(rri.lower <= rri.corrected && rri.corrected <= rri.upper, "\(at): \(rri)") }
                if options.zeroCell != .haldane { #expect(rri.corrected == rri.ratio || (rri.corrected.isNaN && rri.ratio.isNaN), "\(at)") }
                // The exact conditional interval goes with the Fisher test: a p-value and an MLE, always.
                #expect(row.exactOddsRatio?.method == .exactConditional && !row.pValue.isNaN, "\(at)")
                if row.zeroCell, options.zeroCell == .exact {
                    #expect(rri.method == .koopman && row.oddsRatio?.method == .exactConditional, "\(at)")
                }
                // The cumulative RRI exists with a previous-stage base (over the population), never otherwise.
                #expect((row.cumulative != nil) == (options.base == .previous), "\(at)")
            }
        }
    }

    @Test func partlyHiddenFiguresAreNilAndNamedInTheSuppressedColumn() throws {
        let options = DisproportionalityOptions(reference: .rest, suppressBelow: 5)
        let report = try Self.analyse(Self.counts, options)
        let partly = report.rows.filter { !$0.isSuppressed && !$0.partlyHidden.isEmpty }
        #expect(!partly.isEmpty)
        for row in partly {
            if row.partlyHidden.contains(.shares) { #expect(row.composition == nil) }
            if row.partlyHidden.contains(.unknownBounds) { #expect(row.unknownBounds == nil && !row.dependsOnUnknown) }
            #expect(row.suppressionText == "derived: " + row.partlyHidden.map(\.rawValue).joined(separator: ", "))
        }
        let wide = report.resultRows()
        for (row, cells) in zip(report.rows, wide) where row.partlyHidden.contains(.shares) {
            #expect(cells["stage_share"] == .suppressed && cells["share_ratio_method"] == .text("suppressed"))
        }
    }

    @Test func hidingStratifiedFiguresKeepsOnlyTheUninformativeStrata() throws {
        let report = try Self.analyse(Self.stratifiedCounts, strata: ["band"], unknown: nil, DisproportionalityOptions())
        let black = try #require(report.rows.first { $0.group == "Black" && $0.stage == "arrest" })
        let stratified = try #require(black.stratified)
        #expect(stratified.labels == ["10-14", "15-17"] && stratified.pooled != nil)
        #expect(stratified.uninformativeStrata == ["15-17"], "no child of either group arrested at 15-17: \(stratified.uninformativeStrata)")
        var hidden = black
        hidden.hideStratifiedFigures()
        #expect(hidden.stratified == StratifiedComparison(labels: [], stratumRiskRatios: [], pooled: nil, uninformativeStrata: stratified.uninformativeStrata))
        #expect(hidden.partlyHidden == [.adjustedFigures] && hidden.suppressionText == "derived: adjusted figures")
        #expect(!hidden.stratified!.sparse)
    }

    @Test func rowSuppressionFollowsTheDisclosurePlan() {
        #expect(RowSuppression(DisclosureControl.Reason.primary) == .primary)
        #expect(RowSuppression(DisclosureControl.Reason.secondary) == .secondary)
        #expect(RowSuppression.allCases.map(\.rawValue) == ["primary", "secondary", "derived"])
        #expect(HiddenFigures.allCases.map(\.rawValue) == ["shares", "unknown bounds", "adjusted figures"])
    }

    /// Regression: with White custody 0 and Black custody 2 hidden (K = 5), the hidden row said
    /// `koopman`, the interval a zero cell switches Katz to.
    @Test func hiddenRowSaysTheMethodAskedFor_zeroCellsBlackCustodyHidden() throws {
        let text = "group,population,arrest,custody\nWhite,4000,40,0\nBlack,300,9,2\n"
        let report = try Self.analyse(text, unknown: nil, DisproportionalityOptions(suppressBelow: 5))
        let black = try #require(report.rows.first { $0.group == "Black" && $0.stage == "custody" })
        #expect(black.suppression == .primary && black.rriMethod == .katz)
        let wide = try #require(report.resultRows().first { $0["group"] == .text("Black") && $0["stage"] == .text("custody") })
        #expect(wide["rri_method"] == .text("katz"))
        #expect(!report.textSummary().contains("Koopman interval"))
        let open = try Self.analyse(text, unknown: nil, DisproportionalityOptions())
        #expect(open.rows.first { $0.group == "Black" && $0.stage == "custody" }?.rriMethod == .koopman, "published, the switch is said")
    }
}
