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
        let distribution = ConditionalDistribution(self)
        let observed = distribution.logCentral[a - distribution.support.lowerBound]
        let threshold = observed + Foundation.log1p(1e-7)
        var sum = 0.0
        for lp in distribution.logCentral where lp <= threshold { sum += Foundation.exp(lp) }
        return min(1, sum)
    }

    /// The conditional maximum-likelihood odds ratio with the exact conditional interval.
    ///
    /// The estimate solves E[X; ψ] = a under the noncentral hypergeometric distribution; it is 0
    /// when a is the smallest value the margins allow and ∞ when it is the largest. The bounds
    /// solve P(X ≥ a; ψ_L) = α/2 and P(X ≤ a; ψ_U) = α/2 (ψ_L = 0 at the bottom of the support,
    /// ψ_U = ∞ at the top). This is the interval of R `fisher.test` and of scipy
    /// `contingency.odds_ratio(kind="conditional")`. Source: Cornfield (1956); Agresti (2013)
    /// §16.6.4. No zero-cell correction is needed; the interval is conservative (coverage ≥ the
    /// nominal level). Throws for a confidence outside (0, 1).
    public func oddsRatioExact(confidence: Double) throws -> RatioEstimate {
        try InvalidArgumentError.checkConfidence(confidence)
        let distribution = ConditionalDistribution(self)
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
            estimate = distribution.solveIncreasing { distribution.mean(logPsi: $0) - Double(a) }
                .map { Foundation.exp($0) } ?? .nan
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
