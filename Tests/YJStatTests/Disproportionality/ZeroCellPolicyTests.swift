import Foundation
import Testing
@testable import YJStat

/// `Fixtures/zero_cells.json`, written by `Scripts/oracles/zero_cells.py` (statsmodels, scipy,
/// mpmath). Numbers are JSON numbers or the strings "inf", "-inf", "undefined".
struct ZeroCellFixture: Decodable {
    struct Case: Decodable {
        let name: String, a: Int, n1: Int, c: Int, n0: Int
        let katz: [DisproportionalityFixture.Number]?, koopman: [DisproportionalityFixture.Number]?
        let exact: [DisproportionalityFixture.Number]?
    }
    struct MLE: Decodable { let name: String, a: Int, n1: Int, c: Int, n0: Int, mle: Double }
    struct BreslowDay: Decodable {
        let name: String, strata: [[Int]], df: Int
        let breslowDayTarone: [DisproportionalityFixture.Number], rrMH: DisproportionalityFixture.Number
        let stratumRR: [DisproportionalityFixture.Number]
        enum CodingKeys: String, CodingKey {
            case name, strata, df, breslowDayTarone = "breslow_day_tarone", rrMH = "rr_mh", stratumRR = "stratum_rr"
        }
    }
    struct RepresentationCase: Decodable {
        let name: String, servicePercent: Double, comparatorPercent: Double, serviceTotal: Int, comparatorTotal: Int
        let serviceCounts: [Int], comparatorCounts: [Int], ratioSampling: [DisproportionalityFixture.Number]
        enum CodingKeys: String, CodingKey {
            case name, servicePercent = "service_percent", comparatorPercent = "comparator_percent"
            case serviceTotal = "service_total", comparatorTotal = "comparator_total"
            case serviceCounts = "service_counts", comparatorCounts = "comparator_counts", ratioSampling = "ratio_sampling"
        }
    }
    struct Uncorrected: Decodable { let a: Int, n1: Int, c: Int, n0: Int, katz: [DisproportionalityFixture.Number] }
    struct ExampleBreslowDay: Decodable {
        let group: String, stage: String, df: Int, breslowDayP: DisproportionalityFixture.Number
        enum CodingKeys: String, CodingKey { case group, stage, df, breslowDayP = "breslow_day_p" }
    }
    let twoByTwo: [Case], exactMLE: [MLE], breslowDay: [BreslowDay], representation: [RepresentationCase]
    let katzWithoutCorrection: [Uncorrected], exampleBreslowDay: [ExampleBreslowDay]
    enum CodingKeys: String, CodingKey {
        case twoByTwo = "two_by_two", exactMLE = "exact_mle", breslowDay = "breslow_day", representation
        case katzWithoutCorrection = "katz_without_correction", exampleBreslowDay = "example_breslow_day"
    }

    static let shared: ZeroCellFixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/zero_cells.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(ZeroCellFixture.self, from: data)
    }()

    func named(_ name: String) throws -> Case { try #require(twoByTwo.first { $0.name == name }, "fixture case '\(name)'") }
}

