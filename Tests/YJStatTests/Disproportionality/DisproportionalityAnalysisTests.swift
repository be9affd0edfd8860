import Foundation
import Testing
@testable import YJStat

/// The whole analysis of `Datasets/examples` against the end-to-end oracle in the fixture
/// (statsmodels, scipy; see `example_analysis` in `Scripts/oracles/disproportionality.py`).
/// Tolerances as for the 2×2 measures: closed forms relative 1e-12; Fisher p and its Holm
/// adjustment 1e-11 (sums of many hypergeometric terms, p down to 1e-18); exact conditional odds
/// ratio 1e-8 (scipy's brentq); Mantel–Haenszel closed forms 1e-12 and p-values 1e-9.
@Suite("Disproportionality analysis of the example tables")
struct DisproportionalityAnalysisTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Datasets/examples")

    static func load(_ name: String, _ options: CountsTable.Options) throws -> CountsTable {
        try CountsTable(csv: CSVReader.read(contentsOf: examples.appendingPathComponent(name)), options: options)
    }

    func check(_ row: DisproportionalityRow, _ e: DisproportionalityFixture.ExampleRow) {
        let label = "\(e.group) at \(e.stage)"
        #expect(row.count == e.count && row.base == e.base, "\(label) counts")
        let pairs: [(Double, Double, Double, String)] = [
            (row.rate, e.rate.value, 1e-12, "rate"), (row.referenceRate, e.referenceRate.value, 1e-12, "reference rate"),
            (row.relativeRateIndex, e.rri.value, 1e-12, "rri"), (row.rriLower, e.rriKatz[0].value, 1e-12, "rri lower"),
            (row.rriUpper, e.rriKatz[1].value, 1e-12, "rri upper"),
            (row.orLower, e.orWoolf[0].value, 1e-12, "woolf lower"), (row.orUpper, e.orWoolf[1].value, 1e-12, "woolf upper"),
            (row.orExact, e.orExact[0].value, 1e-8, "exact OR"), (row.orExactLower, e.orExact[1].value, 1e-8, "exact lower"),
            (row.orExactUpper, e.orExact[2].value, 1e-8, "exact upper"),
            (row.pValue, e.pValue.value, 1e-11, "p"), (row.pAdjusted, e.pAdjusted.value, 1e-11, "p adjusted"),
            (row.excessEstimate, e.excess[0].value, 1e-12, "excess"), (row.excessLower, e.excess[1].value, 1e-12, "excess lower"),
            (row.excessUpper, e.excess[2].value, 1e-12, "excess upper"),
            (row.stageShare, e.stageShare[0].value, 1e-12, "stage share"), (row.stageShareLower, e.stageShare[1].value, 1e-12, "stage share lower"),
            (row.stageShareUpper, e.stageShare[2].value, 1e-12, "stage share upper"),
            (row.baseShare, e.baseShare[0].value, 1e-12, "base share"), (row.baseShareLower, e.baseShare[1].value, 1e-12, "base share lower"),
            (row.shareDifference, e.shareDifference[0].value, 1e-12, "share difference"),
            (row.shareDifferenceLower, e.shareDifference[1].value, 1e-12, "share difference lower"),
            (row.shareDifferenceUpper, e.shareDifference[2].value, 1e-12, "share difference upper"),
            (row.shareRatioCorrected, e.shareRatio[0].value, 1e-12, "share ratio"), (row.shareRatioLower, e.shareRatio[1].value, 1e-12, "share ratio lower"),
            (row.shareRatioUpper, e.shareRatio[2].value, 1e-12, "share ratio upper"),
        ]
        for (actual, expected, tolerance, name) in pairs {
            #expect(agrees(actual, expected, relative: tolerance, absolute: 1e-13), "\(label) \(name): \(actual) vs \(expected)")
        }
        if !e.oddsRatio.value.isNaN { #expect(agrees(row.sampleOddsRatio, e.oddsRatio.value, relative: 1e-12), "\(label) OR") }
        if let c = e.cumulative {
            #expect(agrees(row.cumulativeRRI, c[0].value, relative: 1e-12), "\(label) cumulative")
            #expect(agrees(row.cumulativeLower, c[1].value, relative: 1e-12), "\(label) cumulative lower")
            #expect(agrees(row.cumulativeUpper, c[2].value, relative: 1e-12), "\(label) cumulative upper")
        }
    }

    @Test func populationBaseMatchesOracle() throws {
        let fixture = try #require(DisproportionalityFixture.shared)
        let table = try Self.load("counts.csv", .init(unknownLabel: "Unknown"))
        // The end-to-end oracle corrects zero cells with Haldane's 0.5 (where Katz needs it: every
        // zero in the example is an a), so the rule is named; the default policy is tested in
        // ZeroCellPolicyTests.
        let report = try DisproportionalityAnalysis.run(table, options: .init(zeroCell: .haldane))
        #expect(report.rows.count == 30)
        #expect(report.rows.filter(\.isReference).allSatisfy { $0.group == "White" && $0.relativeRateIndex == 1 })
        let compared = report.rows.filter { !$0.isReference }
        #expect(compared.count == fixture.example.populationBase.count)
        for (row, expected) in zip(compared, fixture.example.populationBase) { check(row, expected) }
    }

    @Test func previousBaseAndCumulativeMatchOracle() throws {
        let fixture = try #require(DisproportionalityFixture.shared)
        let table = try Self.load("counts.csv", .init(stages: ["arrest", "court", "custody"], unknownLabel: "Unknown"))
        let report = try DisproportionalityAnalysis.run(table, options: .init(base: .previous, zeroCell: .haldane))
        let compared = report.rows.filter { !$0.isReference }
        #expect(compared.count == fixture.example.previousBase.count)
        for (row, expected) in zip(compared, fixture.example.previousBase) { check(row, expected) }
        // The cumulative RRI is the product of the stage RRIs.
        for group in ["Black", "Mixed", "Asian"] {
            let product = compared.filter { $0.group == group }.reduce(1.0) { $0 * $1.relativeRateIndex }
            let last = try #require(compared.last { $0.group == group })
            #expect(agrees(last.cumulativeRRI, product, relative: 1e-12))
        }
    }

    @Test func stratifiedTableGivesMantelHaenszelAndCollapsesToTheWideTable() throws {
        let fixture = try #require(DisproportionalityFixture.shared)
        let stratified = try Self.load("counts_by_sex_age.csv", .init(strata: ["sex", "age_band"], unknownLabel: "Unknown"))
        let wide = try Self.load("counts.csv", .init(unknownLabel: "Unknown"))
        #expect(stratified.strata.count == 4)
        let report = try DisproportionalityAnalysis.run(stratified, options: .init())
        let plain = try DisproportionalityAnalysis.run(wide, options: .init())
        #expect(report.rows.map(\.relativeRateIndex) == plain.rows.map(\.relativeRateIndex))
        let compared = report.rows.filter { !$0.isReference }
        for (row, e) in zip(compared, fixture.example.mantelHaenszel) {
            #expect(row.group == e.group && row.stage == e.stage)
            #expect(agrees(row.mhOddsRatio, e.mhOR[0].value, relative: 1e-12), "\(e.group) \(e.stage) MH OR")
            #expect(agrees(row.mhOddsRatioLower, e.mhOR[1].value, relative: 1e-12), "\(e.group) \(e.stage) MH OR lower")
            #expect(agrees(row.mhOddsRatioUpper, e.mhOR[2].value, relative: 1e-12), "\(e.group) \(e.stage) MH OR upper")
            #expect(agrees(row.mhRiskRatio, e.mhRR.value, relative: 1e-12), "\(e.group) \(e.stage) MH RR")
            #expect(agrees(row.cmhPValue, e.cmhP.value, relative: 1e-9), "\(e.group) \(e.stage) CMH p")
        }
        // Breslow–Day over the informative strata only (issue 12): zero_cells.json.
        let breslowDay = try #require(ZeroCellFixture.shared?.exampleBreslowDay)
        #expect(breslowDay.count == compared.count)
        for (row, e) in zip(compared, breslowDay) {
            #expect(row.group == e.group && row.stage == e.stage)
            #expect(agrees(row.breslowDayPValue, e.breslowDayP.value, relative: 1e-7), "\(e.group) \(e.stage) BD p \(row.breslowDayPValue) vs \(e.breslowDayP.value)")
            if e.df > 0, e.breslowDayP.value.isFinite { #expect(row.breslowDayDegreesOfFreedom == e.df, "\(e.group) \(e.stage) df") }
        }
    }

    @Test func restReferencePoolsTheOtherKnownGroups() throws {
        let table = try Self.load("counts.csv", .init(unknownLabel: "Unknown"))
        let report = try DisproportionalityAnalysis.run(table, options: .init(reference: .rest))
        let black = try #require(report.rows.first { $0.group == "Black" && $0.stage == "arrest" })
        #expect(black.referenceCount == 420 + 55 + 64 + 9 + 14)
        #expect(black.referenceBase == 17800 + 2600 + 1500 + 150 + 700)
        #expect(!report.rows.contains { $0.isReference })
    }

    @Test func unknownBoundsBracketTheObservedRRI() throws {
        let table = try Self.load("counts.csv", .init(unknownLabel: "Unknown"))
        let report = try DisproportionalityAnalysis.run(table, options: .init())
        for row in report.rows where !row.isReference && row.relativeRateIndex.isFinite {
            #expect(row.rriUnknownLower <= row.relativeRateIndex + 1e-12 && row.relativeRateIndex <= row.rriUnknownUpper + 1e-12, "\(row.group) \(row.stage)")
        }
        // Proportional redistribution scales every group's count (and base) by the same factor, so
        // it cannot move an RRI, on either base: the column is dropped (issue 12, item 7).
        #expect(!(report.resultRows().first?.names.contains("rri_redistributed") ?? true))
        let previous = try DisproportionalityAnalysis.run(
            Self.load("counts.csv", .init(stages: ["arrest", "court", "custody"], unknownLabel: "Unknown")), options: .init(base: .previous))
        for row in previous.rows where !row.isReference && row.relativeRateIndex.isFinite && row.relativeRateIndex > 0 {
            let bounds = try UnknownEthnicityBounds(
                count: row.count ?? 0, base: row.base ?? 0, referenceCount: row.referenceCount ?? 0, referenceBase: row.referenceBase ?? 0,
                unknown: row.unknownCount ?? 0, unknownInBase: 7, knownTotal: 500, knownBaseTotal: 900, observedSignificant: row.significant,
                interval: { try $0.riskRatioKatz(confidence: 0.95) })
            #expect(agrees(bounds.redistributed, row.relativeRateIndex, relative: 1e-12), "rri_redistributed equals rri: \(row.group) \(row.stage)")
        }
        let asian = try #require(report.rows.first { $0.group == "Asian" && $0.stage == "arrest" })
        #expect(asian.dependsOnUnknown)  // 0.90 observed; 1.40 if all 31 unknown children were Asian.
        #expect(agrees(asian.rateUnknownUpper, 86.0 / 2600 * 1000, relative: 1e-14))
        #expect(agrees(asian.rriUnknownUpper, (86.0 / 2600) / (420.0 / 17800), relative: 1e-14))
        #expect(agrees(asian.rriUnknownLower, (55.0 / 2600) / (451.0 / 17800), relative: 1e-14))
        #expect(agrees(asian.rateRedistributed, 55.0 * (1 + 31.0 / 680) / 2600 * 1000, relative: 1e-14))
        let black = try #require(report.rows.first { $0.group == "Black" && $0.stage == "arrest" })
        #expect(!black.dependsOnUnknown)
    }

    @Test func zeroPopulationIsReportedNotDividedBy() throws {
        let csv = try CSVReader.parse("group,population,arrest\nWhite,1000,20\nBlack,0,0\nAsian,300,4\n", source: "z.csv")
        let report = try DisproportionalityAnalysis.run(CountsTable(csv: csv), options: .init())
        let black = try #require(report.rows.first { $0.group == "Black" })
        #expect(black.zeroBase && black.rate.isNaN && black.relativeRateIndex.isNaN && !black.significant)
        #expect(report.warnings.contains { $0.contains("Black has a base of 0") })
    }

    @Test func suppressionHidesSmallCountsAndWhatWouldRevealThem() throws {
        let table = try Self.load("counts.csv", .init(unknownLabel: "Unknown"))
        let report = try DisproportionalityAnalysis.run(table, options: .init(suppressBelow: 5))
        for row in report.rows {
            if let count = row.count { #expect(!(1..<5).contains(count), "\(row.group) \(row.stage) shown with \(count)") }
            if row.suppression == .primary || row.suppression == .secondary {
                #expect(row.count == nil && row.rate.isNaN && row.relativeRateIndex.isNaN && row.excessEstimate.isNaN && row.stageShare.isNaN)
            }
        }
        // Custody: Asian 1, Mixed 2, GRT 1 hidden; White 6, Black 5 and the zeros shown.
        let custody = report.rows.filter { $0.stage == "custody" }
        #expect(custody.filter { $0.count == nil }.map(\.group) == ["Asian", "Mixed", "Gypsy Roma Traveller"])
    }

    @Test func badOptionsThrow() throws {
        let table = try Self.load("counts.csv", .init(unknownLabel: "Unknown"))
        let whyte = try #require(throws: InvalidArgumentError.self) { try DisproportionalityAnalysis.run(table, options: .init(reference: .group("Whyte"))) }
        #expect(whyte.parameter == .reference && whyte.file == "counts.csv" && whyte.message.hasPrefix("group 'Whyte' is not in the table"))
        #expect(throws: InvalidArgumentError.self) { try DisproportionalityAnalysis.run(table, options: .init(confidence: 1.5)) }
        let noWhite = try CountsTable(csv: CSVReader.parse("group,population,arrest\nA,100,3\nB,200,9\n", source: "n.csv"))
        let white = try #require(throws: InvalidArgumentError.self) { try DisproportionalityAnalysis.run(noWhite, options: .init()) }
        #expect(white.parameter == .reference && white.file == "n.csv")
    }

    /// Issue 14 quotes the library writing "--reference rest needs…": the library names the
    /// parameter (`reference`) and the file, never a flag; the command line adds the flag.
    @Test func referenceRestNeedsTwoKnownGroups_namesTheParameterNotAFlag() throws {
        let one = try CountsTable(csv: CSVReader.parse("group,population,arrest\nWhite,100,3\nUnknown,,2\n", source: "one.csv"),
                                  options: .init(unknownLabel: "Unknown"))
        let error = try #require(throws: InvalidArgumentError.self) { try DisproportionalityAnalysis.run(one, options: .init(reference: .rest)) }
        #expect(error.parameter == .reference && error.file == "one.csv")
        #expect(error.message == "'rest' needs at least two known groups")
        #expect(!error.message.contains("--"))
    }
}
