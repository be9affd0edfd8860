import Foundation

/// The distribution of cell a of a 2×2 table given all four margins, under a common odds
/// ratio ψ: Fisher's noncentral hypergeometric distribution
///
///     P(X = x; ψ) = C(n₁, x) C(n₀, m₁ − x) ψˣ / Σ_y C(n₁, y) C(n₀, m₁ − y) ψʸ,
///
/// for max(0, m₁ − n₀) ≤ x ≤ min(n₁, m₁), where m₁ = a + c is the column total of events.
/// ψ = 1 gives the central hypergeometric distribution of Fisher's exact test.
///
/// Source: Cornfield (1956); Agresti, *Categorical Data Analysis* (3rd ed.), §16.6. Weights are
/// kept in log space (central log-probabilities from ``Hypergeometric`` plus x log ψ, then
/// log-sum-exp), so tables with populations in the tens of thousands are handled exactly.
struct ConditionalDistribution {
    let support: ClosedRange<Int>
    /// Central hypergeometric log-probabilities over the support.
    let logCentral: [Double]
    /// x over the support, as doubles.
    let values: [Double]

    /// exp(v) is exactly +0 for v ≤ this (the smallest subnormal is exp(−744.44)), so a term this
    /// far below the largest adds nothing to a sum; the loops below skip its exp and give the
    /// same doubles as summing every term.
    static let underflow = -746.0

    init(_ table: TwoByTwoTable) {
        let n1 = table.groupTotal, n0 = table.referenceTotal, m1 = table.a + table.c
        let hyper = Hypergeometric(population: n1 + n0, successes: n1, draws: m1)
        support = max(0, m1 - n0)...min(n1, m1)
        logCentral = hyper.logPMFs(support)
        values = support.map { Double($0) }
    }

    /// The log normaliser top + log Σ exp(rᵢ − top) of the log weights rᵢ = log p⁰ᵢ + xᵢ logPsi,
    /// with top their largest, summed left to right. Also returns top.
    private func logTotal(logPsi: Double) -> (logTotal: Double, top: Double) {
        logCentral.withUnsafeBufferPointer { central in
            values.withUnsafeBufferPointer { x in
                var top = -Double.infinity
                for i in 0..<central.count {
                    let r = central[i] + x[i] * logPsi
                    if r > top { top = r }
                }
                if central.isEmpty { top = 0 }
                var total = 0.0
                for i in 0..<central.count {
                    let d = (central[i] + x[i] * logPsi) - top
                    if d > Self.underflow { total += Foundation.exp(d) }
                }
                return (top + Foundation.log(total), top)
            }
        }
    }

    /// log weights under ψ = exp(logPsi), normalised to sum to one.
    func logProbabilities(logPsi: Double) -> [Double] {
        let normaliser = logTotal(logPsi: logPsi).logTotal
        return (0..<values.count).map { (logCentral[$0] + values[$0] * logPsi) - normaliser }
    }

    /// E[X; ψ].
    func mean(logPsi: Double) -> Double {
        let (normaliser, top) = logTotal(logPsi: logPsi)
        var sum = 0.0
        for i in 0..<values.count {
            let r = logCentral[i] + values[i] * logPsi
            if r - top > Self.underflow { sum += values[i] * Foundation.exp(r - normaliser) } else { sum += values[i] * 0 }
        }
        return sum
    }

