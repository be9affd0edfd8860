import Testing
@testable import YJStat

/// Properties every interval must have on every small table, including degenerate rows (no
/// child or every child reaching the stage), where closed forms and root-finders are most
/// likely to misbehave.
@Suite("2x2 interval properties on every small table")
struct TwoByTwoTablePropertyTests {
    static let tables: [TwoByTwoTable] = {
        var all: [TwoByTwoTable] = []
        for n1 in 1...6 { for n0 in 1...6 { for a in 0...n1 { for c in 0...n0 {
            if let t = try? TwoByTwoTable(groupEvents: a, groupBase: n1, referenceEvents: c, referenceBase: n0) { all.append(t) }
        } } } }
        return all
    }()

    @Test func intervalsAreOrderedAndContainTheirEstimate() throws {
        #expect(Self.tables.count == 729)
        for t in Self.tables {
            let label = "a=\(t.a) b=\(t.b) c=\(t.c) d=\(t.d)"
            for ratio in [try t.riskRatioKatz(confidence: 0.95), try t.oddsRatioWoolf(confidence: 0.95)] {
                #expect(ratio.lower > 0 && ratio.lower <= ratio.estimate && ratio.estimate <= ratio.upper && ratio.upper.isFinite, "\(label) \(ratio.method)")
            }
            let koopman = try t.riskRatioKoopman(confidence: 0.95)
            #expect(koopman.lower <= koopman.upper, "\(label) koopman \(koopman.lower) \(koopman.upper)")
            #expect(!koopman.lower.isNaN && !koopman.upper.isNaN, "\(label) koopman NaN")
            if !koopman.estimate.isNaN {
                #expect(koopman.lower <= koopman.estimate * (1 + 1e-12) && koopman.estimate <= koopman.upper * (1 + 1e-12), "\(label) koopman")
            }
            let exact = try t.oddsRatioExact(confidence: 0.95)
            #expect(exact.lower <= exact.upper && !exact.lower.isNaN && !exact.upper.isNaN, "\(label) exact")
            if !exact.estimate.isNaN { #expect(exact.lower <= exact.estimate && exact.estimate <= exact.upper, "\(label) exact estimate") }
            let p = t.fisherExactTwoSided()
            #expect(p > 0 && p <= 1, "\(label) p")
        }
    }

    @Test func widerConfidenceGivesWiderIntervals() throws {
        for t in Self.tables where t.a > 0 && t.c > 0 && t.b > 0 && t.d > 0 {
            let narrow = try t.oddsRatioExact(confidence: 0.8), wide = try t.oddsRatioExact(confidence: 0.99)
            #expect(wide.lower <= narrow.lower && narrow.upper <= wide.upper)
            let kn = try t.riskRatioKoopman(confidence: 0.8), kw = try t.riskRatioKoopman(confidence: 0.99)
            #expect(kw.lower <= kn.lower && kn.upper <= kw.upper)
        }
    }
}