/// Issue 12: one zero-cell policy for every ratio, explicit non-finite values, Breslow–Day over
/// informative strata, the exact conditional MLE, representation ranges, and `--records` groups
/// without records. Tolerances: closed forms relative 1e-12; Koopman and exact conditional bounds
/// against statsmodels/scipy 1e-8 (their root finders); the conditional MLE against 40-digit
/// mpmath 1e-12; Breslow–Day statistic 1e-10.
@Suite("Zero cells, infinities and small numbers (issue 12)")
struct ZeroCellPolicyTests {
    static func fixture() throws -> ZeroCellFixture { try #require(ZeroCellFixture.shared, "Fixtures/zero_cells.json") }

    /// A one-stage counts table `group,stage,count` from (group, population, stage count) triples.
    static func analyse(_ groups: [(String, Int, Int)], options: DisproportionalityOptions = DisproportionalityOptions(),
                        strata: [(String, [(String, Int, Int)])] = []) throws -> DisproportionalityReport {
        var records: [(line: Int, fields: [String])] = []
        var header = ["group", "stage", "count"]
        if strata.isEmpty {
            for (g, p, x) in groups {
                records.append((records.count + 2, [g, "population", String(p)]))
                records.append((records.count + 2, [g, "arrest", String(x)]))
            }
        } else {
            header.append("band")
            for (band, rows) in strata {
                for (g, p, x) in rows {
                    records.append((records.count + 2, [g, "population", String(p), band]))
                    records.append((records.count + 2, [g, "arrest", String(x), band]))
                }
            }
        }
        let csv = try CSVTable(source: "test.csv", header: header, records: records)
        let table = try CountsTable(csv: csv, options: CountsTable.Options(strata: strata.isEmpty ? [] : ["band"]))
        return try DisproportionalityAnalysis.run(table, options: options)
    }

    // MARK: item 2 — zero cells

    @Test func katzNeedsNoCorrectionWhenOnlyBOrDIsZero_black50of50VsWhite10of1000() throws {
        let oracle = try Self.fixture().named("black 50 of 50 vs white 10 of 1000")
        let report = try Self.analyse([("White", 1000, 10), ("Black", 50, 50)])
        let black = try #require(report.rows.first { $0.group == "Black" })
        let katz = try #require(oracle.katz)
        #expect(agrees(black.relativeRateIndex, katz[0].value, relative: 1e-12))
        #expect(agrees(black.rriLower, katz[1].value, relative: 1e-12), "\(black.rriLower) vs 53.97")
        #expect(agrees(black.rriUpper, katz[2].value, relative: 1e-12), "\(black.rriUpper) vs 185.28")
        #expect(black.rriMethod == .katz)
        #expect(black.zeroCell && black.significant)
        // Woolf does divide by b = 0: the exact conditional interval is used around OR = ∞.
        #expect(black.orMethod == "exact-conditional" && black.sampleOddsRatio == .infinity && black.orUpper == .infinity)
    }

    @Test func shareRatioIsUncorrectedWhenTheStageShareIsOne_whiteStageShare1BaseShare0833() throws {
        let oracle = try Self.fixture().named("share ratio stage 3 of 3 base 100 of 120")
        let report = try Self.analyse([("White", 100, 3), ("Black", 20, 0)])
        let white = try #require(report.rows.first { $0.group == "White" })
        #expect(white.stageShare == 1)
        #expect(agrees(white.baseShare, 100.0 / 120, relative: 1e-12))
        let katz = try #require(oracle.katz)
        #expect(agrees(white.shareRatio, 1.2, relative: 1e-12), "share ratio \(white.shareRatio), 1.2 is right")
        #expect(agrees(white.shareRatioLower, katz[1].value, relative: 1e-12))
        #expect(agrees(white.shareRatioUpper, katz[2].value, relative: 1e-12))
        #expect(white.shareRatioMethod == "log-ratio")
        // Black's share of the stage is 0: the score interval, estimate 0 inside it.
        let black = try #require(report.rows.first { $0.group == "Black" })
        #expect(black.shareRatio == 0 && black.shareRatioLower == 0 && black.shareRatioMethod == "koopman")
        #expect(black.zeroCell)
    }

    @Test func estimateWithZeroEventsSitsInsideItsInterval_zeroVersusThreeOf40() throws {
        for name in ["group zero 0/40 vs 3/40", "group zero 0/12 vs 8/40", "group zero 0/400 vs 25/9000"] {
            let oracle = try Self.fixture().named(name)
            let report = try Self.analyse([("White", oracle.n0, oracle.c), ("Black", oracle.n1, oracle.a)])
            let black = try #require(report.rows.first { $0.group == "Black" })
            let koopman = try #require(oracle.koopman), exact = try #require(oracle.exact)
            #expect(black.relativeRateIndex == 0 && black.rriLower == 0, "\(name): estimate 0 with lower bound 0, not 0.11")
            #expect(agrees(black.rriUpper, koopman[2].value, relative: 1e-8), "\(name) Koopman upper")
            #expect(black.rriMethod == .koopman)
            #expect(black.sampleOddsRatio == 0 && black.orLower == 0 && black.orMethod == "exact-conditional")
            #expect(agrees(black.orUpper, exact[2].value, relative: 1e-8), "\(name) exact upper")
            #expect(!black.significant || black.rriUpper < 1)
        }
    }

    @Test func referenceRateZeroGivesAnInfiniteRRIWithTheScoreBound_referenceRate0() throws {
        for name in ["reference zero 6/40 vs 0/300", "reference zero 3/25 vs 0/25"] {
            let oracle = try Self.fixture().named(name)
            let report = try Self.analyse([("White", oracle.n0, oracle.c), ("Black", oracle.n1, oracle.a)])
            let black = try #require(report.rows.first { $0.group == "Black" })
            let koopman = try #require(oracle.koopman)
            #expect(black.relativeRateIndex == .infinity && black.status == .infinite)
            #expect(agrees(black.rriLower, koopman[1].value, relative: 1e-8), "\(name): lower \(black.rriLower)")
            #expect(black.rriUpper == .infinity)
            #expect(black.significant == (koopman[1].value > 1), "significant judged on the printed interval")
            let row = black.resultRow(confidence: 0.95, zeroCellRule: .exact, strata: false, unknown: false)
            #expect(row["rri"]?.csvText == "inf" && row["rri_upper"]?.csvText == "inf" && row["status"]?.csvText == "infinite")
            #expect(row["rri"]?.jsonValue == .string("inf"))
        }
    }

    @Test func zeroVersusZeroIsUndefinedNotADash_0vs0() throws {
        let report = try Self.analyse([("White", 300, 0), ("Black", 40, 0)])
        let black = try #require(report.rows.first { $0.group == "Black" })
        #expect(black.relativeRateIndex.isNaN && black.status == .undefined && !black.significant)
        #expect(black.rriLower == 0 && black.rriUpper == .infinity)
        let row = black.resultRow(confidence: 0.95, zeroCellRule: .exact, strata: false, unknown: false)
        #expect(row["rri"]?.csvText == "NA" && row["status"]?.csvText == "undefined")
        #expect(row["rri"]?.jsonValue == .string("undefined"))
        #expect(report.textSummary().contains("undefined"))
    }

    @Test func notComputedAndEveryNonFiniteCellIsExplicit() throws {
        let report = try Self.analyse([("White", 300, 4), ("Black", 0, 0), ("Asian", 50, 0)])
        let black = try #require(report.rows.first { $0.group == "Black" })
        #expect(black.status == .notComputed)
        for row in report.resultRows() {
            for cell in row.cells { #expect(!cell.value.csvText.isEmpty || cell.name == "suppressed", "\(row["group"]?.csvText ?? "") \(cell.name) empty") }
        }
        #expect(report.textSummary().contains("not computed"))
    }

    /// The haldane rule reports the corrected estimate the interval belongs to.
    @Test func haldaneRuleShowsTheCorrectedEstimateBesideTheRawOne() throws {
        let report = try Self.analyse([("White", 40, 3), ("Black", 40, 0)], options: DisproportionalityOptions(zeroCell: .haldane))
        let black = try #require(report.rows.first { $0.group == "Black" })
        let expected = (0.5 / 41) / (3.5 / 41)
        #expect(black.relativeRateIndex == 0 && agrees(black.rriCorrected, expected, relative: 1e-12))
        #expect(black.rriLower <= black.rriCorrected && black.rriCorrected <= black.rriUpper)
        let row = black.resultRow(confidence: 0.95, zeroCellRule: .haldane, strata: false, unknown: false)
        #expect(row["rri_corrected"] != nil)
        #expect(report.textSummary().contains("corrected (raw 0.00)"))
    }

    /// Under the Haldane rule the cumulative RRI (previous-stage base) carries the corrected
    /// estimate its interval belongs to, and equals the population-based RRI of the same stage in
    /// estimate, corrected estimate and interval (the cumulative RRI is that RRI by definition).
    @Test func haldaneCumulativeRRIHasItsCorrectedEstimate_noWhiteChildInCustody() throws {
        let text = "group,population,arrest,custody\nWhite,4000,40,0\nBlack,300,9,2\nAsian,250,0,0\nMixed,60,3,0\n"
        let csv = try CSVReader.parse(text, source: "zero_cells.csv")
        let table = try CountsTable(csv: csv)
        let previous = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions(base: .previous, zeroCell: .haldane))
        let population = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions(base: .population, zeroCell: .haldane))
        let black = try #require(previous.rows.first { $0.group == "Black" && $0.stage == "custody" })
        let blackPopulation = try #require(population.rows.first { $0.group == "Black" && $0.stage == "custody" })
        #expect(black.cumulativeRRI == .infinity)
        // (2.5/301)/(0.5/4001), the corrected population-based table.
        #expect(agrees(black.cumulativeCorrected, (2.5 / 301) / (0.5 / 4001), relative: 1e-12))
        #expect(black.cumulativeCorrected == blackPopulation.rriCorrected)
        #expect(black.cumulativeLower == blackPopulation.rriLower && black.cumulativeUpper == blackPopulation.rriUpper)
        #expect(black.cumulativeLower <= black.cumulativeCorrected && black.cumulativeCorrected <= black.cumulativeUpper)
        let row = black.resultRow(confidence: 0.95, zeroCellRule: .haldane, strata: false, unknown: false)
        #expect(row["cumulative_rri"]?.csvText == "inf")
        #expect(row["cumulative_rri_corrected"]?.csvText == String(black.cumulativeCorrected))
        let summary = previous.textSummary()
        #expect(summary.contains("66.5 corrected (raw infinite) (3.20–1381.2)"), "\(summary)")
        let mixed = try #require(previous.rows.first { $0.group == "Mixed" && $0.stage == "custody" })
        #expect(mixed.cumulativeRRI.isNaN && summary.contains("undefined (1.31–3278.7)"))
    }

