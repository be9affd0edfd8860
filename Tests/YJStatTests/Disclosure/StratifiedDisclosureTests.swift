import Foundation
import Testing
@testable import YJStat

/// Issue 13: under `--suppress-below K` with `--strata`, the figures adjusted over strata
/// (Mantel–Haenszel ratios, CMH, Breslow–Day) are built from stratum counts that are never
/// published; beside the published crude counts they could give a small stratum count back, so
/// a row's adjusted figures are hidden whenever a stratum count behind them is from 1 to K − 1.
@Suite("Disclosure control of the figures adjusted over strata")
struct StratifiedDisclosureTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Datasets/examples/counts_by_sex_age.csv")

    @Test(arguments: [3, 5, 10])
    func adjustedFiguresAreHiddenExactlyWhereAStratumCountIsSmall(k: Int) throws {
        let csv = try CSVReader.read(contentsOf: Self.file)
        let table = try CountsTable(csv: csv, options: CountsTable.Options(strata: ["sex", "age_band"], unknownLabel: "Unknown"))
        let open = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions())
        let report = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions(suppressBelow: k))
        var hiddenRows = 0, publishedRows = 0
        for (row, plain) in zip(report.rows, open.rows) where !row.isReference && !row.isSuppressed {
            let small = table.strata.contains { stratum in
                [row.group, "White"].contains { g in
                    [row.stage, row.baseStage].contains { s in
                        let v = table.count(group: g, stage: s, stratum: stratum) ?? 0
                        return v >= 1 && v < k
                    }
                }
            }
            let values = [row.mhRiskRatio, row.mhRiskRatioLower, row.mhRiskRatioUpper, row.mhOddsRatio, row.cmhPValue, row.breslowDayPValue]
            if small {
                hiddenRows += 1
                let allHidden = values.allSatisfy { $0.isNaN }
                #expect(allHidden, "\(row.group) at \(row.stage)")
                #expect(row.stratumRiskRatios.isEmpty && row.breslowDayDegreesOfFreedom == nil)
                #expect(row.suppressionText.contains("adjusted figures"))
                let cells = row.resultRow(confidence: 0.95, zeroCellRule: .exact, strata: true, unknown: true)
                for name in ["mh_rr", "mh_rr_lower", "mh_or", "cmh_p", "breslow_day_p", "breslow_day_df"] {
                    #expect(cells[name] == .suppressed, "\(row.group) at \(row.stage) \(name)")
                }
            } else {
                publishedRows += 1
                #expect(row.mhRiskRatio == plain.mhRiskRatio && row.cmhPValue == plain.cmhPValue, "\(row.group) at \(row.stage)")
            }
        }
        #expect(hiddenRows > 0 && publishedRows > 0, "the example has both kinds of row at K = \(k)")
        let text = report.textSummary()
        #expect(text.contains("Adjusted figures hidden for disclosure control (a stratum count under \(k) is behind them)"))
    }
}
