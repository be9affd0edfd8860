import Foundation
import Testing
@testable import YJStat

/// The exact conditional odds ratio and Fisher test as they were before issue 14's speed-up (a
/// verbatim copy of the old `ConditionalDistribution`: every step allocating its arrays, every
/// term's exp and log taken on every root-finder step), kept to show the fast path gives the
/// same doubles.
struct ReferenceConditionalDistribution {
    let support: ClosedRange<Int>
    /// Central hypergeometric log-probabilities over the support.
    let logCentral: [Double]

    init(_ table: TwoByTwoTable) {
        let n1 = table.groupTotal, n0 = table.referenceTotal, m1 = table.a + table.c
        let hyper = Hypergeometric(population: n1 + n0, successes: n1, draws: m1)
        support = max(0, m1 - n0)...min(n1, m1)
        logCentral = support.map { hyper.logPMF($0) }
    }

    /// log weights under ψ = exp(logPsi), normalised to sum to one.
    func logProbabilities(logPsi: Double) -> [Double] {
        let low = support.lowerBound
        let raw = logCentral.enumerated().map { $0.element + Double(low + $0.offset) * logPsi }
        let top = raw.max() ?? 0
        let total = raw.reduce(0) { $0 + Foundation.exp($1 - top) }
        let logTotal = top + Foundation.log(total)
        return raw.map { $0 - logTotal }
    }

    /// E[X; ψ].
    func mean(logPsi: Double) -> Double {
        let low = support.lowerBound
        return logProbabilities(logPsi: logPsi).enumerated()
            .reduce(0) { $0 + Double(low + $1.offset) * Foundation.exp($1.element) }
    }

    /// P(X ≥ x; ψ) when `upper`, else P(X ≤ x; ψ).
    func tail(_ x: Int, upper: Bool, logPsi: Double) -> Double {
        let low = support.lowerBound
        var sum = 0.0
        for (i, lp) in logProbabilities(logPsi: logPsi).enumerated() {
            let value = low + i
            if upper ? value >= x : value <= x { sum += Foundation.exp(lp) }
        }
        return min(1, sum)
    }

    /// Log weights C(n₁, x) C(n₀, m₁ − x) up to a constant, over the support, built by the exact
    /// ratio recurrence w(x+1)/w(x) = (n₁ − x)(m₁ − x) / ((x + 1)(n₀ − m₁ + x + 1)) outward from the
    /// mode, so neighbouring weights carry only a few ulps of error (log-gamma differences lose
    /// up to 1e-11 at populations in the thousands).
    static func recurrenceLogWeights(_ table: TwoByTwoTable, support: ClosedRange<Int>) -> [Double] {
        let n1 = Double(table.groupTotal), n0 = Double(table.referenceTotal), m1 = Double(table.a + table.c)
        let count = support.count
        func logStep(_ x: Int) -> Double {   // log w(x+1) − log w(x)
            let v = Double(x)
            return Foundation.log((n1 - v) * (m1 - v)) - Foundation.log((v + 1) * (n0 - m1 + v + 1))
        }
        // The mode: the last x whose step up is still positive.
        var mode = 0
        while mode + 1 < count, logStep(support.lowerBound + mode) > 0 { mode += 1 }
        var weights = [Double](repeating: 0, count: count)
        if mode + 1 < count { for i in (mode + 1)..<count { weights[i] = weights[i - 1] + logStep(support.lowerBound + i - 1) } }
        if mode > 0 { for i in stride(from: mode - 1, through: 0, by: -1) { weights[i] = weights[i + 1] - logStep(support.lowerBound + i) } }
        return weights
    }