    // MARK: property — every ratio's printed estimate lies inside its printed interval

    @Test(arguments: ZeroCellRule.allCases, [RatioIntervalMethod.katz, .koopman])
    func everyEstimateLiesInsideItsPrintedInterval(rule: ZeroCellRule, method: RatioIntervalMethod) throws {
        var generator = SplitMix64(seed: 12)
        for _ in 0..<150 {
            let n1 = Int.random(in: 1...60, using: &generator), n0 = Int.random(in: 1...400, using: &generator)
            let small = Int.random(in: 0...3, using: &generator)
            let a = small == 0 ? 0 : (small == 1 ? n1 : Int.random(in: 0...n1, using: &generator))
            let c = Int.random(in: 0...3, using: &generator) == 0 ? 0 : Int.random(in: 0...n0, using: &generator)
            let report = try Self.analyse([("White", n0, c), ("Black", n1, a)],
                                          options: DisproportionalityOptions(rriInterval: method, zeroCell: rule))
            let row = try #require(report.rows.first { $0.group == "Black" })
            let label = "\(a)/\(n1) vs \(c)/\(n0) \(rule) \(method)"
            let printed: [(Double, Double, Double, String)] = [
                (rule == .haldane ? row.rriCorrected : row.relativeRateIndex, row.rriLower, row.rriUpper, "rri"),
                (rule == .haldane ? row.orCorrected : row.sampleOddsRatio, row.orLower, row.orUpper, "or"),
                (row.orExact, row.orExactLower, row.orExactUpper, "or exact"),
                (rule == .haldane ? row.shareRatioCorrected : row.shareRatio, row.shareRatioLower, row.shareRatioUpper, "share ratio"),
            ]
            for (estimate, lower, upper, name) in printed where !estimate.isNaN {
                #expect(lower <= estimate * (1 + 1e-12) && estimate <= upper * (1 + 1e-12), "\(label) \(name) \(estimate) outside \(lower)–\(upper)")
            }
            #expect(row.significant == (row.rriLower > 1 || row.rriUpper < 1), "\(label) significant uses the printed interval")
        }
    }

