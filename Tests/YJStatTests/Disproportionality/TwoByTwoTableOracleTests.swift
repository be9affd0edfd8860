import Foundation
import Testing
@testable import YJStat

/// 2×2 measures against statsmodels, scipy and R (see `Scripts/oracles/disproportionality.py`).
///
/// Tolerances (relative): closed forms (Katz, Woolf, Newcombe, Wilson) 1e-12; Fisher's p 1e-12;
/// exact conditional MLE and interval against scipy 1e-8 (scipy solves with brentq at its default
/// xtol 2e-12, which for bounds near 0 is the binding error); against R `fisher.test` an absolute
/// 2e-4 on ψ when ψ ≤ 1 and on 1/ψ when ψ > 1 (R's `uniroot` runs at its default tolerance,
/// about 1.2e-4, on those scales: measured worst 9.3e-5, so "4 significant figures" holds only
/// near 1). Koopman against statsmodels 1e-8 with an absolute floor of 1e-12 where its lower
/// bound should be 0 and is returned as ±1e-15. Where the group row has every child reaching the
/// stage (a = n₁) statsmodels' polynomial solution is wrong (its lower bound is the point where
/// p̃₁ reaches 1, where the statistic is below the critical value); there the oracle is a
/// numerical constrained MLE with brentq (relative 1e-7, its optimiser's precision).
@Suite("2x2 measures against oracles")
struct TwoByTwoTableOracleTests {
    static var tables: [DisproportionalityFixture.Table] { DisproportionalityFixture.shared?.twoByTwo ?? [] }

    static func table(_ t: DisproportionalityFixture.Table) throws -> TwoByTwoTable {
        try TwoByTwoTable(groupEvents: t.a, groupBase: t.n1, referenceEvents: t.c, referenceBase: t.n0)
    }

    @Test func fixtureHasSmallZeroAndLargeTables() throws {
        let tables = Self.tables
        #expect(tables.count > 100)
        #expect(tables.contains { $0.a == 0 } && tables.contains { $0.c == 0 } && tables.contains { $0.n0 > 10_000 })
    }

    /// The fixture's Katz values add 0.5 to all four cells whenever any cell is zero; Katz now
    /// corrects only where its variance needs it (``TwoByTwoTable/katzNeedsCorrection``), so
    /// tables whose only zero is b or d are checked against the uncorrected oracle in
    /// `Fixtures/zero_cells.json` (issue 12) instead.
    @Test func katzAndWoolfMatchStatsmodelsWithHaldaneRule() throws {
        for t in Self.tables {
            let table = try Self.table(t)
            let katz = try table.riskRatioKatz(confidence: t.confidence)
            let woolf = try table.oddsRatioWoolf(confidence: t.confidence)
            let label = "\(t.a)/\(t.n1) vs \(t.c)/\(t.n0)"
            if !table.hasZeroCell || table.katzNeedsCorrection {
                #expect(agrees(katz.estimate, t.katz[0].value, relative: 1e-12), "\(label) RR \(katz.estimate) vs \(t.katz[0].value)")
                #expect(agrees(katz.lower, t.katz[1].value, relative: 1e-12), "\(label) Katz lower")
                #expect(agrees(katz.upper, t.katz[2].value, relative: 1e-12), "\(label) Katz upper")
            }
            #expect(agrees(woolf.estimate, t.woolf[0].value, relative: 1e-12), "\(label) OR")
            #expect(agrees(woolf.lower, t.woolf[1].value, relative: 1e-12), "\(label) Woolf lower")
            #expect(agrees(woolf.upper, t.woolf[2].value, relative: 1e-12), "\(label) Woolf upper")
            #expect(katz.assumptions.contains(ZeroCellRule.haldane.statement) == table.katzNeedsCorrection)
        }
        let uncorrected = try #require(ZeroCellFixture.shared?.katzWithoutCorrection)
        #expect(uncorrected.count >= 8)
        for t in uncorrected {
            let table = try TwoByTwoTable(groupEvents: t.a, groupBase: t.n1, referenceEvents: t.c, referenceBase: t.n0)
            #expect(!table.katzNeedsCorrection)
            let katz = try table.riskRatioKatz(confidence: 0.95)
            for (actual, expected) in zip([katz.estimate, katz.lower, katz.upper], t.katz.map(\.value)) {
                #expect(agrees(actual, expected, relative: 1e-12), "\(t.a)/\(t.n1) vs \(t.c)/\(t.n0) uncorrected Katz \(actual) vs \(expected)")
            }
        }
    }

    @Test func fisherExactPMatchesScipy() throws {
        for t in Self.tables {
            let p = try Self.table(t).fisherExactTwoSided()
            #expect(agrees(p, t.fisherP.value, relative: 1e-12), "\(t.a)/\(t.n1) vs \(t.c)/\(t.n0): \(p) vs \(t.fisherP.value)")
        }
    }

