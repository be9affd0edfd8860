import Foundation
import Testing
@testable import YJStat

/// Mantel–Haenszel measures against statsmodels `StratifiedTable` and R epiR (Greenland–Robins
/// interval of the pooled risk ratio). Tolerances (relative): closed forms 1e-12 against
/// statsmodels; epiR's printed values carry 15 significant figures, so 1e-12 there too; the
/// Breslow–Day statistic needs the fitted cells from a root-finder (ours: bisection to 1e-16;
/// statsmodels: a closed-form quadratic root), so 1e-9 for the statistic and 1e-7 for its p-value
/// (at p ≈ 2e-10 with 2 df, a relative error ε in the statistic x becomes about (x/2)ε ≈ 23ε in p).
/// The oracle's p-values are scipy `chi2.sf` of statsmodels' statistics: statsmodels' own p-values
/// are 1 − cdf and lose relative accuracy in the far tail.
@Suite("Mantel-Haenszel against oracles")
struct MantelHaenszelOracleTests {
    static var sets: [DisproportionalityFixture.Stratified] { DisproportionalityFixture.shared?.stratified ?? [] }

    static func tables(_ s: DisproportionalityFixture.Stratified) throws -> [TwoByTwoTable] {
        try s.strata.map { try TwoByTwoTable(groupEvents: $0[0], groupBase: $0[1], referenceEvents: $0[2], referenceBase: $0[3]) }
    }

    @Test func pooledRatiosAndTestsMatch() throws {
        let sets = Self.sets
        #expect(sets.count >= 5)
        for s in sets {
            let tables = try Self.tables(s)
            let mh = try MantelHaenszel(tables: tables, confidence: s.confidence)
            #expect(agrees(mh.oddsRatio.estimate, s.orMH[0].value, relative: 1e-12), "\(s.name) OR")
            #expect(agrees(mh.oddsRatio.lower, s.orMH[1].value, relative: 1e-12), "\(s.name) OR lower")
            #expect(agrees(mh.oddsRatio.upper, s.orMH[2].value, relative: 1e-12), "\(s.name) OR upper")
            #expect(agrees(mh.riskRatio.estimate, s.rrMH.value, relative: 1e-12), "\(s.name) RR")
            #expect(agrees(mh.riskRatio.lower, s.rrMHepiR[1].value, relative: 1e-12), "\(s.name) RR lower \(mh.riskRatio.lower) vs \(s.rrMHepiR[1].value)")
            #expect(agrees(mh.riskRatio.upper, s.rrMHepiR[2].value, relative: 1e-12), "\(s.name) RR upper")
            #expect(agrees(mh.cmhStatistic, s.cmh[0].value, relative: 1e-12), "\(s.name) CMH")
            #expect(agrees(mh.cmhPValue, s.cmh[1].value, relative: 1e-10, ), "\(s.name) CMH p")
            #expect(agrees(mh.breslowDayStatistic, s.breslowDayTarone[0].value, relative: 1e-9), "\(s.name) BD \(mh.breslowDayStatistic) vs \(s.breslowDayTarone[0].value)")
            #expect(agrees(mh.breslowDayPValue, s.breslowDayTarone[1].value, relative: 1e-7), "\(s.name) BD p")

            let corrected = try MantelHaenszel(tables: tables, confidence: s.confidence, continuityCorrection: true, tarone: false)
            #expect(agrees(corrected.cmhStatistic, s.cmhCorrected[0].value, relative: 1e-12), "\(s.name) CMH corrected")
            #expect(agrees(corrected.breslowDayStatistic, s.breslowDay[0].value, relative: 1e-9), "\(s.name) BD plain")
            #expect(agrees(corrected.breslowDayPValue, s.breslowDay[1].value, relative: 1e-7), "\(s.name) BD plain p")
        }
    }

    @Test func emptyStrataAreDroppedAndCounted() throws {
        let tables = [try TwoByTwoTable(a: 3, b: 10, c: 4, d: 30), try TwoByTwoTable(a: 5, b: 9, c: 6, d: 40)]
        let mh = try MantelHaenszel(tables: tables, confidence: 0.95)
        #expect(mh.strata == 2 && mh.droppedStrata == 0)
        #expect(throws: InvalidArgumentError.self) { try MantelHaenszel(tables: [], confidence: 0.95) }
    }

    @Test func holmMatchesStatsmodels() throws {
        let cases = try #require(DisproportionalityFixture.shared?.holm)
        #expect(!cases.isEmpty)
        for c in cases {
            let adjusted = HolmAdjustment.adjust(c.p)
            for (a, e) in zip(adjusted, c.adjusted) { #expect(agrees(a, e, relative: 1e-14), "\(c.p)") }
        }
        let withGap = HolmAdjustment.adjust([0.01, .nan, 0.02])
        #expect(withGap[1].isNaN && agrees(withGap[0], 0.02, relative: 1e-15) && agrees(withGap[2], 0.02, relative: 1e-15))
    }
}
