extension ProportionInterval {
    /// The most trials for which ``midP(successes:trials:confidence:)`` sums binomial terms;
    /// above it the tails are evaluated through the incomplete beta function, whose cost does
    /// not grow with n (so 10¹² trials take milliseconds, not minutes).
    public static let directTailLimit = 100_000

    /// The mid-p exact interval.
    ///
    /// For X ~ Binomial(n, p): the lower bound solves P(X > k) + ½·P(X = k) = α/2 (0 when k = 0)
    /// and the upper bound solves P(X < k) + ½·P(X = k) = α/2 (1 when k = n). Each left side is
    /// monotone in p, so the bounds are found by bisection to full double precision.
    ///
    /// Source: Lancaster (1961), *JASA* 56:223–234; Berry & Armitage (1995), *The Statistician*
    /// 44:417–423; Brown, Cai & DasGupta (2001), §4.1.3. Valid for 0 ≤ k ≤ n, n ≥ 1. Less
    /// conservative than ``clopperPearson(successes:trials:confidence:)``; coverage is close to
    /// nominal on average but not guaranteed for every p.
    public static func midP(successes k: Int, trials n: Int, confidence: Double) throws -> ProportionInterval {
        try InvalidArgumentError.checkCounts(successes: k, trials: n)
        try InvalidArgumentError.checkConfidence(confidence)
        let halfAlpha = (1 - confidence) / 2
        // Above `directTailLimit` trials the tails come from the regularised incomplete beta
        // function (the same probabilities, in time independent of n) instead of summing terms.
        let useBetaTails = n > directTailLimit
        var lower = 0.0, upper = 1.0
        if k > 0 {
            // g(p) = P(X > k) + ½P(X = k) rises from 0 to 1 as p goes from 0 to 1.
            lower = RootFinder.bisect(lower: 0, upper: 1) { p in
                if useBetaTails {
                    // P(X > k) = I_p(k+1, n−k), P(X ≥ k) = I_p(k, n−k+1); mid-p is their mean.
                    let above = SpecialFunctions.regularizedIncompleteBeta(a: Double(k + 1), b: Double(n - k), x: p)
                    let atOrAbove = SpecialFunctions.regularizedIncompleteBeta(a: Double(k), b: Double(n - k + 1), x: p)
                    return 0.5 * (above + atOrAbove) - halfAlpha
                }
                let b = Binomial(trials: n, probability: p)
                return b.sf(k) + 0.5 * b.pmf(k) - halfAlpha
            } ?? .nan
        }
        if k < n {
            // h(p) = P(X < k) + ½P(X = k) falls from 1 to 0 as p goes from 0 to 1.
            upper = RootFinder.bisect(lower: 0, upper: 1) { p in
                if useBetaTails {
                    // P(X < k) = 1 − I_p(k, n−k+1), P(X ≤ k) = 1 − I_p(k+1, n−k).
                    let below = k > 0 ? 1 - SpecialFunctions.regularizedIncompleteBeta(a: Double(k), b: Double(n - k + 1), x: p) : 0
                    let atOrBelow = 1 - SpecialFunctions.regularizedIncompleteBeta(a: Double(k + 1), b: Double(n - k), x: p)
                    return halfAlpha - 0.5 * (below + atOrBelow)
                }
                let b = Binomial(trials: n, probability: p)
                return halfAlpha - ((k > 0 ? b.cdf(k - 1) : 0) + 0.5 * b.pmf(k))
            } ?? .nan
        }
        return ProportionInterval(method: .midP, successes: k, trials: n, estimate: Double(k) / Double(n),
                                  lower: lower, upper: upper, confidence: confidence,
                                  assumptions: ["exact binomial tails counting half the probability of the observed value",
                                                "independent trials (sampling with replacement or a large population)"])
    }
}