    @Test func exactConditionalOddsRatioMatchesScipyAndR() throws {
        var worst = 0.0
        for t in Self.tables {
            let exact = try Self.table(t).oddsRatioExact(confidence: t.confidence)
            let label = "\(t.a)/\(t.n1) vs \(t.c)/\(t.n0)"
            for (actual, scipy, r, name) in [(exact.estimate, t.exact[0].value, t.rFisher[0].value, "estimate"),
                                             (exact.lower, t.exact[1].value, t.rFisher[1].value, "lower"),
                                             (exact.upper, t.exact[2].value, t.rFisher[2].value, "upper")] {
                #expect(agrees(actual, scipy, relative: 1e-8, absolute: 1e-12), "\(label) \(name): \(actual) vs scipy \(scipy)")
                // R reports 0 where scipy reports NaN for a single-point support; compare only defined values.
                if !scipy.isNaN { #expect(Self.agreesWithR(actual, r), "\(label) \(name): \(actual) vs R \(r)") }
                if scipy.isFinite, scipy > 0 { worst = max(worst, abs(actual - scipy) / scipy) }
            }
        }
        #expect(worst < 1e-8)
    }

    /// R's `uniroot` tolerance applies to ψ below 1 and to 1/ψ above 1.
    static func agreesWithR(_ actual: Double, _ r: Double) -> Bool {
        if r.isInfinite || r == 0 { return actual == r }
        return r <= 1 ? abs(actual - r) <= 2e-4 : abs(1 / actual - 1 / r) <= 2e-4
    }

    @Test func koopmanMatchesNumericalOracleWhereEveryGroupChildReachesTheStage() throws {
        var checked = 0
        for t in Self.tables {
            guard let k = t.koopmanNumeric else { continue }
            let koopman = try Self.table(t).riskRatioKoopman(confidence: t.confidence)
            #expect(agrees(koopman.lower, k[0].value, relative: 1e-7), "\(t.a)/\(t.n1) vs \(t.c)/\(t.n0) lower \(koopman.lower) vs \(k[0].value)")
            #expect(agrees(koopman.upper, k[1].value, relative: 1e-7), "\(t.a)/\(t.n1) vs \(t.c)/\(t.n0) upper")
            checked += 1
        }
        #expect(checked >= 6)
    }

    @Test func koopmanMatchesStatsmodelsWhereItIsValid() throws {
        var checked = 0
        for t in Self.tables where t.a < t.n1 {
            guard let k = t.koopman, k.count == 2 else { continue }
            let table = try Self.table(t)
            let estimate = table.riskRatio
            let lower = k[0].value, upper = k[1].value
            // statsmodels' polynomial solution is not an interval around the estimate in degenerate rows.
            guard lower.isFinite, !upper.isNaN, lower <= estimate || estimate.isNaN, upper >= estimate, upper > lower else { continue }
            guard t.c < t.n0, t.a < t.n1 || t.c > 0 else { continue }
            let koopman = try table.riskRatioKoopman(confidence: t.confidence)
            let label = "\(t.a)/\(t.n1) vs \(t.c)/\(t.n0)"
            #expect(agrees(koopman.lower, lower, relative: 1e-8, absolute: 1e-12), "\(label) lower \(koopman.lower) vs \(lower)")
            #expect(agrees(koopman.upper, upper, relative: 1e-8), "\(label) upper \(koopman.upper) vs \(upper)")
            checked += 1
        }
        #expect(checked > 80)
    }

    @Test func newcombeDifferenceAndWilsonMatchStatsmodels() throws {
        for t in Self.tables {
            let d = try IntervalEstimate.newcombe(t.a, t.n1, t.c, t.n0, confidence: t.confidence)
            #expect(agrees(d.estimate, t.newcombe[0].value, relative: 1e-12, absolute: 1e-15))
            #expect(agrees(d.lower, t.newcombe[1].value, relative: 1e-12, absolute: 1e-14), "\(t.a)/\(t.n1) vs \(t.c)/\(t.n0)")
            #expect(agrees(d.upper, t.newcombe[2].value, relative: 1e-12, absolute: 1e-14), "\(t.a)/\(t.n1) vs \(t.c)/\(t.n0)")
        }
    }

    @Test func badTablesThrowInsteadOfTrapping() {
        #expect(throws: InvalidArgumentError.self) { try TwoByTwoTable(a: -1, b: 2, c: 3, d: 4) }
        #expect(throws: InvalidArgumentError.self) { try TwoByTwoTable(a: 0, b: 0, c: 3, d: 4) }
        #expect(throws: InvalidArgumentError.self) { try TwoByTwoTable(groupEvents: 5, groupBase: 4, referenceEvents: 1, referenceBase: 9) }
        #expect(throws: InvalidArgumentError.self) { try TwoByTwoTable(a: 1, b: 2, c: 3, d: 4).riskRatioKatz(confidence: 1) }
    }

    @Test func uncorrectedZeroCellGivesUnboundedInterval() throws {
        let table = try TwoByTwoTable(a: 0, b: 10, c: 4, d: 20)
        let katz = try table.riskRatioKatz(confidence: 0.95, zeroCell: .none)
        #expect(katz.estimate == 0 && katz.lower == 0 && katz.upper == .infinity)
        let koopman = try table.riskRatioKoopman(confidence: 0.95)
        #expect(koopman.lower == 0 && koopman.upper.isFinite && koopman.upper > 0)
    }
}
