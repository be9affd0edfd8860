extension ProportionInterval {
    /// The exact interval for a sample drawn without replacement from a finite population.
    ///
    /// A sample of n cases from N contains k "yes" cases; the unknown is the number K of "yes"
    /// cases in the whole population. The confidence set is every K with
    /// P(X ≥ k | K) > α/2 and P(X ≤ k | K) > α/2 for X ~ Hypergeometric(N, K, n); being
    /// monotone in K it is a run K_L…K_U, found by binary search. The interval is [K_L/N, K_U/N].
    /// Tail probabilities are rational, so a tail can equal α/2 exactly (0/2 from 5 at 80%:
    /// P(X ≤ 0 | K = 3) = 1/10); such a tie is outside the set. To decide ties as exact arithmetic
    /// would, despite rounding in the tail sum and in α itself (1 − 0.8 is not exactly 0.2 in
    /// binary), a tail within a relative 1e-9 of α/2 counts as equal.
    ///
    /// Source: Buonaccorsi (1987), *Communications in Statistics – Theory and Methods* 16:391–403;
    /// Wright (1991), *The American Statistician* 45:1. Valid for 0 ≤ k ≤ n ≤ N. Narrower than
    /// the binomial exact interval when n is a large fraction of N; degenerate (K exactly known)
    /// when n = N.
    ///
    /// - Complexity: O(log N) hypergeometric tail evaluations.
    public static func hypergeometric(successes k: Int, sample n: Int, population N: Int, confidence: Double) throws -> ProportionInterval {
        try InvalidArgumentError.checkCounts(successes: k, trials: n)
        try InvalidArgumentError.checkConfidence(confidence)
        guard N >= n else { throw InvalidArgumentError("population", "\(N) is smaller than the sample of \(n)") }
        // Tails must exceed α/2 by more than rounding to count as inside (see above).
        let threshold = (1 - confidence) / 2 * (1 + 1e-9)
        // Feasible K: at least k yes cases, and at least n − k no cases, in the population.
        let feasible = k...(N - (n - k))
        // P(X ≥ k | K) rises with K: lowest K where it exceeds α/2.
        let lowerK = firstTrue(in: feasible) { K in
            k == 0 || Hypergeometric(population: N, successes: K, draws: n).sf(k - 1) > threshold
        }
        // P(X ≤ k | K) falls with K: highest K where it exceeds α/2.
        let upperK = (firstTrue(in: feasible) { K in
            !(Hypergeometric(population: N, successes: K, draws: n).cdf(k) > threshold)
        } ?? (feasible.upperBound + 1)) - 1
        let lower = Double(lowerK ?? k) / Double(N)
        let upper = Double(upperK) / Double(N)
        return ProportionInterval(method: .hypergeometric, successes: k, trials: n, population: N,
                                  estimate: Double(k) / Double(n), lower: lower, upper: upper, confidence: confidence,
                                  assumptions: ["simple random sample without replacement from a population of \(N)",
                                                "exact hypergeometric tails; a population count stays in the set while both tails exceed α/2 (ties excluded)",
                                                "bounds are whole population counts divided by N"])
    }

    /// The first value in `range` for which a monotone (false…false, true…true) predicate holds.
    private static func firstTrue(in range: ClosedRange<Int>, _ predicate: (Int) -> Bool) -> Int? {
        var low = range.lowerBound, high = range.upperBound + 1
        while low < high {
            let mid = low + (high - low) / 2
            if predicate(mid) { high = mid } else { low = mid + 1 }
        }
        return low <= range.upperBound ? low : nil
    }
}