    /// P(X ≥ x; ψ) when `upper`, else P(X ≤ x; ψ): one pass for the normaliser, one over the
    /// tail, skipping the terms that underflow (the sum is the same double).
    func tail(_ x: Int, upper: Bool, logPsi: Double) -> Double {
        let low = support.lowerBound, count = values.count
        let (normaliser, top) = logTotal(logPsi: logPsi)
        let range = upper ? max(0, x - low)..<count : 0..<max(0, min(count, x - low + 1))
        var sum = 0.0
        logCentral.withUnsafeBufferPointer { central in
            values.withUnsafeBufferPointer { v in
                for i in range {
                    let r = central[i] + v[i] * logPsi
                    if r - top > Self.underflow { sum += Foundation.exp(r - normaliser) }
                }
            }
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
    /// Needs a strictly inside the support. The logs of |x − a| are taken once, not per step, and
    /// terms that underflow are skipped (same doubles as summing them).
    func maximumLikelihoodLogOddsRatio(_ table: TwoByTwoTable) -> Double? {
        let weights = Self.recurrenceLogWeights(table, support: support)
        let low = support.lowerBound, a = table.a
        let split = min(max(a - low, 0), weights.count)   // index of x = a (below: x < a)
        let logDistance = weights.indices.map { $0 == split ? 0 : Foundation.log(Double(abs(low + $0 - a))) }
        let x = values
        /// log Σ_{i in range} exp(wᵢ + xᵢ t + log|xᵢ − a|), the sum left to right (``logSumExp``).
        func logSum(_ range: Range<Int>, _ t: Double) -> Double {
            var top = -Double.infinity
            for i in range {
                let v = weights[i] + x[i] * t + logDistance[i]
                if v > top { top = v }
            }
            guard top.isFinite else { return -.infinity }
            var sum = 0.0
            for i in range {
                let d = (weights[i] + x[i] * t + logDistance[i]) - top
                if d > Self.underflow { sum += Foundation.exp(d) }
            }
            return top + Foundation.log(sum)
        }
        let belowRange = 0..<split, aboveRange = min(split + 1, weights.count)..<weights.count
        func f(_ t: Double) -> Double { logSum(aboveRange, t) - logSum(belowRange, t) }
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
    /// Fisher's exact test, two-sided: the total probability, under the central hypergeometric
    /// distribution of a given the margins, of the tables no more probable than the one observed.
    ///
    /// A table counts as "no more probable" when its probability is at most the observed one
    /// times (1 + 10⁻⁷), the tolerance R `fisher.test` and scipy `fisher_exact` use against
    /// rounding. Source: Fisher (1935); Agresti (2013) §3.5. Exact for any table; capped at 1.
    public func fisherExactTwoSided() -> Double {
        fisherExactTwoSided(ConditionalDistribution(self))
    }

    func fisherExactTwoSided(_ distribution: ConditionalDistribution) -> Double {
        let observed = distribution.logCentral[a - distribution.support.lowerBound]
        let threshold = observed + Foundation.log1p(1e-7)
        var sum = 0.0
        for lp in distribution.logCentral where lp <= threshold { sum += Foundation.exp(lp) }
        return min(1, sum)
    }

    /// The conditional maximum-likelihood odds ratio with the exact conditional interval.
    ///
    /// The estimate solves E[X; ψ] = a under the noncentral hypergeometric distribution (on the
    /// log scale, weights by exact recurrence, to relative 1e-14 in ψ); it is 0
    /// when a is the smallest value the margins allow and ∞ when it is the largest. The bounds
    /// solve P(X ≥ a; ψ_L) = α/2 and P(X ≤ a; ψ_U) = α/2 (ψ_L = 0 at the bottom of the support,
    /// ψ_U = ∞ at the top). This is the interval of R `fisher.test` and of scipy
    /// `contingency.odds_ratio(kind="conditional")`. Source: Cornfield (1956); Agresti (2013)
    /// §16.6.4. No zero-cell correction is needed; the interval is conservative (coverage ≥ the
    /// nominal level). Throws for a confidence outside (0, 1).
    public func oddsRatioExact(confidence: Double) throws -> RatioEstimate {
        try oddsRatioExact(confidence: confidence, ConditionalDistribution(self))
    }

    /// ``oddsRatioExact(confidence:)`` and ``fisherExactTwoSided()`` from one conditional
    /// distribution (its central log-probabilities, the costly part, computed once).
    func exactConditionalInference(confidence: Double) throws -> (oddsRatio: RatioEstimate, fisherP: Double) {
        let distribution = ConditionalDistribution(self)
        return (try oddsRatioExact(confidence: confidence, distribution), fisherExactTwoSided(distribution))
    }

    func oddsRatioExact(confidence: Double, _ distribution: ConditionalDistribution) throws -> RatioEstimate {
        try InvalidArgumentError.checkConfidence(confidence)
        let alpha = (1 - confidence) / 2
        let atBottom = a == distribution.support.lowerBound, atTop = a == distribution.support.upperBound
        let estimate: Double
        if atBottom && atTop {
            estimate = .nan
        } else if atBottom {
            estimate = 0
        } else if atTop {
            estimate = .infinity
        } else {
            estimate = distribution.maximumLikelihoodLogOddsRatio(self).map { Foundation.exp($0) } ?? .nan
        }
        var lower = 0.0, upper = Double.infinity
        if atBottom && atTop {
            lower = 0
        } else {
            if !atBottom {
                lower = distribution.solveIncreasing { distribution.tail(a, upper: true, logPsi: $0) - alpha }
                    .map { Foundation.exp($0) } ?? .nan
            }
            if !atTop {
                upper = distribution.solveIncreasing { alpha - distribution.tail(a, upper: false, logPsi: $0) }
                    .map { Foundation.exp($0) } ?? .nan
            }
        }
        return RatioEstimate(estimate: estimate, lower: lower, upper: upper, confidence: confidence,
                             method: .exactConditional,
                             assumptions: ["conditional on all four margins (noncentral hypergeometric)",
                                           "estimate is the conditional maximum-likelihood odds ratio",
                                           "no zero-cell correction"])
    }
}