    /// The conditional maximum-likelihood log odds ratio: the root t of E[X; e^t] = a, found by
    /// bisection on t of log Σ_{x>a} (x − a) w(x) e^{xt} − log Σ_{x<a} (a − x) w(x) e^{xt} (increasing
    /// in t, no cancellation), to |Δt| ≤ 1e-14, i.e. ψ to relative 1e-14 (the stated target is 1e-12).
    /// Needs a strictly inside the support.
    func maximumLikelihoodLogOddsRatio(_ table: TwoByTwoTable) -> Double? {
        let weights = Self.recurrenceLogWeights(table, support: support)
        let low = support.lowerBound, a = table.a
        func f(_ t: Double) -> Double {
            var above: [Double] = [], below: [Double] = []
            for (i, w) in weights.enumerated() {
                let x = low + i
                if x > a { above.append(w + Double(x) * t + Foundation.log(Double(x - a))) }
                if x < a { below.append(w + Double(x) * t + Foundation.log(Double(a - x))) }
            }
            return Self.logSumExp(above) - Self.logSumExp(below)
        }
        var lo = -1.0, hi = 1.0, steps = 0
        while f(lo) > 0, steps < 80 { lo *= 2; steps += 1 }
        steps = 0
        while f(hi) < 0, steps < 80 { hi *= 2; steps += 1 }
        var fa = f(lo)
        guard fa <= 0, f(hi) >= 0 else { return nil }
        for _ in 0..<200 where hi - lo > 1e-14 {
            let mid = lo + (hi - lo) / 2
            if mid <= lo || mid >= hi { break }
            let fm = f(mid)
            if fm == 0 { return mid }
            if (fm < 0) == (fa < 0) { lo = mid; fa = fm } else { hi = mid }
        }
        return lo + (hi - lo) / 2
    }

    static func logSumExp(_ values: [Double]) -> Double {
        guard let top = values.max(), top.isFinite else { return -.infinity }
        return top + Foundation.log(values.reduce(0) { $0 + Foundation.exp($1 - top) })
    }

    /// Solves `f(logPsi) = 0` for an increasing `f` by bracketing outward from 0, then bisection.
    func solveIncreasing(_ f: (Double) -> Double) -> Double? {
        var lo = -1.0, hi = 1.0
        var steps = 0
        while f(lo) > 0, steps < 60 { lo *= 2; steps += 1 }
        steps = 0
        while f(hi) < 0, steps < 60 { hi *= 2; steps += 1 }
        return RootFinder.bisect(lower: lo, upper: hi, relativeTolerance: 1e-15, f)
    }
}

extension TwoByTwoTable {
    func referenceFisherExactTwoSided() -> Double {
        let distribution = ReferenceConditionalDistribution(self)
        let observed = distribution.logCentral[a - distribution.support.lowerBound]
        let threshold = observed + Foundation.log1p(1e-7)
        var sum = 0.0
        for lp in distribution.logCentral where lp <= threshold { sum += Foundation.exp(lp) }
        return min(1, sum)
    }

    func referenceOddsRatioExact(confidence: Double) -> (estimate: Double, lower: Double, upper: Double) {
        let distribution = ReferenceConditionalDistribution(self)
        let alpha = (1 - confidence) / 2
        let atBottom = a == distribution.support.lowerBound, atTop = a == distribution.support.upperBound
        let estimate: Double
        if atBottom && atTop { estimate = .nan } else if atBottom { estimate = 0 } else if atTop { estimate = .infinity } else {
            estimate = distribution.maximumLikelihoodLogOddsRatio(self).map { Foundation.exp($0) } ?? .nan
        }
        var lower = 0.0, upper = Double.infinity
        if !(atBottom && atTop) {
            if !atBottom {
                lower = distribution.solveIncreasing { distribution.tail(a, upper: true, logPsi: $0) - alpha }.map { Foundation.exp($0) } ?? .nan
            }
            if !atTop {
                upper = distribution.solveIncreasing { alpha - distribution.tail(a, upper: false, logPsi: $0) }.map { Foundation.exp($0) } ?? .nan
            }
        }
        return (estimate, lower, upper)
    }
}

