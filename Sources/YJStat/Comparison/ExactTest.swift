import Foundation

/// Two-sided exact tests for a discrete count, with the "minimum likelihood" convention.
///
/// The two-sided p-value is the total probability, under the null distribution, of every outcome
/// that is no more likely than the one observed:
///
///     p = Σ { P(X = i) : P(X = i) ≤ P(X = k) · (1 + 10⁻⁷) }
///
/// The factor 1 + 10⁻⁷ counts outcomes whose probability equals the observed one up to rounding.
/// This is the convention of R's `binom.test`, `poisson.test` and `fisher.test` and of scipy's
/// `binomtest` and `fisher_exact`; it is not "double the smaller tail". Because every
/// distribution here is unimodal, the outcomes counted form the two tails `X ≤ jL` and `X ≥ jR`,
/// found by bisection on the monotone stretches either side of the mode, and the p-value is
/// `P(X ≤ jL) + P(X ≥ jR)` from the accurate tail sums of the numerics layer.
public enum ExactTest {
    /// The relative tolerance for "as likely as the observed outcome" (R and scipy use 10⁻⁷).
    public static let relativeTolerance = 1e-7

    /// Two-sided exact binomial test of H₀: success probability = `probability`, for `successes`
    /// out of `trials` (Clopper & Pearson's binomial test; R `binom.test`, scipy `binomtest`).
    ///
    /// Valid for 0 ≤ k ≤ n, n ≥ 1 and 0 ≤ p ≤ 1.
    /// - Throws: ``InvalidArgumentError`` for counts or a probability out of range.
    public static func binomial(successes k: Int, trials n: Int, probability p: Double) throws -> Double {
        try InvalidArgumentError.checkCounts(successes: k, trials: n)
        guard p >= 0, p <= 1 else { throw InvalidArgumentError("probability", "must lie in [0, 1], got \(p)") }
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        let distribution = Binomial(trials: n, probability: p)
        return twoSided(observed: k, lowest: 0, highest: n,
                        mode: min(n, Int((Double(n + 1) * p).rounded(.down))),
                        logPMF: distribution.logPMF, cdf: distribution.cdf, sf: distribution.sf)
    }

    /// Two-sided exact Poisson test of H₀: the mean count is `mean`, for an observed `count`
    /// (R `poisson.test(x, T, r)` with mean r·T).
    ///
    /// Valid for count ≥ 0 and a finite mean ≥ 0.
    /// - Throws: ``InvalidArgumentError`` for a negative count or an invalid mean.
    public static func poisson(count k: Int, mean: Double) throws -> Double {
        guard k >= 0 else { throw InvalidArgumentError("count", "must not be negative, got \(k)") }
        guard mean >= 0, mean.isFinite else { throw InvalidArgumentError("mean", "must be finite and non-negative, got \(mean)") }
        if mean == 0 { return k == 0 ? 1 : 0 }
        let distribution = Poisson(mean: mean)
        return twoSided(observed: k, lowest: 0, highest: Int.max,
                        mode: Int(min(mean, Double(Int.max / 2)).rounded(.down)),
                        logPMF: distribution.logPMF, cdf: distribution.cdf, sf: distribution.sf)
    }

    /// Fisher's exact test for the 2×2 table [[a, b], [c, d]] (rows: two groups; columns: yes,
    /// no), two-sided by minimum likelihood (R `fisher.test`, scipy `fisher_exact`).
    ///
    /// Conditions on all margins: a ~ Hypergeometric(N = a+b+c+d, K = a+c, draws = a+b).
    /// Valid for non-negative cells.
    /// - Throws: ``InvalidArgumentError`` for a negative cell.
    public static func fisher(a: Int, b: Int, c: Int, d: Int) throws -> Double {
        for (name, value) in [("a", a), ("b", b), ("c", c), ("d", d)] where value < 0 {
            throw InvalidArgumentError(Parameter(rawValue: name), "table cells must not be negative, got \(value)")
        }
        let population = a + b + c + d, successes = a + c, draws = a + b
        let lowest = max(0, draws - (population - successes)), highest = min(draws, successes)
        if lowest == highest { return 1 }
        let distribution = Hypergeometric(population: population, successes: successes, draws: draws)
        let mode = Int((Double(draws + 1) * Double(successes + 1) / Double(population + 2)).rounded(.down))
        return twoSided(observed: a, lowest: lowest, highest: highest, mode: min(max(mode, lowest), highest),
                        logPMF: distribution.logPMF, cdf: distribution.cdf, sf: distribution.sf)
    }

    /// The minimum-likelihood two-sided p-value of a unimodal distribution on `lowest…highest`.
    ///
    /// `mode` is a first guess at the mode; it is corrected by stepping uphill, so a guess that is
    /// off by one (rounding) does no harm.
    static func twoSided(observed k: Int, lowest: Int, highest: Int, mode guess: Int,
                         logPMF: (Int) -> Double, cdf: (Int) -> Double, sf: (Int) -> Double) -> Double {
        var mode = min(max(guess, lowest), highest)
        while mode < highest, logPMF(mode + 1) > logPMF(mode) { mode += 1 }
        while mode > lowest, logPMF(mode - 1) > logPMF(mode) { mode -= 1 }
        let threshold = logPMF(k) + Foundation.log1p(relativeTolerance)
        if logPMF(mode) <= threshold { return 1 }
        // Left of the mode the pmf rises: the largest jL < mode with pmf(jL) ≤ threshold.
        var left = lowest - 1
        if logPMF(lowest) <= threshold {
            var low = lowest, high = mode   // pmf(low) ≤ threshold < pmf(high)
            while high - low > 1 {
                let middle = low + (high - low) / 2
                if logPMF(middle) <= threshold { low = middle } else { high = middle }
            }
            left = low
        }
        // Right of the mode the pmf falls: the smallest jR > mode with pmf(jR) ≤ threshold.
        var right: Int? = nil
        if highest != Int.max {
            if logPMF(highest) <= threshold { right = descendingSearch(from: mode, to: highest, threshold, logPMF) }
        } else {
            // Unbounded support: double the step until the pmf is below the threshold.
            var step = max(1, mode / 8 + 1), far = mode
            while logPMF(far) > threshold {
                let next = far.addingReportingOverflow(step)
                if next.overflow { far = Int.max; break }
                far = next.partialValue
                step = step.multipliedReportingOverflow(by: 2).overflow ? step : step * 2
            }
            if logPMF(far) <= threshold { right = descendingSearch(from: mode, to: far, threshold, logPMF) }
        }
        let lowerTail = left >= lowest ? cdf(left) : 0
        let upperTail = right.map { sf($0 - 1) } ?? 0
        return min(1, lowerTail + upperTail)
    }

    /// The smallest j in (from, to] with logPMF(j) ≤ threshold, given logPMF(from) > threshold ≥ logPMF(to)
    /// and logPMF non-increasing on [from, to].
    private static func descendingSearch(from: Int, to: Int, _ threshold: Double, _ logPMF: (Int) -> Double) -> Int {
        var high = from, low = to     // pmf(high) > threshold ≥ pmf(low)
        while low - high > 1 {
            let middle = high + (low - high) / 2
            if logPMF(middle) <= threshold { low = middle } else { high = middle }
        }
        return low
    }
}