    // MARK: item 5 — exact conditional MLE

    @Test func exactConditionalMLEToRelative1e12_690of695Vs4233of4237() throws {
        for oracle in try Self.fixture().exactMLE {
            let t = try TwoByTwoTable(groupEvents: oracle.a, groupBase: oracle.n1, referenceEvents: oracle.c, referenceBase: oracle.n0)
            let estimate = try t.oddsRatioExact(confidence: 0.95).estimate
            #expect(agrees(estimate, oracle.mle, relative: 1e-12), "\(oracle.name): \(estimate) vs \(oracle.mle)")
        }
    }

    // MARK: item 4 — Breslow–Day

    static func tables(_ strata: [[Int]]) throws -> [TwoByTwoTable] {
        try strata.map { try TwoByTwoTable(groupEvents: $0[0], groupBase: $0[1], referenceEvents: $0[2], referenceBase: $0[3]) }
    }

    @Test func breslowDayDropsAStratumWithAZeroEventMargin() throws {
        let oracle = try #require(try Self.fixture().breslowDay.first { $0.name == "zero event margin stratum" })
        let mh = try MantelHaenszel(tables: Self.tables(oracle.strata), confidence: 0.95)
        #expect(mh.breslowDayDegreesOfFreedom == oracle.df)
        #expect(mh.uninformativeStrata == [1])
        #expect(agrees(mh.breslowDayStatistic, oracle.breslowDayTarone[0].value, relative: 1e-10))
        #expect(agrees(mh.breslowDayPValue, oracle.breslowDayTarone[1].value, relative: 1e-9))
        #expect(agrees(mh.riskRatio.estimate, oracle.rrMH.value, relative: 1e-12))
    }