@Suite("Exact conditional odds ratio: the fast path equals the old computation")
struct ConditionalOddsRatioSpeedTests {
    /// Small tables (every cell 0…4, zero cells and degenerate margins included) and tables with
    /// large margins (populations to 60,000, events to 2,500, as a service-level analysis has).
    static let tables: [TwoByTwoTable] = {
        var all: [TwoByTwoTable] = []
        for n1 in [1, 3, 4] { for n0 in [1, 2, 4] { for a in 0...n1 { for c in 0...n0 {
            if let t = try? TwoByTwoTable(groupEvents: a, groupBase: n1, referenceEvents: c, referenceBase: n0) { all.append(t) }
        } } } }
        let large: [(Int, Int, Int, Int)] = [
            (37, 1_200, 410, 18_000), (0, 900, 350, 22_000), (140, 3_000, 0, 40_000), (2_500, 2_600, 300, 30_000),
            (12, 15_000, 2_400, 60_000), (800, 9_000, 1_700, 21_000), (3, 2_000, 5, 2_000), (1_999, 2_000, 1, 50_000),
            (250, 250, 900, 52_000), (60, 4_000, 1_000, 60_000),
        ]
        for (a, n1, c, n0) in large { all.append(try! TwoByTwoTable(groupEvents: a, groupBase: n1, referenceEvents: c, referenceBase: n0)) }
        return all
    }()

    static func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }

    @Test(arguments: [0.95, 0.8])
    func fastPathGivesTheSameDoubles(confidence: Double) throws {
        for t in Self.tables {
            let fast = try t.oddsRatioExact(confidence: confidence), old = t.referenceOddsRatioExact(confidence: confidence)
            #expect(Self.same(fast.estimate, old.estimate), "\(t) estimate \(fast.estimate) vs \(old.estimate)")
            #expect(Self.same(fast.lower, old.lower), "\(t) lower \(fast.lower) vs \(old.lower)")
            #expect(Self.same(fast.upper, old.upper), "\(t) upper \(fast.upper) vs \(old.upper)")
            #expect(Self.same(t.fisherExactTwoSided(), t.referenceFisherExactTwoSided()), "\(t) p")
            let shared = try t.exactConditionalInference(confidence: confidence)
            #expect(Self.same(shared.oddsRatio.estimate, old.estimate) && Self.same(shared.oddsRatio.lower, old.lower)
                    && Self.same(shared.oddsRatio.upper, old.upper) && Self.same(shared.fisherP, t.referenceFisherExactTwoSided()), "\(t) shared")
        }
    }

    /// The log-probabilities over a range (one denominator) are ``Hypergeometric/logPMF(_:)`` at
    /// each point, inside the support and out.
    @Test func logPMFsEqualsLogPMFAtEachPoint() {
        for (n, k, d) in [(7, 3, 4), (50_000, 1_200, 2_500), (60_000, 59_000, 300), (10, 0, 5), (10, 10, 10), (10, 4, 0)] {
            let h = Hypergeometric(population: n, successes: k, draws: d)
            let ks = -2...(min(k, d) + 2)
            #expect(h.logPMFs(ks).elementsEqual(ks.map(h.logPMF), by: Self.same), "\(n) \(k) \(d)")
        }
    }

    /// The tail and mean under ψ against the old all-terms sums, at ψ far enough out that most
    /// terms underflow.
    @Test func tailAndMeanMatchTheAllTermsSums() throws {
        for t in Self.tables {
            let fast = ConditionalDistribution(t), old = ReferenceConditionalDistribution(t)
            for logPsi in [-40.0, -3, -0.5, 0, 0.25, 2, 9, 60] {
                #expect(Self.same(fast.mean(logPsi: logPsi), old.mean(logPsi: logPsi)), "\(t) mean at \(logPsi)")
                #expect(fast.logProbabilities(logPsi: logPsi).elementsEqual(old.logProbabilities(logPsi: logPsi), by: Self.same))
                for x in [t.a, fast.support.lowerBound, fast.support.upperBound] {
                    for upper in [true, false] {
                        #expect(Self.same(fast.tail(x, upper: upper, logPsi: logPsi), old.tail(x, upper: upper, logPsi: logPsi)), "\(t) tail \(x) \(upper) at \(logPsi)")
                    }
                }
            }
        }
    }
}
