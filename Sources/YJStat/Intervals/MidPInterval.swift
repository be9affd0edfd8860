extension ProportionInterval {
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
        var lower = 0.0, upper = 1.0
        if k > 0 {
            // g(p) = P(X > k) + ½P(X = k) rises from 0 to 1 as p goes from 0 to 1.
            lower = RootFinder.bisect(lower: 0, upper: 1) { p in
                let b = Binomial(trials: n, probability: p)
                return b.sf(k) + 0.5 * b.pmf(k) - halfAlpha
            } ?? .nan
        }
        if k < n {
            // h(p) = P(X < k) + ½P(X = k) falls from 1 to 0 as p goes from 0 to 1.
            upper = RootFinder.bisect(lower: 0, upper: 1) { p in
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