    @Test func sparseStrataOf2To6ChildrenAreFlagged() throws {
        let oracle = try #require(try Self.fixture().breslowDay.first { $0.name == "sparse strata" })
        let mh = try MantelHaenszel(tables: Self.tables(oracle.strata), confidence: 0.95)
        #expect(mh.sparse)
        #expect(agrees(mh.breslowDayPValue, oracle.breslowDayTarone[1].value, relative: 1e-9))
        let large = try MantelHaenszel(tables: Self.tables([[40, 400, 90, 1000], [35, 380, 80, 900]]), confidence: 0.95)
        #expect(!large.sparse)
        let strata = oracle.strata.enumerated().map { ("s\($0.offset)", [("White", $0.element[3], $0.element[2]), ("Black", $0.element[1], $0.element[0])]) }
        let report = try Self.analyse([], strata: strata)
        #expect(report.warnings.contains { $0.contains("sparse strata") })
    }

    @Test func textShowsCrudeMantelHaenszelStratumRRIsAndHomogeneity_strataDisagree() throws {
        let oracle = try #require(try Self.fixture().breslowDay.first { $0.name == "strata disagree" })
        let strata = oracle.strata.enumerated().map { ("band\($0.offset + 1)", [("White", $0.element[3], $0.element[2]), ("Black", $0.element[1], $0.element[0])]) }
        let report = try Self.analyse([], strata: strata)
        let black = try #require(report.rows.first { $0.group == "Black" })
        #expect(agrees(black.stratumRiskRatios[0], 1.9, relative: 1e-12) && agrees(black.stratumRiskRatios[1], 0.4, relative: 1e-12))
        #expect(agrees(black.breslowDayPValue, oracle.breslowDayTarone[1].value, relative: 1e-9), "\(black.breslowDayPValue)")
        #expect(black.breslowDayDegreesOfFreedom == 1)
        let text = report.textSummary()
        #expect(text.contains("crude RRI") && text.contains("Mantel-Haenszel RRI") && text.contains("band1 1.90, band2 0.40"))
        #expect(text.contains("Breslow-Day") && text.contains("on 1 df") && text.contains("The strata disagree"))
    }

    // MARK: item 6 — representation

    @Test func representationSearchesEveryConsistentCountPair_15of99Vs100of2377() throws {
        for oracle in try Self.fixture().representation {
            let r = try Representation(servicePercent: oracle.servicePercent, comparatorPercent: oracle.comparatorPercent,
                                       serviceTotal: oracle.serviceTotal, comparatorTotal: oracle.comparatorTotal)
            #expect(r.consistentServiceCounts == oracle.serviceCounts[0]...oracle.serviceCounts[1])
            #expect(r.consistentComparatorCounts == oracle.comparatorCounts[0]...oracle.comparatorCounts[1])
            let sampling = try #require(r.ratioSampling)
            #expect(agrees(sampling.lowerBound, oracle.ratioSampling[0].value, relative: 1e-12), "\(oracle.name) lower \(sampling.lowerBound)")
            #expect(agrees(sampling.upperBound, oracle.ratioSampling[1].value, relative: 1e-12), "\(oracle.name) upper")
        }
    }
}

